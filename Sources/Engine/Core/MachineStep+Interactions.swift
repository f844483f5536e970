import WorkflowDSL

/// Buttons, commands and forms, judged by who pressed or filled them.
extension MachineStep {
    mutating func interaction(_ event: CompiledTransition.Event, by person: Person) {
        if case .button(let name) = event, answerFarewell(button: name, by: person) { return }
        if case .button(TicketMachine.reportedMessageButton) = event { return showReported(to: person) }
        let candidates = transitions.filter { $0.event == event }
        guard !candidates.isEmpty else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return
        }
        // The refusal names who could act now: a rule whose condition does
        // not hold (a sanction reserved to admins when the reported person is
        // staff) must not make the button look open to everyone it lists.
        let applicable = candidates.filter { $0.condition.map(holds) ?? true }
        guard !applicable.isEmpty else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return
        }
        guard applicable.contains(where: { allows($0.actors, person) }) else {
            let who = applicable.flatMap(\.actors)
            rules += applicable.map { $0.firedRule(.refused) }
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notAllowed(who: who, displayNames: workflow.displayNames),
                                                                                   locale: locale)))
            return
        }
        if !fire(event, by: person) {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
        }
    }

    mutating func formSubmitted(_ form: String, by person: Person, answers: [String: String]) {
        guard takeOffer(.form(form, to: person.id)) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return
        }
        if form == TicketMachine.topicForm {
            setTopic(answers[TicketMachine.topicAnswer] ?? "", by: person)
            return
        }
        if form == TicketMachine.closeReasonForm {
            closeAskingFirst(reason: answers[TicketMachine.closeReasonAnswer].flatMap { $0.isEmpty ? nil : $0 } ?? "—", by: person)
            return
        }
        for (key, value) in (machine.workflow.forms[form]?.questions ?? []).accepted(answers) { state.answers[key] = value }
        fire(.formSubmitted(form), by: person)
    }
}
