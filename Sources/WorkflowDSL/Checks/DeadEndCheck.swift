/// E203: a state that is not final but has no transition leading out of it.
/// A ticket there would stay open forever.
struct DeadEndCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for ticket in context.tickets {
            for state in ticket.states where !state.isFinal {
                let leaves = ticket.transitions(in: state).contains { transition in
                    guard let target = transition.target else { return false }
                    return target != state.name.text
                }
                if !leaves {
                    diagnostics.report(.deadEndState,
                                       "tickets in the state `\(state.name.text)` can never leave it",
                                       at: state.name.range,
                                       help: "add a transition with `go to ...` or `close`, or mark it `final`")
                }
            }
        }
    }
}
