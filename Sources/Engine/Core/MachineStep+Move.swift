import WorkflowDSL

/// `/move CATEGORY`: a ticket that turns out to be another kind of case (a
/// «Consultas» that is a report) goes to another category of its workflow,
/// keeping its number, member, guests, conversation, answers and evidence.
extension MachineStep {
    /// The category the ticket may move to; nil (with the refusal added)
    /// when it may not. The old category's timers are cancelled here.
    mutating func departure(to target: String, by person: Person) -> TicketMachine? {
        guard mayUse(.move, person) else { return nil }
        guard target != category.name else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.alreadyInCategory(category.label), locale: locale)))
            return nil
        }
        guard let destination = TicketMachine(workflow: workflow, category: target) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.noSuchCategory(target), locale: locale)))
            return nil
        }
        cancelTimers()
        return destination
    }

    /// The ticket arrives in this step's category from `origin`: it starts
    /// at its first state as the new category's (nobody handles it; its
    /// receiving ranks are shown the channel and pinged; the evidence it
    /// asks for that is still missing is asked for; its timers start).
    mutating func arrive(from origin: Category, movedBy person: Person?) {
        let released = state.handler
        state.category = category.name
        state.state = category.initialState
        state.enteredStateAt = now
        state.generation += 1
        state.handler = nil
        state.handlerLevel = nil
        state.assignedTo = nil
        state.escalationStep = 0
        state.escalations = nil
        state.releasedHandlers = nil
        // The old category's own rules' marks and questions in flight.
        state.flags = []
        state.offers = nil
        state.awaitingEvidence = nil
        state.pendingClose = nil
        state.farewellAnswered = nil
        if person != nil {
            rules.append(FiredRule(location: origin.rule(for: .move)?.location ?? origin.location, rule: "move to \(category.name)"))
        }
        effects.append(.move(category: category.name))
        effects.append(.rename(channelName))
        let notice: Notice = person.map { .moved(from: origin.label, to: category.label, by: $0.id, released: released) }
            ?? .movedByRule(from: origin.label, to: category.label)
        effects.append(.notice(text: NoticeCatalogue.text(notice, locale: locale), pinging: []))
        if !category.receivers.isEmpty {
            effects.append(.mention(ranks: category.receivers.map(\.pingedExactly), people: []))
        }
        let missing = category.evidence.filter { $0.isMembers && (state.evidence[$0.name] ?? []).isEmpty }
        if !missing.isEmpty {
            effects.append(.send(text: NoticeCatalogue.text(.evidenceNeeded(missing.map(\.label)), locale: locale), buttons: [], pings: []))
        }
        showButtons()
        scheduleTimers()
    }
}
