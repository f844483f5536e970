import WorkflowDSL

/// One POST owed to a webhook: written in the transaction of the step that
/// caused it, so that what a person was told happened is also what the
/// admin's address hears, once, even across a crash.
public struct WebhookDelivery: Sendable, Hashable {
    public let id: Int64
    public let url: String
    public let event: LifecycleEvent
    /// The JSON posted, byte for byte what the signature covers.
    public let body: String
    /// Failed tries so far: the next waits longer (`WebhookRetry`).
    public let attempts: Int

    public init(id: Int64, url: String, event: LifecycleEvent, body: String, attempts: Int) {
        self.id = id
        self.url = url
        self.event = event
        self.body = body
        self.attempts = attempts
    }
}

/// When a failed delivery is tried again, and when Escala stops trying:
/// doubling waits from 10 s to an hour, set aside after 12 tries (about
/// six hours), so that a receiver that is down for a night does not lose
/// the night's events, and one that is gone for good does not fill the
/// database.
public enum WebhookRetry {
    public static let tries = 12

    /// Seconds to wait after `attempts` failed tries.
    public static func wait(after attempts: Int) -> Int64 {
        min(3_600, 10 << min(max(attempts - 1, 0), 12))
    }
}
