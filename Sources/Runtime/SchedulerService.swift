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

    /// Fires what is due now; returns when to look again.
    private func pass() async -> Int64? {
        let now = runtime.clock.now()
        do { try await runtime.engine.fireDueTimers(now: now) } catch { logger.error("timers", metadata: ["error": "\(error)"]) }
        do { try await runtime.community.fireDue(now: now) } catch { logger.error("community scheduler", metadata: ["error": "\(error)"]) }
        do { try await runtime.community.flush() } catch { logger.error("activity counts not written", metadata: ["error": "\(error)"]) }
        let timer = try? await runtime.engine.nextTimerDue()
        let community = (try? await runtime.community.nextDue()) ?? nil
        let flush = runtime.community.unflushedEvents > 0 ? now + flushEvery : nil
        return [timer ?? nil, community, flush].compactMap { $0 }.min().map { max($0, now + 1) }
    }
}
