/// Discord's REST limits, kept on our side so that we rarely see a 429.
///
/// - Per route: the `X-RateLimit-*` headers of each response say how many
///   requests remain in the route's bucket and when it refills. Routes that
///   share a bucket (`X-RateLimit-Bucket`) share the count, per top-level
///   resource.
/// - Global: 50 requests a second for the whole bot, and a pause for
///   everyone when a 429 says `global`.
/// - Invalid requests (401, 403, and 429 other than `shared`): Discord bans
///   an IP for a while after 10,000 in 10 minutes. We stop sending at a
///   tenth of that and say why, rather than risk the ban.
actor RateLimiter {
    struct Bucket {
        var limit: Int
        var remaining: Int
        var resetsAt: Duration
        /// The longest reset Discord has announced for the bucket: once a
        /// reset passes with no fresh headers (the answers still in
        /// flight), the next one is at most this far away. Never a figure
        /// of our own: a guess of 60 s held requests asleep long after a
        /// 5 s bucket had refilled.
        var window: Duration
    }

    private let clock: any RESTClock
    /// Route identity → Discord's bucket name, learnt from responses.
    private var bucketNames: [String: String] = [:]
    /// "bucket name:major parameter" → its state.
    private var buckets: [String: Bucket] = [:]
    private var globalPauseUntil: Duration?
    private var recentStarts: [Duration] = []
    private var invalidRequests: [Duration] = []

    let globalPerSecond: Int
    /// The second the global limit counts over, with a margin: Discord
    /// counts arrivals, we count starts, and a request held up on its way
    /// (a busy connection, a slow DNS) arrives closer to the next second's
    /// requests than it left. A tenth of a second costs a burst under a
    /// tenth of its speed and spares it every global 429.
    static let globalWindow: Duration = .milliseconds(1_100)
    let invalidRequestLimit: Int
    static let invalidRequestWindow: Duration = .seconds(600)

    init(globalPerSecond: Int = 50, invalidRequestLimit: Int = 1_000, clock: any RESTClock = SystemRESTClock()) {
        self.clock = clock
        self.globalPerSecond = globalPerSecond
        self.invalidRequestLimit = invalidRequestLimit
    }

    private func bucketKey(_ route: Route) -> String {
        (bucketNames[route.rateLimitKey] ?? route.rateLimitKey) + ":" + (route.majorParameter ?? "-")
    }

    /// Waits until `route` may be sent, and counts it as sent.
    func acquire(_ route: Route) async throws(DiscordError) {
        while true {
            let now = clock.instant
            pruneInvalid(now)
            if invalidRequests.count >= invalidRequestLimit {
                throw .tooManyInvalidRequests(invalidRequests.count)
            }
            var wakeAt: Duration?
            if route.countsAgainstGlobalLimit {
                if let pause = globalPauseUntil, pause > now { wakeAt = pause }
                recentStarts.removeAll { now - $0 >= Self.globalWindow }
                if recentStarts.count >= globalPerSecond, let oldest = recentStarts.first {
                    wakeAt = max(wakeAt ?? oldest, oldest + Self.globalWindow)
                }
            }
            let key = bucketKey(route)
            if var bucket = buckets[key] {
                if bucket.resetsAt <= now {
                    bucket.remaining = bucket.limit
                    bucket.resetsAt = now + bucket.window
                    buckets[key] = bucket
                }
                if bucket.remaining <= 0 { wakeAt = max(wakeAt ?? bucket.resetsAt, bucket.resetsAt) }
            }
            guard let wakeAt else {
                if route.countsAgainstGlobalLimit { recentStarts.append(now) }
                if buckets[key] != nil { buckets[key]!.remaining -= 1 }
                return
            }
            do { try await clock.sleep(until: wakeAt) } catch { throw .cancelled }
        }
    }

    /// What a response taught us about the limits. Returns how long to wait
    /// before retrying when it was a 429.
    @discardableResult
    func record(_ route: Route, _ response: HTTPResponse) -> Duration? {
        let now = clock.instant
        let headers = response.headers
        if let name = headers["x-ratelimit-bucket"] { bucketNames[route.rateLimitKey] = name }
        if let limit = headers["x-ratelimit-limit"].flatMap(Int.init),
           let remaining = headers["x-ratelimit-remaining"].flatMap(Int.init),
           let resetAfter = headers["x-ratelimit-reset-after"].flatMap(Double.init) {
            let key = bucketKey(route)
            let resetIn = Self.duration(seconds: resetAfter)
            buckets[key] = Bucket(limit: limit, remaining: remaining, resetsAt: now + resetIn,
                                  window: max(buckets[key]?.window ?? .zero, resetIn))
        }
        let scope = headers["x-ratelimit-scope"]
        if response.status == 401 || response.status == 403 || (response.status == 429 && scope != "shared") {
            invalidRequests.append(now)
        }
        guard response.status == 429 else { return nil }
        let retryAfter = Self.retryAfter(response)
        if headers["x-ratelimit-global"] == "true" || scope == "global" {
            globalPauseUntil = now + retryAfter
        } else {
            let key = bucketKey(route)
            var bucket = buckets[key] ?? Bucket(limit: 1, remaining: 0, resetsAt: now, window: retryAfter)
            bucket.remaining = 0
            bucket.resetsAt = max(bucket.resetsAt, now + retryAfter)
            buckets[key] = bucket
        }
        return retryAfter
    }

    /// `retry_after` in the body (seconds, with decimals), else the
    /// `Retry-After` header, else one second.
    static func retryAfter(_ response: HTTPResponse) -> Duration {
        struct Body: Decodable { let retry_after: Double? }
        let seconds = (try? JSONCoding.decoder.decode(Body.self, from: response.body))?.retry_after
            ?? response.headers["retry-after"].flatMap(Double.init) ?? 1
        return duration(seconds: seconds)
    }

    /// Seconds as Discord writes them (decimals), made a wait we can keep:
    /// a header of `inf`, `nan` or 1e300 (a proxy's mistake, a hostile test
    /// server) must not trap converting to an integer. A day is longer than
    /// any limit Discord documents.
    static func duration(seconds: Double) -> Duration {
        guard seconds.isFinite, seconds > 0 else { return .zero }
        return .milliseconds(Int((min(seconds, 86_400) * 1000).rounded(.up)))
    }

    private func pruneInvalid(_ now: Duration) {
        if let first = invalidRequests.first, now - first >= Self.invalidRequestWindow {
            invalidRequests.removeAll { now - $0 >= Self.invalidRequestWindow }
        }
    }
}
