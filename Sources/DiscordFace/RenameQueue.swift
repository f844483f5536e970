import Discord
import Runtime

/// Discord renames a channel at most twice in ten minutes (enforced, not
/// documented), and a topic change counts against the same budget. A third
/// change waits here for the window, as its effect:
/// it stays in the outbox until done (a restart retries it; Discord's own
/// 429 then says how long), and the drainer serves other tickets meanwhile.
///
/// Only renames Discord carried out count against the budget: a rename
/// that failed (a 503, a timeout) changed nothing, and counting it once
/// held a ticket's effects for nine minutes after two 503s.
actor RenameQueue {
    static let window: Int64 = 600
    /// The desk's clock: whole seconds are precise enough for a ten-minute
    /// window, and a test's manual clock drives it.
    private let clock: any EngineClock
    private var done: [Snowflake: [Int64]] = [:]
    private let rest: RESTClient

    init(rest: RESTClient, clock: any EngineClock) {
        self.rest = rest
        self.clock = clock
    }

    func rename(_ channel: Snowflake, to name: String) async throws(DiscordError) {
        try await paced(channel) { rest throws(DiscordError) in _ = try await rest.renameChannel(channel, to: name) }
    }

    /// `/topic`: the channel's topic, paced as renames are.
    func setTopic(_ channel: Snowflake, to topic: String) async throws(DiscordError) {
        try await paced(channel) { rest throws(DiscordError) in _ = try await rest.setChannelTopic(channel, to: topic) }
    }

    private func paced(_ channel: Snowflake, _ change: (RESTClient) async throws(DiscordError) -> Void) async throws(DiscordError) {
        let recent = self.recent(channel)
        if recent.count >= 2, let oldest = recent.first {
            do { try await clock.sleep(untilSecond: oldest + Self.window) } catch { throw .cancelled }
        }
        try await change(rest)
        let now = clock.now(), kept = self.recent(channel)
        // Channels not renamed for a window owe nothing: forgotten, so the
        // record does not grow with every ticket the desk ever renamed.
        done = done.filter { now - ($0.value.last ?? 0) < Self.window }
        done[channel] = kept + [now]
    }

    /// The renames of `channel` within the last window, oldest first.
    private func recent(_ channel: Snowflake) -> [Int64] {
        let now = clock.now()
        return (done[channel] ?? []).filter { now - $0 < Self.window }
    }
}
