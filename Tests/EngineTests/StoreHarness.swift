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

    /// An engine on a new database with `text` loaded as `w.flow`.
    static func engine(_ text: String = minimal, path: String = temporaryPath(), now: Int64 = 0) throws -> TicketEngine {
        let engine = try TicketEngine(store: try TicketStore(path: path))
        _ = try engine.load(SourceFile(path: "w.flow", text: text), now: now)
        return engine
    }

    static func roleplay(path: String = temporaryPath()) throws -> TicketEngine {
        let url = TicketHarness.repository.appendingPathComponent("workflows/roleplay.flow")
        let text = try String(contentsOf: url, encoding: .utf8)
        let engine = try TicketEngine(store: try TicketStore(path: path))
        _ = try engine.load(SourceFile(path: "roleplay.flow", text: text), now: 0)
        return engine
    }
}

extension TicketEngine.OpenOutcome {
    var ticket: StoredTicket? {
        if case .opened(let ticket, _) = self { ticket } else { nil }
    }
}
