import Foundation

/// Tickets: numbers per server, states, channels, first responses,
/// statistics. A storage role: part of every `StorageTransaction`, so a
/// store implements it, and the contract suite tests it, beside the others.
public protocol TicketRecords {
    func nextNumber(guild: String) throws -> Int
    func openTicketCount(guild: String, owner: String, category: String?) throws -> Int
    /// The owner's open ticket of `category` opened at or after `since`.
    func recentOpenTicket(guild: String, owner: String, category: String, since: Int64) throws -> Int64?
    func insertTicket(guild: String, state: TicketState, now: Int64) throws -> Int64
    func updateTicket(id: Int64, state: TicketState, wasClosed: Bool, now: Int64) throws
    func ticket(id: Int64) throws -> StoredTicket?
    func ticket(channel: String) throws -> StoredTicket?
    /// Ticket `number` of `guild` (`/transcript N`).
    func ticket(guild: String, number: Int) throws -> StoredTicket?
    func tickets(openOnly: Bool) throws -> [StoredTicket]
    func closedTickets(guild: String, handler: String) throws -> Int
    func recordChannel(ticketID: Int64, channelID: String) throws
    func recordFirstResponse(ticketID: Int64, at: Int64, by staff: String) throws
    func ticketStatistics(guild: String, since: Int64) throws -> TicketStatistics
}


extension TicketRecords {
    public func openTicketCount(guild: String, owner: String) throws -> Int {
        try openTicketCount(guild: guild, owner: owner, category: nil)
    }
}
