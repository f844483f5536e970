/// E204: escalation goes upwards, along the chain. A chain must climb the
/// ladder, `escalate to` may not name a rank below the ones that receive
/// the ticket, nor a rank of the ladder outside the category's chain
/// unless written `escalate directly to` (on purpose), and `escalate up`
/// needs a chain to follow. De-escalation is never silent: a ticket handed
/// back down is `release`d with a message, not escalated.
struct EscalationCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        let levels = context.symbols.rankLevels
        for ticket in context.tickets {
            let body = ticket.body
            var previous: (name: Name, level: Int)?
            for step in body.escalation {
                guard let level = levels[step.text] else { continue }
                if let previous, level <= previous.level {
                    diagnostics.report(.invalidEscalation,
                                       "the escalation chain goes from `\(previous.name.text)` down to `\(step.text)`",
                                       at: step.range, help: "list the chain from the lowest rank to the highest")
                }
                previous = (step, level)
            }
            let lowestReceiver = body.receivers.compactMap { levels[$0.text] }.min()
            for transition in ticket.allTransitions {
                for action in transition.actions {
                    switch action.kind {
                    case .escalateTo(let target, let directly):
                        if let level = levels[target.text], let lowestReceiver, level < lowestReceiver {
                            diagnostics.report(.invalidEscalation,
                                               "`escalate to \(target.text)` goes below the rank that receives `\(ticket.name)`",
                                               at: target.range,
                                               help: "to hand a ticket back down, use `release` and say why with `say`")
                        } else if !directly, levels[target.text] != nil, !body.escalation.isEmpty,
                                  !body.escalation.contains(where: { $0.text == target.text }) {
                            let chain = body.escalation.map(\.text).joined(separator: " > ")
                            diagnostics.report(.invalidEscalation,
                                               "`escalate to \(target.text)` leaves the escalation chain of `\(ticket.name)` (`\(chain)`)",
                                               at: target.range,
                                               help: "add `\(target.text)` to `escalation`, or write `escalate directly to \(target.text)` if the ticket leaves the chain on purpose")
                        }
                    case .escalateUp where body.escalation.isEmpty:
                        diagnostics.report(.invalidEscalation,
                                           "`escalate up` in `\(ticket.name)`, which has no escalation chain",
                                           at: action.range,
                                           help: "add `escalation cm > trainee > ...` to the ticket, or use `escalate to RANK`")
                    default:
                        break
                    }
                }
            }
        }
    }
}
