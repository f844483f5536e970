/// E206: two transitions in one place that react to the same event, from the
/// same people, under the same condition. Which one should win is not
/// something the engine should guess.
struct AmbiguityCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for group in context.transitionGroups { report(group.transitions, context, &diagnostics) }
    }

    static func report(_ transitions: [Transition], _ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        var seen: [String: Transition] = [:]
        for transition in transitions {
            let key = EventKey(transition).text + "|" + (transition.condition?.canonical ?? "")
            if let first = seen[key] {
                diagnostics.report(.ambiguousTransitions,
                                   "this transition and the one on line \(context.line(of: first.headRange)) both fire on `\(transition.trigger.key)`",
                                   at: transition.headRange,
                                   help: "merge their actions into one transition, or tell them apart with `if ...` or `by ...`")
            } else {
                seen[key] = transition
            }
        }
    }
}
