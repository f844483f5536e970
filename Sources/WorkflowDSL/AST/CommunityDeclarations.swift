/// `message NAME "description"`: a Discord message the workflow refers to,
/// such as the one members react to for a role. Its id lives in the `.ids`
/// file like a channel's.
public struct MessageDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral?
}

/// `reputation { limit …; level … }`: what `/rep @member` may give, and the
/// thresholds that name a member's level.
public struct ReputationDeclaration: Sendable {
    /// `limit N per member per 1d` (to the same member) or `limit N per 1d`
    /// (to anyone).
    public struct Limit: Sendable {
        public let count: Int
        public let perMember: Bool
        public let period: Duration
        public let range: SourceRange
    }

    public struct Level: Sendable {
        public let name: Name
        public let threshold: Int
        public let range: SourceRange
    }

    public var limits: [Limit] = []
    public var levels: [Level] = []
    public let range: SourceRange
}

/// `autorole NAME: grant ROLE <trigger> [for DURATION]`.
public struct AutoroleDeclaration: Sendable {
    public enum Trigger: Sendable {
        /// `after 30d in server`
        case seniority(Duration)
        /// `at reputation LEVEL`
        case reputation(Name)
        /// `on reaction "🎉" to MESSAGE`: revoked when the reaction goes.
        case reaction(emoji: StringLiteral, message: Name)
    }

    public let name: Name
    public let role: Name
    public let trigger: Trigger
    /// A temporary role: revoked by the scheduler this long after the grant.
    public let duration: Duration?
    public let range: SourceRange
}

/// `activity NAME { count …; every …; top N in CHANNEL; title …; image … }`.
public struct ActivityDeclaration: Sendable {
    public enum Counter: String, Sendable, CaseIterable {
        case messages, reactions, reputation
    }

    public enum Period: String, Sendable, CaseIterable {
        case day, week, month
    }

    public let name: Name
    public var counters: [Counter] = []
    public var countersRange: SourceRange?
    public var period: Period?
    /// `mon` … `sun` for a week (0 is Monday); the day of the month for a month.
    public var startDay: Int?
    /// Minutes after midnight.
    public var startMinutes = 0
    public var timeZone: StringLiteral?
    public var topSize = 10
    public var channel: Name?
    public var title: TextReference?
    public var image: StringLiteral?
    public let range: SourceRange
}
