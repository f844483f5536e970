import Engine
import Foundation
import WorkflowDSL

/// A real store in a temporary folder, and the workflows tests load into it.
enum StoreHarness {
    static let minimal: String = {
        let url = TicketHarness.repository.appendingPathComponent("Tests/Fixtures/minimal.flow")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// A database path in a new folder; `remove(_:)` it when done.
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("escala-test-\(UUID().uuidString)/escala.sqlite").path
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: path).deletingLastPathComponent())
    }

    /// The minimal workflow with a greeting and a 15-minute close when the
    /// member never says why: a timer and several effects per open.
    static let timed = """
        text saludo "Hola {user}, ¿en qué te ayudamos?"
        text sin_motivo "Cerrado: 15 minutos sin motivo."
        """ + "\n" + minimal.replacingOccurrences(of: "  receives cm\n", with: """
          receives cm
          greeting saludo
          after 15m without reason: close sin_motivo

        """)

    /// An engine on a new database with `text` loaded as `w.flow`.
    /// Without a path, the database is temporary and goes with the engine.
    static func engine(_ text: String = minimal, path: String? = nil, now: Int64 = 0) async throws -> TicketEngine {
        let engine = try await TicketEngine(store: try path.map(TicketStore.init(path:)) ?? TicketStore.temporary())
        _ = try await engine.load(SourceFile(path: "w.flow", text: text), now: now)
        return engine
    }
}

extension TicketEngine.OpenOutcome {
    var ticket: StoredTicket? {
        if case .opened(let ticket, _, _) = self { ticket } else { nil }
    }
}
