import Engine
import Foundation
import Testing
import WorkflowDSL

/// `escala blocklist` lists and edits the blocklist `/block` keeps, offline.
@Suite("escala blocklist")
struct BlocklistCommandTests {
    /// A data folder whose server already has a ticket (so the database
    /// names its guild), and nobody blocked.
    static func dataFolder() async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-blocklist-\(UUID().uuidString)")
        let store = try TicketStore(path: folder.appendingPathComponent("escala.sqlite").path)
        let engine = try await TicketEngine(store: store)
        let path = CLI.repository.appendingPathComponent("workflows/roleplay.flow").path
        _ = try await engine.load(SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))), now: 1_767_603_600)
        _ = try await engine.open(guild: "g1", workflow: path, category: "consultas", owner: Person(id: "111", name: "rosa"), locale: "es",
                                  now: 1_767_603_600)
        return folder
    }

    @Test("a block made offline refuses the member's next open with its reason; the list shows it, then it is lifted; the history names both changes")
    func blockListUnblock() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocked = try await CLI.run(["blocklist", "--data", folder.path, "--block", "555", "--reason", "Spam de tickets", "--for", "7d"])
        #expect(blocked.status == 0, "\(blocked.stderr)")
        #expect(blocked.stdout.hasPrefix("555 can no longer open tickets until "))
        let listed = try await CLI.run(["blocklist", "--data", folder.path])
        #expect(listed.stdout.hasPrefix("555  until ") && listed.stdout.contains("by escala-cli") && listed.stdout.hasSuffix("\"Spam de tickets\"\n"))

        // The engine reads the same row: the member is told why.
        let store = try TicketStore(path: folder.appendingPathComponent("escala.sqlite").path)
        let engine = try await TicketEngine(store: store)
        let path = CLI.repository.appendingPathComponent("workflows/roleplay.flow").path
        _ = try await engine.load(SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))), now: 1_767_603_600)
        let now = Int64(Date().timeIntervalSince1970)
        let outcome = try await engine.open(guild: "g1", workflow: path, category: "consultas", owner: Person(id: "555", name: "pepe"),
                                            locale: "es", now: now)
        guard case .refused(let reason) = outcome else { Issue.record("opened: \(outcome)"); return }
        #expect(reason.plain.hasPrefix("No puedes abrir tickets en este servidor hasta el ") && reason.plain.hasSuffix(": Spam de tickets."))

        #expect(try await CLI.run(["blocklist", "--data", folder.path, "--unblock", "555"]).stdout == "555 can open tickets again.\n")
        #expect(try await CLI.run(["blocklist", "--data", folder.path, "--unblock", "555"]).stdout == "555 is not blocked.\n")
        #expect(try await CLI.run(["blocklist", "--data", folder.path]).stdout == "Nobody is blocked.\n")
        let history = try await CLI.run(["blocklist", "--data", folder.path, "--history"]).stdout.split(separator: "\n")
        #expect(history.count == 2 && history[0].contains("escala-cli  unblocked  555") && history[1].contains("blocked  555 until"))
    }

    @Test("a block without a reason, a duration that is none, or a member that is not an id is refused, saying what to write")
    func badInput() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let noReason = try await CLI.run(["blocklist", "--data", folder.path, "--block", "555"])
        #expect(noReason.status == 2 && noReason.stderr.contains("--block needs --reason"))
        let forever = try await CLI.run(["blocklist", "--data", folder.path, "--block", "555", "--reason", "x", "--for", "99999d"])
        #expect(forever.status == 2 && forever.stderr.contains("is not a duration: write 30m, 12h, 7d or 2w"))
        let name = try await CLI.run(["blocklist", "--data", folder.path, "--unblock", "@pepe"])
        #expect(name.status == 2 && name.stderr.contains("Copy User ID"))
        #expect(try await CLI.run(["blocklist", "--data", folder.path]).stdout == "Nobody is blocked.\n", "nothing was written")
    }
}
