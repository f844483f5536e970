/// E209 and W210: a mandatory step (`must escalate to trainee before
/// close`) the workflow cannot honour.
///
/// - E209 mandatory-step-impossible: nothing in the category ever escalates
///   to that rank (or above it): Escala would refuse every staff close.
/// - W210 close-always-refused: a close written in a state that is only
///   reached without the step: the button is there, and pressing it is
///   always refused. (Closes from `defaults` are not reported: they also
///   run after the step, and Escala refuses them before it.)
struct MandatoryStepCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        let levels = context.symbols.rankLevels
        for ticket in context.tickets {
            for step in ticket.body.mandatory {
                guard case .escalation(let required) = step.requirement else { continue }
                /// Whether `transition` does the required escalation.
                func meets(_ transition: Transition) -> Bool {
                    transition.actions.contains { action in
                        switch action.kind {
                        case .escalateTo(let target, _):
                            if target.text == required.text { return true }
                            guard let level = levels[target.text], let needed = levels[required.text] else { return false }
                            return level >= needed
                        case .escalateUp:
                            guard let needed = levels[required.text] else { return false }
                            return ticket.body.escalation.contains { (levels[$0.text] ?? -1) >= needed }
                        default:
                            return false
                        }
                    }
                }
                guard ticket.allTransitions.contains(where: meets) else {
                    diagnostics.report(.mandatoryStepImpossible,
                                       "`\(ticket.name)` must be escalated to `\(required.text)` before it closes, but nothing escalates it there",
                                       at: step.range,
                                       help: "add the escalation (`on button NAME by cm: escalate to \(required.text)`), or remove this `must`")
                    continue
                }
                guard case .close = step.gate else { continue }
                reportAlwaysRefusedCloses(ticket, meets: meets, &diagnostics)
            }
        }
    }

    /// Walks the states from the initial one, with and without the step
    /// done; a state's own staff close seen only without it is reported.
    static func reportAlwaysRefusedCloses(_ ticket: EffectiveTicket, meets: (Transition) -> Bool, _ diagnostics: inout DiagnosticBag) {
        guard let initial = ticket.initialState else { return }
        let byName = Dictionary(ticket.states.map { ($0.name.text, $0) }, uniquingKeysWith: { first, _ in first })
        let atOpening = ticket.body.transitions.contains { if case .opened = $0.trigger { meets($0) } else { false } }
        var seen: Set<String> = []
        var queue = [(initial.name.text, atOpening)]
        while let (name, done) = queue.popLast() {
            guard seen.insert("\(name)|\(done)").inserted, let state = byName[name] else { continue }
            for transition in ticket.transitions(in: state) {
                let after = done || meets(transition)
                let targets = transition.actions.compactMap { action -> String? in
                    if case .goTo(let target) = action.kind { target.text } else { nil }
                }
                // A rule that stays in the state may do the escalation too.
                queue += (targets.isEmpty ? [name] : targets).map { ($0, after) }
            }
        }
        for state in ticket.states where seen.contains("\(state.name.text)|false") && !seen.contains("\(state.name.text)|true") {
            for transition in state.transitions where closesByStaff(transition) {
                diagnostics.report(.closeAlwaysRefused,
                                   "this close in `\(state.name.text)` is always refused: the ticket only gets here before the mandatory escalation",
                                   at: transition.headRange,
                                   help: "escalate before coming here, or move the close to a state after the escalation")
            }
        }
    }

    /// A close a staff member causes (the member withdrawing and timers are
    /// never held back).
    static func closesByStaff(_ transition: Transition) -> Bool {
        guard transition.actions.contains(where: { if case .close = $0.kind { true } else { false } }) else { return false }
        switch transition.trigger {
        case .timer, .opened, .memberLeft, .channelDeleted, .userMessage, .evidenceComplete: return false
        default: return !transition.actors.map(\.text).elementsEqual(["user"])
        }
    }
}
