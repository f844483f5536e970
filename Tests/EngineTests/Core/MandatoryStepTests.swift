import Engine
import Foundation
import Testing
import WorkflowDSL

/// `must … before …`: steps staff cannot skip, whichever rule would.
@Suite("Ticket machine: mandatory steps")
struct MandatoryStepTests {
    static let desk = """
    locales es
    ranks cm "CM" < trainee "Trainee" < admin "Administrador"
    channel soporte
    panel p "Soporte" in soporte { opens reportes }
    defaults {
      button cerrar "Cerrar"
      on button cerrar by staff: close "Resuelto"
      after 12h of user silence: close "Silencio"
    }
    ticket reportes "Reportes" {
      receives cm
      require attachment pruebas "Tus pruebas"
      must escalate to trainee before close
      must have evidence complete before escalate to admin
      button a_trainee "Escalar a Trainee"
      button a_admin "Escalar a Administrador"
      button desisto "Desisto"
      on button a_trainee by cm: escalate to trainee
      on button a_admin by trainee: escalate to admin
      on button desisto by user: close "Desistió"
    }

    """

    static func ticket() throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "m.flow", text: Self.desk)).workflow)
        var ticket = TicketHarness(workflow, category: "reportes", owner: People.user)
        ticket.say(People.user, "Me insultaron")
        ticket.say(People.cm, "Te atiendo", mentionsOwner: true)
        return ticket
    }

    @Test("a close from defaults is refused until the ticket reached a trainee, saying so; then it closes")
    func closeAfterEscalation() throws {
        var ticket = try Self.ticket()
        let refused = ticket.press("cerrar", by: People.cm)
        #expect(refused.refusals == ["Antes de cerrar el ticket hay que elevarlo a un Trainee."])
        #expect(!ticket.state.isClosed)
        ticket.press("a_trainee", by: People.cm)
        #expect(ticket.press("cerrar", by: People.trainee).closeReasons == ["Resuelto"])
    }

    @Test("the member may still withdraw and silence still closes: only staff are held to the step")
    func memberAndTimers() throws {
        var withdrawn = try Self.ticket()
        #expect(withdrawn.press("desisto", by: People.user).closeReasons == ["Desistió"])
        var silent = try Self.ticket()
        silent.wait(12 * 3600)
        #expect(silent.state.closeReason == "Silencio")
    }

    @Test("an escalation gated on the evidence waits for it")
    func escalationWaitsForEvidence() throws {
        var ticket = try Self.ticket()
        ticket.press("a_trainee", by: People.cm)
        #expect(ticket.press("a_admin", by: People.trainee).refusals == ["Antes de elevar el ticket hay que tener todas las pruebas."])
        #expect(ticket.state.assignedTo == .rank("trainee", exact: false))
        ticket.say(People.user, "Aquí", attachments: ["https://cdn.example/p.png"])
        ticket.press("a_admin", by: People.trainee)
        #expect(ticket.state.assignedTo == .rank("admin", exact: false))
    }
}
