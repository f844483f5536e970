import Synchronization

/// Work the gateway hands over, done off its reader: in order within a
/// lane (one ticket channel's messages, one session's catch-up), lanes side
/// by side. The reader only enqueues, so a click is read and answered
/// within Discord's 3 seconds while a channel waits for its record or
/// READY's catch-up reads a slow channel.
///
/// Structured: `run()` owns the lanes' tasks in a task group, and returns
/// once `finish()` was called and every lane that had work has done it.
final class GatewayLanes: Sendable {
    typealias Work = @Sendable () async -> Void

    private struct State {
        var queues: [String: [Work]] = [:]
        var finished = false
    }

    private let state = Mutex(State())
    /// A lane to start: its name, sent when its first work arrives.
    private let starts: AsyncStream<String>
    private let startsContinuation: AsyncStream<String>.Continuation

    init() {
        (starts, startsContinuation) = AsyncStream.makeStream(of: String.self)
    }

    /// Adds `work` at the end of `lane`. After `finish()` nothing new is
    /// taken (the gateway is closed; what it delivered is already queued).
    /// Returns whether the work was taken.
    @discardableResult
    func enqueue(_ lane: String, _ work: @escaping Work) -> Bool {
        state.withLock { state -> Bool in
            guard !state.finished else { return false }
            let idle = state.queues[lane] == nil
            state.queues[lane, default: []].append(work)
            // Under the lock, so that a lane never starts after `finish`.
            if idle { startsContinuation.yield(lane) }
            return true
        }
    }

    /// Returns once the work queued in `lane` so far is done (at once when
    /// the lane is idle or finished): what a test waits for instead of a
    /// sleep, to know an event was taken.
    func settled(_ lane: String) async {
        let (done, signal) = AsyncStream.makeStream(of: Void.self)
        guard enqueue(lane, { signal.finish() }) else { return }
        for await _ in done {}
    }

    /// Takes no more work; `run()` returns once what was taken is done.
    func finish() {
        state.withLock { $0.finished = true }
        startsContinuation.finish()
    }

    /// Runs the lanes until `finish()`, then until each has done its work.
    func run() async {
        await withDiscardingTaskGroup { group in
            for await lane in starts {
                group.addTask { await self.drain(lane) }
            }
        }
    }

    /// Does `lane`'s work in order; the lane is gone once it is empty, so
    /// the next work for it starts it again.
    private func drain(_ lane: String) async {
        // The running work stays first in its queue until done: a lane
        // with a queue is a lane being drained.
        while let work = state.withLock({ $0.queues[lane]?.first }) {
            await work()
            let more = state.withLock { state -> Bool in
                state.queues[lane]?.removeFirst()
                if state.queues[lane]?.isEmpty == true { state.queues[lane] = nil }
                return state.queues[lane] != nil
            }
            if !more { return }
        }
    }
}
