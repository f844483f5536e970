import WorkflowDSL

/// The deliveries owed to webhooks: apart from the Discord outbox, so that
/// a receiver that hangs or refuses never holds a ticket's own effects
/// back. A storage role: part of every `StorageTransaction`.
public protocol WebhookOutbox {
    func enqueueWebhook(url: String, event: LifecycleEvent, body: String, now: Int64) throws
    /// Due by `now`, oldest first; none that was set aside.
    func dueWebhooks(now: Int64, limit: Int) throws -> [WebhookDelivery]
    /// When the next one not set aside falls due; nil when none waits.
    func nextWebhookDue() throws -> Int64?
    func webhookDelivered(id: Int64) throws
    /// A try that may succeed later: tried again at `retryAt`.
    func webhookFailed(id: Int64, error: String, retryAt: Int64) throws
    /// One that never will (a 4xx, or too many tries): kept with the reason.
    func webhookSetAside(id: Int64, reason: String, now: Int64) throws
    /// Pending and set-aside counts.
    func webhookCounts() throws -> (pending: Int, setAside: Int)
}
