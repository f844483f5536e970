import WorkflowDSL

/// `/close_inactive`: who may close a category's idle tickets at once, and
/// what "idle" means. A policy of the engine, so that Discord and a
/// scenario close exactly the same tickets.
extension Workflow {
    /// `allow close_inactive by …` in the category (or `defaults`); else its
    /// `override by` rank and those above it, who may already act in any
    /// of its tickets; nobody when neither is written.
    public func bulkClosers(of category: Category) -> [Actor] {
        if let rule = category.rule(for: .closeInactive) { return rule.actors }
        if case .rank(let rank)? = category.override { return [.rank(rank, exact: false)] }
        return []
    }

    public func mayCloseInBulk(_ category: Category, by staff: Person) -> Bool {
        staff.isStaff && allowsOutsideTickets(bulkClosers(of: category), staff)
    }
}

extension TicketState {
    /// The last time anyone moved the ticket: opened, changed state, or
    /// written in by its member or staff. A bot's reminder is not activity.
    public var lastActivityAt: Int64 {
        [enteredStateAt, lastUserMessageAt ?? 0, lastStaffMessageAt ?? 0, lastHandlerMessageAt ?? 0].reduce(openedAt, max)
    }
}
