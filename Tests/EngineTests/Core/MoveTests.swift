import Engine
import Testing
import WorkflowDSL

/// `/move`: a Consultas ticket that is a report goes to Reportes, keeping
/// its number, people, answers and evidence; Reportes' ranks, evidence,
/// timers and rules take over from its first state.
@Suite("Ticket machine: move to another category")
struct MoveTests {
    static let desk = """
    locales es
    ranks cm "CM" < trainee "Trainee" < admin "Administrador"
    channel soporte
    panel p "Soporte" in soporte { opens consultas, reportes }
    defaults {
      claim exclusive
    }
    ticket consultas "Consultas" {
      receives cm
      after 1d: close "Atendido"
    }
    ticket reportes "Reportes" {
      receives trainee
      require link video "Vídeo de lo ocurrido"
      state revision initial {
        after 2h: close "Sin respuesta"
      }
    }

    """

    static func ticket() throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "m.flow", text: Self.desk)).workflow)
        var ticket = TicketHarness(workflow, category: "consultas", owner: People.user)
        ticket.say(People.user, "Me insultaron en el chat")
        return ticket
    }

    @Test("the handler moves it: new category and first state, nobody handles it, the new ranks see it and are pinged, its evidence asked for, its timers set; the old handler is told they let go")
    func move() throws {
        var ticket = try Self.ticket()
        ticket.say(People.cm, "Te atiendo")
        ticket.send(.added(.member(GuestTests.reported), by: People.cm))
        let effects = ticket.send(.moved(to: "reportes", by: People.cm))
        #expect(ticket.state.category == "reportes" && ticket.state.state == "revision" && ticket.state.number == 7)
        #expect(ticket.state.handler == nil)
        #expect(ticket.state.guests == [GuestTests.reported.id], "its people stay")
        #expect(effects.contains(.move(category: "reportes")))
        #expect(effects.contains(.rename("reportes-7")))
        #expect(effects.contains(.mention(ranks: [.rank("trainee", exact: true)], people: [])))
        #expect(effects.texts.first == "@\(People.cm.id) ha movido este ticket de «Consultas» a «Reportes»: @\(People.cm.id) ya no lo atiende, pasa al staff de «Reportes».")
        #expect(effects.texts.contains { $0.contains("Vídeo de lo ocurrido") }, "the new category's evidence is asked for")
        #expect(ticket.lastRules.map(\.rule) == ["move to reportes"])
        // Reportes' rules now: a CM is no longer who it is for, a Trainee is; its 2 h timer closes it.
        #expect(!ticket.say(People.cm, "Sigo yo").deletedMessages.isEmpty)
        ticket.say(People.trainee, "Lo reviso yo")
        #expect(ticket.state.handler == People.trainee.id)
        ticket.wait(2 * 3_600 + 1)
        #expect(ticket.state.closeReason == "Sin respuesta")
        #expect(!ticket.log.contains { if case .close(let reason) = $0 { reason == "Atendido" } else { false } }, "the Consultas day-long timer never fires")
    }

    @Test("refused: by someone who does not hold it, to the category it is in, to one the workflow does not have")
    func refusals() throws {
        var ticket = try Self.ticket()
        ticket.say(People.cm, "Te atiendo")
        #expect(!ticket.send(.moved(to: "reportes", by: People.cm2)).refusals.isEmpty)
        #expect(ticket.send(.moved(to: "consultas", by: People.cm)).refusals == ["Este ticket ya está en «Consultas»."])
        #expect(ticket.send(.moved(to: "apelaciones", by: People.cm)).refusals
                == ["No hay ninguna categoría «apelaciones» a la que mover este ticket: elige una de las sugerencias."])
        #expect(ticket.state.category == "consultas")
    }

    @Test("the suggestions: the workflow's other categories, by label, to whoever may move it")
    func offered() throws {
        var ticket = try Self.ticket()
        ticket.say(People.cm, "Te atiendo")
        #expect(ticket.machine.destinations(offeredTo: People.cm, in: ticket.state, typed: "rep").map(\.label) == ["Reportes"])
        #expect(ticket.machine.destinations(offeredTo: People.cm, in: ticket.state, typed: "").map(\.name) == ["reportes"])
        #expect(ticket.machine.destinations(offeredTo: People.cm2, in: ticket.state, typed: "").isEmpty)
    }

    static let byRule = """
    locales es
    ranks cm "CM" < trainee "Trainee" < admin "Administrador"
    channel soporte
    panel p "Soporte" in soporte { opens consultas }
    ticket consultas "Consultas" {
      receives cm
      button es_reporte "Es un reporte"
      on button es_reporte by staff: say "Lo paso a Reportes"; move to reportes; say "no se dice"
      after 1d: close "Atendido"
    }
    ticket reportes "Reportes" {
      receives trainee
      state revision initial {
        after 2h: close "Sin respuesta"
      }
    }

    """

    @Test("a rule's `move to reportes` moves the ticket as /move does: what the rule said before it is said, what follows is the new category's, Reportes' first state and timers take over, the notice names no one")
    func moveByRule() throws {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "r.flow", text: Self.byRule)).workflow)
        var ticket = TicketHarness(workflow, category: "consultas", owner: People.user)
        ticket.say(People.user, "Me insultaron en el chat")
        let effects = ticket.press("es_reporte", by: People.cm)
        #expect(ticket.state.category == "reportes" && ticket.state.state == "revision" && ticket.state.number == 7)
        #expect(effects.contains(.move(category: "reportes")) && effects.contains(.rename("reportes-7")))
        #expect(effects.texts.contains("Lo paso a Reportes"))
        #expect(!effects.texts.contains("no se dice"), "the rest of the rule belonged to Consultas")
        #expect(effects.texts.contains("Este ticket ha pasado de «Consultas» a «Reportes»: pasa al staff de «Reportes»."))
        #expect(ticket.lastRules.map(\.rule).contains { $0.contains("es_reporte") })
        ticket.wait(2 * 3_600 + 1)
        #expect(ticket.state.closeReason == "Sin respuesta", "Reportes' timer, not Consultas' day")
    }

    @Test("lint refuses a `move to` a category the workflow does not have, with the one it meant")
    func moveToUnknownCategory() throws {
        let text = Self.byRule.replacingOccurrences(of: "move to reportes", with: "move to reporte")
        let diagnostics = WorkflowCompiler.compile(SourceFile(path: "r.flow", text: text)).diagnostics
        let undefined = diagnostics.filter { $0.code == .undefinedName }
        #expect(undefined.count == 1 && undefined[0].message.contains("reporte"), "\(diagnostics)")
        #expect(undefined.first?.help?.contains("reportes") == true, "\(String(describing: undefined.first?.help))")
    }
}
