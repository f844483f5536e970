import Engine
import Logging
import ServiceLifecycle
import Synchronization

/// Escala's platform-neutral runtime: the engine on its store, and the
/// loops that carry effects out and fire what falls due, as services for a
/// `ServiceGroup`. A face (Discord, the simulator, a web page) brings the
/// events and an executor for the effects; everything else is here.
public final class EscalaRuntime: Sendable {
    public let store: any TicketStorage
    public let engine: TicketEngine
    public let community: CommunityEngine
    public let clock: any EngineClock
    /// What falls due, the same step `escala simulate` takes.
    public var clockwork: Clockwork { Clockwork(engine: engine, community: community) }
    /// Clicks waiting for the channel of the ticket they opened.
    public let channels = ChannelWaiters()
    let outboxBell = Doorbell()
    let schedulerBell = Doorbell()
    let webhookBell = Doorbell()
    /// Who hears that tickets changed (the staff desk's live pages).
    private let ticketListeners = Listeners()

    private final class Listeners: Sendable {
        let bodies = Mutex<[@Sendable () -> Void]>([])
    }
    /// Told each time the webhook loop has nothing due: for tests.
    private let webhookWaiters = Mutex<[CheckedContinuation<Void, Never>]>([])
    private let passes = Mutex<[CheckedContinuation<Void, Never>]>([])

    public init(engine: TicketEngine, community: CommunityEngine, clock: any EngineClock) {
        self.store = engine.store
        self.engine = engine
        self.community = community
        self.clock = clock
        let outboxBell = outboxBell, schedulerBell = schedulerBell, webhookBell = webhookBell, ticketListeners = ticketListeners
        store.commits.listen { signal in
            if signal.contains(.effects) { outboxBell.ring() }
            if signal.contains(.timers) { schedulerBell.ring() }
            if signal.contains(.webhooks) { webhookBell.ring() }
            if signal.contains(.tickets) { for listener in ticketListeners.bodies.withLock({ $0 }) { listener() } }
        }
    }

    /// The loops, in the order a `ServiceGroup` should start them; the
    /// face's own service goes after them, so that it stops first.
    public func services(executor: any EffectExecutor, concurrency: Int = 8, flushEvery: Int64 = 1, logger: Logger) -> [any Service] {
        let channels = channels
        let drainer = OutboxDrainer(store: store, executor: executor) { effect, receipt in
            if case .ticket(.createChannel, let ticket, _) = effect.work, let channel = receipt.channelID {
                channels.recorded(ticket: ticket, channel: channel)
            }
        }
        return [
            OutboxService(runtime: self, drainer: drainer, concurrency: concurrency, logger: logger),
            SchedulerService(runtime: self, flushEvery: flushEvery, logger: logger),
        ]
    }

    /// `body` runs after each commit that opened or changed a ticket, on
    /// the committing thread: it must only hand the news on.
    public func listenForTicketChanges(_ body: @escaping @Sendable () -> Void) {
        ticketListeners.bodies.withLock { $0.append(body) }
    }

    /// Wakes the outbox, as a commit would.
    public func wakeOutbox() { outboxBell.ring() }

    /// Wakes the scheduler: the clock moved, or rules changed.
    public func wakeScheduler() { schedulerBell.ring() }

    /// Wakes the webhook loop: the clock moved past a retry.
    public func wakeWebhooks() { webhookBell.ring() }

    /// Returns once the webhook loop has looked again after this call and
    /// found nothing due: for tests.
    public func webhooksSettled() async {
        await withCheckedContinuation { continuation in
            webhookWaiters.withLock { $0.append(continuation) }
            webhookBell.ring()
        }
    }

    /// The waiters a pass that starts now answers: those who came later
    /// wait for the next pass, which their ring makes.
    func takeWebhookWaiters() -> [CheckedContinuation<Void, Never>] {
        webhookWaiters.withLock { waiters in defer { waiters = [] }; return waiters }
    }

    /// Waits until a drain pass ends with nothing left to send, or `limit`
    /// passes: for tests, benchmarks and a clean stop.
    public func drained(limit: Duration = .seconds(10)) async {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if await !hasPendingEffects() { return }
            let timeout = Task { [self] in
                try? await Task.sleep(until: deadline)
                releasePassWaiters()
            }
            await withCheckedContinuation { continuation in
                passes.withLock { $0.append(continuation) }
                outboxBell.ring()
            }
            timeout.cancel()
        }
    }

    private func hasPendingEffects() async -> Bool {
        ((try? await store.outboxCounts()["pending"]) ?? 0) > 0
    }

    func passFinished() { releasePassWaiters() }

    private func releasePassWaiters() {
        let waiters = passes.withLock { waiters -> [CheckedContinuation<Void, Never>] in
            defer { waiters = [] }
            return waiters
        }
        waiters.forEach { $0.resume() }
    }
}
