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
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    public func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Forgets rings so far: a loop calls it just before it looks for work,
    /// since what those rings announced is committed and will be seen; a
    /// ring after this is kept for the next look.
    public func reset() {
        state.withLock { $0.rung = false }
    }

    /// Returns at once if it rang since the last wait, else when it rings
    /// or the task is cancelled. One waiter at a time.
    public func wait() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.rung || Task.isCancelled {
                        state.rung = false
                        return true
                    }
                    precondition(state.waiter == nil, "a doorbell has one waiter")
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }

    /// Waits for a ring, or until `second` on `clock`, whichever is first.
    /// The clock's sleep runs in a task of its own that rings the bell: a
    /// task group here would join URLSession's continuations in the
    /// concurrency runtime, which deadlocked on this platform (see
    /// `OutboxDrainer`).
    public func wait(untilSecond second: Int64?, on clock: any EngineClock) async {
        guard let second else { return await wait() }
        let alarm = Task { [self] in
            if (try? await clock.sleep(untilSecond: second)) != nil { ring() }
        }
        await wait()
        alarm.cancel()
    }
}
