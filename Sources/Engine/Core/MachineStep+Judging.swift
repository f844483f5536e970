import WorkflowDSL

/// Who a rule allows, and whether its condition holds.
extension MachineStep {
    func allows(_ actors: [Actor], _ person: Person) -> Bool {
        guard !actors.isEmpty else { return true }
        // Ranks, roles and `staff` mean the same in a ticket and outside
        // one; a ticket adds its own people.
        return workflow.allowsOutsideTickets(actors, person) || actors.contains { actor in
            switch actor {
            case .user: person.id == state.owner
            case .handler: person.id == state.handler
            case .sanctioner: person.id == state.sanctioner
            case .anyStaff, .role, .rank: false
            }
        }
    }

    func holds(_ condition: CompiledTransition.Guard) -> Bool {
        switch condition {
        case .flag(let flag): state.flags.contains(flag)
        case .contains(let answer, let text): self.answer(answer).lowercased().contains(text.lowercased())
        case .matches(let answer, let pattern): machine.matches(pattern, self.answer(answer))
        case .answerIs(let answer, let choice): state.answers[answer] == choice
        case .handlerIs(let rank): (state.handlerLevel ?? -1) >= (machine.levels[rank] ?? .max)
        case .sanctionIs(let offence): state.sanction == offence
        case .sanctionChosen: state.sanction != nil
        case .evidenceComplete: evidenceComplete
        case .not(let inner): !holds(inner)
        case .and(let left, let right): holds(left) && holds(right)
        case .or(let left, let right): holds(left) || holds(right)
        }
    }

    func answer(_ name: String) -> String {
        state.answers[name] ?? (state.evidence[name] ?? []).joined(separator: "\n")
    }
}
