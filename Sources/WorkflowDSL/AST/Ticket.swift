/// `ticket reportes "Reportes" { ... }`.
public struct TicketDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral
    public var body: TicketBody
    public let range: SourceRange
}

/// What a ticket block holds. `defaults { ... }` has the same body: every
/// ticket starts from the defaults and overrides what it states itself.
public struct TicketBody: Sendable {
    public var emoji: StringLiteral?
    public var description: StringLiteral?
    public var receivers: [Name] = []
    public var escalation: [Name] = []
    public var escalationRange: SourceRange?
    public var mode: Name?
    public var place: Name?
    /// Further Discord categories, in order, once `place` holds its 50.
    public var overflows: [Name] = []
    public var limit: LimitSetting?
    public var questions: [QuestionDeclaration] = []
    public var evidence: [EvidenceRequirement] = []
    public var greeting: TextReference?
    public var farewell: TextReference?
    /// `farewell TEXT wait 10m`: the farewell is a question asked before
    /// closing, and the ticket waits this long for the member's answer.
    public var farewellWait: Duration?
    public var mandatory: [MandatoryStep] = []
    public var claim: Name?
    public var override: OverrideSetting?
    public var takeover: TakeoverSetting?
    public var userSpeaksFirst: SourceRange?
    public var reminder: ReminderSetting?
    public var closeReasonRequired: SourceRange?
    public var rating: TextReference?
    public var hours: SupportHours?
    public var outsideHours: TextReference?
    public var transcriptChannel: Name?
    /// `transcript to user`: the member gets the transcript by direct
    /// message when the ticket closes.
    public var transcriptToUser: SourceRange?
    /// `report messages`: the category a member's «Report message» menu
    /// opens, with the message captured as evidence.
    public var reportMessages: SourceRange?
    public var autoReplies: [AutoReply] = []
    /// `reply NAME "Label" TEXT`: what `/reply` offers.
    public var replies: [CannedReply] = []
    /// `allow add, remove by handler, admin`, in the order written.
    public var permissions: [ToolPermission] = []
    public var buttons: [ButtonDeclaration] = []
    public var flags: [FlagDeclaration] = []
    /// Transitions written outside any state: they apply in every state
    /// that is not final, after the state's own transitions.
    public var transitions: [Transition] = []
    public var states: [StateDeclaration] = []

    public init() {}
}

public struct EvidenceRequirement: Sendable {
    public enum Kind: String, Sendable { case text, attachment, link, list }
    public let kind: Kind
    public let name: Name
    public let label: StringLiteral
    public let pattern: StringLiteral?
    /// `from cm`: staff of that rank (or above), or of a role, give this
    /// item, not the member: the proofs a CM asks an Administrator for.
    public let from: Name?
    public let range: SourceRange
}

/// `override by admin` (that rank and those above it) or `override by
/// higher rank` (any rank above the handler's): who may write in a ticket
/// someone else owns. Writing is all it gives: owning a ticket stays the
/// claim's and the takeover's.
public struct OverrideSetting: Sendable {
    public let ranks: [Name]
    public let aboveHandler: Bool
    public let range: SourceRange
}

/// `allow add, remove by handler, admin`: who may use the staff tools
/// named (`/add`, `/remove`, `/transfer` on Discord), in place of who may
/// by default: the handler, and the `override by` ranks.
public struct ToolPermission: Sendable {
    public let tools: [Name]
    public let actors: [Name]
    /// `by cm only`: exactly that rank, not its superiors.
    public let exact: Bool
    public let range: SourceRange
}

/// `takeover after 2h by same rank`: when the handler is inactive that long,
/// a peer (`same`) or only a superior (`higher`) may take the ticket over.
public struct TakeoverSetting: Sendable {
    public let after: Duration
    public let allowsPeers: Bool
    public let range: SourceRange
}

/// `must escalate to trainee before close`: a step staff cannot skip. Until
/// the requirement is met, a staff member's close (or escalation, for
/// `before escalate to RANK`) is refused and told what is missing.
public struct MandatoryStep: Sendable {
    public enum Requirement: Sendable {
        /// Escalated to this rank (or above it), role or the sanctioner.
        case escalation(Name)
        case evidenceComplete
        case sanctionChosen
    }
    public enum Gate: Sendable {
        case close
        case escalation(Name)
    }
    public let requirement: Requirement
    public let gate: Gate
    public let range: SourceRange
}

/// `remind 1h before close "..."`: a warning before a timed close.
public struct ReminderSetting: Sendable {
    public let before: Duration
    public let text: TextReference
    public let range: SourceRange
}

/// `hours mon-fri 09:00-18:00, sat 10:00-14:00 in "Europe/Madrid"`.
public struct SupportHours: Sendable {
    public struct Window: Sendable {
        public let firstDay: Int
        public let lastDay: Int
        public let opensAt: Int
        public let closesAt: Int
        public let range: SourceRange
    }
    public let windows: [Window]
    public let timeZone: StringLiteral
    public let range: SourceRange
}

/// `auto reply matching "precio|price" precios`: an answer the bot gives
/// by itself when a user's message matches.
public struct AutoReply: Sendable {
    public let pattern: StringLiteral
    public let text: TextReference
    public let range: SourceRange
}

/// `reply reglas "Normas del servidor" normas`: a text staff send with
/// `/reply`, picked by its label from Discord's suggestions.
public struct CannedReply: Sendable {
    public let name: Name
    public let label: StringLiteral
    public let text: TextReference
    public let range: SourceRange
}

public struct ButtonDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral
    public let style: Name?
    public let range: SourceRange
}

/// A yes/no fact about a ticket that actions set and conditions read,
/// such as "the reported person is staff".
public struct FlagDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral?
}

public struct StateDeclaration: Sendable {
    public let name: Name
    public let isInitial: Bool
    public let isFinal: Bool
    public var transitions: [Transition]
    public let range: SourceRange
}
