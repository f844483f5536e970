/// A checked, compiled workflow: what the engine runs.
///
/// Immutable and `Sendable`, so one value can be shared by every ticket
/// task. `contentHash` identifies the version: running tickets keep the
/// hash they started with, and a reload that changes only comments or
/// layout keeps the same hash (source locations are left out of it).
public struct Workflow: Sendable, Hashable, Codable {
    public let title: String
    /// The first is the default.
    public let locales: [String]
    /// Lowest first; a rank's level is its index.
    public let ranks: [String]
    public let roles: [String]
    public let channels: [String]
    public let texts: [String: LocalizedText]
    public let forms: [String: Form]
    /// Open tickets one member may have across all categories.
    public let userLimit: Int?
    public let panels: [Panel]
    public let categories: [Category]
    public let offences: [Offence]
    /// Goals of handled tickets per staff member, lowest first.
    public let milestones: [Milestone]
    /// Discord messages named for reaction roles.
    public internal(set) var messages: [String] = []
    public internal(set) var reputation: ReputationRules?
    public internal(set) var autoroles: [AutoroleRule] = []
    public internal(set) var activities: [ActivityBoard] = []
    /// `blocklist by …`: who may block members from opening tickets; nil
    /// when the workflow keeps no blocklist (no /block is offered).
    public internal(set) var blockers: [Actor]? = nil
    /// `priority …` lines, most urgent first; empty when the workflow has
    /// none (no /priority is offered).
    public internal(set) var priorities: [Priority] = []
    /// `webhook …` lines: where each lifecycle event is posted.
    public internal(set) var webhooks: [Webhook] = []
    /// Rank or role → the name people know it by (`trainee "Trainee"`,
    /// `role programador "PROGRAMADOR NASH"`). Refusals say «Solo un
    /// Trainee…», not the workflow's internal name.
    public internal(set) var displayNames: [String: String] = [:]
    /// SHA-256 of the canonical encoding, in lowercase hex.
    public internal(set) var contentHash: String = ""

    public func category(named name: String) -> Category? { categories.first { $0.name == name } }

    public func level(of rank: String) -> Int? { ranks.firstIndex(of: rank) }

    /// How people call a rank or role: its label, else its name.
    public func displayName(of rankOrRole: String) -> String { displayNames[rankOrRole] ?? rankOrRole }

    /// A text in the workflow's first language, for messages that belong to
    /// no ticket (a panel, a TOP's title): `{server}` is the workflow's
    /// title, other placeholders stay as written.
    public func plainText(_ text: LocalizedText) -> String {
        guard let template = text.template(for: locales[0], default: locales[0]) else { return "" }
        return template.segments.map { segment in
            switch segment {
            case .literal(let literal): literal
            case .variable(let name): name == "server" ? title : "{\(name)}"
            }
        }.joined()
    }
}

/// Where something was written, so a runtime error can say which line
/// caused it. Left out of the content hash.
public struct SourceSpot: Sendable, Hashable, Codable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int

    public var description: String { "\(path):\(line):\(column)" }

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if encoder.userInfo[SourceSpot.omitKey] as? Bool == true {
            try container.encodeNil()
        } else {
            try container.encode(description)
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: ":")
        guard parts.count >= 3, let line = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad source spot \(text)"))
        }
        self.init(path: parts.dropLast(2).joined(separator: ":"), line: line, column: column)
    }

    static let omitKey = CodingUserInfoKey(rawValue: "escala.omitSourceSpots")!
}

/// A text in each of the workflow's languages, with placeholders.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// Locale → template.
    public let translations: [String: Template]

    public func template(for locale: String, default defaultLocale: String) -> Template? {
        translations[locale] ?? translations[defaultLocale] ?? translations.values.first
    }
}

public struct Form: Sendable, Hashable, Codable {
    public let name: String
    public let title: String
    public let questions: [Question]

    public init(name: String, title: String, questions: [Question]) {
        self.name = name
        self.title = title
        self.questions = questions
    }
}

public struct Question: Sendable, Hashable, Codable {
    public let name: String
    public let label: String
    public let isLong: Bool
    public let isOptional: Bool
    public let placeholder: String?
    /// The menu the member picks from, when the question has choices
    /// (nil for a written answer). The answer is the choice's name.
    public let choices: [Choice]?

    public struct Choice: Sendable, Hashable, Codable {
        public let name: String
        public let label: String

        public init(name: String, label: String) {
            self.name = name
            self.label = label
        }
    }

    public init(name: String, label: String, isLong: Bool, isOptional: Bool, placeholder: String?, choices: [Choice]? = nil) {
        self.name = name
        self.label = label
        self.isLong = isLong
        self.isOptional = isOptional
        self.placeholder = placeholder
        self.choices = choices
    }

    /// What the member answered, as they read it: a choice's label, or
    /// their own words.
    public func shown(_ answer: String) -> String {
        choices?.first { $0.name == answer }?.label ?? answer
    }
}

public struct Panel: Sendable, Hashable, Codable {
    public let name: String
    public let title: String
    public let channel: String
    public let message: LocalizedText?
    public let usesMenu: Bool
    public let categories: [String]
}

public struct Offence: Sendable, Hashable, Codable {
    public let name: String
    public let label: String
    public let sanction: String?
    public let appliedBy: [String]
    public let evidenceRequired: Bool
    public let warningRequired: Bool
    /// `blocks tickets for 7d`, in seconds: applied, it also blocks the
    /// member from opening tickets that long. Optional so that versions
    /// stored before it decode.
    public var blocksTicketsForSeconds: Int? = nil
}

/// Who may cause an event.
public enum Actor: Sendable, Hashable, Codable {
    case user
    case anyStaff
    case handler
    /// This rank, and its superiors unless `exact`.
    case rank(String, exact: Bool)
    case role(String)
    case sanctioner
}

extension Actor: CustomStringConvertible {
    /// How refusals and the audit trail name an actor: `moderator+` for a
    /// rank and its superiors, `moderator` for that rank only.
    public var description: String {
        switch self {
        case .user: "the ticket's author"
        case .anyStaff: "staff"
        case .handler: "the ticket's handler"
        case .sanctioner: "the sanctioner"
        case .role(let role): role
        case .rank(let rank, let exact): exact ? rank : "\(rank)+"
        }
    }
}

/// `milestone 70 tickets handled: notify ...`: reached by a staff member
/// when the ticket that closes in their hands is their `count`-th.
public struct Milestone: Sendable, Hashable, Codable {
    public let count: Int
    /// A `notify` step; `{handler}` in its text is the staff member.
    public let notice: CompiledTransition.Step
    public let location: SourceSpot
}

/// One level of `priority NAME "MARK"`.
public struct Priority: Sendable, Hashable, Codable {
    public let name: String
    /// What leads the channel's name (`🔴`); nil for a level without one.
    public let mark: String?
    public let location: SourceSpot
}
