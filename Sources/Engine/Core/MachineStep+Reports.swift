import WorkflowDSL

/// «Report message»: the reported message, kept at the opening and shown
/// by a button to the ticket's staff alone.
extension MachineStep {
    /// The message goes into the ticket's record, its link and files with
    /// the evidence a sanction cites; the channel says only that there is
    /// one, because a guest let in later (often the reported person, to
    /// be heard) reads the channel too.
    mutating func capture(_ reported: ReportedMessage) {
        state.reported = reported
        keepAttachments([reported.link] + reported.attachments)
        effects.append(.send(text: NoticeCatalogue.text(.messageReported, locale: locale),
                             buttons: [TicketMachine.reportedMessageButton], pings: []))
    }

    /// Its member (who reported it) and the staff the ticket is in front
    /// of; a guest is neither, whatever rank they hold.
    mutating func showReported(to person: Person) {
        guard let reported = state.reported else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return
        }
        guard person.id == state.owner || (!isGuest(person) && (mayRead(person) || (person.isStaff && sees(person)))) else {
            rules.append(FiredRule(location: category.location, rule: "ticket \(category.name): report messages", outcome: .refused))
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.reportedMessageStaffOnly, locale: locale)))
            return
        }
        let cut = reported.text.count > Notice.reportShownLength
        effects.append(.showPrivately(person: person.id, text: NoticeCatalogue.text(.reportedMessage(reported, cut: cut), locale: locale)))
    }
}
