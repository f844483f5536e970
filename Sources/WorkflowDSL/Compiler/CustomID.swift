/// The `custom_id` Escala puts on Discord components: the one place its
/// wire format is written and read.
///
/// It names the category and the button, not the ticket: the ticket is the
/// channel the click came from (and the ticket knows its workflow by the
/// version it was opened with). What opens a ticket (a panel's button or
/// menu, the opening form) names its workflow too (`workflowKey`): one
/// server runs every workflow of a folder, and a click must never reach a
/// category of the same name in another file. That keeps ids short (Discord allows 100
/// characters) and valid across restarts, since nothing in them is
/// generated at run time. Lint checks the length with these same functions,
/// so an id lint accepts is an id Discord accepts.
public enum CustomID: Sendable, Hashable {
    /// A button inside a ticket: `esc:b:<category>:<button>`.
    case button(category: String, button: String)
    /// A panel's button that opens a category: `esc:o:<workflow>:<category>`
    /// (`esc:o:<category>` from panels posted before workflows were named:
    /// `workflow` is nil).
    case open(workflow: String?, category: String)
    /// A panel's drop-down menu; its values are categories: `esc:menu:<workflow>`.
    case panelMenu(workflow: String?)
    /// The sanction form (a modal: offence, member, warning): `esc:sanction`.
    case sanctionForm
    /// The appealed-sanction form (a modal: a recorded sanction, or one
    /// given outside Escala and its applier): `esc:appeal`.
    case appealedSanctionForm
    /// A category's opening form (a modal): `esc:q:<workflow>:<category>`.
    case openingForm(workflow: String?, category: String)
    /// A workflow form, or the close-reason form: `esc:f:<form>`.
    case form(String)
    /// The opening form of a report («Report message»), naming the message
    /// it reports: `esc:r:<workflow>:<category>:<message>`.
    case reportForm(workflow: String, category: String, message: String)
    /// The categories offered after «Open a ticket for…» on a member (a
    /// menu whose values are `workflow:category`): `esc:for:<member>`.
    case openFor(member: String)

    public static let prefix = "esc"
    public static let limit = 100
    public static let keyLimit = 20

    /// How ids name a workflow file: its name without `.flow`, with every
    /// character but letters, digits, `_` and `-` made `_` (a `:` would
    /// split the id), and at most `keyLimit` characters, so that a long
    /// file name leaves room for the category's in Discord's 100.
    public static func workflowKey(path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".flow") { name.removeLast(".flow".count) }
        let kept = name.unicodeScalars.map { scalar -> Character in
            let ascii = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-")
            return ascii ? Character(scalar) : "_"
        }
        return kept.isEmpty ? "_" : String(kept.prefix(keyLimit))
    }

    /// The id as Discord carries it.
    public var wire: String {
        switch self {
        case .button(let category, let button): "\(Self.prefix):b:\(category):\(button)"
        case .open(let workflow?, let category): "\(Self.prefix):o:\(workflow):\(category)"
        case .open(nil, let category): "\(Self.prefix):o:\(category)"
        case .panelMenu(let workflow?): "\(Self.prefix):menu:\(workflow)"
        case .panelMenu(nil): "\(Self.prefix):menu"
        case .sanctionForm: "\(Self.prefix):sanction"
        case .appealedSanctionForm: "\(Self.prefix):appeal"
        case .openingForm(let workflow?, let category): "\(Self.prefix):q:\(workflow):\(category)"
        case .openingForm(nil, let category): "\(Self.prefix):q:\(category)"
        case .form(let name): "\(Self.prefix):f:\(name)"
        case .reportForm(let workflow, let category, let message): "\(Self.prefix):r:\(workflow):\(category):\(message)"
        case .openFor(let member): "\(Self.prefix):for:\(member)"
        }
    }

    /// Parses an id back; nil for ids Escala did not make.
    public init?(wire id: String) {
        let parts = id.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == Self.prefix else { return nil }
        switch (parts[1], parts.count) {
        case ("b", 4) where !parts[2].isEmpty && !parts[3].isEmpty && !parts[3].contains(":"):
            self = .button(category: parts[2], button: parts[3])
        case ("o", 3) where !parts[2].isEmpty: self = .open(workflow: nil, category: parts[2])
        case ("o", 4) where !parts[2].isEmpty && !parts[3].isEmpty && !parts[3].contains(":"):
            self = .open(workflow: parts[2], category: parts[3])
        case ("q", 3) where !parts[2].isEmpty: self = .openingForm(workflow: nil, category: parts[2])
        case ("q", 4) where !parts[2].isEmpty && !parts[3].isEmpty && !parts[3].contains(":"):
            self = .openingForm(workflow: parts[2], category: parts[3])
        case ("f", 3) where !parts[2].isEmpty: self = .form(parts[2])
        case ("r", 4) where !parts[2].isEmpty:
            let rest = parts[3].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard rest.count == 2, !rest[0].isEmpty, !rest[1].isEmpty else { return nil }
            self = .reportForm(workflow: parts[2], category: rest[0], message: rest[1])
        case ("for", 3) where !parts[2].isEmpty && parts[2].allSatisfy(\.isNumber): self = .openFor(member: parts[2])
        case ("menu", 2): self = .panelMenu(workflow: nil)
        case ("menu", 3) where !parts[2].isEmpty: self = .panelMenu(workflow: parts[2])
        case ("sanction", 2): self = .sanctionForm
        case ("appeal", 2): self = .appealedSanctionForm
        default: return nil
        }
    }
}
