/// One line of a ticket's history, as `escala audit --ticket` prints it.
public struct TicketAuditRecord: Sendable, Hashable {
    public let at: Int64
    public let actor: String?
    public let action: String
    public let detail: String
}
