import Application
import Discord
import DiscordFace
import Foundation
import Testing

@Suite("One desk per data folder")
struct DataFolderTests {
    typealias E2E = EndToEndTests

    @Test("a second desk on the same data folder refuses to start, naming the process that serves it")
    func secondCopyRefused() async throws {
        let folder = try E2E.workflowsFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let discord = DiscordConfiguration(token: BotToken("lock-token"), apiBaseURL: URL(string: "http://127.0.0.1:9")!)
        let configuration = DeskConfiguration(guild: Snowflake(E2E.guild), workflowsFolder: folder.appendingPathComponent("workflows").path,
                                              dataFolder: folder.appendingPathComponent("data").path, discord: discord)
        let first = try await EscalaApplication(configuration: configuration)
        do {
            _ = try await EscalaApplication(configuration: configuration)
            Issue.record("a second desk started on the same data folder")
        } catch {
            #expect(error.description.contains("already serves this data folder"))
            #expect(error.description.contains("pid \(getpid())"))
        }
        withExtendedLifetime(first) {}
    }
}
