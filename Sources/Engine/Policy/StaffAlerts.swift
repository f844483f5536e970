import WorkflowDSL

extension TicketEngine {
    /// Where and how staff are told that one of a ticket's effects was set
    /// aside (it can never succeed as it is): in the category's log channel,
    /// its transcripts' channel, where staff already look, in the ticket's
    /// language. Nil for a community effect or a category without that
    /// channel: the runtime's log line is then all there is.
    public func staffAlert(setAside effect: PendingEffect, reason: String) async -> (channel: String, text: RichText)? {
        guard let ticketID = effect.ticketID, let ticket = try? await self.ticket(id: ticketID),
              let channel = workflow(of: ticket.state)?.category(named: ticket.state.category)?.transcriptChannel else { return nil }
        return (channel, NoticeCatalogue.text(.effectSetAside(ticket: ticket.state.number, reason: reason), locale: language(of: ticket.state)))
    }

    /// How long staff hear only once that a category's places are full: a
    /// queue of members turned away must not become a flood in the log.
    public static let placesFullQuiet: Int64 = 600

    /// What staff are told when a member is turned away because the
    /// category's Discord places are full, and where: its log channel.
    /// Nil when there is no such channel, or staff were told in the last
    /// ten minutes (this call counts as the telling).
    public func staffAlert(placesFullFor category: String, workflow path: String, member: String,
                           now: Int64) -> (channel: String, text: RichText)? {
        guard let workflow = currentWorkflow(path), let found = workflow.category(named: category),
              let channel = found.transcriptChannel, placesFullAlertDue(path + "/" + category, now: now) else { return nil }
        return (channel, NoticeCatalogue.text(.placesFullStaff(category: found.label, member: member), locale: workflow.locales[0]))
    }
}
