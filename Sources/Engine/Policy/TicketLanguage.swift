import WorkflowDSL

extension TicketEngine {
    /// The language every text of `ticket` is written in, whatever writes
    /// it: the member's when the workflow declares it, else the workflow's
    /// first locale. A face asks here rather than reading the member's
    /// Discord locale, so a Spanish-only workflow never shows English.
    public func language(of ticket: TicketState) -> String {
        workflow(of: ticket)?.language(forMember: ticket.locale) ?? ticket.locale
    }
}

extension Workflow {
    /// The language of what is said to a member outside any ticket (a
    /// click on a panel, a command in a channel), by the same rule: theirs
    /// if the workflow declares it, else the workflow's first.
    public func language(forMember locale: String?) -> String {
        self.locale(closestTo: locale ?? locales[0])
    }
}
