import Synchronization

/// Requests a test keeps unanswered until it says so: Discord being slow
/// on one route (a channel's history read at READY, say) for exactly as
/// long as the test needs, without a timer. `LocalDiscord.stop` releases
/// every hold, so no request outlives the server.
public final class RequestHold: Sendable {
    let method: String
    let pathSuffix: String
    private let state = Mutex<(released: Bool, held: Int, waiters: [CheckedContinuation<Void, Never>])>((false, 0, []))

    init(method: String, pathSuffix: String) {
        self.method = method
        self.pathSuffix = pathSuffix
    }

    func matches(method: String, path: String) -> Bool {
        self.method == method && path.hasSuffix(pathSuffix)
    }

    /// How many requests it has held so far (answered or not).
    public var held: Int { state.withLock { $0.held } }

    /// Answers every request held, and lets later ones through.
    public func release() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.released = true
            defer { state.waiters = [] }
            return state.waiters
        }
        waiters.forEach { $0.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let passes = state.withLock { state -> Bool in
                state.held += 1
                if state.released { return true }
                state.waiters.append(continuation)
                return false
            }
            if passes { continuation.resume() }
        }
    }
}
