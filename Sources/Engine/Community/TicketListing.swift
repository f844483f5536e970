import WorkflowDSL

/// A member's tickets read back to people (`/tickets`): number, category by
/// its label, open or closed, the day it opened and who handles it.
public enum TicketListing {
    public static func text(_ tickets: [StoredTicket], member: String, workflows: [Workflow], language: String) -> RichText {
        var text = NoticeCatalogue.text(.ticketsOf(member: member, count: tickets.count), locale: language)
        for ticket in tickets {
            let label = workflows.lazy.compactMap { $0.category(named: ticket.state.category)?.label }.first ?? ticket.state.category
            let line = Notice.ticketLine(number: ticket.state.number, category: label, open: !ticket.state.isClosed,
                                         opened: CalendarDay.utc(ticket.state.openedAt), handler: ticket.state.handler)
            text.segments.append(.text("\n"))
            text.segments += NoticeCatalogue.text(line, locale: language).segments
        }
        return NoticeCatalogue.merged(text)
    }
}
