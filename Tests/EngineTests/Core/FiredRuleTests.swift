import Engine
import Foundation
import Testing
import WorkflowDSL

/// The machine names the written rule behind each change and each refusal,
/// with the line it is written on: what the playground's "why" panel, the
/// event log and `escala simulate`'s trace show.
@Suite("Ticket machine: the rule behind each step")
struct FiredRuleTests {
    static let desk = """
    locales es
    ranks cm < trainee < admin
    channel soporte
    panel p "Soporte" in soporte { opens t }
    ticket t "T" {
      receives cm
      escalation cm > trainee
      claim exclusive
      takeover after 2h by same rank
      user speaks first
      remind 1h before close "El ticket se cerrará en 1 hora."
      after 12h of user silence: close "Inactivo"
      must escalate to trainee before close
      button subir "Subir"
      button cerrar "Cerrar"
      on button cerrar by staff: close
      state abierto initial {
        on button subir by cm: escalate to trainee; go to arriba
      }
      state arriba {
        on staff message by trainee: say "Un Trainee lleva el caso."
      }
    }

    """

    /// The line of the desk that holds `text`, counted from 1: the test
    /// reads the number off the source instead of writing it down.
    static func line(of text: String) throws -> Int {
        let lines = desk.split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(text) }) + 1
    }

    static func ticket() throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "desk.flow", text: Self.desk)).workflow)
        return TicketHarness(workflow, category: "t", owner: People.user)
    }

    @Test("opening names the ticket's declaration")
    func opening() throws {
        let ticket = try Self.ticket()
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "ticket t \"T\"")])
        #expect(ticket.lastRules.first?.location.path == "desk.flow")
    }

    @Test("a button that moves the ticket names its transition, on its line")
    func transitionFired() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        ticket.press("subir", by: People.cm)
        #expect(ticket.state.state == "arriba")
        #expect(ticket.lastRules == [FiredRule(location: SourceSpot(path: "desk.flow", line: try Self.line(of: "on button subir"), column: 5),
                                               rule: "on button subir by cm")])
    }

    @Test("a member pressing a staff button: refused by the rule that names who may")
    func refusedByWho() throws {
        var ticket = try Self.ticket()
        let effects = ticket.press("subir", by: People.user)
        #expect(!effects.refusals.isEmpty)
        #expect(ticket.lastRules.map(\.outcome) == [.refused])
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "on button subir")])
    }

    @Test("staff writing before the member: removed by `user speaks first`")
    func userSpeaksFirst() throws {
        var ticket = try Self.ticket()
        let effects = ticket.say(People.cm, "Hola, ¿qué pasa?", id: "m1")
        #expect(effects.deletedMessages == ["m1"])
        #expect(ticket.lastRules.map(\.rule) == ["user speaks first"])
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "user speaks first")])
        #expect(ticket.lastRules.map(\.outcome) == [.refused])
    }

    @Test("a second staff member writing in someone's ticket: removed by the exclusive claim; after 2 h, the takeover")
    func claimAndTakeover() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "Te atiendo")
        let removed = ticket.say(People.cm2, "Yo también", id: "m2")
        #expect(removed.deletedMessages == ["m2"])
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "claim exclusive")])
        ticket.wait(2 * 3_600 + 60)
        ticket.say(People.cm2, "Sigo yo", id: "m3")
        #expect(ticket.state.handler == People.cm2.id)
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "takeover after 2h")])
        #expect(ticket.lastRules.map(\.outcome) == [.fired])
    }

    @Test("a close that skips a mandatory step: refused by the `must` line, not by the close")
    func mandatoryRefusal() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        let effects = ticket.press("cerrar", by: People.cm)
        #expect(!ticket.state.isClosed)
        #expect(!effects.refusals.isEmpty)
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "must escalate to trainee")])
        #expect(ticket.lastRules.map(\.outcome) == [.refused])
    }

    @Test("timers: the reminder and the silence close each name their own line")
    func timers() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "¿Sigues ahí, <@100>?", mentionsOwner: true)
        ticket.wait(11 * 3_600 + 60)
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "remind 1h before close")])
        ticket.wait(3_600)
        #expect(ticket.state.isClosed)
        #expect(ticket.lastRules.map(\.location.line) == [try Self.line(of: "after 12h of user silence")])
        #expect(ticket.lastRules.first?.rule == "after 12h of user silence")
    }
}
