import Engine
import Testing
import WorkflowDSL

/// `reply NAME "Label" TEXT` and `/reply`: a prepared text staff send in
/// the member's language, pinging nobody; the suggestions Discord shows as
/// they type are the engine's to choose.
@Suite("Ticket machine: canned replies")
struct CannedReplyTests {
    static let desk = """
    locales es, fr
    ranks cm < trainee < admin
    channel soporte
    text pruebas {
      es "{user.name}, envía tus pruebas, por favor."
      fr "{user.name}, envoie tes preuves, s'il te plaît."
    }
    panel p "Soporte" in soporte { opens t, u }
    defaults {
      reply pruebas "Pedir pruebas" pruebas
      reply paciencia "Pedir paciencia" "Estamos en ello."
    }
    ticket t "T" {
      receives cm
      after 1d: close "Atendido"
    }
    ticket u "U" {
      receives cm
      allow reply by staff
      reply paciencia "Paciencia, por favor" "Un momento, por favor."
      after 1d: close "Atendido"
    }

    """

    static func ticket(_ category: String = "t", locale: String = "es") throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "r.flow", text: Self.desk)).workflow)
        var ticket = TicketHarness(workflow, category: category, owner: People.user, locale: locale)
        ticket.say(People.user, "Hola")
        return ticket
    }

    @Test("the handler sends a reply: the text filled in, in the member's language, pinging nobody, its line named")
    func send() throws {
        var ticket = try Self.ticket(locale: "fr")
        ticket.say(People.cm, "Je regarde")
        let sent = ticket.send(.cannedReply("pruebas", by: People.cm))
        #expect(sent.texts == ["Jugador, envoie tes preuves, s'il te plaît."])
        #expect(sent.contains { if case .send(_, _, let pings, _) = $0 { pings.isEmpty } else { false } }, "a reply never pings")
        #expect(ticket.lastRules.map(\.description) == ["r.flow:10 reply pruebas"])
    }

    @Test("refused: before anyone holds the ticket, to another CM, and a name no reply has (Discord lets staff type anything)")
    func refusals() throws {
        var ticket = try Self.ticket()
        #expect(ticket.send(.cannedReply("pruebas", by: People.cm)).refusals == ["Nadie atiende este ticket todavía: respóndelo primero."])
        ticket.say(People.cm, "Lo miro")
        #expect(ticket.send(.cannedReply("pruebas", by: People.cm2)).refusals.first?.hasPrefix("Solo 200") == true)
        #expect(ticket.send(.cannedReply("reglas", by: People.cm)).refusals
                == ["Este ticket no tiene ninguna respuesta llamada «reglas»: elige una de las sugerencias."])
    }

    @Test("the suggestions: the replies whose label or name holds what was typed, accents and case aside; none to whoever may not send them")
    func offered() throws {
        var ticket = try Self.ticket()
        let machine = ticket.machine
        #expect(machine.replies(offeredTo: People.cm, in: ticket.state, typed: "").isEmpty, "nobody holds it yet")
        ticket.say(People.cm, "Lo miro")
        #expect(machine.replies(offeredTo: People.cm, in: ticket.state, typed: "").map(\.name) == ["pruebas", "paciencia"])
        #expect(machine.replies(offeredTo: People.cm, in: ticket.state, typed: "PACIÉN").map(\.name) == ["paciencia"])
        #expect(machine.replies(offeredTo: People.cm, in: ticket.state, typed: "pedir p").map(\.label) == ["Pedir pruebas", "Pedir paciencia"])
        #expect(machine.replies(offeredTo: People.cm2, in: ticket.state, typed: "").isEmpty)
        #expect(machine.replies(offeredTo: People.user, in: ticket.state, typed: "").isEmpty)

        // `allow reply by staff`, and the ticket's own reply of a name in place of the defaults' one.
        let own = try Self.ticket("u")
        let offered = own.machine.replies(offeredTo: People.cm2, in: own.state, typed: "")
        #expect(offered.map(\.label) == ["Paciencia, por favor", "Pedir pruebas"])
    }
}
