import Engine
import Foundation
import Testing
import WorkflowDSL

/// `escala sanctions` reads the ledger `escala run` writes.
@Suite("escala sanctions")
struct SanctionsCommandTests {
    static let now: Int64 = 1_767_603_600

    /// A data folder where a Trainee sanctioned member 555 for trolling in
    /// report #1.
    static func dataFolder() async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-sanctions-\(UUID().uuidString)")
        let store = try TicketStore(path: folder.appendingPathComponent("escala.sqlite").path)
        let engine = try await TicketEngine(store: store)
        let path = CLI.repository.appendingPathComponent("workflows/roleplay.flow").path
        _ = try await engine.load(SourceFile(path: path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path)))), now: now)
        let rosa = Person(id: "111", name: "rosa")
        let cm = Person(id: "222", name: "ana", ranks: ["cm"]), trainee = Person(id: "333", name: "carla", ranks: ["trainee"])
        guard case .opened(let report, _, _) = try await engine.open(guild: "g1", workflow: path, category: "reportes", owner: rosa, locale: "es",
                                                            answers: ["reportado": "555", "hechos": "Troll"], now: now) else {
            throw CancellationError()
        }
        let steps: [TicketEvent] = [
            .message(.init(id: "m1", author: rosa, text: "Vídeo", attachments: ["https://cdn.example/troll.mp4"])),
            .message(.init(id: "m2", author: cm, text: "Hola")),
            .button(name: "a_trainee", by: cm),
            .message(.init(id: "m3", author: trainee, text: "Lo llevo")),
            .button(name: "sancionar", by: trainee),
            .sanctionApplied(offence: "troll", member: "555", warned: true, by: trainee),
        ]
        for step in steps { try await engine.handle(step, ticket: report.id, now: now + 60) }
        return folder
    }

    @Test("a member's sanctions as text or JSON: offence, the table's words, applier, ticket, warning, evidence")
    func listed() async throws {
        let folder = try await Self.dataFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try await CLI.run(["sanctions", "--data", folder.path, "--member", "555"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == "2026-01-05 09:01 UTC  troll  \"Mínimo 1 día, dependiendo del grado de trolling o barridas (300)\"  "
                + "applied by 333  ticket #1 (reportes)  warned  evidence: https://cdn.example/troll.mp4\n")
        let json = try await CLI.run(["sanctions", "--data", folder.path, "--member", "555", "--format", "json"])
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.count == 1 && rows?.first?["appliedBy"] as? String == "333" && rows?.first?["outsideEscala"] as? Bool == false)
        #expect(try await CLI.run(["sanctions", "--data", folder.path, "--member", "111"]).stdout == "No sanction is recorded for 111.\n")
    }

    @Test("a member that is not a Discord id is refused with where to find one")
    func badMember() async throws {
        let result = try await CLI.run(["sanctions", "--data", "/nonexistent", "--member", "@pepe"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("Copy User ID"))
    }
}
