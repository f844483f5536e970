import Engine
import Foundation
import Testing
import WorkflowDSL

/// What a ticket is waiting for, read from the machine: the playground's
/// panel shows it beside each ticket.
@Suite("Ticket machine: the outlook of a ticket")
struct TicketOutlookTests {
    @Test("each timer still set is shown with the rule it will fire; a stale one is not")
    func dueRules() throws {
        var ticket = try FiredRuleTests.ticket()
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "¿Sigues ahí, <@100>?", mentionsOwner: true)
        let outlook = ticket.machine.outlook(of: ticket.state, timers: Array(ticket.timers.values))
        #expect(outlook.due.map(\.rule.rule) == ["remind 1h before close", "after 12h of user silence"])
        #expect(outlook.due.map(\.dueAt) == [ticket.now + 11 * 3_600, ticket.now + 12 * 3_600])
        let visit = ticket.state.generation
        ticket.press("subir", by: People.cm)
        // A timer of `abierto`'s visit does nothing in `arriba`: not shown.
        let stale = ticket.machine.outlook(of: ticket.state, timers: [TicketTimer(purpose: .transition(index: 0), generation: visit, dueAt: ticket.now + 60)])
        #expect(stale.due.isEmpty)
        #expect(stale.escalationStep == 1)
    }

    @Test("evidence asked for: what came and what is missing")
    func evidence() throws {
        let desk = """
        ranks cm < admin
        channel soporte
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives cm
          require attachment captura "Una captura"
          require text hechos "Qué pasó"
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }

        """
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "e.flow", text: desk)).workflow)
        var ticket = TicketHarness(workflow, category: "t", owner: People.user)
        ticket.say(People.user, "Aquí va", attachments: ["https://cdn.example/a.png"])
        let outlook = ticket.machine.outlook(of: ticket.state, timers: [])
        #expect(outlook.evidence.map(\.name) == ["captura", "hechos"])
        #expect(outlook.evidence.map { $0.received.isEmpty } == [false, true])
    }
}
