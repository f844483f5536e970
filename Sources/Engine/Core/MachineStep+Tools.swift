import WorkflowDSL

/// The staff tools of Discord's command box: `/transfer`, `/add`,
/// `/remove`, `/reply`. Who may use each is the workflow's `allow` rule, else the
/// handler and the `override by` ranks.
extension MachineStep {
    /// Whether `person` may use `tool` on this ticket; when not, the
    /// refusal has been added, in the member's language.
    mutating func mayUse(_ tool: StaffTool, _ person: Person) -> Bool {
        if permits(tool, person) { return true }
        if let rule = category.rule(for: tool) {
            record(rule.location, "allow \(tool.rawValue)", .refused)
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notAllowed(who: rule.actors, displayNames: workflow.displayNames), locale: locale)))
        } else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.onlyHandler(handler: state.handler), locale: locale)))
        }
        return false
    }

    /// Whether the workflow lets `person` use `tool` on this ticket now.
    func permits(_ tool: StaffTool, _ person: Person) -> Bool {
        if let rule = category.rule(for: tool) { return allows(rule.actors, person) }
        guard let handler = state.handler else { return false }
        return handler == person.id || mayIntervene(person)
    }

    /// `/reply NAME`: the canned reply in the member's language, sent as
    /// the bot's message, pinging nobody, named in the ticket's log.
    mutating func sendReply(_ name: String, by person: Person) {
        guard mayUse(.reply, person) else { return }
        guard let reply = category.replies?.first(where: { $0.name == name }) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.noSuchReply(name), locale: locale)))
            return
        }
        rules.append(FiredRule(location: reply.location, rule: "reply \(reply.name)"))
        effects.append(.send(text: render(reply.text), buttons: [], pings: []))
    }

    /// Where the rule that let `tool` be used is written: its `allow` line,
    /// else the category (the default belongs to no line).
    func toolSpot(_ tool: StaffTool) -> SourceSpot { category.rule(for: tool)?.location ?? category.location }

    /// `/transfer`: the ticket handed to a staff member it is for, who then
    /// holds it as if they had claimed it; the new handler is pinged,
    /// nobody else.
    mutating func transfer(to target: Person, by person: Person) {
        guard mayUse(.transfer, person) else { return }
        guard target.id != state.handler else { return }
        guard target.isStaff, target.id != state.owner, !isGuest(target), mayTake(target) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.transferRefused(staff: target.id), locale: locale)))
            return
        }
        take(target)
        rules.append(FiredRule(location: toolSpot(.transfer), rule: "transfer to \(target.name)"))
        effects.append(.notice(text: NoticeCatalogue.text(.transferred(from: person.id, to: target.id), locale: locale), pinging: [target.id]))
    }

    /// `/add @person`: someone let in to be heard (the reported player, a
    /// witness). They are pinged so that they find the channel.
    mutating func add(_ invitee: TicketEvent.Invitee, by person: Person) {
        guard mayUse(.add, person) else { return }
        let refusal: Notice.AddRefusal?
        switch invitee {
        case .bot: refusal = .bot
        case .absent: refusal = .absent
        case .member(let guest): refusal = sees(guest) ? .alreadyIn : nil
        }
        if let refusal {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.addRefused(invitee.id, refusal), locale: locale)))
            return
        }
        guard case .member(let guest) = invitee else { return }
        state.guests = (state.guests ?? []) + [guest.id]
        rules.append(FiredRule(location: toolSpot(.add), rule: "add \(guest.name)"))
        effects.append(.setVisibility(ranks: [], people: [guest.id]))
        effects.append(.notice(text: NoticeCatalogue.text(.guestAdded(guest.id, by: person.id), locale: locale), pinging: [guest.id]))
    }

    /// `/remove @person`: a guest shown out. Only guests: the member and
    /// the staff a ticket is for are the workflow's to show and hide.
    mutating func remove(_ guest: Person, by person: Person) {
        guard mayUse(.remove, person) else { return }
        guard let index = state.guests?.firstIndex(of: guest.id) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notAGuest(guest.id), locale: locale)))
            return
        }
        state.guests?.remove(at: index)
        rules.append(FiredRule(location: toolSpot(.remove), rule: "remove \(guest.name)"))
        effects.append(.hide(people: [guest.id]))
        effects.append(.notice(text: NoticeCatalogue.text(.guestRemoved(guest.id, by: person.id), locale: locale), pinging: []))
    }

    /// Whether `person` may read the ticket's transcript: its member, or
    /// staff it is for (its ranks, its chain, the rank it went to, the
    /// override rank). A guest heard once is not given the whole record.
    func mayRead(_ person: Person) -> Bool {
        if person.id == state.owner || person.id == state.handler { return true }
        guard person.isStaff else { return false }
        if handles(person) { return true }
        if case .rank(let rank)? = category.override, let level = machine.level(of: person) { return level >= (machine.levels[rank] ?? .max) }
        return false
    }

    func isGuest(_ person: Person) -> Bool { state.guests?.contains(person.id) ?? false }

    /// Whether the ticket is already in front of `person`: its member, a
    /// guest, its handler or sanctioner, or a rank or role it was shown to
    /// (those that receive it and those it was escalated to, with the ranks
    /// above them).
    func sees(_ person: Person) -> Bool {
        if [state.owner, state.handler].contains(person.id) || isGuest(person) { return true }
        let escalations = state.escalations ?? []
        if person.id == state.sanctioner, escalations.contains(.sanctioner) { return true }
        let shown = Set((category.receivers + escalations).flatMap(workflow.ranksAndRoles(standingFor:)))
        return !shown.isDisjoint(with: person.ranks + person.roles)
    }
}
