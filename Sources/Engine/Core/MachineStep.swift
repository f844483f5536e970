import WorkflowDSL

/// One step in progress: the state being changed and the effects so far.
struct MachineStep {
    let machine: TicketMachine
    var state: TicketState
    let now: Int64
    var effects: [Effect] = []
    /// The written rules that acted in this step, in order.
    var rules: [FiredRule] = []
    /// States entered in this step: a chain of states that each act on
    /// arrival stops rather than loops.
    var entered = 0
    /// A state entered during this step already acted on the complete
    /// evidence: the message that completed it does not fire it twice.
    var evidenceCompleteActed = false
    /// A rule's `move to CATEGORY`: the step ends here, and the machine
    /// carries the ticket to that category (`TicketMachine.finished`).
    var pendingMove: String?

    init(machine: TicketMachine, state: TicketState, now: Int64) {
        self.machine = machine
        self.state = state
        self.now = now
    }

    var category: Category { machine.category }
    var workflow: Workflow { machine.workflow }
    var currentState: State? { machine.tables.statesByName[state.state] }
    var transitions: [CompiledTransition] { machine.tables.transitionsByState[state.state] ?? [] }

    /// Notes that the category rule written at `spot` acted; a version
    /// compiled before rules had spots names none.
    mutating func record(_ spot: SourceSpot?, _ rule: String, _ outcome: FiredRule.Outcome = .fired) {
        guard let spot else { return }
        rules.append(FiredRule(location: spot, rule: rule, outcome: outcome))
    }
}
