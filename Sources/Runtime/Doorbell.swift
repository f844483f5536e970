import Synchronization

/// Wakes one waiting loop: rings that come while nobody waits are kept as
/// one, so a loop never misses work and never spins.
///
/// The runtime's loops sleep on a doorbell instead of polling: the outbox
/// drain is rung by every commit that queues an effect, the scheduler by
/// every commit that sets a timer.
public final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Bool, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    public func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: true)
    }

    /// Forgets rings so far: a loop calls it just before it looks for work,
    /// since what those rings announced is committed and will be seen; a
    /// ring after this is kept for the next look.
    public func reset() {
        state.withLock { $0.rung = false }
    }

    /// Returns at once if it rang since the last wait, else when it rings
    /// or the task is cancelled; whether it rang. One waiter at a time.
    @discardableResult
    public func wait() async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let answer = state.withLock { state -> Bool? in
                    if state.rung {
                        state.rung = false
                        return true
                    }
                    // Cancelled, and nothing rang: back at once, saying so.
                    if Task.isCancelled { return false }
                    precondition(state.waiter == nil, "a doorbell has one waiter")
                    state.waiter = continuation
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: false)
        }
    }

    /// Waits for a ring, or until `second` on `clock`, whichever is first.
    /// The clock's sleep runs in a task of its own that rings the bell: a
    /// task group here would join URLSession's continuations in the
    /// concurrency runtime, which deadlocked on this platform (see
    /// `OutboxDrainer`).
    public func wait(untilSecond second: Int64?, on clock: any EngineClock) async {
        guard let second else {
            await wait()
            return
        }
        let alarm = Task { [self] in
            if (try? await clock.sleep(untilSecond: second)) != nil { ring() }
        }
        await wait()
        alarm.cancel()
    }
}
