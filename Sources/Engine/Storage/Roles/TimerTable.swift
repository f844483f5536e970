import Foundation

/// Timers: set by steps, taken when they fall due, set aside when they
/// cannot fire. A storage role: part of every `StorageTransaction`, so a
/// store implements it, and the contract suite tests it, beside the others.
public protocol TimerTable {
    func schedule(_ timer: TicketTimer, ticketID: Int64) throws
    func dueTimers(upTo now: Int64, limit: Int) throws -> [DueTimer]
    func nextTimer() throws -> DueTimer?
    /// Deletes the timer if it is still the one that fell due: true when
    /// this transaction owns its firing.
    func takeTimer(_ timer: DueTimer) throws -> Bool
    func timerCount() throws -> Int
    /// One ticket's timers that can still fire, soonest first: what is due next.
    func timers(ticketID: Int64) throws -> [TicketTimer]
    /// Keeps a timer whose step cannot be taken (its workflow version is
    /// gone), out of the due ones, with the reason: never deleted in
    /// silence. False if it is no longer the one that fell due.
    func setAsideTimer(_ timer: DueTimer, reason: String, at now: Int64) throws -> Bool
    /// The timers set aside, oldest first.
    func setAsideTimers() throws -> [SetAsideTimer]
    /// Makes every set-aside timer due again (it fires at once if its time
    /// has passed); returns how many.
    func retrySetAsideTimers() throws -> Int
}
