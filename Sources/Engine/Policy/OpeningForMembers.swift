import WorkflowDSL

/// «Open a ticket for…»: which staff may open a category with a member as
/// its owner. `allow open by …` says so; without it, the ranks the category
/// goes to (and those above them), who would answer the ticket anyway.
extension Workflow {
    public func openers(of category: Category) -> [Actor] {
        category.rule(for: .open)?.actors ?? category.receivers
    }

    public func mayOpen(_ category: Category, forMemberBy staff: Person) -> Bool {
        staff.isStaff && allowsOutsideTickets(openers(of: category), staff)
    }
}
