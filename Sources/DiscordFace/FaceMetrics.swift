import Metrics

/// What the Discord face counts for `/metrics` (swift-metrics: nothing is
/// kept unless `escala run` bootstrapped a backend).
enum FaceMetrics {
    /// From an interaction taken from its lane to Discord's answer to our
    /// acknowledgement (or form, or refusal): the part of Discord's 3
    /// seconds Escala spends, a commit included.
    static let interactionAck = Metrics.Timer(label: "escala_interaction_ack_seconds")
}

extension Metrics.Timer {
    func recordInterval(since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
