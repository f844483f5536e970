/// One parsed `.flow` file. The parser always produces one, however broken
/// the text: statements it could not read are simply absent, and the
/// diagnostics say why.
public struct WorkflowFile: Sendable {
    public let source: SourceFile
    public var title: StringLiteral?
    public var locales: [Name] = []
    public var rankLadders: [RankLadder] = []
    public var roles: [RoleDeclaration] = []
    public var channels: [ChannelDeclaration] = []
    public var texts: [TextDeclaration] = []
    public var forms: [FormDeclaration] = []
    public var userLimit: LimitSetting?
    public var defaults: TicketBody?
    /// Where each `defaults { … }` block was written.
    public var defaultsRanges: [SourceRange] = []
    /// The opening braces of blocks the file never closes: what follows
    /// them was read as part of them.
    public var unclosedBlocks: [SourceRange] = []
    /// What the parser skipped after a broken statement (to the end of its
    /// line, or past the `{ … }` block it opened): the names in it were
    /// never read, so warnings that they are unused would be a cascade.
    public var skippedRanges: [SourceRange] = []
    public var panels: [PanelDeclaration] = []
    public var tickets: [TicketDeclaration] = []
    public var offences: [OffenceDeclaration] = []
    public var milestones: [MilestoneDeclaration] = []
    public var messages: [MessageDeclaration] = []
    public var reputation: ReputationDeclaration?
    /// `blocklist by moderator`: who may keep members from opening tickets.
    public var blocklist: BlocklistDeclaration?
    /// `priority alta "🔴"`, highest first: what `/priority` offers.
    public var priorities: [PriorityDeclaration] = []
    /// `webhook "https://…" [on opened, closed]`: where lifecycle events go.
    public var webhooks: [WebhookDeclaration] = []
    public var autoroles: [AutoroleDeclaration] = []
    public var activities: [ActivityDeclaration] = []

    public init(source: SourceFile) { self.source = source }
}

/// `ranks cm < trainee < moderator`: lowest first.
public struct RankLadder: Sendable {
    public let ranks: [Name]
    /// Rank → how people call it (`trainee "Trainee"`), for refusals.
    public let labels: [String: StringLiteral]
    public let range: SourceRange
}

/// A side role outside the ladder, such as a programmer.
public struct RoleDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral?
}

/// A Discord channel or channel category the workflow talks about; its id
/// lives in the `.ids` file beside the workflow, not in the logic.
public struct ChannelDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral?
}

public struct TextDeclaration: Sendable {
    public let name: Name
    /// Locale name → text. A text written without a locale has the
    /// workflow's default locale (the first in `locales`).
    public let translations: [Translation]

    public struct Translation: Sendable {
        public let locale: Name?
        public let text: StringLiteral
    }
}

/// A Discord modal: a title and at most five inputs.
public struct FormDeclaration: Sendable {
    public let name: Name
    public let title: StringLiteral
    public let questions: [QuestionDeclaration]
    public let range: SourceRange
}

public struct QuestionDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral
    public let isLong: Bool
    public let isOptional: Bool
    public let placeholder: StringLiteral?
    /// `choice si "Sí", no "No"`: the member picks one from a menu instead
    /// of writing, so a yes or no is never read out of free text.
    public let choices: [Choice]
    public let range: SourceRange

    public struct Choice: Sendable {
        public let name: Name
        public let label: StringLiteral
    }

    public init(name: Name, label: StringLiteral, isLong: Bool, isOptional: Bool, placeholder: StringLiteral?,
                choices: [Choice] = [], range: SourceRange) {
        self.name = name
        self.label = label
        self.isLong = isLong
        self.isOptional = isOptional
        self.placeholder = placeholder
        self.choices = choices
        self.range = range
    }
}

/// `limit 2 per user`: open tickets one member may have.
public struct LimitSetting: Sendable {
    public let count: Int
    public let range: SourceRange
}

public struct PanelDeclaration: Sendable {
    public let name: Name
    public let title: StringLiteral
    public let channel: Name
    public var message: TextReference?
    public var usesMenu = false
    public var categories: [Name] = []
    public let range: SourceRange
}

/// A row of the sanctions table.
public struct OffenceDeclaration: Sendable {
    public let name: Name
    public let label: StringLiteral
    public var sanction: StringLiteral?
    public var appliedBy: [Name] = []
    public var evidenceRequired = false
    public var warningRequired = false
    /// `blocks tickets for 7d`: applying it also keeps the member from
    /// opening tickets that long.
    public var blocksTicketsFor: Duration?
    public let range: SourceRange
}

/// `milestone 70 tickets handled: notify CHANNEL TEXT [pinging RANK, ...]`:
/// a notice when a staff member's count of handled tickets reaches a goal.
public struct MilestoneDeclaration: Sendable {
    public let count: Int
    public let countRange: SourceRange
    /// Always a `notify`: a milestone happens when a ticket closes, so there
    /// is no ticket left to speak in.
    public let notice: Action
    public let range: SourceRange
}

/// `blocklist by RANK, … [only]`: the ranks or roles that may block a
/// member from opening tickets (`/block`) and lift it (`/unblock`).
public struct BlocklistDeclaration: Sendable {
    public let actors: [Name]
    /// `only`: exactly those ranks, not their superiors.
    public let exact: Bool
    public let range: SourceRange
}

/// `priority NAME ["MARK"]`: one level of urgency staff may give a ticket
/// with `/priority`. The mark (an emoji, most often) leads the channel's
/// name, so that the sidebar shows the urgent ones at a glance.
public struct PriorityDeclaration: Sendable {
    public let name: Name
    public let mark: StringLiteral?
    public let range: SourceRange
}

/// `webhook "URL" [on EVENT, …]`: a ticket's lifecycle events posted as
/// JSON to an address the admin runs (a log, a spreadsheet, a CRM).
public struct WebhookDeclaration: Sendable {
    public let url: StringLiteral
    /// Empty: every event.
    public let events: [Name]
    public let range: SourceRange
}
