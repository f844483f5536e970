/// W205: a transition that can never fire.
///
/// - written in a final state (a closed ticket reacts to nothing);
/// - `on evidence complete` in a ticket that requires no evidence;
/// - `on form X submitted` where the ticket never asks form X;
/// - an event no one of the named people can cause (`on user message by admin`);
/// - a transition after an unconditional one for the same event and people,
///   which always takes the event first.
struct NeverFiresCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for ticket in context.tickets {
            let askedForms = Set(ticket.allTransitions.flatMap(\.actions).compactMap { action -> String? in
                if case .ask(let form) = action.kind { return form.text }
                return nil
            })
            for state in ticket.declaration.body.states where state.isFinal {
                for transition in state.transitions {
                    diagnostics.report(.transitionNeverFires,
                                       "`\(state.name.text)` is final: this transition can never fire",
                                       at: transition.headRange,
                                       help: "remove it, or remove `final` from the state")
                }
            }
            for transition in ticket.allTransitions {
                switch transition.trigger {
                case .evidenceComplete where ticket.body.evidence.isEmpty:
                    diagnostics.report(.transitionNeverFires,
                                       "`\(ticket.name)` requires no evidence, so `evidence complete` never happens",
                                       at: transition.headRange,
                                       help: "add what the user must provide with `require ...`")
                case .formSubmitted(let form) where !askedForms.contains(form.text):
                    diagnostics.report(.transitionNeverFires,
                                       "`\(ticket.name)` never shows the form `\(form.text)`, so it is never submitted",
                                       at: transition.headRange,
                                       help: "show it from a button: `on button ...: ask \(form.text)`")
                default:
                    break
                }
                if let impossible = impossibleActor(transition) {
                    diagnostics.report(.transitionNeverFires, impossible, at: transition.headRange)
                }
            }
        }
        // A final state's transitions are already reported above, each once.
        for group in context.transitionGroups where !group.inFinalState {
            reportShadowed(group.transitions, context, &diagnostics)
        }
    }

    /// Users write user messages; staff write staff messages.
    static func impossibleActor(_ transition: Transition) -> String? {
        let actors = Set(transition.actors.map(\.text))
        guard !actors.isEmpty else { return nil }
        switch transition.trigger {
        case .userMessage where !actors.contains("user"):
            return "only the ticket's user writes a `user message`; `by \(transition.actors[0].text)` never matches"
        case .staffMessage where actors == ["user"]:
            return "the ticket's user never writes a `staff message`"
        case .timer:
            return "a timer is not caused by anyone: remove `by ...` from `after`"
        default:
            return nil
        }
    }

    static func reportShadowed(_ transitions: [Transition], _ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        var catchAll: [String: Transition] = [:]
        for transition in transitions {
            let key = EventKey(transition)
            if let first = catchAll[key.text], transition.condition != nil {
                diagnostics.report(.transitionNeverFires,
                                   "this transition never fires: the one on line \(context.line(of: first.headRange)) above takes every `\(transition.trigger.key)` first",
                                   at: transition.headRange,
                                   help: "move the transition with the condition above the one without")
            }
            if transition.condition == nil, catchAll[key.text] == nil { catchAll[key.text] = transition }
        }
    }
}

/// The event and the people a transition reacts to.
struct EventKey: Hashable {
    let text: String

    init(_ transition: Transition) {
        let actors = transition.actors.map(\.text).sorted().joined(separator: ",")
        text = transition.trigger.key + "|" + actors + (transition.actorsExact ? "|only" : "")
    }
}
