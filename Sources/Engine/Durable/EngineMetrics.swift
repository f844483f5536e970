import Metrics

/// What the engine counts for `/metrics` (swift-metrics: nothing is kept
/// unless `escala run` bootstrapped a backend). Made on first use, so that
/// they bind to the backend bootstrapped before.
enum EngineMetrics {
    /// Events applied to tickets, each in its committed transaction (opens
    /// included).
    static let eventsApplied = Counter(label: "escala_events_applied_total")
}
