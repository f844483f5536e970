import WorkflowDSL

/// What a row of the sanctions table demands before it may be applied
/// (seed 001's «Bans y Warn» table): the rank written in `applied by`,
/// evidence in the ticket, and a warning given first. Checked in this
/// order, so staff hear first the thing no effort of theirs can change.
enum SanctionRules {
    static func refusal(applying offence: Offence, rankAllows: Bool, ticketHasEvidence: Bool, warned: Bool,
                        displayNames: [String: String]) -> Notice? {
        if !rankAllows {
            return .sanctionReserved(offence: offence.label, who: offence.appliedBy.map { .rank($0, exact: false) },
                                     displayNames: displayNames)
        }
        if offence.evidenceRequired && !ticketHasEvidence { return .sanctionNeedsEvidence(offence: offence.label) }
        if offence.warningRequired && !warned { return .sanctionNeedsWarning(offence: offence.label) }
        return nil
    }
}
