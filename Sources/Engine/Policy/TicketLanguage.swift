import WorkflowDSL

extension TicketEngine {
    /// The language every text of `ticket` is written in, whatever writes
    /// it: the member's when the workflow declares it, else the workflow's
    /// first locale. A face asks here rather than reading the member's
    /// Discord locale, so a Spanish-only workflow never shows English.
    public func language(of ticket: TicketState) -> String {
        workflow(of: ticket)?.locale(closestTo: ticket.locale) ?? ticket.locale
    }
}
