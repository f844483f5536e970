/// A timer row: which ticket, and the timer to hand back to its machine.
public struct DueTimer: Sendable, Hashable {
    public let ticketID: Int64
    public let timer: TicketTimer

    public init(ticketID: Int64, timer: TicketTimer) {
        self.ticketID = ticketID
        self.timer = timer
    }
}

/// A timer that fell due and could not fire, kept with why (the timer-side
/// twin of `SetAsideEffect`): `escala outbox` lists it, `--retry` makes it
/// due again.
public struct SetAsideTimer: Sendable, Hashable {
    public let timer: DueTimer
    public let guild: String
    public let ticketNumber: Int
    public let reason: String
    public let at: Int64

    public init(timer: DueTimer, guild: String, ticketNumber: Int, reason: String, at: Int64) {
        self.timer = timer
        self.guild = guild
        self.ticketNumber = ticketNumber
        self.reason = reason
        self.at = at
    }
}
