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

    /// What staff are told when a member is turned away because there is
    /// no room for the ticket's channel (`room`: the category's Discord
    /// places, or the server's 500 channels), and where: the category's
    /// log channel. Nil when it has no such channel, when the refusal was
    /// not for room, or when staff were told in the last ten minutes
    /// (this call counts as the telling; the server's limit once for the
    /// workflow, a category's once for that category).
    public func staffAlert(noRoom room: ChannelRoom, category: String, workflow path: String, member: String,
                           now: Int64) -> (channel: String, text: RichText)? {
        guard room != .available, let workflow = currentWorkflow(path), let found = workflow.category(named: category),
              found.mode == .channel, let channel = found.transcriptChannel,
              placesFullAlertDue(room == .serverFull ? path + "#server" : path + "/" + category, now: now) else { return nil }
        return (channel, NoticeCatalogue.text(room.staffNotice(category: found.label, member: member), locale: workflow.locales[0]))
    }
}

extension TicketEngine {
    /// What a member was told when Discord had no room for their ticket's
    /// channel and it closed without one; nil for any other ticket. The
    /// face says it to a click that learns of the close late.
    public func noChannelNotice(of state: TicketState) -> RichText? {
        guard let room = ChannelRoom(closeReason: state.closeReason), let workflow = workflow(of: state),
              let category = workflow.category(named: state.category) else { return nil }
        return NoticeCatalogue.text(room.memberNotice(category: category.label), locale: language(of: state))
    }
}
