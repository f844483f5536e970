import Discord

/// Discord renames a channel at most twice in ten minutes (enforced, not
/// documented). A third rename is held here and sent when the window
/// allows, with the latest name asked for: queued, not dropped, and never
/// blocking other tickets' effects behind a ten-minute 429.
actor RenameQueue {
    static let window: Duration = .seconds(600)
    private let clock = ContinuousClock()
    private var recent: [Snowflake: [ContinuousClock.Instant]] = [:]
    private var waiting: [Snowflake: String] = [:]
    private let rest: RESTClient

    init(rest: RESTClient) { self.rest = rest }

    /// Renames now if the window allows, else holds the name.
    func rename(_ channel: Snowflake, to name: String) async throws(DiscordError) {
        let now = clock.now
        var times = (recent[channel] ?? []).filter { now - $0 < Self.window }
        if times.count < 2 {
            times.append(now)
            recent[channel] = times
            _ = try await rest.renameChannel(channel, to: name)
            return
        }
        let alreadyWaiting = waiting[channel] != nil
        waiting[channel] = name
        guard !alreadyWaiting, let oldest = times.first else { return }
        let due = oldest + Self.window
        Task { await self.flush(channel, at: due) }
    }

    private func flush(_ channel: Snowflake, at due: ContinuousClock.Instant) async {
        try? await clock.sleep(until: due)
        guard let name = waiting.removeValue(forKey: channel) else { return }
        try? await rename(channel, to: name)
    }

    /// Names still waiting for the window, for reports and tests.
    var pending: [Snowflake: String] { waiting }
}
