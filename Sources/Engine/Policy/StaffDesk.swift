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
    /// Whether the desk shows a ticket to `person`: the rule of the ticket
    /// itself (its member, guest or handler; the ranks and roles that
    /// receive it or it was escalated to, and those above them; its
    /// `override by` ranks), and the ladder's top rank, which sees every
    /// ticket, as it may step into any on Discord.
    public func showsOnDesk(_ state: TicketState, to person: Person) -> Bool {
        let step = MachineStep(machine: self, state: state, now: state.enteredStateAt)
        if step.sees(person) || step.mayRead(person) { return true }
        guard let level = level(of: person) else { return false }
        return level == levels.values.max()
    }

    /// The buttons of `state`, as its ticket's message shows them.
    public func buttons(in state: TicketState) -> [Category.Button] {
        let names = MachineStep(machine: self, state: state, now: state.enteredStateAt).buttons()
        return names.compactMap { name in category.buttons.first { $0.name == name } }
    }
}

/// A page of the desk's queue: the tickets asked for, each with its
/// outlook, how many match the filter, and every open ticket the viewer
/// may see (what the filters offer).
public struct DeskQueue: Sendable {
    public let entries: [DeskEntry]
    public let matching: Int
    public let visible: [StoredTicket]
}

extension TicketEngine {
    /// The open tickets of `guild` the desk shows to someone who is
    /// `people[path]` to each workflow (nobody to a workflow left out),
    /// those `matching` from `offset`, at most `limit`: the members waiting
    /// for an answer first, longest wait first, then the most urgent
    /// priority, then the oldest. Only the page's tickets get their
    /// outlook (their timers, read in one transaction): a queue of 10,000
    /// open tickets reads 50 tickets' timers, not 10,000.
    public func deskQueue(guild: String, people: [String: Person], matching: (TicketState) -> Bool = { _ in true },
                          offset: Int = 0, limit: Int = .max) async throws(EngineError) -> DeskQueue {
        let open = try await read { try $0.tickets(openOnly: true) }
        let visible = open.filter { $0.guild == guild && machineShows($0, people: people) != nil }
        let chosen = visible.filter { matching($0.state) }.sorted { left, right in
            let (a, b) = (left.state, right.state)
            switch (a.memberWaitingSince, b.memberWaitingSince) {
            case (let x?, let y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: break
            }
            let (p, q) = (priorityRank(a), priorityRank(b))
            if p != q { return p < q }
            return (a.openedAt, a.number) < (b.openedAt, b.number)
        }
        let page = Array(chosen.dropFirst(max(0, offset)).prefix(max(0, limit)))
        let entries = try await deskEntries(page, people: people)
        return DeskQueue(entries: entries, matching: chosen.count, visible: visible)
    }

    /// Ticket `number` of `guild` (open or closed) if the desk may show it
    /// to that person; nil otherwise, so that a page cannot tell a ticket
    /// the viewer may not see from one that does not exist.
    public func deskTicket(guild: String, number: Int, people: [String: Person]) async throws(EngineError) -> DeskEntry? {
        guard let ticket = try await ticket(guild: guild, number: number) else { return nil }
        return try await deskEntries([ticket], people: people).first
    }

    /// The ticket's workflow path and machine, if the desk shows it to
    /// that person.
    private func machineShows(_ ticket: StoredTicket, people: [String: Person]) -> (path: String, machine: TicketMachine)? {
        guard let path = workflowPath(of: ticket.state), let person = people[path],
              let machine = machine(hash: ticket.state.workflowHash, category: ticket.state.category),
              machine.showsOnDesk(ticket.state, to: person) else { return nil }
        return (path, machine)
    }

    /// The tickets the desk shows of `tickets`, in their order, with their
    /// outlooks from one read of their timers.
    private func deskEntries(_ tickets: [StoredTicket], people: [String: Person]) async throws(EngineError) -> [DeskEntry] {
        let shown = tickets.compactMap { ticket in machineShows(ticket, people: people).map { (ticket, $0.path, $0.machine) } }
        let ids = shown.map(\.0.id)
        let timers = try await read { transaction in try ids.map { try transaction.timers(ticketID: $0) } }
        return zip(shown, timers).map { item, timers in
            let (ticket, path, machine) = item
            return DeskEntry(ticket: ticket, workflowPath: path, outlook: machine.outlook(of: ticket.state, timers: timers),
                             buttons: ticket.state.isClosed ? [] : machine.buttons(in: ticket.state))
        }
    }

    /// Where the ticket's priority stands in its workflow's list, most
    /// urgent first; none after every level.
    private func priorityRank(_ state: TicketState) -> Int {
        guard let level = state.priority, let workflow = workflow(of: state) else { return .max }
        return workflow.priorities.firstIndex { $0.name == level } ?? .max
    }
}
