import WorkflowDSL

/// Transitions: which one fires, entering states, and each step a transition takes.
extension MachineStep {
    /// Runs the first transition of the current state that matches the
    /// event, the person and its condition. Returns whether one ran.
    @discardableResult
    mutating func fire(_ event: CompiledTransition.Event, by person: Person?, text: String = "") -> Bool {
        let candidates = transitions
        for index in candidates.indices where matches(candidates[index].event, event, text: text) {
            if let person, !allows(candidates[index].actors, person) { continue }
            if person == nil, !candidates[index].actors.isEmpty { continue }
            if let condition = candidates[index].condition, !holds(condition) { continue }
            // A step the category makes mandatory is not skipped by staff,
            // whichever rule (a close inherited from `defaults` included)
            // would skip it. The member withdrawing and timers are not held.
            if let person, person.id != state.owner, let step = skippedMandatoryStep(candidates[index]) {
                let spots = category.ruleSpots?.mandatory ?? []
                if let at = category.mandatory.firstIndex(of: step), spots.indices.contains(at) {
                    record(spots[at], "mandatory step", .refused)
                }
                let notice = Notice.mandatoryStep(step.requirement, beforeClose: step.gate == .close, displayNames: workflow.displayNames)
                effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(notice, locale: locale)))
                return true
            }
            run(candidates[index], by: person)
            return true
        }
        return false
    }

    /// The first mandatory step `transition` would skip: it closes (or
    /// escalates to the gated rank) while the requirement is unmet.
    func skippedMandatoryStep(_ transition: CompiledTransition) -> Category.Mandatory? {
        category.mandatory.first { step in
            let gated = transition.steps.contains { action in
                switch (step.gate, action) {
                case (.close, .close): true
                case (.escalation(let target), .escalateTo(let actor)): target.sameRankOrRole(as: actor)
                case (.escalation(let target), .escalateUp):
                    category.escalation.indices.contains(state.escalationStep + 1)
                        && target.sameRankOrRole(as: category.escalation[state.escalationStep + 1])
                default: false
                }
            }
            return gated && !met(step.requirement)
        }
    }

    func met(_ requirement: Category.Mandatory.Requirement) -> Bool {
        switch requirement {
        case .evidenceComplete: evidenceComplete
        case .sanctionChosen: state.sanction != nil
        case .escalation(.rank(let rank, _)):
            (state.escalations ?? []).contains { reached in
                guard case .rank(let other, _) = reached else { return false }
                return (machine.levels[other] ?? -1) >= (machine.levels[rank] ?? .max)
            }
        case .escalation(let actor): (state.escalations ?? []).contains { $0.sameRankOrRole(as: actor) }
        }
    }

    func matches(_ declared: CompiledTransition.Event, _ event: CompiledTransition.Event, text: String) -> Bool {
        if case .userMessage(let pattern?) = declared, case .userMessage = event {
            return machine.matches(pattern, text)
        }
        return declared == event
    }

    mutating func run(_ transition: CompiledTransition, by person: Person?) {
        rules.append(transition.firedRule())
        for step in transition.steps {
            guard !state.isClosed, pendingMove == nil else { return }
            perform(step, by: person)
        }
        if let target = transition.target, target != State.closed, target != state.state, !state.isClosed, pendingMove == nil {
            enter(target)
        }
    }

    mutating func enter(_ target: String) {
        cancelTimers()
        state.state = target
        state.enteredStateAt = now
        state.generation += 1
        if machine.tables.statesByName[target]?.isFinal == true {
            close(reason: nil)
            return
        }
        showButtons()
        scheduleTimers()
        // The evidence was completed in an earlier state: this state's own
        // `on evidence complete` acts on arrival, rather than wait for an
        // event that already happened (the ticket would be stuck).
        entered += 1
        guard evidenceComplete, entered <= 16, let own = machine.tables.statesByName[target]?.transitions else { return }
        if let rule = own.first(where: { $0.event == .evidenceComplete && $0.actors.isEmpty && ($0.condition.map(holds) ?? true) }) {
            evidenceCompleteActed = true
            run(rule, by: nil)
        }
    }

    mutating func perform(_ step: CompiledTransition.Step, by person: Person?) {
        switch step {
        case .say(let text):
            effects.append(.send(text: render(text), buttons: [], pings: [.user]))
        case .ask(let form):
            if let person {
                offer(.form(form, to: person.id))
                effects.append(.showForm(form, to: person.id))
            }
        case .rename(let template):
            effects.append(.rename(render(template).plain))
        case .notify(let channel, let text, let pings):
            // `pinging moderator` calls the Moderator role, not every rank
            // above it, as an escalation's ping does.
            effects.append(.notify(channel: channel, text: render(text), pings: pings.map(\.pingedExactly)))
        case .publish(let channel, let text):
            effects.append(.publish(channel: channel, text: render(text)))
        case .mention(let actor):
            mention(actor)
        case .grant(let role, let seconds):
            effects.append(.grantRole(role, to: state.owner, forSeconds: seconds))
        case .revoke(let role):
            effects.append(.revokeRole(role, from: state.owner))
        case .close(let reason):
            if reason == nil, category.closeReasonRequired, let person, person.id != state.owner {
                offer(.form(TicketMachine.closeReasonForm, to: person.id))
                effects.append(.showForm(TicketMachine.closeReasonForm, to: person.id))
                return
            }
            closeAskingFirst(reason: reason.map { render($0).plain } ?? "—", by: person)
        case .transcript(let channel):
            effects.append(.transcript(channel: channel ?? category.transcriptChannel))
        case .escalateUp:
            let next = min(state.escalationStep + 1, category.escalation.count - 1)
            guard next >= 0, next < category.escalation.count, next != state.escalationStep || state.assignedTo == nil else { return }
            state.escalationStep = next
            assign(category.escalation[next])
        case .escalateTo(let actor):
            if let index = category.escalation.firstIndex(of: actor) { state.escalationStep = index }
            assign(actor)
        case .release:
            if let handler = state.handler, !(state.releasedHandlers ?? []).contains(handler) {
                state.releasedHandlers = (state.releasedHandlers ?? []) + [handler]
            }
            state.handler = nil
            state.handlerLevel = nil
            scheduleTimers()
        case .claim:
            if let person, handles(person) { take(person) }
        case .set(let flag):
            if !state.flags.contains(flag) { state.flags.append(flag); state.flags.sort() }
        case .clear(let flag):
            state.flags.removeAll { $0 == flag }
        case .goTo:
            break // Applied after the steps, by `run`.
        case .moveTo(let target):
            // Lint saw the category exists; an older version's rule may
            // name one that no longer does: nothing moves.
            guard target != category.name, workflow.category(named: target) != nil else { return }
            cancelTimers()
            pendingMove = target
        case .chooseSanction:
            if let person {
                offer(.sanctions(to: person.id))
                effects.append(.showSanctions(to: person.id))
            }
        case .chooseAppealedSanction:
            if let person {
                offer(.appealedSanctions(to: person.id))
                effects.append(.showAppealedSanctions(to: person.id))
            }
        }
    }

    /// Escalation: the ticket goes to `actor`, the previous handler lets go,
    /// and the new rank is shown the channel and pinged.
    mutating func assign(_ actor: Actor) {
        state.assignedTo = actor
        state.escalations = (state.escalations ?? []) + [actor]
        state.handler = nil
        state.handlerLevel = nil
        let people = actor == .sanctioner ? [state.sanctioner].compactMap { $0 } : []
        let ranks = actor == .sanctioner ? [] : [actor]
        // Shown to whoever cannot see it yet: the ranks that receive the
        // ticket, and those above them, saw it from the start, so an
        // escalation up their ladder changes no permission on Discord.
        let seeing = Set(category.receivers.flatMap(workflow.ranksAndRoles(standingFor:)))
        let newcomers = ranks.filter { !Set(workflow.ranksAndRoles(standingFor: $0)).isSubset(of: seeing) }
        if !newcomers.isEmpty || !people.isEmpty {
            effects.append(.setVisibility(ranks: newcomers, people: people))
        }
        // Seen by the rank and those above it; pinged: the rank itself
        // (`escalate to trainee` pings the Trainee role, not seven).
        effects.append(.mention(ranks: ranks.map(\.pingedExactly), people: people))
    }

    mutating func mention(_ actor: Actor) {
        switch actor {
        case .user: effects.append(.mention(ranks: [], people: [state.owner]))
        case .handler: effects.append(.mention(ranks: [], people: [state.handler].compactMap { $0 }))
        case .sanctioner: effects.append(.mention(ranks: [], people: [state.sanctioner].compactMap { $0 }))
        default: effects.append(.mention(ranks: [actor.pingedExactly], people: []))
        }
        if actor == .user {
            state.lastUserMentionAt = now
            scheduleTimers()
        }
    }

    /// A close asked for by staff, when the farewell is a question with a
    /// wait: the question first, and the ticket closes when the member says
    /// no or stays silent; any other answer keeps it open. A member who
    /// never wrote, a member closing their own ticket and a timer close at
    /// once.
    mutating func closeAskingFirst(reason: String?, by person: Person?) {
        guard let wait = category.farewellWaitSeconds, let farewell = category.farewell,
              let person, person.id != state.owner, state.userHasSpoken else {
            return close(reason: reason)
        }
        guard state.pendingClose == nil else { return } // asked already: the wait runs
        effects.append(.send(text: render(farewell), buttons: Category.FarewellAnswer.allCases.map(\.rawValue), pings: [.user]))
        state.pendingClose = .init(reason: reason, until: now + Int64(wait), askedBy: person.id)
        effects.append(.schedule(TicketTimer(purpose: .farewell, generation: state.generation, dueAt: now + Int64(wait))))
    }

    /// The member's click on an answer of the farewell question; false when
    /// `name` is no such button.
    mutating func answerFarewell(button name: String, by person: Person) -> Bool {
        guard let answer = Category.FarewellAnswer(rawValue: name), category.farewellWaitSeconds != nil else { return false }
        guard person.id == state.owner else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notAllowed(who: [.user], displayNames: workflow.displayNames),
                                                                                   locale: locale)))
            return true
        }
        guard let pending = state.pendingClose else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return true
        }
        settleFarewell(pending, declined: answer == .close)
        return true
    }

    /// The member answered the question waiting in `pending`, by button or
    /// in words: the wait ends; a no closes with staff's reason, more to
    /// say keeps the ticket open with staff reminded if nobody answers.
    mutating func settleFarewell(_ pending: TicketState.PendingClose, declined: Bool) {
        state.pendingClose = nil
        effects.append(.cancelTimer(key: TicketTimer.Purpose.farewell.key))
        if declined { close(reason: pending.reason) } else { awaitStaffAfterFarewell(askedBy: pending.askedBy) }
    }

    /// The member has more to say: if nobody has written when the same
    /// wait is over, staff are asked once, so that a ticket never stays
    /// open with nobody on it.
    mutating func awaitStaffAfterFarewell(askedBy: String?) {
        guard let wait = category.farewellWaitSeconds else { return }
        state.farewellAnswered = .init(at: now, askedBy: askedBy)
        effects.append(.schedule(TicketTimer(purpose: .farewellAnswered, generation: state.generation, dueAt: now + Int64(wait))))
    }

    /// The member's message while the farewell question waits: "no" closes,
    /// anything else keeps the ticket open. Returns whether it closed.
    mutating func answerFarewell(_ message: TicketEvent.Message) -> Bool {
        guard let pending = state.pendingClose else { return false }
        let declined = FarewellAnswer.declines(message.text)
        settleFarewell(pending, declined: declined)
        return declined
    }

    mutating func close(reason: String?) {
        cancelTimers()
        // A farewell with a wait was asked before (or on purpose not at
        // all); one without is a goodbye, not said to a member who never
        // wrote.
        if let farewell = category.farewell, category.farewellWaitSeconds == nil, state.userHasSpoken {
            effects.append(.send(text: render(farewell), buttons: [], pings: [.user]))
        }
        state.pendingClose = nil
        state.closeReason = reason ?? "—"
        if category.transcriptChannel != nil {
            effects.append(.transcript(channel: category.transcriptChannel))
        }
        if category.transcriptToUser == true {
            effects.append(.transcriptTo(person: state.owner))
        }
        effects.append(.close(reason: reason))
        if let rating = category.rating {
            effects.append(.askRating(text: render(rating), to: state.owner))
        }
        state.state = State.closed
        state.generation += 1
    }
}

extension MachineStep {
    /// Discord had no room for the ticket's channel: the ticket closes
    /// without one (no transcript, no farewell, nothing to delete), so that
    /// it holds none of the member's limits, and both sides hear why: the
    /// member in their language, staff in the log channel they watch.
    mutating func closeUnplaced(_ room: ChannelRoom) {
        guard !state.isClosed else { return }
        cancelTimers()
        state.pendingClose = nil
        state.closeReason = room.closeReason
        effects.append(.tellPrivately(person: state.owner, text: NoticeCatalogue.text(room.memberNotice(category: category.label), locale: locale)))
        if let log = category.transcriptChannel {
            effects.append(.notify(channel: log, text: NoticeCatalogue.text(room.staffNotice(category: category.label, member: state.owner),
                                                                            locale: workflow.locales[0]), pings: []))
        }
        state.state = State.closed
        state.generation += 1
    }
}
