import Engine
import Foundation
import Testing
import WorkflowDSL

/// Seed 001's ownership sentence: «Esta regla de exclusividad solo se anula
/// en dos escenarios: cuando un rango superior (Administrador, Manager u
/// Owner) considera indispensable intervenir, o si el encargado original
/// permanece inactivo por más de dos horas, momento en el cual un
/// compañero de igual o mayor rango estará facultado para hacerse cargo del
/// soporte.» Override and takeover, and how they read together.
@Suite("Ticket machine: override and takeover together")
struct OwnershipTests {
    static let desk = """
    locales es
    ranks cm < trainee < admin < manager
    channel soporte
    panel p "Soporte" in soporte { opens t, d, h }
    defaults {
      claim exclusive
      override by admin
      takeover after 2h by same rank or higher
    }
    ticket t "T" {
      receives cm
      button cerrar "Cerrar"
      on button cerrar by handler: close "Cerrado"
    }
    ticket d "Donaciones" {
      receives manager
      after 1d: close "Atendido"
    }
    ticket h "Superior" {
      receives cm
      override by higher rank
      after 1d: close "Atendido"
    }

    """

    static let manager = Person(id: "600", name: "Eva", ranks: ["manager"])

    static func ticket(_ category: String = "t") throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "o.flow", text: Self.desk)).workflow)
        var ticket = TicketHarness(workflow, category: category, owner: People.user)
        ticket.say(People.user, "Hola")
        return ticket
    }

    @Test("an Administrador steps in at any time without owning the ticket; after two hours of the Trainee's silence she takes it over and may close it")
    func overrideRankTakesOverAfterTheInactivity() throws {
        var ticket = try Self.ticket()
        ticket.say(People.trainee, "Te atiendo yo")
        #expect(ticket.state.handler == People.trainee.id)
        let early = ticket.say(People.admin, "Intervengo un momento")
        #expect(early.deletedMessages.isEmpty, "a superior may always write")
        #expect(ticket.lastRules.map(\.rule) == ["override by admin"])
        #expect(ticket.state.handler == People.trainee.id, "stepping in does not take the ticket")
        #expect(!ticket.press("cerrar", by: People.admin).refusals.isEmpty, "only the handler closes")

        ticket.wait(2 * 3600 + 60)
        ticket.say(People.admin, "El Trainee no responde: me hago cargo")
        #expect(ticket.state.handler == People.admin.id, "after the inactivity, the override rank takes over like anyone of equal or higher rank")
        #expect(ticket.lastRules.map(\.rule) == ["takeover after 2h"])
        ticket.press("cerrar", by: People.admin)
        #expect(ticket.state.isClosed)
    }

    @Test("a peer below the handler's rank never takes over, however long the silence; a peer of the same rank does")
    func takeoverByRank() throws {
        var ticket = try Self.ticket()
        ticket.say(People.trainee, "Te atiendo yo")
        ticket.wait(3 * 3600)
        let below = ticket.say(People.cm, "¿Sigo yo?")
        #expect(!below.deletedMessages.isEmpty)
        #expect(ticket.state.handler == People.trainee.id)
        ticket.say(Person(id: "301", name: "Fede", ranks: ["trainee"]), "Lo tomo")
        #expect(ticket.state.handler == "301")
    }

    @Test("an override never makes its owner someone the ticket is not for: an Administrador who writes first in a Manager's donation ticket does not own it, and the Manager does")
    func overrideNeverOwnsATicketOfAHigherRank() throws {
        var ticket = try Self.ticket("d")
        let admin = ticket.say(People.admin, "Hola, ¿en qué te ayudo?")
        #expect(admin.deletedMessages.isEmpty)
        #expect(ticket.state.handler == nil)
        let manager = ticket.say(Self.manager, "Te atiendo yo")
        #expect(manager.deletedMessages.isEmpty)
        #expect(ticket.state.handler == Self.manager.id)
    }

    @Test("`override by higher rank`: a rank above the handler's may step in, one of the same rank may not")
    func overrideAboveTheHandler() throws {
        var ticket = try Self.ticket("h")
        ticket.say(People.cm, "Te atiendo")
        #expect(ticket.state.handler == People.cm.id)
        #expect(!ticket.say(People.cm2, "Yo también").deletedMessages.isEmpty, "a peer of the handler is refused")
        #expect(ticket.say(People.trainee, "Intervengo").deletedMessages.isEmpty, "a superior of the handler steps in")
        #expect(ticket.lastRules.map(\.rule) == ["override by higher rank"])
        #expect(ticket.state.handler == People.cm.id)
    }
}
