/// The tools staff use on a ticket from Discord's command box, each of
/// which a workflow may give to whom it chooses (`allow add by cm`).
public enum StaffTool: String, Sendable, Hashable, Codable, CaseIterable {
    /// `/add @person`: a guest who reads and writes in the ticket.
    case add
    /// `/remove @person`: a guest shown out again.
    case remove
    /// `/transfer @staff`: the ticket handed to a colleague.
    case transfer
    /// `/reply NAME`: one of the workflow's canned replies sent.
    case reply
    /// `/move CATEGORY`: the ticket to another category of the workflow.
    case move
    /// «Open a ticket for…» in a member's menu: staff open this category
    /// with the member as its owner. Without a rule, the ranks it goes to.
    case open
    /// `/priority LEVEL`: one of the workflow's `priority` levels, shown
    /// first in the channel's name.
    case priority
    /// `/topic`: what the ticket is about, written in a form, kept as the
    /// channel's topic.
    case topic
    /// `/close_inactive CATEGORY TIME`: staff close, at once, the
    /// category's tickets where nobody has done anything for that long.
    /// Without a rule, the category's `override by` rank and those above.
    case closeInactive = "close_inactive"

    /// The tools used inside a ticket, each a slash command there; `open`
    /// is used on a member, before any ticket exists, and `close_inactive`
    /// on a whole category.
    public var isUsedInTickets: Bool { self != .open && self != .closeInactive }

    /// The tools a server's tickets offer as slash commands: `/priority`
    /// only where a workflow declares priorities to choose from.
    public static func offered(by workflows: [Workflow]) -> [StaffTool] {
        allCases.filter { $0.isUsedInTickets && ($0 != .priority || workflows.contains { !$0.priorities.isEmpty }) }
    }

    /// Spanish and French words an admin may write for a tool, folded
    /// (lowercase, no accents): the did-you-mean of a tool not found.
    static let translations: [String: StaffTool] = [
        "anadir": .add, "agregar": .add, "invitar": .add, "ajouter": .add, "inviter": .add,
        "quitar": .remove, "sacar": .remove, "retirer": .remove, "enlever": .remove,
        "transferir": .transfer, "traspasar": .transfer, "transferer": .transfer,
        "mover": .move, "trasladar": .move, "deplacer": .move,
        "responder": .reply, "respuesta": .reply, "repondre": .reply, "reponse": .reply,
        "prioridad": .priority, "urgencia": .priority, "priorite": .priority,
        "tema": .topic, "asunto": .topic, "sujet": .topic, "theme": .topic,
        "cerrar_inactivos": .closeInactive, "cierre_masivo": .closeInactive, "fermer_inactifs": .closeInactive,
        "abrir": .open, "ouvrir": .open, "crear": .open, "creer": .open,
    ]

    /// The tool an admin meant by `word`: its English name if they wrote it
    /// in Spanish or French, else the closest spelling.
    static func guess(_ word: String) -> StaffTool? {
        if let tool = translations[KeywordTranslations.folded(word)] { return tool }
        return Suggestions.closest(to: word, among: allCases.map(\.rawValue)).flatMap(StaffTool.init(rawValue:))
    }
}

/// One tool of a category and who may use it, as `allow` wrote it.
public struct ToolRule: Sendable, Hashable, Codable {
    public let tool: StaffTool
    public let actors: [Actor]
    /// Where the `allow` line is, for the event log and the playground.
    public let location: SourceSpot
}
