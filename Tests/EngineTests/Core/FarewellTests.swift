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

    /// Real answers to «¿hay algo más en lo que pueda ayudarte?», both ways.
    static let declining = [
        "No", "no.", "No, gracias", "No, eso es todo", "No, eso es todo, gracias", "No tengo más preguntas, gracias",
        "Nada más, muchas gracias", "No, de momento nada", "No, todo bien", "Eso es todo", "Gracias por tu ayuda",
        "Non merci", "Non, c'est tout", "Non merci, bonne journée", "Rien d'autre, merci beaucoup", "C'est tout",
        "No, that's all", "No thanks", "Nope, all good", "Thanks, that's all", "Nothing else, thank you so much",
    ]
    static let continuing = [
        "No sé", "No entiendo por qué me lo cerráis", "No, no me funciona todavía", "Gracias, tengo otra duda",
        "Sí, una cosa más", "No, pero ¿me pasas el enlace?", "¿Puedo preguntar otra cosa?", "Vale, un momento",
        "Non, ça ne marche toujours pas", "Merci, mais j'ai une autre question", "No, it still doesn't work",
        "Thanks, but I have one more question", "No tengo acceso al servidor",
    ]

    @Test("a written answer is read as staff would: every common way to say no closes, anything that asks for more does not")
    func writtenAnswers() throws {
        for answer in Self.declining {
            var ticket = try Self.ticket()
            ticket.say(People.user, "Hola")
            ticket.press("cerrar", by: People.cm)
            ticket.say(People.user, answer)
            #expect(ticket.state.isClosed, "«\(answer)» says no")
        }
        for answer in Self.continuing {
            var ticket = try Self.ticket()
            ticket.say(People.user, "Hola")
            ticket.press("cerrar", by: People.cm)
            ticket.say(People.user, answer)
            #expect(!ticket.state.isClosed, "«\(answer)» has more to say")
        }
    }

    @Test("the question comes with two buttons: the member's «No, gracias: cerrar» closes with staff's reason, «Sí, tengo otra consulta» keeps it open; staff cannot answer for her")
    func answeredByButton() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        let asked = ticket.press("cerrar", by: People.cm)
        let shown: [String] = asked.compactMap { effect -> [String]? in
            if case .send(_, let buttons, _, _) = effect { buttons } else { nil }
        }.first ?? []
        #expect(shown == ["farewell_close", "farewell_more"])
        let category = try #require(WorkflowCompiler.compile(SourceFile(path: "f.flow", text: Self.desk)).workflow?.category(named: "t"))
        #expect(category.buttons.first { $0.name == "farewell_close" }?.label == "No, gracias: cerrar")
        #expect(!ticket.press("farewell_close", by: People.cm).refusals.isEmpty, "only the member answers")
        #expect(!ticket.state.isClosed)
        ticket.press("farewell_more", by: People.user)
        #expect(!ticket.state.isClosed)
        ticket.wait(20 * 60)
        #expect(!ticket.state.isClosed, "the wait was cancelled: she has more to say")
        ticket.press("cerrar", by: People.cm)
        ticket.press("farewell_close", by: People.user)
        #expect(ticket.state.closeReason == "Resuelto")
    }

    @Test("a member who answers with more to say is never left alone: when the wait is over and nobody has written, whoever asked to close is asked once; a staff answer in time asks nobody")
    func nobodyLeftWaiting() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        ticket.press("cerrar", by: People.cm)
        ticket.say(People.user, "Sí, tengo otra duda sobre mi cuenta")
        #expect(ticket.wait(9 * 60).texts.isEmpty)
        let asked = ticket.wait(60)
        #expect(asked.texts == ["@200, el usuario respondió que tiene algo más y nadie le ha contestado: atiéndelo o cierra el ticket."])
        #expect(asked.contains { if case .notice(_, let pinging) = $0 { pinging == [People.cm.id] } else { false } })
        #expect(ticket.wait(3600).texts.isEmpty, "once")
        #expect(!ticket.state.isClosed)

        var answered = try Self.ticket()
        answered.say(People.user, "Hola")
        answered.press("cerrar", by: People.cm)
        answered.press("farewell_more", by: People.user)
        answered.say(People.cm, "Dime")
        #expect(answered.wait(20 * 60).texts.isEmpty, "staff answered: nothing to ask")
    }
}
