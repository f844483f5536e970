/// What falls due, as one step for every face: tickets' timers, temporary
/// roles, activity windows that end. `escala run`'s scheduler calls `tick`
/// when the clock reaches the next due time; `escala simulate` calls it at
/// each due time inside a `wait` and once at a `restart`. One function, so
/// that a scenario's timeline is the bot's.
public struct Clockwork: Sendable {
    public let engine: TicketEngine
    public let community: CommunityEngine

    public init(engine: TicketEngine, community: CommunityEngine) {
        self.engine = engine
        self.community = community
    }

    /// One tick: everything due at or before `now`, and when to tick again.
    public struct Tick: Sendable {
        public var timers = TicketEngine.TimerPass()
        public var community = CommunityEngine.Pass()
        /// The next instant something falls due (after `now`), if any.
        public var nextDue: Int64?
    }

    /// Fires what is due at `now`, tickets first, then the community's
    /// rules (which also writes the activity counted in memory).
    public func tick(now: Int64) async throws(EngineError) -> Tick {
        var tick = Tick()
        tick.timers = try await engine.fireDueTimers(now: now)
        tick.community = try await community.fireDue(now: now)
        tick.nextDue = try await nextDue()
        return tick
    }

    /// When something falls due next, if anything does.
    public func nextDue() async throws(EngineError) -> Int64? {
        [try await engine.nextTimerDue(), try await community.nextDue()].compactMap { $0 }.min()
    }
}
