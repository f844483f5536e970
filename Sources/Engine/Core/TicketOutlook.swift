import WorkflowDSL

/// Where a ticket stands and what comes next, as its machine sees it: the
/// escalation reached, the evidence received and missing, and each timer
/// still set with the written rule it will fire. The playground's panel
/// (and the staff desk's queue) read it instead of working the rules out
/// a second time.
public struct TicketOutlook: Sendable, Hashable {
    public struct EvidenceItem: Sendable, Hashable {
        public let name: String
        public let label: String
        /// What was received for it; empty while it is missing.
        public let received: [String]
    }

    public struct DueRule: Sendable, Hashable {
        public let dueAt: Int64
        /// The rule the timer fires when its time comes.
        public let rule: FiredRule
    }

    /// How far up the category's escalation chain the ticket went (0: not escalated).
    public let escalationStep: Int
    /// The rank, role or person the ticket was escalated or assigned to.
    public let assignedTo: String?
    public let evidence: [EvidenceItem]
    /// Soonest first.
    public let due: [DueRule]
}

extension TicketMachine {
    /// The outlook of `state` with the timers the store holds for it. A
    /// timer of an earlier visit of the state does nothing when it falls
    /// due, so it is left out.
    public func outlook(of state: TicketState, timers: [TicketTimer]) -> TicketOutlook {
        let evidence = category.evidence.map {
            TicketOutlook.EvidenceItem(name: $0.name, label: $0.label, received: state.evidence[$0.name] ?? [])
        }
        let transitions = tables.transitionsByState[state.state] ?? []
        let due = timers.sorted { ($0.dueAt, $0.key) < ($1.dueAt, $1.key) }.compactMap { timer -> TicketOutlook.DueRule? in
            switch timer.purpose {
            case .transition(let index):
                guard timer.generation == state.generation, transitions.indices.contains(index) else { return nil }
                return .init(dueAt: timer.dueAt, rule: transitions[index].firedRule())
            case .reminder:
                guard timer.generation == state.generation, let reminder = category.reminder else { return nil }
                let spot = category.ruleSpots?.reminder ?? category.location
                return .init(dueAt: timer.dueAt, rule: FiredRule(location: spot, rule: reminder.ruleText))
            case .farewell:
                return .init(dueAt: timer.dueAt, rule: FiredRule(location: category.location, rule: "farewell: close after the member's silence"))
            case .farewellAnswered:
                return .init(dueAt: timer.dueAt, rule: FiredRule(location: category.location, rule: "farewell: ask staff if nobody answers the member"))
            }
        }
        return TicketOutlook(escalationStep: state.escalationStep, assignedTo: state.assignedTo.map(\.ruleText),
                             evidence: evidence, due: due)
    }
}
