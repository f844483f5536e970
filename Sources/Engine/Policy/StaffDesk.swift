import Synchronization
import WorkflowDSL

/// One ticket as the staff desk lists and shows it: the ticket, the
/// workflow it runs, where it stands and which rule is due next (the
/// machine's outlook, never recomputed by a page), and since when its
/// member has been waiting for an answer.
public struct DeskEntry: Sendable {
    public let ticket: StoredTicket
    public let workflowPath: String
    public let outlook: TicketOutlook?
    /// The buttons of the ticket's state, as the ticket's message offers
    /// them; pressing one on the desk is the same event as on Discord.
    public let buttons: [Category.Button]

    public var waitingSince: Int64? { ticket.state.memberWaitingSince }
}

extension TicketState {
    /// When the member last wrote, if nobody of the staff has written
    /// since: the desk's queue puts these first, longest wait first.
    public var memberWaitingSince: Int64? {
        guard !isClosed, let spoke = lastUserMessageAt else { return nil }
        let answered = max(lastStaffMessageAt ?? .min, lastHandlerMessageAt ?? .min)
        return answered < spoke ? spoke : nil
    }
}

extension TicketMachine {
    /// Who the desk shows a ticket to, as tokens (`u:ID` a person, `r:NAME`
    /// a rank or side role, `staff` anyone of the staff), from the rules
    /// that let people see and read it on Discord: its member, guests and
    /// handler; the ranks and roles that receive it or it was escalated to,
    /// with the ranks above them (and its sanctioner, when it went to
    /// them); the staff it is for (its chain and the rank it was assigned
    /// to, any staff when it names none) and its `override by` ranks; and
    /// the ladder's top rank, which may step into any ticket. Kept on the
    /// ticket's row, so that the queue is one indexed query.
    public func deskAudience(of state: TicketState) -> [String] {
        var tokens: Set<String> = ["u:" + state.owner]
        if let handler = state.handler { tokens.insert("u:" + handler) }
        for guest in state.guests ?? [] { tokens.insert("u:" + guest) }
        func add(_ actor: Actor) {
            switch actor {
            case .anyStaff: tokens.insert("staff")
            case .user, .handler: break // the member and the handler are in already
            case .sanctioner: if let sanctioner = state.sanctioner { tokens.insert("u:" + sanctioner) }
            case .rank, .role: for name in workflow.ranksAndRoles(standingFor: actor) { tokens.insert("r:" + name) }
            }
        }
        // Those it is shown to: `staff` there names no rank to show it to.
        for actor in category.receivers + (state.escalations ?? []) {
            if case .anyStaff = actor { continue }
            add(actor)
        }
        let staffItIsFor = category.receivers + category.escalation + (state.assignedTo.map { [$0] } ?? [])
        if staffItIsFor.isEmpty { tokens.insert("staff") } else { staffItIsFor.forEach(add) }
        if case .rank(let rank)? = category.override, let level = levels[rank] {
            for name in workflow.ranks[level...] { tokens.insert("r:" + name) }
        }
        if let top = workflow.ranks.last { tokens.insert("r:" + top) }
        return tokens.sorted()
    }

    /// A viewer's own tokens for `deskAudience`.
    public static func deskTokens(of person: Person) -> [String] {
        ["u:" + person.id] + (person.ranks + person.roles).map { "r:" + $0 } + (person.isStaff ? ["staff"] : [])
    }

    /// Whether the desk shows a ticket to `person`.
    public func showsOnDesk(_ state: TicketState, to person: Person) -> Bool {
        !Set(deskAudience(of: state)).isDisjoint(with: Self.deskTokens(of: person))
    }

    /// What the ticket's row keeps for the desk's queue.
    public func deskColumns(of state: TicketState) -> DeskColumns {
        DeskColumns(audience: "," + deskAudience(of: state).joined(separator: ",") + ",", waitingSince: state.memberWaitingSince,
                    priorityRank: state.priority.flatMap { level in workflow.priorities.firstIndex { $0.name == level } })
    }

    /// The buttons of `state`, as its ticket's message shows them.
    public func buttons(in state: TicketState) -> [Category.Button] {
        let names = MachineStep(machine: self, state: state, now: state.enteredStateAt).buttons()
        return names.compactMap { name in category.buttons.first { $0.name == name } }
    }
}

/// A page of the desk's queue: the tickets asked for, each with its
/// outlook, and the open tickets the viewer may see counted by category,
/// state and handler (what the filters offer; `matching` of them pass).
public struct DeskQueue: Sendable {
    public let entries: [DeskEntry]
    public let matching: Int
    public let facets: [DeskFacet]
}

extension TicketEngine {
    /// The open tickets of `guild` the desk shows to someone who is
    /// `people[path]` to each workflow (nobody to a workflow left out),
    /// those `filter` admits, from `offset`, at most `limit`: the members
    /// waiting for an answer first, longest wait first, then the most
    /// urgent priority, then the oldest. One indexed query on the rows'
    /// desk columns; only the page's tickets are decoded and get their
    /// outlook (their timers, read in the same transaction).
    public func deskQueue(guild: String, people: [String: Person], filter: DeskFilter = DeskFilter(),
                          offset: Int = 0, limit: Int = .max) async throws(EngineError) -> DeskQueue {
        try await fillMissingDeskColumns()
        let (viewers, member) = deskViewers(people)
        let (tickets, facets) = try await read { transaction in
            (try transaction.deskTickets(guild: guild, viewers: viewers, owner: member, filter: filter, offset: offset, limit: limit),
             try transaction.deskFacets(guild: guild, viewers: viewers))
        }
        return DeskQueue(entries: try await deskEntries(tickets, people: people),
                         matching: facets.filter(filter.admits).reduce(0) { $0 + $1.count }, facets: facets)
    }

    /// The closed tickets of `guild` the desk shows to that person, the
    /// most recently closed first: a member's own (their transcripts), or
    /// those staff may see.
    public func deskClosed(guild: String, people: [String: Person], offset: Int = 0, limit: Int = 20) async throws(EngineError) -> [DeskEntry] {
        try await fillMissingDeskColumns()
        let (viewers, member) = deskViewers(people)
        let tickets = try await read { try $0.deskClosedTickets(guild: guild, viewers: viewers, owner: member, offset: offset, limit: limit) }
        return try await deskEntries(tickets, people: people)
    }

    /// Ticket `number` of `guild` (open or closed) if the desk may show it
    /// to that person; nil otherwise, so that a page cannot tell a ticket
    /// the viewer may not see from one that does not exist.
    public func deskTicket(guild: String, number: Int, people: [String: Person]) async throws(EngineError) -> DeskEntry? {
        guard let ticket = try await ticket(guild: guild, number: number) else { return nil }
        return try await deskEntries([ticket], people: people).first
    }

    /// Ticket `number` of `guild` and the person it is shown to, if the
    /// desk shows it to them: what an action on the desk needs, without
    /// the outlook a page reads.
    public func deskTicketShown(guild: String, number: Int, people: [String: Person]) async throws(EngineError) -> (ticket: StoredTicket, person: Person)? {
        guard let ticket = try await ticket(guild: guild, number: number), let shown = shownOnDesk(ticket, people: people) else { return nil }
        return (ticket, shown.person)
    }

    /// The ticket's workflow file, its machine and the person it is shown
    /// to, judged on the decoded state; nil when the desk does not show it.
    private func shownOnDesk(_ ticket: StoredTicket, people: [String: Person]) -> (path: String, machine: TicketMachine, person: Person)? {
        guard let path = workflowPath(of: ticket.state), let person = people[path],
              let machine = machine(hash: ticket.state.workflowHash, category: ticket.state.category),
              machine.showsOnDesk(ticket.state, to: person) else { return nil }
        return (path, machine, person)
    }

    /// Who the person is to each workflow, as the store filters (every
    /// version of the file, their tokens), and their id when they are staff
    /// to none: a member's queue is the tickets they opened (those they
    /// are a guest in stay on Discord), found by the owner's index.
    private func deskViewers(_ people: [String: Person]) -> (viewers: [DeskViewer], member: String?) {
        let versions = workflowVersionsByPath()
        let viewers = people.map { path, person in DeskViewer(versions: versions[path] ?? [], tokens: TicketMachine.deskTokens(of: person)) }
        return (viewers, people.values.contains { $0.isStaff } ? nil : people.values.first?.id)
    }

    /// Open tickets written before their rows had desk columns get them,
    /// a batch at a time, the first time the queue is read.
    private func fillMissingDeskColumns() async throws(EngineError) {
        guard !deskColumnsFilled.withLock({ $0 }) else { return }
        while true {
            let missing = try await read { try $0.openTicketsWithoutDeskColumns(limit: 500) }
            if missing.isEmpty { break }
            let columns = missing.map { ticket in
                (ticket.id, machine(hash: ticket.state.workflowHash, category: ticket.state.category)?.deskColumns(of: ticket.state)
                    ?? DeskColumns(audience: ",", waitingSince: nil, priorityRank: nil))
            }
            try await write { transaction in
                for (id, desk) in columns { try transaction.recordDeskColumns(ticketID: id, desk) }
            }
        }
        deskColumnsFilled.withLock { $0 = true }
    }

    /// The tickets the desk shows of `tickets` (judged again here, on the
    /// decoded state), in their order, with their outlooks from one read
    /// of their timers.
    private func deskEntries(_ tickets: [StoredTicket], people: [String: Person]) async throws(EngineError) -> [DeskEntry] {
        let shown = tickets.compactMap { ticket in shownOnDesk(ticket, people: people).map { (ticket, $0.path, $0.machine) } }
        let ids = shown.map(\.0.id)
        let timers = try await read { transaction in try ids.map { try transaction.timers(ticketID: $0) } }
        return zip(shown, timers).map { item, timers in
            let (ticket, path, machine) = item
            return DeskEntry(ticket: ticket, workflowPath: path, outlook: machine.outlook(of: ticket.state, timers: timers),
                             buttons: ticket.state.isClosed ? [] : machine.buttons(in: ticket.state))
        }
    }
}
