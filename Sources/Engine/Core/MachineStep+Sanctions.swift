import WorkflowDSL

/// Sanctions applied and appealed, and the offers (forms, sanction choices) a person may answer.
extension MachineStep {
    /// A row of the table applied to a member: the row's demands are
    /// checked, the ledger gets the sanction, and whoever applied it is the
    /// ticket's sanctioner. A refusal leaves the form on offer, so staff
    /// can fix what was missing and send it again.
    mutating func applySanction(_ name: String, to member: String, warned: Bool, by staff: Person) {
        guard let offence = workflow.offences.first(where: { $0.name == name }), !member.isEmpty,
              (state.offers ?? []).contains(.sanctions(to: staff.id)) else {
            return refuse(staff, .notNow)
        }
        let appliers: [Actor] = offence.appliedBy.map { workflow.ranks.contains($0) ? .rank($0, exact: false) : .role($0) }
        if let refusal = SanctionRules.refusal(applying: offence, rankAllows: allows(appliers, staff),
                                               ticketHasEvidence: !(state.attachments ?? []).isEmpty, warned: warned,
                                               displayNames: workflow.displayNames) {
            return refuse(staff, refusal)
        }
        _ = takeOffer(.sanctions(to: staff.id))
        state.sanction = offence.name
        state.sanctioner = staff.id
        effects.append(.recordSanction(SanctionEntry(member: member, offence: offence.name, sanction: offence.sanction,
                                                     appliedBy: staff.id, recordedBy: staff.id, evidence: state.attachments ?? [],
                                                     warned: warned, outsideEscala: false)))
        let said = Notice.sanctionRecorded(offence: offence.label, sanction: offence.sanction ?? "—", member: member, staff: staff.id)
        effects.append(.send(text: NoticeCatalogue.text(said, locale: locale), buttons: [], pings: []))
        // The block itself is written with the ledger row (`TicketEngine`).
        if let seconds = offence.blocksTicketsForSeconds {
            effects.append(.notice(text: NoticeCatalogue.text(.memberBlocked(member, until: now + Int64(seconds)), locale: locale), pinging: []))
        }
    }

    /// The sanction an appeal is about: one of the owner's recorded
    /// sanctions, whose applier becomes the sanctioner, or one given
    /// outside Escala, recorded now with who named its applier.
    mutating func chooseAppealedSanction(_ appealed: AppealedSanction, ledger: [SanctionRecord], by staff: Person) {
        guard (state.offers ?? []).contains(.appealedSanctions(to: staff.id)) else { return refuse(staff, .notNow) }
        let offence: Offence
        let sanctioner: String
        switch appealed {
        case .recorded(let id):
            guard let record = ledger.first(where: { $0.id == id && $0.entry.member == state.owner }),
                  let row = workflow.offences.first(where: { $0.name == record.entry.offence }) else {
                return refuse(staff, .notNow)
            }
            offence = row
            sanctioner = record.entry.appliedBy
            state.appealedSanction = id
        case .outside(let name, let applier):
            guard let name, let row = workflow.offences.first(where: { $0.name == name }), let applier, !applier.isEmpty else {
                return refuse(staff, .outsideSanctionIncomplete)
            }
            offence = row
            sanctioner = applier
            effects.append(.recordSanction(SanctionEntry(member: state.owner, offence: row.name, sanction: row.sanction,
                                                         appliedBy: applier, recordedBy: staff.id, evidence: state.attachments ?? [],
                                                         warned: false, outsideEscala: true)))
        }
        _ = takeOffer(.appealedSanctions(to: staff.id))
        state.sanction = offence.name
        state.sanctioner = sanctioner
        let said = Notice.appealedSanctionNamed(offence: offence.label, staff: sanctioner)
        effects.append(.send(text: NoticeCatalogue.text(said, locale: locale), buttons: [], pings: []))
    }

    mutating func refuse(_ person: Person, _ notice: Notice) {
        effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(notice, locale: locale)))
    }

    /// Records that `offer` is now in front of its person; showing the same
    /// form again replaces, it does not stack.
    mutating func offer(_ offer: Offer) {
        var offers = state.offers ?? []
        if !offers.contains(offer) { offers.append(offer) }
        state.offers = offers
    }

    /// Whether `offer` was made, using it up if so.
    mutating func takeOffer(_ offer: Offer) -> Bool {
        guard var offers = state.offers, let index = offers.firstIndex(of: offer) else { return false }
        offers.remove(at: index)
        state.offers = offers.isEmpty ? nil : offers
        return true
    }
}
