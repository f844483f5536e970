import Engine
import Foundation
import Testing
import WorkflowDSL

/// Evidence staff give (`require attachment pruebas "…" from cm`): the
/// proofs a CM asks an Administrator for and attaches to the appeal. The
/// member is never asked for them, and nothing the member sends fills them.
@Suite("Ticket machine: evidence staff give")
struct StaffEvidenceTests {
    static let desk = """
    locales es
    ranks cm < admin
    channel soporte
    panel p "Soporte" in soporte { opens apelaciones }
    ticket apelaciones "Apelaciones" {
      receives cm
      require attachment imagen "La imagen de tu sanción"
      require attachment pruebas "Las pruebas del Administrador" from cm
      button cerrar "Cerrar"
      on evidence complete: escalate to admin
      on button cerrar by staff: close
    }

    """

    static func ticket() throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "e.flow", text: Self.desk)).workflow)
        return TicketHarness(workflow, category: "apelaciones", owner: People.user)
    }

    @Test("the member is asked only for their own items, and their files never fill the staff's")
    func memberAskedForTheirs() throws {
        let ticket = try Self.ticket()
        #expect(ticket.log.texts.contains("Para continuar, envía en este canal:\n• La imagen de tu sanción"))
        var played = ticket
        let image = played.say(People.user, "Mi sanción y la grabación", attachments: ["https://cdn.example/a.png"])
        #expect(played.state.evidence["imagen"] == ["https://cdn.example/a.png"])
        #expect(played.state.evidence["pruebas"] == nil)
        #expect(image.texts == ["✅ Recibido: «La imagen de tu sanción». Ya está todo lo necesario: el staff lo revisará."])
        #expect(!image.contains(.mention(ranks: [.rank("admin", exact: true)], people: [])), "not complete: the staff's proofs are missing")
    }

    @Test("a staff member of the rank attaches the proofs; that completes the evidence and its rule acts")
    func staffCompletes() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Mi sanción", attachments: ["https://cdn.example/a.png"])
        let proofs = ticket.say(People.cm, "Las pruebas que me pasó el Administrador", attachments: ["https://cdn.example/video.mp4"])
        #expect(ticket.state.evidence["pruebas"] == ["https://cdn.example/video.mp4"])
        #expect(proofs.texts.first == "✅ Recibido: «Las pruebas del Administrador». Ya está todo lo necesario: el staff lo revisará.")
        #expect(proofs.contains(.mention(ranks: [.rank("admin", exact: true)], people: [])), "`on evidence complete` acted")
    }

    @Test("a written item cannot come from staff: lint says to ask for a file or a link")
    func writtenItemRefused() {
        let file = Self.desk.replacingOccurrences(of: "require attachment pruebas", with: "require text pruebas")
        let result = WorkflowCompiler.compile(SourceFile(path: "e.flow", text: file))
        #expect(result.diagnostics.map(\.message) == ["staff give files or links, not written answers"])
    }
}
