import Engine
import Foundation
import Testing
import WorkflowDSL

/// `escala audit`, `escala stats` and `escala outbox` read the database
/// `escala run` writes.
@Suite("escala audit, stats and outbox")
struct ReportCommandTests {
    static let now: Int64 = 1_767_603_600

    /// A data folder as `escala run` leaves it: two tickets of the
    /// community workflow, one answered by staff after ten minutes, and a
    /// reaction role granted then taken back.
    static func dataFolder() async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-report-\(UUID().uuidString)")
        let store = try TicketStore(path: folder.appendingPathComponent("escala.sqlite").path)
        let engine = try await TicketEngine(store: store)
        let path = CLI.repository.appendingPathComponent("workflows/comunidad.flow").path
        let source = SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        _ = try await engine.load(source, now: now)
        let ana = Person(id: "111", name: "ana"), staff = Person(id: "222", name: "mod", ranks: ["moderador"])
        guard case .opened(let first, _, _) = try await engine.open(guild: "g1", workflow: path, category: "soporte", owner: ana,
                                                           locale: "es", now: now) else { throw CancellationError() }
        try await engine.handle(.message(.init(id: "m1", author: ana, text: "No puedo entrar")), ticket: first.id, now: now + 60)
        try await engine.handle(.message(.init(id: "m2", author: staff, text: "Te ayudo")), ticket: first.id, now: now + 600)
        _ = try await engine.open(guild: "g1", workflow: path, category: "dudas", owner: ana, locale: "es", now: now + 700)
        let community = CommunityEngine(store: store, guild: "g1", workflows: [path: engine.currentWorkflow(path)!])
        _ = try await community.reaction(added: true, member: "111", workflow: path, message: "mensaje_roles", emoji: "🔔", now: now + 800)
        _ = try await community.reaction(added: false, member: "111", workflow: path, message: "mensaje_roles", emoji: "🔔", now: now + 900)
        return folder
    }

    @Test("audit lists grants and revocations with their reasons; --ticket shows a ticket's history")
    func audit() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roles = try await CLI.run(["audit", "--data", folder.path])
        #expect(roles.status == 0, "\(roles.stderr)")
        let lines = roles.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("revoke avisos 111  removed the reaction 🔔 from mensaje_roles  (by 111)") == true, "\(roles.stdout)")
        #expect(lines.last?.contains("grant  avisos 111  reacted 🔔 to mensaje_roles") == true, "\(roles.stdout)")
        let nobody = try await CLI.run(["audit", "--data", folder.path, "--member", "999"])
        #expect(nobody.stdout == "No role was granted or revoked for 999.\n")
        let history = try await CLI.run(["audit", "--data", folder.path, "--ticket", "1"])
        #expect(history.stdout.contains("opened  soporte #1"), "\(history.stdout)")
        #expect(try await CLI.run(["audit", "--data", folder.path, "--ticket", "9"]).status == 1)
    }

    @Test("stats counts tickets and times per category and staff member, as text or JSON")
    func stats() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try await CLI.run(["stats", "--data", folder.path, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let statistics = try JSONDecoder().decode(TicketStatistics.self, from: Data(json.stdout.utf8))
        #expect(statistics.total.created == 2 && statistics.total.pending == 2 && statistics.total.resolved == 0)
        #expect(statistics.byCategory.first { $0.key == "soporte" }?.firstResponse == 600)
        #expect(statistics.byStaff.map(\.key) == ["222"])
        let text = try await CLI.run(["stats", "--data", folder.path])
        #expect(text.stdout.contains("soporte                         1         0        1           10m"), "\(text.stdout)")
    }

    @Test("a wrong data folder is an error that says what to do, not an empty report")
    func missingDatabase() async throws {
        let result = try await CLI.run(["audit", "--data", "/nonexistent/escala"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no database at /nonexistent/escala/escala.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/escala"))
    }

    @Test("outbox --failed lists what was set aside with Discord's reason; --retry puts it back in its queue")
    func outbox() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try TicketStore(path: folder.appendingPathComponent("escala.sqlite").path)
        #expect(try await CLI.run(["outbox", "--data", folder.path]).stdout == "No effect is set aside.\n")
        let greeting = try #require(try await store.pendingEffects(limit: 10).first)
        try await store.setAside(greeting, reason: "403 Missing Permissions (50013) on POST /channels/{channel_id}/messages", now: Self.now + 60)

        let listed = try await CLI.run(["outbox", "--failed", "--data", folder.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("#\(greeting.id)  2026-01-05 09:01 UTC  ticket 1: "), "\(listed.stdout)")
        #expect(listed.stdout.contains("    403 Missing Permissions (50013)"))
        let json = try await CLI.run(["outbox", "--data", folder.path, "--format", "json"])
        #expect(json.stdout.contains("\"id\" : \"\(greeting.id)\""), "\(json.stdout)")

        #expect(try await CLI.run(["outbox", "--retry", "--id", "999999", "--data", folder.path]).stdout == "No effect was set aside with those ids.\n")
        #expect(try await CLI.run(["outbox", "--retry", "--data", folder.path]).stdout == "1 effect back in the queue.\n")
        #expect(try await store.setAsideEffects().isEmpty)
        #expect(try await store.pendingEffects(limit: 10).contains { $0.id == greeting.id })
        #expect(try await CLI.run(["outbox", "--failed", "--retry", "--data", folder.path]).status == 2)
    }
}
