import Foundation
import Synchronization

/// The wall clock, plus a lead that only grows: time passes as it does,
/// and `advance` jumps it forward, waking every sleep that is now due. The
/// playground's "+2 h" moves the engine (and only the engine) into the
/// future, so a reminder or an auto-close happens in a second.
public final class SteerableClock: EngineClock {
    private struct State {
        var lead: Duration = .zero
        var nextWaiter: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        /// Waiters cancelled before they were kept.
        var cancelled: Set<UInt64> = []
    }

    private let state = Mutex(State())

    public init() {}

    /// How far ahead of the wall clock the clock runs.
    public var lead: Duration { state.withLock { $0.lead } }

    public func now() -> Int64 { Int64(Date().timeIntervalSince1970) + lead.components.seconds }

    /// Moves the clock forward by `duration` (a negative one is ignored:
    /// time in the engine never goes back).
    public func advance(by duration: Duration) {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            if duration > .zero { state.lead += duration }
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        waiting.forEach { $0.resume() }
    }

    public func sleep(untilSecond second: Int64) async throws {
        while now() < second {
            try Task.checkCancellation()
            let wallSeconds = Double(second - now())
            // Whichever comes first: the wall clock reaching the second, or
            // a jump (after which the remaining time is computed again).
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await Task.sleep(for: .milliseconds(Int64(wallSeconds * 1000))) }
                group.addTask { await self.nextAdvance() }
                await group.next()
                group.cancelAll()
            }
        }
        try Task.checkCancellation()
    }

    private func nextAdvance() async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.cancelled.remove(id) != nil { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiting = state.withLock { state -> CheckedContinuation<Void, Never>? in
                guard let waiting = state.waiters.removeValue(forKey: id) else {
                    state.cancelled.insert(id)
                    return nil
                }
                return waiting
            }
            waiting?.resume()
        }
    }
}
