/// E201: with several states, exactly one is marked `initial`, and no state
/// is called `closed` (that one is built in).
struct InitialStateCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for ticket in context.tickets {
            let states = ticket.declaration.body.states
            for state in states where state.name.text == EffectiveTicket.closedState {
                diagnostics.report(.duplicateName, "`closed` is the built-in final state of every ticket",
                                   at: state.name.range, help: "use `close` to end a ticket, or give this state another name")
            }
            var first: [String: Name] = [:]
            for state in states {
                guard let earlier = first[state.name.text] else { first[state.name.text] = state.name; continue }
                diagnostics.report(.duplicateName, "the state `\(state.name.text)` is declared twice", at: state.name.range,
                                   related: [.init(earlier.range, "first declared here")])
            }
            guard states.count > 1 else { continue }
            let initials = states.filter(\.isInitial)
            if initials.isEmpty {
                diagnostics.report(.missingInitialState, "the ticket `\(ticket.name)` has no initial state",
                                   at: ticket.declaration.name.range,
                                   help: "mark the state tickets start in: `state \(states[0].name.text) initial { ... }`")
            }
            for extra in initials.dropFirst() {
                diagnostics.report(.missingInitialState, "the ticket `\(ticket.name)` has more than one initial state",
                                   at: extra.name.range, help: "keep `initial` on one state only")
            }
        }
    }
}
