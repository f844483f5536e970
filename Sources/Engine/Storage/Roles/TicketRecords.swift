import Foundation

/// Tickets: numbers per server, states, channels, first responses,
/// statistics. A storage role: part of every `StorageTransaction`, so a
/// store implements it, and the contract suite tests it, beside the others.
public protocol TicketRecords {
    func nextNumber(guild: String) throws -> Int
    func openTicketCount(guild: String, owner: String, category: String?) throws -> Int
    /// The owner's open ticket of `category` opened at or after `since`.
    func recentOpenTicket(guild: String, owner: String, category: String, since: Int64) throws -> Int64?
    func insertTicket(guild: String, state: TicketState, desk: DeskColumns, now: Int64) throws -> Int64
    func updateTicket(id: Int64, state: TicketState, desk: DeskColumns, wasClosed: Bool, now: Int64) throws
    func ticket(id: Int64) throws -> StoredTicket?
    func ticket(channel: String) throws -> StoredTicket?
    /// Ticket `number` of `guild` (`/transcript N`).
    func ticket(guild: String, number: Int) throws -> StoredTicket?
    func tickets(openOnly: Bool) throws -> [StoredTicket]
    func closedTickets(guild: String, handler: String) throws -> Int
    func recordChannel(ticketID: Int64, channelID: String) throws
    func recordFirstResponse(ticketID: Int64, at: Int64, by staff: String) throws
    func ticketStatistics(guild: String, since: Int64) throws -> TicketStatistics
    /// The times of the tickets of `guild` opened since `since`, or closed
    /// since then: what the desk's statistics are computed from.
    func ticketTimes(guild: String, since: Int64) throws -> [TicketTimes]

    // MARK: The staff desk's queue

    /// The open tickets of `guild` one of `viewers` may see (a ticket of
    /// one of a viewer's versions whose audience holds one of their
    /// tokens) that `filter` admits: members waiting for an answer first,
    /// longest wait first, then by priority, then the oldest; from
    /// `offset`, at most `limit`; with `owner`, only that member's (a
    /// member's own, found by the owner's index instead of every row).
    func deskTickets(guild: String, viewers: [DeskViewer], owner: String?, filter: DeskFilter, offset: Int, limit: Int) throws -> [StoredTicket]
    /// The closed tickets of `guild` one of `viewers` may see, the most
    /// recently closed first, from `offset`, at most `limit`; with
    /// `owner`, only that member's (a member's own transcripts).
    func deskClosedTickets(guild: String, viewers: [DeskViewer], owner: String?, offset: Int, limit: Int) throws -> [StoredTicket]
    /// The same tickets, unfiltered, counted by category, state and handler.
    func deskFacets(guild: String, viewers: [DeskViewer]) throws -> [DeskFacet]
    /// Open tickets whose desk columns were never written (rows from
    /// before they existed), at most `limit`.
    func openTicketsWithoutDeskColumns(limit: Int) throws -> [StoredTicket]
    func recordDeskColumns(ticketID: Int64, _ columns: DeskColumns) throws
}


extension TicketRecords {
    public func openTicketCount(guild: String, owner: String) throws -> Int {
        try openTicketCount(guild: guild, owner: owner, category: nil)
    }
}
