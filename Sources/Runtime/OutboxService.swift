import Engine
import Logging
import ServiceLifecycle
import Synchronization

/// The one loop that carries effects out: it drains when a commit queues
/// an effect (its doorbell), and retries a failed effect on its lane's own
/// backoff (1 s, 2 s, 4 s… up to a minute), never waiting for some other
/// ticket's event to wake it, nor retrying early because one came.
///
/// There is only ever one drainer: two would offer the same effect twice.
public struct OutboxService: Service {
    let runtime: EscalaRuntime
    let drainer: OutboxDrainer
    let concurrency: Int
    let logger: Logger

    /// Doubling waits after a lane's failures, in seconds.
    static let backoff: [Int64] = [1, 2, 4, 8, 16, 30, 60]

    /// A lane whose last effect failed: not offered again before `until`.
    struct Held {
        var until: Int64
        var failures: Int
    }

    public func run() async throws {
        let stopping = Atomic(false)
        await withGracefulShutdownHandler {
            var held: [String: Held] = [:]
            while true {
                runtime.outboxBell.reset()
                let now = runtime.clock.now()
                let waiting = Set(held.filter { $0.value.until > now }.keys)
                let failed = await pass(skipping: waiting)
                if stopping.load(ordering: .acquiring) || Task.isCancelled { return }
                // A lane offered again and not failing is well again.
                held = held.filter { waiting.contains($0.key) || failed.contains($0.key) }
                for lane in failed {
                    let failures = (held[lane]?.failures ?? 0) + 1
                    held[lane] = Held(until: now + Self.backoff[min(failures, Self.backoff.count) - 1], failures: failures)
                }
                await runtime.outboxBell.wait(untilSecond: held.values.map(\.until).min(), on: runtime.clock)
            }
        } onGracefulShutdown: {
            // The pass under way finishes its effect; the rest waits in the
            // outbox for the next start.
            stopping.store(true, ordering: .releasing)
            runtime.outboxBell.ring()
        }
    }

    /// One pass over the outbox; the lanes that failed.
    private func pass(skipping: Set<String>) async -> Set<String> {
        let clock = runtime.clock, bell = runtime.outboxBell
        // The pass listens to the doorbell while effects are out, so that
        // a new ticket's effects start at once; a ring it took after its
        // last look is rung again for the loop, so none is lost.
        let rang = Atomic(false)
        defer {
            if rang.load(ordering: .acquiring) { bell.ring() }
            runtime.passFinished()
        }
        do {
            return try await drainer.drain(concurrency: concurrency, skipping: skipping, now: { clock.now() },
                                           newEffects: {
                                               if await bell.wait() { rang.store(true, ordering: .releasing) }
                                           }).failedLanes
        } catch {
            logger.error("outbox", metadata: ["error": "\(error)"])
            // No lane to blame: a placeholder one, so the pass is tried
            // again on the backoff.
            return ["(store)"]
        }
    }
}
