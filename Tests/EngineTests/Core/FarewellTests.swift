import Engine
import Foundation
import Testing
import WorkflowDSL

/// `farewell TEXT wait 10m`: the question before a staff close.
@Suite("Ticket machine: the farewell question")
struct FarewellTests {
    static let desk = """
    locales es
    ranks cm < admin
    channel soporte
    text despedida "Antes de cerrar el ticket, ¿hay algo más en lo que pueda ayudarte?"
    panel p "Soporte" in soporte { opens t }
    ticket t "T" {
      receives cm
      farewell despedida wait 10m
      button cerrar "Cerrar"
      button desisto "Desisto"
      on button cerrar by cm: close "Resuelto"
      on button desisto by user: close "Desistió"
      after 15m without reason: close "Sin motivo"
    }

    """

    static func ticket() throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "f.flow", text: Self.desk)).workflow)
        return TicketHarness(workflow, category: "t", owner: People.user)
    }

    static let question = "Antes de cerrar el ticket, ¿hay algo más en lo que pueda ayudarte?"

    @Test("staff close: the question first; silence for the wait closes with the staff's reason")
    func silenceCloses() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        let asked = ticket.press("cerrar", by: People.cm)
        #expect(asked.texts == [Self.question])
        #expect(!ticket.state.isClosed)
        ticket.wait(9 * 60 + 59)
        #expect(!ticket.state.isClosed, "the member still has a second")
        ticket.wait(1)
        #expect(ticket.state.closeReason == "Resuelto")
    }

    @Test("a member who never wrote, or who closes it themselves, is not asked")
    func notAsked() throws {
        var silent = try Self.ticket()
        let closed = silent.press("cerrar", by: People.cm)
        #expect(closed.closeReasons == ["Resuelto"])
        #expect(!closed.texts.contains(Self.question))
        var leaving = try Self.ticket()
        leaving.say(People.user, "Hola")
        #expect(leaving.press("desisto", by: People.user).closeReasons == ["Desistió"])
        var timedOut = try Self.ticket()
        #expect(!timedOut.wait(15 * 60).texts.contains(Self.question))
        #expect(timedOut.state.closeReason == "Sin motivo")
    }
}
