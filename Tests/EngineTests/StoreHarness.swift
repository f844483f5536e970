import Engine
import Foundation
import WorkflowDSL

/// A real store in a temporary folder, and the workflows tests load into it.
enum StoreHarness {
    static let minimal: String = {
        let url = TicketHarness.repository.appendingPathComponent("Tests/Fixtures/minimal.flow")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("escala-test-\(UUID().uuidString)/escala.sqlite").path
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
    static func engine(_ text: String = minimal, path: String = temporaryPath(), now: Int64 = 0) async throws -> TicketEngine {
        let engine = try await TicketEngine(store: try TicketStore(path: path))
        _ = try await engine.load(SourceFile(path: "w.flow", text: text), now: now)
        return engine
    }
}

extension TicketEngine.OpenOutcome {
    var ticket: StoredTicket? {
        if case .opened(let ticket, _) = self { ticket } else { nil }
    }
}
