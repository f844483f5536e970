/// E208: `sanctioner` in a category where no sanction is ever chosen.
/// The sanctioner is whoever applied the sanction: the staff member who
/// applies one with `choose sanction`, or the applier the ledger records
/// for the sanction an appeal names with `choose appealed sanction`;
/// without either step nobody is ever the
/// sanctioner, so `by sanctioner` lets no one act and `escalate to
/// sanctioner` reaches no one.
struct SanctionerCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for ticket in context.tickets {
            let transitions = ticket.allTransitions
            let chooses = transitions.contains { $0.actions.contains { switch $0.kind { case .chooseSanction, .chooseAppealedSanction: true; default: false } } }
            guard !chooses else { continue }
            let help = "let staff name the sanction first: in an appeal `on button NAME by cm: choose appealed sanction` "
                + "(the member's recorded sanction: its applier is the sanctioner); elsewhere `choose sanction` (whoever applies it)"
            for transition in transitions {
                for actor in transition.actors where actor.text == "sanctioner" {
                    diagnostics.report(.sanctionerNeverChosen,
                                       "`by sanctioner` in `\(ticket.name)`, where no sanction is ever chosen: nobody can do this",
                                       at: actor.range, help: help)
                }
                for action in transition.actions {
                    switch action.kind {
                    case .escalateTo(let target, _) where target.text == "sanctioner",
                         .mention(let target) where target.text == "sanctioner":
                        diagnostics.report(.sanctionerNeverChosen,
                                           "`\(ticket.name)` never chooses a sanction, so `sanctioner` is nobody here",
                                           at: target.range, help: help)
                    default:
                        break
                    }
                }
            }
        }
    }
}
