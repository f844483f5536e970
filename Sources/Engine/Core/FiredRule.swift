import WorkflowDSL

/// A written rule that made a step do what it did, and where it is written:
/// what the playground's "why" panel, the event log and `escala simulate
/// --trace` show beside each change. The machine records them as it goes,
/// so the reason is the rule that acted, not one guessed afterwards.
public struct FiredRule: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The rule acted: a transition ran, a takeover or an automatic
        /// answer happened.
        case fired
        /// The rule stopped a person: a message removed, a click refused.
        case refused
    }

    public let location: SourceSpot
    /// The rule in the language's own words (`on button a_trainee by cm`,
    /// `user speaks first`), for the places that do not show its line.
    public let rule: String
    public let outcome: Outcome

    public init(location: SourceSpot, rule: String, outcome: Outcome = .fired) {
        self.location = location
        self.rule = rule
        self.outcome = outcome
    }

    public var description: String { "\(location.path):\(location.line) \(outcome == .refused ? "refused by " : "")\(rule)" }

    /// `roleplay.flow:107`: the file's name, not its path, so that a trace
    /// or a page reads the same from any folder.
    public var place: String {
        "\(location.path.split(separator: "/").last.map(String.init) ?? location.path):\(location.line)"
    }
}

extension Category.Reminder {
    var ruleText: String { "remind \(beforeSeconds.spokenDuration) before close" }
}

extension CompiledTransition {
    func firedRule(_ outcome: FiredRule.Outcome = .fired) -> FiredRule {
        FiredRule(location: location, rule: ruleText, outcome: outcome)
    }

    /// The transition's head as written: its event and who may cause it.
    var ruleText: String {
        let head: String = switch event {
        case .opened: "on opened"
        case .userMessage(let pattern?): "on user message matching \"\(pattern)\""
        case .userMessage(nil): "on user message"
        case .staffMessage: "on staff message"
        case .anyMessage: "on message"
        case .button(let name): "on button \(name)"
        case .command(let name): "on command \(name)"
        case .formSubmitted(let name): "on form \(name)"
        case .evidenceComplete: "on evidence complete"
        case .memberLeft: "on member left"
        case .channelDeleted: "on channel deleted"
        case .timer(let seconds, let since):
            switch since {
            case .inState: "after \(seconds.spokenDuration)"
            case .withoutReason: "after \(seconds.spokenDuration) without reason"
            case .userSilence: "after \(seconds.spokenDuration) of user silence"
            case .handlerInactivity: "after \(seconds.spokenDuration) of handler inactivity"
            }
        }
        return actors.isEmpty ? head : head + " by " + actors.map(\.ruleText).joined(separator: ", ")
    }
}

extension Actor {
    var ruleText: String {
        switch self {
        case .user: "user"
        case .anyStaff: "staff"
        case .handler: "handler"
        case .sanctioner: "sanctioner"
        case .role(let role): role
        case .rank(let rank, let exact): exact ? "\(rank) only" : rank
        }
    }
}
