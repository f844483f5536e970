import Synchronization

/// Work a face started for a person (an interaction being answered) that
/// shutdown waits for, within a bound: what was acknowledged is finished,
/// not cut off mid-way.
public final class WorkInFlight: Sendable {
    private struct State {
        var running = 0
        var idle: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    public init() {}

    public var count: Int { state.withLock { $0.running } }

    /// Runs `body`, counted while it runs.
    public func run(_ body: () async -> Void) async {
        state.withLock { $0.running += 1 }
        await body()
        let idle = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.running -= 1
            guard state.running == 0 else { return [] }
            defer { state.idle = [] }
            return state.idle
        }
        idle.forEach { $0.resume() }
    }

    /// Returns when nothing is running, or after `limit`. True when settled.
    @discardableResult
    public func settled(limit: Duration) async -> Bool {
        let timeout = Task { [self] in
            try? await Task.sleep(for: limit)
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                defer { state.idle = [] }
                return state.idle
            }
            waiters.forEach { $0.resume() }
        }
        defer { timeout.cancel() }
        await withCheckedContinuation { continuation in
            let now = state.withLock { state -> Bool in
                if state.running == 0 { return true }
                state.idle.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        return count == 0
    }
}
