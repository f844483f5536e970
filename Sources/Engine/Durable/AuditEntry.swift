/// One line of a ticket's history as staff read it: who did what, and the
/// detail that explains why. People are named by their ids, never in a
/// platform's markup: each face (the CLI, Discord, a web page) names them
/// its own way. Derived from each event and what it changed,
/// in the same transaction, so the trail can never disagree with the log.
public struct AuditEntry: Sendable, Hashable {
    public let actor: String?
    public let action: String
    public let detail: String

    public init(actor: String?, action: String, detail: String) {
        self.actor = actor
        self.action = action
        self.detail = detail
    }

    /// A form filled in on the ticket, with its answers: the reasons staff
    /// give for a decision, or what a member changed.
    static func answered(form: String, by person: String, answers: [String: String]) -> AuditEntry {
        AuditEntry(actor: person, action: "answered \(form)",
                   detail: answers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; "))
    }

    /// What an event did to a ticket, in the order it happened.
    static func entries(actor: String?, before: TicketState?, after: TicketState, effects: [Effect]) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        func add(_ action: String, _ detail: String) { entries.append(AuditEntry(actor: actor, action: action, detail: detail)) }
        if before == nil {
            add("opened", "\(after.category) #\(after.number) in state \(after.state)" + (after.openedBy == nil ? "" : " for \(after.owner)"))
        }
        for effect in effects {
            switch effect {
            case .refuse(_, let reason): add("refused", reason.plain)
            case .deleteMessage(let id): add("deleted message", id)
            case .recordSanction(let entry):
                add("sanction", "\(entry.offence) to \(entry.member) applied by \(entry.appliedBy)"
                    + (entry.outsideEscala ? ", outside Escala, recorded by \(entry.recordedBy)" : ""))
            case .setVisibility(let ranks, let people):
                add("escalated", (ranks.map(\.description) + people).joined(separator: ", "))
            default: break
            }
        }
        guard let before else { return entries }
        if before.handler != after.handler {
            if let handler = after.handler {
                add("claimed", before.handler.map { "taken over from \($0) by \(handler)" } ?? "by \(handler)")
            } else if let previous = before.handler {
                add("released", "\(previous) let go")
            }
        }
        if before.appealedSanction != after.appealedSanction, let id = after.appealedSanction {
            add("appeal of", "sanction \(id): \(after.sanction ?? "—") applied by \(after.sanctioner ?? "—")")
        }
        if after.isClosed && !before.isClosed {
            add("closed", after.closeReason ?? "—")
        } else if before.state != after.state {
            add("state", "\(before.state) → \(after.state)")
        }
        return entries
    }
}
