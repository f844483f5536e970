import Synchronization

/// A counter that says "something changed" to everyone listening, each
/// listener holding at most the latest count: a page that redraws from the
/// whole state needs to know only that it is stale, not every change.
public final class ChangeFeed: Sendable {
    private struct State {
        var count = 0
        var nextListener = 0
        var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// How many changes so far.
    public var count: Int { state.withLock { $0.count } }

    public func announce() {
        let (count, listeners) = state.withLock { state in
            state.count += 1
            return (state.count, Array(state.listeners.values))
        }
        for listener in listeners { listener.yield(count) }
    }

    /// The counts from now on, the latest only when the reader is behind;
    /// it ends when the listener's task is cancelled.
    public func listen() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id = state.withLock { state in
            state.nextListener += 1
            state.listeners[state.nextListener] = continuation
            return state.nextListener
        }
        continuation.onTermination = { [weak self] _ in _ = self?.state.withLock { $0.listeners.removeValue(forKey: id) } }
        return stream
    }
}
