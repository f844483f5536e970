import Foundation

/// The event log and the audit trail: appended to, never changed. A storage
/// role: part of every `StorageTransaction`, so a store implements it, and
/// the contract suite tests it, beside the others.
public protocol EventLog {
    func hasEvent(sourceID: String) throws -> Bool
    func ticketID(sourceID: String) throws -> Int64?
    /// `rules`: the written rules the step followed, kept with the event
    /// so that its "why" is read back, never recomputed.
    func appendEvent(ticketID: Int64?, sourceID: String?, at: Int64, actor: String?, kind: String,
                     payload: Data, stateBefore: String?, stateAfter: String?, rules: [FiredRule]) throws -> Int64
    func appendAudit(_ entry: AuditEntry, ticketID: Int64?, eventSeq: Int64?, at: Int64) throws
    func ticketAudit(guild: String, number: Int) throws -> [TicketAuditRecord]?
    /// What was decided outside any ticket (opens refused, blocks and
    /// unblocks), newest first; `actions` narrows it, when given.
    func auditOutsideTickets(actions: [String]?, limit: Int) throws -> [TicketAuditRecord]
    /// The ticket's events, oldest first, each with the rules it followed.
    func ticketHistory(ticketID: Int64) throws -> [TicketHistoryEntry]
    /// The messages people wrote in a ticket, oldest first, as the engine
    /// received them: the transcript when the channel itself is gone.
    func ticketMessages(ticketID: Int64) throws -> [(at: Int64, message: TicketEvent.Message)]
    /// The ticket's conversation, oldest first: what people wrote and what
    /// Escala said in the ticket (the messages it delivered), in the order
    /// of the events that led to them.
    func ticketConversation(ticketID: Int64) throws -> [ConversationLine]
    /// The Discord id of the last message the engine took in a ticket:
    /// where reading missed messages starts.
    func lastMessageID(ticketID: Int64) throws -> String?
}
