import Engine
import Logging
import ServiceLifecycle
import Synchronization

/// The one loop that carries effects out: it drains when a commit queues
/// an effect (its doorbell), and retries failed effects on a backoff of
/// its own, never waiting for some other ticket's event to wake it.
///
/// There is only ever one drainer: two would offer the same effect twice.
public struct OutboxService: Service {
    let runtime: EscalaRuntime
    let drainer: OutboxDrainer
    let concurrency: Int
    let logger: Logger

    /// Doubling waits after a pass with failures, in seconds.
    static let backoff: [Int64] = [1, 2, 4, 8, 16, 30, 60]

    public func run() async throws {
        let stopping = Atomic(false)
        await withGracefulShutdownHandler {
            var failingPasses = 0
            while true {
                let failed = await pass()
                if stopping.load(ordering: .acquiring) || Task.isCancelled { return }
                failingPasses = failed ? failingPasses + 1 : 0
                let retry = failed ? runtime.clock.now() + Self.backoff[min(failingPasses, Self.backoff.count) - 1] : nil
                await runtime.outboxBell.wait(untilSecond: retry, on: runtime.clock)
            }
        } onGracefulShutdown: {
            // The pass under way finishes its effect; the rest waits in the
            // outbox for the next start.
            stopping.store(true, ordering: .releasing)
            runtime.outboxBell.ring()
        }
    }

    /// One pass over the outbox; true when an effect failed.
    private func pass() async -> Bool {
        let clock = runtime.clock
        defer { runtime.passFinished() }
        do {
            return try await drainer.drain(concurrency: concurrency, now: { clock.now() }).failed > 0
        } catch {
            logger.error("outbox", metadata: ["error": "\(error)"])
            return true
        }
    }
}
