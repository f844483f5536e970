import Engine
import Testing
import WorkflowDSL

/// `/add` and `/remove`: a guest let into a ticket to be heard (the
/// reported player, a witness), who is neither its member nor its staff;
/// and `allow`, the workflow's word on who may use each staff tool.
@Suite("Ticket machine: guests and who may use the staff tools")
struct GuestTests {
    static let reported = Person(id: "700", name: "Reportado")
    /// Staff of a side role no ticket is for: a witness from outside the ladder.
    static let witness = Person(id: "701", name: "Testigo", roles: ["programador"])

    @Test("the handler lets a player in: the channel is shown to them, they are pinged, and they write freely; removed, the channel is hidden again")
    func addAndRemove() throws {
        var ticket = try OwnershipTests.ticket()
        ticket.say(People.cm, "Te atiendo yo")
        let added = ticket.send(.added(.member(Self.reported), by: People.cm))
        #expect(added.contains(.setVisibility(ranks: [], people: [Self.reported.id])))
        #expect(added.texts == ["@\(People.cm.id) ha añadido a @\(Self.reported.id) a este ticket."])
        #expect(added.contains { if case .notice(_, let pinging) = $0 { pinging == [Self.reported.id] } else { false } }, "the guest is pinged to find the channel")
        #expect(ticket.lastRules.map(\.rule) == ["add Reportado"])
        #expect(ticket.state.guests == [Self.reported.id])
        #expect(ticket.say(Self.reported, "Yo no fui").deletedMessages.isEmpty)
        #expect(ticket.state.lastUserMessageAt != ticket.now || ticket.state.userHasSpoken, "the member's clock is theirs alone")
        let removed = ticket.send(.removed(Self.reported, by: People.cm))
        #expect(removed.contains(.hide(people: [Self.reported.id])))
        #expect(removed.texts == ["@\(People.cm.id) ha quitado a @\(Self.reported.id) de este ticket."])
        #expect(ticket.state.guests == [])
    }

    @Test("a guest is not the ticket's member: their words neither count as the member's nor stop the silence timer; a staff guest is not caught by the exclusive claim")
    func guestIsNotTheMember() throws {
        var ticket = try OwnershipTests.ticket()
        ticket.say(People.cm, "Te atiendo yo", mentionsOwner: true)
        ticket.send(.added(.member(Self.witness), by: People.cm))
        let silentSince = ticket.state.lastUserMentionAt
        ticket.now += 60
        #expect(ticket.say(Self.witness, "Lo vi todo").deletedMessages.isEmpty, "a side role let in as a witness writes without being a third party")
        #expect(ticket.state.lastUserMentionAt == silentSince, "the member is still silent")
        #expect(ticket.state.handler == People.cm.id, "a guest never takes the ticket")
    }

    @Test("refused: a bot, someone not in the server, someone who already sees the ticket, a guest twice, removing who was not added; and anyone but the handler or the override rank")
    func refusals() throws {
        var ticket = try OwnershipTests.ticket()
        #expect(ticket.send(.added(.member(Self.reported), by: People.cm)).refusals == ["Nadie atiende este ticket todavía: respóndelo primero."])
        ticket.say(People.cm, "Te atiendo yo")
        #expect(ticket.send(.added(.bot("900"), by: People.cm)).refusals == ["No se puede añadir un bot a un ticket."])
        #expect(ticket.send(.added(.absent("901"), by: People.cm)).refusals == ["901 no está en este servidor."])
        #expect(ticket.send(.added(.member(People.user), by: People.cm)).refusals == ["100 ya ve este ticket."], "its member")
        #expect(ticket.send(.added(.member(People.trainee), by: People.cm)).refusals == ["300 ya ve este ticket."], "a rank above the one it is for")
        #expect(ticket.send(.removed(Self.reported, by: People.cm)).refusals == ["700 no fue añadido a este ticket: solo se puede quitar a quien se añadió."])
        #expect(ticket.send(.removed(People.user, by: People.cm)).refusals.count == 1, "the member cannot be shown out of their own ticket")
        #expect(ticket.send(.added(.member(Self.reported), by: People.cm2)).refusals.first?.hasPrefix("Solo 200") == true)
        #expect(ticket.send(.added(.member(Self.reported), by: People.user)).refusals.count == 1)
        ticket.send(.added(.member(Self.reported), by: People.admin))
        #expect(ticket.state.guests == [Self.reported.id], "the override rank may")
        #expect(ticket.send(.added(.member(Self.reported), by: People.cm)).refusals == ["700 ya ve este ticket."])
        #expect(ticket.state.guests == [Self.reported.id])
    }

    static let allowing = """
    locales es
    ranks cm "CM" < trainee "Trainee" < admin "Administrador"
    channel soporte
    panel p "Soporte" in soporte { opens t, u }
    defaults {
      claim exclusive
      allow add, remove by trainee
      allow transfer by handler, admin
    }
    ticket t "T" {
      receives cm
      after 1d: close "Atendido"
    }
    ticket u "U" {
      receives cm
      allow add by staff
      after 1d: close "Atendido"
    }

    """

    @Test("`allow add, remove by trainee`: that rank and those above, handler or not; nobody else, the handler included; a ticket's own `allow` comes before the defaults'")
    func allowRule() throws {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "a.flow", text: Self.allowing)).workflow)
        var ticket = TicketHarness(workflow, category: "t", owner: People.user)
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "Te atiendo yo")
        #expect(ticket.send(.added(.member(Self.reported), by: People.cm)).refusals == ["Solo un Trainee o un rango superior puede hacer esto."])
        #expect(ticket.lastRules.map(\.description) == ["a.flow:7 refused by allow add"])
        ticket.send(.added(.member(Self.reported), by: People.trainee))
        #expect(ticket.state.guests == [Self.reported.id], "a Trainee who does not hold the ticket may")
        #expect(ticket.lastRules.map(\.description) == ["a.flow:7 add Reportado"])
        ticket.send(.transferred(to: People.cm2, by: People.cm))
        #expect(ticket.state.handler == People.cm2.id, "transfer by handler")

        var own = TicketHarness(workflow, category: "u", owner: People.user)
        own.say(People.user, "Hola")
        own.send(.added(.member(Self.reported), by: People.cm))
        #expect(own.state.guests == [Self.reported.id], "`allow add by staff` in the ticket wins over the defaults' trainee")
        #expect(!own.send(.removed(Self.reported, by: People.cm)).refusals.isEmpty, "remove is still the defaults' rule")
    }
}
