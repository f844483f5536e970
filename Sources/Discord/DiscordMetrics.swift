import Metrics

/// What the Discord client counts for `/metrics` (swift-metrics: nothing
/// is kept unless the process bootstrapped a backend). Made on first use,
/// after the bootstrap.
enum DiscordMetrics {
    /// 429s Discord answered (each waited out before the request is sent again).
    static let rateLimited = Counter(label: "escala_discord_rate_limited_total")
    /// Gateway connections opened: the first, then one per resume or reconnect.
    static let gatewayConnections = Counter(label: "escala_gateway_connections_total")
}
