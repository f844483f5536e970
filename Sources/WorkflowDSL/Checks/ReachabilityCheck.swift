/// W202: a state no path from the initial state reaches.
struct ReachabilityCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for ticket in context.tickets {
            guard let initial = ticket.initialState else { continue }
            let byName = Dictionary(ticket.states.map { ($0.name.text, $0) }, uniquingKeysWith: { first, _ in first })
            var reached: Set<String> = [initial.name.text]
            var queue = [initial]
            while let state = queue.popLast() {
                for transition in ticket.transitions(in: state) {
                    guard let target = transition.target, let next = byName[target],
                          reached.insert(target).inserted else { continue }
                    queue.append(next)
                }
            }
            for state in ticket.declaration.body.states where !reached.contains(state.name.text) {
                diagnostics.report(.unreachableState,
                                   "the state `\(state.name.text)` can never be reached",
                                   at: state.name.range,
                                   help: "add `go to \(state.name.text)` to a transition of a reachable state, or remove the state")
            }
        }
    }
}
