import WorkflowDSL

/// `/close_inactive CATEGORY TIME [REASON]`: every ticket of one category of
/// one workflow file where nobody has acted for that long, closed through
/// the close path (transcript, farewell, the member's transcript, the
/// rating), each in its own transaction. A run stops after
/// `bulkCloseLimit` tickets: Discord's limits pace what each close sends
/// (the outbox delivers it), and the answer says how many are left.
extension TicketEngine {
    public static let bulkCloseLimit = 100

    /// What the staff member is told, and the steps that closed tickets.
    public struct BulkClose: Sendable {
        public let notice: Notice
        public let closed: [StepOutcome]

        public init(notice: Notice, closed: [StepOutcome]) {
            self.notice = notice
            self.closed = closed
        }
    }

    /// `sourceID` makes a command Discord delivers twice close nothing twice.
    public func closeInactive(guild: String, workflow path: String, category name: String, idleFor seconds: Int64, reason: String,
                              by person: Person, sourceID: String, now: Int64) async throws(EngineError) -> BulkClose {
        guard let workflow = currentWorkflow(path), let category = workflow.category(named: name) else {
            return BulkClose(notice: .noCategoryToCloseInBulk(String(name.prefix(100))), closed: [])
        }
        guard workflow.mayCloseInBulk(category, by: person) else {
            return BulkClose(notice: .notAllowed(who: workflow.bulkClosers(of: category), displayNames: workflow.displayNames), closed: [])
        }
        let idle = try await tickets(openOnly: true).filter { ticket in
            ticket.guild == guild && ticket.state.category == name && workflowPath(of: ticket.state) == path
                && now - ticket.state.lastActivityAt >= seconds
        }.sorted { $0.id < $1.id }
        guard !idle.isEmpty else { return BulkClose(notice: .noneInactive(category: category.label), closed: []) }
        var closed: [StepOutcome] = []
        for ticket in idle.prefix(Self.bulkCloseLimit) {
            let outcome = try await handle(.closedForInactivity(idleFor: seconds, reason: reason, by: person), ticket: ticket.id,
                                           sourceID: "\(sourceID):\(ticket.id)", now: now)
            if let outcome, outcome.ticket.state.isClosed { closed.append(outcome) }
        }
        return BulkClose(notice: .closedInBulk(count: closed.count, category: category.label, left: max(0, idle.count - Self.bulkCloseLimit)),
                         closed: closed)
    }

}
