/// What `/rep` may give and the levels it leads to.
public struct ReputationRules: Sendable, Hashable, Codable {
    public struct Limit: Sendable, Hashable, Codable {
        public let count: Int
        /// Counted per receiving member; otherwise across everyone the giver rewards.
        public let perMember: Bool
        public let periodSeconds: Int
    }

    public struct Level: Sendable, Hashable, Codable {
        public let name: String
        public let threshold: Int
    }

    public let limits: [Limit]
    /// Lowest threshold first.
    public let levels: [Level]

    /// The highest level `points` reach, if any.
    public func level(for points: Int) -> Level? {
        levels.last { points >= $0.threshold }
    }
}

/// A rule that grants a role without a person deciding it.
public struct AutoroleRule: Sendable, Hashable, Codable {
    public enum Trigger: Sendable, Hashable, Codable {
        case seniority(seconds: Int)
        case reputation(level: String)
        case reaction(emoji: String, message: String)
    }

    public let name: String
    public let role: String
    public let trigger: Trigger
    /// Seconds until the scheduler revokes the role; nil for a lasting role.
    public let durationSeconds: Int?
}

/// Counters of member activity over repeating windows, and the TOP posted
/// when each window ends.
public struct ActivityBoard: Sendable, Hashable, Codable {
    public enum Counter: String, Sendable, Hashable, Codable, CaseIterable {
        case messages, reactions, reputation
    }

    public enum Period: String, Sendable, Hashable, Codable {
        case day, week, month
    }

    public let name: String
    public let counters: [Counter]
    public let period: Period
    /// 0 is Monday for a week; the day of the month for a month.
    public let startDay: Int?
    public let startMinutes: Int
    public let timeZone: String
    public let topSize: Int
    public let channel: String
    public let title: LocalizedText?
    public let image: String?
}

extension Workflow {
    /// Roles the bot gives members (by an autorole or a ticket's `grant`):
    /// holding one makes nobody staff.
    public var memberRoles: Set<String> {
        var roles = Set(autoroles.map(\.role))
        for category in categories {
            for state in category.states {
                for transition in category.transitions(in: state) {
                    for step in transition.steps {
                        switch step {
                        case .grant(let role, _), .revoke(let role): roles.insert(role)
                        default: break
                        }
                    }
                }
            }
        }
        return roles
    }

    /// Side roles that make their holders staff.
    public var staffRoles: [String] {
        let members = memberRoles
        return roles.filter { !members.contains($0) }
    }
}
