import Engine
import Logging
import ServiceLifecycle
import Synchronization

/// How a delivery is posted: the HTTP client and the signature live in
/// the `Webhooks` module; what to do with each answer is decided here.
public protocol WebhookTransport: Sendable {
    func post(_ delivery: WebhookDelivery) async -> WebhookAnswer
}

/// What came back from one POST.
public enum WebhookAnswer: Sendable, Equatable {
    case delivered
    /// Worth trying again: a 5xx, a 429, a timeout, no connection.
    case failed(String)
    /// Never worth trying again as it is: any other 4xx.
    case refused(String)
}

/// The loop that posts webhook deliveries, apart from the Discord outbox:
/// woken by the commits that queue one, and by the clock when a retry
/// falls due; never polling. Deliveries are posted one after another, in
/// order; a receiver that hangs costs its timeout, then the next goes.
public struct WebhookService: Service {
    let runtime: EscalaRuntime
    let transport: any WebhookTransport
    let logger: Logger

    public init(runtime: EscalaRuntime, transport: any WebhookTransport, logger: Logger) {
        self.runtime = runtime
        self.transport = transport
        self.logger = logger
    }

    public func run() async throws {
        let stopping = Atomic(false)
        let bell = runtime.webhookBell, store = runtime.store, clock = runtime.clock
        await withGracefulShutdownHandler {
            while !stopping.load(ordering: .acquiring), !Task.isCancelled {
                bell.reset()
                let waiters = runtime.takeWebhookWaiters()
                do {
                    // Everything due now, fifty at a time, then sleep
                    // until the next retry or the next commit's ring.
                    while true {
                        let due = try await store.read { try $0.dueWebhooks(now: clock.now(), limit: 50) }
                        for delivery in due {
                            if stopping.load(ordering: .acquiring) { for waiter in waiters { waiter.resume() }; return }
                            try await settle(delivery, await transport.post(delivery))
                        }
                        if due.count < 50 { break }
                    }
                    let next = try await store.read { try $0.nextWebhookDue() }
                    for waiter in waiters { waiter.resume() }
                    await bell.wait(untilSecond: next, on: clock)
                } catch {
                    logger.error("webhooks", metadata: ["error": "\(error)"])
                    for waiter in waiters { waiter.resume() }
                    await bell.wait(untilSecond: clock.now() + 10, on: clock)
                }
            }
        } onGracefulShutdown: {
            stopping.store(true, ordering: .releasing)
            bell.ring()
        }
    }

    private func settle(_ delivery: WebhookDelivery, _ answer: WebhookAnswer) async throws {
        let now = runtime.clock.now()
        switch answer {
        case .delivered:
            try await runtime.store.write { try $0.webhookDelivered(id: delivery.id) }
        case .refused(let reason):
            logger.warning("a webhook was refused: set aside", metadata: ["delivery": "\(delivery.id)", "reason": "\(reason)"])
            try await runtime.store.write { try $0.webhookSetAside(id: delivery.id, reason: reason, now: now) }
        case .failed(let reason) where delivery.attempts + 1 >= WebhookRetry.tries:
            logger.warning("a webhook failed too often: set aside", metadata: ["delivery": "\(delivery.id)", "reason": "\(reason)"])
            try await runtime.store.write { try $0.webhookSetAside(id: delivery.id, reason: reason, now: now) }
        case .failed(let reason):
            let retryAt = now + WebhookRetry.wait(after: delivery.attempts + 1)
            try await runtime.store.write { try $0.webhookFailed(id: delivery.id, error: reason, retryAt: retryAt) }
        }
    }
}
