import Engine
import Logging
import ServiceLifecycle
import Synchronization

/// Fires what falls due (tickets' timers, temporary roles, activity windows
/// that end) and writes the activity counted in memory. It sleeps until the
/// next due time or until a commit sets a timer, whichever is first; after
/// a restart its first pass does what fell due while the bot was down.
public struct SchedulerService: Service {
    let runtime: EscalaRuntime
    /// How long activity counts may stay in memory before they are written.
    let flushEvery: Int64
    let logger: Logger

    public func run() async throws {
        let stopping = Atomic(false)
        await withGracefulShutdownHandler {
            while !stopping.load(ordering: .acquiring) && !Task.isCancelled {
                runtime.schedulerBell.reset()
                let next = await pass()
                await runtime.schedulerBell.wait(untilSecond: next, on: runtime.clock)
            }
        } onGracefulShutdown: {
            stopping.store(true, ordering: .releasing)
            runtime.schedulerBell.ring()
        }
        // What was counted in memory is kept across a clean stop.
        do { try await runtime.community.flush() } catch { logger.error("activity counts not written", metadata: ["error": "\(error)"]) }
    }

    /// Fires what is due now (the same `Clockwork.tick` that `escala
    /// simulate` calls); returns when to look again.
    private func pass() async -> Int64? {
        let now = runtime.clock.now()
        var next: Int64?
        do {
            let tick = try await runtime.clockwork.tick(now: now)
            for kept in tick.timers.setAside {
                logger.error("a timer could not fire and is set aside: `escala outbox` lists it, `--retry` fires it",
                             metadata: ["ticket": "\(kept.ticketNumber)", "timer": "\(kept.timer.timer.key)", "reason": "\(kept.reason)"])
            }
            next = tick.nextDue
        } catch {
            logger.error("what fell due could not all be done; trying again", metadata: ["error": "\(error)"])
            next = (try? await runtime.clockwork.nextDue()) ?? nil
        }
        let flush = runtime.community.unflushedEvents > 0 ? now + flushEvery : nil
        return [next, flush].compactMap { $0 }.min().map { max($0, now + 1) }
    }
}
