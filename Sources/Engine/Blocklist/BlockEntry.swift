/// A member kept from opening tickets: why, until when (nil: until someone
/// lifts it), and who decided, as staff and the member read it back.
public struct BlockEntry: Sendable, Hashable {
    public let member: String
    public let reason: String
    public let until: Int64?
    public let blockedBy: String
    public let at: Int64

    public init(member: String, reason: String, until: Int64?, blockedBy: String, at: Int64) {
        self.member = member
        self.reason = reason
        self.until = until
        self.blockedBy = blockedBy
        self.at = at
    }

    /// A timed block lifts itself when its time comes: read against the
    /// clock, never waiting for a timer, so a restart cannot keep anyone
    /// blocked past it.
    public func holds(at now: Int64) -> Bool { until.map { now < $0 } ?? true }
}
