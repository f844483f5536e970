/// The time the REST client's limits and backoffs run on: time since an
/// origin, and a sleep until a point of it. Production uses the system's
/// monotonic clock; tests drive one by hand, so that a 429's `retry_after`
/// or a doubling backoff is checked exactly, without waiting for it.
public protocol RESTClock: Sendable {
    /// Time since the clock's origin.
    var instant: Duration { get }
    func sleep(until deadline: Duration) async throws
}

/// The system's monotonic clock.
public struct SystemRESTClock: RESTClock {
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    public init() {
        origin = clock.now
    }

    public var instant: Duration { clock.now - origin }

    public func sleep(until deadline: Duration) async throws {
        try await clock.sleep(until: origin + deadline)
    }
}
