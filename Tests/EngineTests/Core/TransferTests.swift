import Engine
import Testing
import WorkflowDSL

/// `/transfer @staff`: the handler hands a ticket to a colleague the ticket
/// is for; the exclusive claim then follows the new handler.
@Suite("Ticket machine: transfer")
struct TransferTests {
    @Test("the handler hands the ticket to a peer, who is pinged and holds it; the old handler is now a third party")
    func handOver() throws {
        var ticket = try OwnershipTests.ticket()
        ticket.say(People.cm, "Te atiendo yo")
        let effects = ticket.send(.transferred(to: People.cm2, by: People.cm))
        #expect(ticket.state.handler == People.cm2.id)
        #expect(effects.texts == ["@\(People.cm.id) ha transferido este ticket a @\(People.cm2.id)."])
        #expect(effects.contains { if case .notice(_, let pinging) = $0 { pinging == [People.cm2.id] } else { false } }, "only the new handler is pinged")
        #expect(ticket.lastRules.map(\.rule) == ["transfer to Beto"])
        let after = ticket.say(People.cm, "Sigo por aquí")
        #expect(!after.deletedMessages.isEmpty, "the exclusive claim follows the new handler")
    }

    @Test("only the handler (or the override rank) transfers; nobody to someone the ticket is not for, nor to its member")
    func refusals() throws {
        var ticket = try OwnershipTests.ticket()
        #expect(ticket.send(.transferred(to: People.cm2, by: People.cm)).refusals
                == ["Nadie atiende este ticket todavía: respóndelo primero."])
        ticket.say(People.cm, "Te atiendo yo")
        #expect(ticket.send(.transferred(to: People.cm2, by: People.trainee)).refusals.first?.hasPrefix("Solo ") == true)
        #expect(ticket.send(.transferred(to: People.user, by: People.cm)).refusals.first?.hasSuffix("es para el staff al que va, de su rango o superior.") == true)
        #expect(!ticket.send(.transferred(to: People.programmer, by: People.cm)).refusals.isEmpty, "a side role is not staff")
        #expect(ticket.state.handler == People.cm.id, "nothing changed")
        // The override rank may step in and hand it on.
        ticket.send(.transferred(to: People.trainee, by: People.admin))
        #expect(ticket.state.handler == People.trainee.id)
        // A Donaciones ticket is for managers: a CM cannot be given it.
        var donation = try OwnershipTests.ticket("d")
        donation.say(OwnershipTests.manager, "La atiendo")
        #expect(!donation.send(.transferred(to: People.cm, by: OwnershipTests.manager)).refusals.isEmpty)
        #expect(donation.state.handler == OwnershipTests.manager.id)
    }
}
