import Discord
@testable import DiscordFace
import LocalDiscord
import Runtime
import Testing

/// Discord's two renames per channel per ten minutes, kept on our side.
@Suite("Rename queue")
struct RenameQueueTests {
    static let channel: Snowflake = "200000000000000001"

    @Test("failed renames do not use up the two-per-ten-minutes budget; a third successful one waits for the window")
    func onlySuccessesCount() async throws {
        let server = try await LocalDiscord.start()
        server.script("PATCH", "/channels/\(Self.channel)", [.init(status: 400, json: #"{"message":"Invalid Form Body","code":50035}"#),
                                                             .init(status: 400, json: #"{"message":"Invalid Form Body","code":50035}"#)])
        let clock = ManualClock(now: 1_767_603_600)
        let queue = RenameQueue(rest: RESTClient(configuration: DiscordConfiguration(token: BotToken("t"), apiBaseURL: server.apiBaseURL)),
                                clock: clock)
        for _ in 0..<2 { await #expect(throws: DiscordError.self) { try await queue.rename(Self.channel, to: "caso-1") } }
        try await queue.rename(Self.channel, to: "caso-1")
        clock.advance(by: 60)
        try await queue.rename(Self.channel, to: "caso-2")
        #expect(clock.waits.isEmpty, "two failures and two successes: nothing waited")
        let third = Task { try await queue.rename(Self.channel, to: "caso-3") }
        while clock.waits.isEmpty { await Task.yield() }
        #expect(clock.waits == [.seconds(540)], "the third rename waits until the first success is ten minutes old")
        clock.advance(by: 540)
        try await third.value
        #expect(server.received.filter { $0.method == "PATCH" }.count == 5)
        await server.stop()
    }
}
