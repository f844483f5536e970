import Discord

/// Discord renames a channel at most twice in ten minutes (enforced, not
/// documented). A third rename waits here for the window, as its effect:
/// it stays in the outbox until done (a restart retries it; Discord's own
/// 429 then says how long), and the drainer serves other tickets meanwhile.
actor RenameQueue {
    static let window: Duration = .seconds(600)
    private let clock = ContinuousClock()
    private var recent: [Snowflake: [ContinuousClock.Instant]] = [:]
    private let rest: RESTClient

    init(rest: RESTClient) { self.rest = rest }

    func rename(_ channel: Snowflake, to name: String) async throws(DiscordError) {
        var times = (recent[channel] ?? []).filter { clock.now - $0 < Self.window }
        if times.count >= 2, let oldest = times.first {
            do { try await clock.sleep(until: oldest + Self.window) } catch { throw .cancelled }
            times = (recent[channel] ?? []).filter { clock.now - $0 < Self.window }
        }
        times.append(clock.now)
        recent[channel] = times
        _ = try await rest.renameChannel(channel, to: name)
    }
}
