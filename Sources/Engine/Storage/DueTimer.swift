/// A timer row: which ticket, and the timer to hand back to its machine.
public struct DueTimer: Sendable, Hashable {
    public let ticketID: Int64
    public let timer: TicketTimer

    public init(ticketID: Int64, timer: TicketTimer) {
        self.ticketID = ticketID
        self.timer = timer
    }
}
