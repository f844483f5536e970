/// The secret webhook bodies are signed with (`ESCALA_WEBHOOK_SECRET`).
/// Never printed: describing it, or logging it by mistake, shows a mask.
public struct WebhookSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let bytes: [UInt8]

    /// Nil for an empty secret, which would sign nothing anyone could trust.
    public init?(_ text: String) {
        guard !text.isEmpty else { return nil }
        bytes = Array(text.utf8)
    }

    public var description: String { "WebhookSecret(••••)" }
    public var debugDescription: String { description }
}
