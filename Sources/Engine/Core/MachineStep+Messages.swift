import WorkflowDSL

/// Messages in the ticket: the member speaking first, the exclusive claim, interventions and takeovers.
extension MachineStep {
    mutating func message(_ message: TicketEvent.Message) {
        let author = message.author
        if author.id == state.owner {
            userMessage(message)
        } else if isGuest(author) {
            // Let in by `/add` to be heard: neither the member nor the
            // staff, whatever ranks they hold, so no claim rule touches them.
            fire(.anyMessage, by: author)
        } else if author.isStaff {
            staffMessage(message)
        } else {
            fire(.anyMessage, by: author)
        }
    }

    mutating func userMessage(_ message: TicketEvent.Message) {
        keepAttachments(message.attachments)
        if answerFarewell(message) { return }
        state.userHasSpoken = true
        state.lastUserMessageAt = now
        state.lastUserMentionAt = nil
        let wasComplete = evidenceComplete
        collectEvidence(from: message)
        if let index = category.autoReplies.firstIndex(where: { machine.matches($0.pattern, message.text) }) {
            let reply = category.autoReplies[index]
            record(category.ruleSpots?.autoReplies.dropFirst(index).first, "auto reply \"\(reply.pattern)\"")
            effects.append(.send(text: render(reply.text), buttons: [], pings: []))
        }
        let fired = fire(.userMessage(pattern: nil), by: message.author, text: message.text)
        if !fired { fire(.anyMessage, by: message.author) }
        if !wasComplete && evidenceComplete && !state.isClosed && !evidenceCompleteActed {
            fire(.evidenceComplete, by: message.author)
        }
    }

    mutating func staffMessage(_ message: TicketEvent.Message) {
        let author = message.author
        if category.userSpeaksFirst && !state.userHasSpoken {
            record(category.ruleSpots?.userSpeaksFirst, "user speaks first", .refused)
            effects.append(.deleteMessage(id: message.id))
            effects.append(.notice(text: NoticeCatalogue.text(.userSpeaksFirst(staff: author.id), locale: locale), pinging: [author.id]))
            return
        }
        if category.exclusiveClaim {
            guard handles(author) || mayIntervene(author) else {
                record(category.ruleSpots?.claim, "claim exclusive", .refused)
                // Sees the channel for some other reason (a side role, a
                // server administrator): a third party to this ticket.
                effects.append(.deleteMessage(id: message.id))
                effects.append(.notice(text: NoticeCatalogue.text(.notReceiving(staff: author.id), locale: locale), pinging: [author.id]))
                return
            }
            guard claimOrIntervene(author) else {
                record(category.ruleSpots?.claim, "claim exclusive", .refused)
                effects.append(.deleteMessage(id: message.id))
                effects.append(.notice(text: NoticeCatalogue.text(.ticketOwned(staff: author.id, handler: state.handler ?? ""), locale: locale),
                                       pinging: [author.id]))
                return
            }
        } else if state.handler == nil, mayTake(author) {
            take(author)
        }
        state.lastStaffMessageAt = now
        keepAttachments(message.attachments)
        let wasComplete = evidenceComplete
        collectStaffEvidence(from: message)
        if state.handler == author.id {
            state.lastHandlerMessageAt = now
            scheduleTimers()
        }
        if message.mentionsOwner {
            state.lastUserMentionAt = now
            scheduleTimers()
        }
        let fired = fire(.staffMessage, by: author)
        if !fired { fire(.anyMessage, by: author) }
        if !wasComplete && evidenceComplete && !state.isClosed && !evidenceCompleteActed {
            fire(.evidenceComplete, by: author)
        }
    }

    /// The exclusive-claim rule of seed 001: the first staff member to answer
    /// owns the ticket; after the owner's inactivity a peer (or only a
    /// superior) takes it over; the `override by` ranks may always write.
    /// The two compose: someone of the override rank writing after the
    /// inactivity takes the ticket over like anyone of their rank, and
    /// before it only intervenes. Returns whether the author may write.
    mutating func claimOrIntervene(_ author: Person) -> Bool {
        guard let handler = state.handler, handler != author.id else {
            if state.handler == nil, mayTake(author) { take(author) }
            return true
        }
        if let takeover = category.takeover, handles(author) {
            let lastActive = state.lastHandlerMessageAt ?? state.enteredStateAt
            let level = machine.level(of: author) ?? -1, handlerLevel = state.handlerLevel ?? -1
            let rankAllows = takeover.allowsPeers ? level >= handlerLevel : level > handlerLevel
            // "más de dos horas": more than the time written, so at 2 h 00
            // exactly the handler still holds the ticket.
            if now - lastActive > Int64(takeover.afterSeconds), rankAllows {
                record(category.ruleSpots?.takeover, "takeover after \(takeover.afterSeconds.spokenDuration)")
                take(author)
                return true
            }
        }
        if mayIntervene(author) {
            record(category.ruleSpots?.override, category.override.map(Self.overrideText) ?? "override")
            return true
        }
        return false
    }

    /// Whether `person` may write in a ticket someone else handles, by the
    /// workflow's `override by`: writing only, never owning.
    func mayIntervene(_ person: Person) -> Bool {
        guard let override = category.override, let level = machine.level(of: person) else { return false }
        switch override {
        case .rank(let rank): return level >= (machine.levels[rank] ?? .max)
        // Nobody handles it: there is nobody to be above.
        case .aboveHandler: return state.handler != nil && level > (state.handlerLevel ?? .max)
        }
    }

    static func overrideText(_ override: Category.Override) -> String {
        switch override {
        case .rank(let rank): "override by \(rank)"
        case .aboveHandler: "override by higher rank"
        }
    }

    /// Whether `person` becomes the owner by answering an unowned ticket.
    /// Once escalated, only the rank (or role, or sanctioner) it went to
    /// may take it: the CM who escalated may still write, in support, but
    /// does not win the ticket back by doing so. Nor does a handler the
    /// ticket was released from («otro miembro del staff»).
    func mayTake(_ person: Person) -> Bool {
        guard handles(person), !(state.releasedHandlers ?? []).contains(person.id) else { return false }
        guard let assigned = state.assignedTo else { return true }
        return allows([assigned], person)
    }

    /// Whether the ticket is `person`'s to handle at all: the ranks that
    /// receive it, those of its escalation chain and the rank it went to.
    /// Seeing the channel is not enough, nor is the override rank: an
    /// override lets a superior step in, it never makes someone the ticket
    /// is not for (an Administrador in a Manager's donation ticket) its
    /// owner.
    func handles(_ person: Person) -> Bool {
        let actors = category.receivers + category.escalation + (state.assignedTo.map { [$0] } ?? [])
        return actors.isEmpty ? person.isStaff : allows(actors, person)
    }

    mutating func take(_ person: Person) {
        state.handler = person.id
        state.handlerLevel = machine.level(of: person)
        state.lastHandlerMessageAt = now
    }
}
