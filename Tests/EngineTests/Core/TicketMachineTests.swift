import Engine
import Foundation
import Testing
import WorkflowDSL

/// The machine's rules (claim, takeover, user speaks first, timeouts,
/// permissions, escalation, evidence), on `Tests/Fixtures/desk.flow`, a small desk
/// written for these tests. The shipped workflows are proved by their
/// scenarios (`make scenarios`).
@Suite("Ticket machine")
struct TicketMachineTests {
    static let desk: Workflow = {
        let url = TicketHarness.repository.appendingPathComponent("Tests/Fixtures/desk.flow")
        let data = FileManager.default.contents(atPath: url.path) ?? Data()
        return WorkflowCompiler.compile(SourceFile(path: "desk.flow", bytes: Array(data))).workflow!
    }()

    func reportes() -> TicketHarness {
        TicketHarness(Self.desk, category: "caso", owner: People.user, answers: ["persona": "Pepe"])
    }

    /// A ticket the user has written in and `cm` has taken.
    func claimedByCM() -> TicketHarness {
        var ticket = reportes()
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "Hola")
        return ticket
    }

    @Test("opening creates the channel and greets in Spanish with the first state's buttons")
    func opening() {
        let ticket = reportes()
        guard case .createChannel(let name, let visible) = ticket.log.first else {
            Issue.record("the channel comes first"); return
        }
        #expect(name == "caso-7")
        #expect(visible == [.rank("cm", exact: false)])
        #expect(ticket.log.texts.first?.hasPrefix("¡Buenos días!") == true)
        let buttons = ticket.log.compactMap { if case .send(_, let buttons, _, _) = $0 { buttons } else { nil } }.first
        #expect(buttons == ["subir", "marcar", "desisto"])
        #expect(ticket.state.state == "nuevo")
    }

    @Test("the opening form's answers travel with the greeting, in the form's order, blank ones left out")
    func openingAnswers() {
        let answered = TicketHarness(Self.desk, category: "caso", owner: People.user, answers: ["persona": "Pepe", "otra": "no es del formulario"])
        let greeting = answered.log.compactMap { if case .send(let text, _, let pings, let answers) = $0 { (text, pings, answers) } else { nil } }.first
        #expect(greeting?.0.plain.hasPrefix("¡Buenos días!") == true)
        #expect(greeting?.1 == [.user])
        #expect(greeting?.2 == [OpeningAnswer(question: "¿A quién?", answer: "Pepe")])
        let blank = TicketHarness(Self.desk, category: "caso", owner: People.user, answers: ["persona": "  "])
        #expect(blank.log.allSatisfy { if case .send(_, _, _, let answers) = $0 { answers == nil } else { true } },
                "nothing answered: no card of empty answers")
    }

    @Test("staff may not write before the user's first message")
    func userSpeaksFirst() {
        var ticket = reportes()
        let effects = ticket.say(People.cm, "Hola", id: "m1")
        #expect(effects.deletedMessages == ["m1"])
        #expect(effects.texts.first?.contains("el usuario debe escribir primero") == true)
        #expect(ticket.state.handler == nil)
    }

    @Test("the first staff member to answer owns the ticket; a third party is deleted and mentioned")
    func exclusiveClaim() {
        var ticket = reportes()
        ticket.say(People.user, "Me insultaron en la plaza")
        #expect(ticket.say(People.cm, "Hola, te ayudo").deletedMessages.isEmpty)
        #expect(ticket.state.handler == People.cm.id)
        let effects = ticket.say(People.cm2, "Yo también", id: "m9")
        #expect(effects.deletedMessages == ["m9"])
        #expect(effects.texts.first?.contains("@\(People.cm2.id)") == true, "the notice names the staff member as a person, for the face to render")
        #expect(ticket.state.handler == People.cm.id)
    }

    @Test("a superior rank may always intervene without taking the ticket")
    func override() {
        var ticket = claimedByCM()
        #expect(ticket.say(People.admin, "Reviso yo también").deletedMessages.isEmpty)
        #expect(ticket.state.handler == People.cm.id)
    }

    @Test("after more than 2 h of the handler's inactivity a peer may take over; at 2 h 00 exactly, not yet")
    func takeover() {
        var ticket = claimedByCM()
        ticket.say(People.user, "¿Hay alguien?", mentionsOwner: false)
        ticket.wait(3600)
        #expect(ticket.say(People.cm2, "Te atiendo", id: "early").deletedMessages == ["early"])
        ticket.wait(3600)
        #expect(ticket.say(People.cm2, "¿Sigues?", id: "exact").deletedMessages == ["exact"], "«más de dos horas»")
        ticket.wait(1)
        #expect(ticket.say(People.cm2, "Te atiendo yo").deletedMessages.isEmpty)
        #expect(ticket.state.handler == People.cm2.id)
    }

    @Test("a ticket with no reason after 15 minutes is closed, and warned first when the reminder fits")
    func closesWithoutReason() {
        var ticket = reportes()
        let effects = ticket.wait(15 * 60)
        #expect(ticket.state.isClosed)
        #expect(effects.closeReasons == ["Cerrado: 15 minutos sin motivo."])
        #expect(effects.contains(.transcript(channel: "registros")))
    }

    @Test("a user who writes in time keeps the ticket open")
    func reasonGivenInTime() {
        var ticket = reportes()
        ticket.wait(10 * 60)
        ticket.say(People.user, "Me robaron el coche")
        ticket.wait(60 * 60)
        #expect(!ticket.state.isClosed)
    }

    @Test("12 hours of silence after the last mention closes; an answer resets the clock")
    func silenceAfterMention() {
        var ticket = reportes()
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "<@100> ¿tienes pruebas?", mentionsOwner: true)
        let reminder = ticket.wait(11 * 3600)
        #expect(reminder.texts.contains { $0.contains("se cerrará en 1 hora") }, "the reminder 1 h before")
        ticket.say(People.user, "Sí, aquí están")
        ticket.wait(2 * 3600)
        #expect(!ticket.state.isClosed, "the user answered: the 12 h clock stopped")
        ticket.say(People.cm, "<@100> ¿algo más?", mentionsOwner: true)
        let effects = ticket.wait(12 * 3600)
        #expect(effects.closeReasons == ["Cerrado: 12 horas sin respuesta."])
    }

    @Test("a button only works for the ranks allowed to press it, and a refusal says why")
    func buttonPermissions() {
        var ticket = reportes()
        ticket.say(People.user, "Hola")
        let refused = ticket.press("subir", by: People.user)
        #expect(refused.refusals == ["Solo un cm o un rango superior puede hacer esto."])
        #expect(ticket.state.state == "nuevo")
        let escalated = ticket.press("subir", by: People.cm)
        #expect(ticket.state.state == "con_trainee")
        // Pinged: the Trainee role alone; seen: Trainee and every rank above.
        #expect(escalated.contains(.mention(ranks: [.rank("trainee", exact: true)], people: [])))
        // cm+ saw the channel from the start, trainee included: no
        // permission changes, none is sent.
        #expect(!escalated.contains { if case .setVisibility = $0 { true } else { false } })
    }

    @Test("a sanction on a staff member needs an administrator")
    func staffReported() {
        var ticket = reportes()
        ticket.say(People.user, "Reporto a un moderador")
        ticket.press("marcar", by: People.cm)
        ticket.press("subir", by: People.cm)
        ticket.say(People.trainee, "Reviso el caso")
        #expect(ticket.state.state == "en_curso")
        #expect(ticket.press("sancionar", by: People.trainee).refusals == ["Solo un admin o un rango superior puede hacer esto."])
        ticket.press("sancionar", by: People.admin)
        #expect(ticket.state.state == "resuelto")
    }

    @Test("a user who disagrees sends the case one rank up, unless they withdraw")
    func disagreeOrWithdraw() {
        var ticket = reportes()
        ticket.say(People.user, "Hola")
        ticket.press("subir", by: People.cm)
        ticket.say(People.trainee, "Reviso el caso")
        ticket.press("sancionar", by: People.trainee)
        #expect(ticket.state.state == "resuelto")
        ticket.press("discrepo", by: People.user)
        #expect(ticket.state.assignedTo == .rank("moderator", exact: false))
        #expect(ticket.state.state == "en_curso")
        var other = reportes()
        other.say(People.user, "Hola")
        other.press("subir", by: People.cm)
        other.say(People.trainee, "Reviso el caso")
        other.press("sancionar", by: People.trainee)
        let effects = other.press("desisto", by: People.user)
        #expect(effects.closeReasons == ["El usuario desistió"])
    }

    @Test("refunds are renamed dev_obj-<number> and escalated to an administrator; money goes to an administrator")
    func refunds() {
        let ticket = TicketHarness(Self.desk, category: "devolucion", owner: People.user, answers: ["tipo": "Dinero"])
        #expect(ticket.log.contains(.rename("dev_obj-7")))
        #expect(ticket.state.assignedTo == .rank("admin", exact: false))
        #expect(ticket.log.contains { if case .notify("chat_staff", let text, _) = $0 { text.plain.contains("dinero") } else { false } })
        var money = ticket
        money.say(People.user, "Hola, perdí cosas")
        let effects = money.say(People.user, "- 50.000 de dinero\n- coche")
        #expect(money.state.evidence["objetos"] == ["50.000 de dinero", "coche"])
        #expect(effects.texts.contains { $0.hasPrefix("Lista recibida") })
    }

    @Test("a CM raises a bug to the programmer once its evidence is complete, not before")
    func bugToProgrammer() {
        var ticket = TicketHarness(Self.desk, category: "bug", owner: People.user)
        ticket.say(People.user, "El coche atraviesa el suelo")
        ticket.press("elevar", by: People.cm)
        #expect(ticket.state.assignedTo == nil)
        ticket.say(People.user, "", attachments: ["https://cdn.example/bug.png"])
        let effects = ticket.press("elevar", by: People.cm)
        #expect(ticket.state.assignedTo == .role("programador"))
        #expect(effects.contains(.mention(ranks: [.role("programador")], people: [])))
    }

    @Test("the same events at the same times give the same states and effects, byte for byte")
    func deterministic() throws {
        func run() throws -> Data {
            var ticket = reportes()
            ticket.say(People.user, "Hola", id: "a")
            ticket.say(People.cm, "<@100> hola", id: "b", mentionsOwner: true)
            ticket.press("subir", by: People.cm)
            ticket.wait(40 * 60)
            ticket.say(People.trainee, "Reviso", id: "c")
            ticket.wait(13 * 3600)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return try encoder.encode([String(decoding: try encoder.encode(ticket.state), as: UTF8.self),
                                       String(decoding: try encoder.encode(ticket.log), as: UTF8.self)])
        }
        let first = try run(), second = try run()
        #expect(first == second)
        #expect(first.count > 1000)
    }
}

@Suite("Ticket machine: who becomes the handler")
struct HandlerTests {
    static let desk = """
    locales es
    ranks cm < trainee < admin
    role programador "Programador"
    channel soporte
    panel p "Soporte" in soporte { opens t }
    defaults {
      claim exclusive
      override by admin
    }
    ticket t "T" {
      receives cm
      button otro "Otro miembro del staff"
      button elevar "Al programador"
      on button otro by user: release
      on button elevar by cm: escalate to programador
      state nuevo initial {
        on staff message: go to atendido
      }
      state atendido {
        after 1d: close "Atendido"
      }
    }

    """

    static func ticket() throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "h.flow", text: Self.desk)).workflow)
        var ticket = TicketHarness(workflow, category: "t", owner: People.user)
        ticket.say(People.user, "Hola")
        return ticket
    }

    static func deleted(_ effects: [Effect]) -> Bool {
        effects.contains { if case .deleteMessage = $0 { true } else { false } }
    }

    @Test("after the member asks for someone else, the handler released cannot win the ticket back by writing first; a peer can")
    func anotherStaffMember() throws {
        var ticket = try Self.ticket()
        ticket.say(People.cm, "Te atiendo")
        #expect(ticket.state.handler == People.cm.id)
        ticket.press("otro", by: People.user)
        #expect(ticket.state.handler == nil)
        let written = ticket.say(People.cm, "Sigo aquí")
        #expect(ticket.state.handler == nil, "released: may write, does not take it back")
        #expect(!Self.deleted(written))
        ticket.say(People.cm2, "Hola, te atiendo yo")
        #expect(ticket.state.handler == People.cm2.id)
    }

    @Test("staff who see the ticket without receiving it (a side role) are a third party, until it is escalated to them")
    func onlyReceivingRanksHandle() throws {
        var ticket = try Self.ticket()
        let outsider = ticket.say(People.programmer, "Miro esto")
        #expect(Self.deleted(outsider))
        #expect(ticket.log.texts.last == "@500, este ticket no corresponde a tu rango: tu mensaje se eliminó.")
        #expect(ticket.state.handler == nil)
        ticket.say(People.cm, "Te atiendo")
        ticket.press("elevar", by: People.cm)
        let escalated = ticket.say(People.programmer, "Ahora sí, lo reviso")
        #expect(!Self.deleted(escalated))
        #expect(ticket.state.handler == People.programmer.id)
    }
}

@Suite("Ticket machine: messages Discord accepts")
struct EmptyMessageTests {
    /// No greeting and no buttons anywhere: the case where an empty message
    /// (no text, no components, which Discord refuses) could slip out.
    static let bare = """
    ranks cm < admin
    channel soporte
    panel p "Soporte" in soporte { opens t }
    ticket t "T" {
      receives cm
      state nuevo initial {
        on staff message: go to atendido
      }
      state atendido {
        after 1h: close "Atendido"
      }
    }

    """

    @Test("no effect sends a message with neither text nor buttons")
    func noEmptyMessages() throws {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "bare.flow", text: Self.bare)).workflow)
        var ticket = TicketHarness(workflow, category: "t", owner: People.user)
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "Te atiendo")
        #expect(ticket.state.state == "atendido")
        ticket.wait(3600)
        #expect(ticket.state.isClosed)
        for effect in ticket.log {
            if case .send(let text, let buttons, _, _) = effect {
                #expect(!(text.isEmpty && buttons.isEmpty), "an empty message: \(effect)")
            }
        }
    }
}
