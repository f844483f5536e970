/// Every name a workflow declares, by kind, with where it was declared.
///
/// Built once per file; duplicate declarations are reported while it is
/// built, so every later stage can trust that a name means one thing.
public struct SymbolTable: Sendable {
    public enum Kind: String, Sendable {
        case rank, role, channel, text, form, ticket, panel, offence, locale, message, level, autorole, activity

        var article: String {
            switch self {
            case .rank: "a rank"
            case .role: "a role"
            case .channel: "a channel"
            case .text: "a text"
            case .form: "a form"
            case .ticket: "a ticket category"
            case .panel: "a panel"
            case .offence: "an offence"
            case .locale: "a language"
            case .message: "a message"
            case .level: "a reputation level"
            case .autorole: "an autorole"
            case .activity: "an activity board"
            }
        }
    }

    /// Rank name → level (0 is the lowest).
    public private(set) var rankLevels: [String: Int] = [:]
    public private(set) var ranks: [Name] = []
    public private(set) var declarations: [String: (kind: Kind, name: Name)] = [:]
    /// The workflow's languages; the first is the default.
    public private(set) var locales: [String] = []

    /// Words with a fixed meaning where a person is expected.
    public static let builtInActors: Set<String> = ["user", "staff", "handler", "sanctioner"]

    private let source: SourceFile

    public init(file: WorkflowFile, diagnostics: inout DiagnosticBag) {
        source = file.source
        for ladder in file.rankLadders {
            for rank in ladder.ranks {
                if declare(rank, as: .rank, &diagnostics) {
                    rankLevels[rank.text] = ranks.count
                    ranks.append(rank)
                }
            }
        }
        if file.rankLadders.count > 1 {
            diagnostics.report(.duplicateName, "the staff ladder is written twice", at: file.rankLadders[1].range,
                               help: "write every rank in one `ranks` line, lowest first")
        }
        for role in file.roles { declare(role.name, as: .role, &diagnostics) }
        for channel in file.channels { declare(channel.name, as: .channel, &diagnostics) }
        for text in file.texts { declare(text.name, as: .text, &diagnostics) }
        for form in file.forms { declare(form.name, as: .form, &diagnostics) }
        for ticket in file.tickets { declare(ticket.name, as: .ticket, &diagnostics) }
        for panel in file.panels { declare(panel.name, as: .panel, &diagnostics) }
        for offence in file.offences { declare(offence.name, as: .offence, &diagnostics) }
        for message in file.messages { declare(message.name, as: .message, &diagnostics) }
        for level in file.reputation?.levels ?? [] { declare(level.name, as: .level, &diagnostics) }
        for autorole in file.autoroles { declare(autorole.name, as: .autorole, &diagnostics) }
        for activity in file.activities { declare(activity.name, as: .activity, &diagnostics) }
        var seenLocales: Set<String> = []
        for locale in file.locales {
            if !seenLocales.insert(locale.text).inserted {
                diagnostics.report(.duplicateName, "the language `\(locale.text)` is listed twice", at: locale.range)
            }
            locales.append(locale.text)
        }
        if locales.isEmpty { locales = [SymbolTable.defaultLocale] }
    }

    /// The language of a workflow that declares none.
    public static let defaultLocale = "en"

    @discardableResult
    private mutating func declare(_ name: Name, as kind: Kind, _ diagnostics: inout DiagnosticBag) -> Bool {
        let source = self.source
        if SymbolTable.builtInActors.contains(name.text), kind == .rank || kind == .role {
            diagnostics.report(.duplicateName, "`\(name.text)` is a built-in word and cannot name \(kind.article)",
                               at: name.range, help: "choose another name, such as `\(name.text)_rank`")
            return false
        }
        if let existing = declarations[name.text] {
            let line = source.location(of: existing.name.range.start).line
            diagnostics.report(.duplicateName,
                               "`\(name.text)` is already declared as \(existing.kind.article)",
                               at: name.range, help: "rename one of them; the other one is on line \(line)",
                               related: [.init(existing.name.range, "first declared here")])
            return false
        }
        declarations[name.text] = (kind, name)
        return true
    }

    public func kind(of name: String) -> Kind? { declarations[name]?.kind }

    public func names(of kind: Kind) -> [String] {
        declarations.filter { $0.value.kind == kind }.map(\.key).sorted()
    }
}
