import WorkflowDSL

/// One ticket of a `/close_inactive`: judged in its own step, so that a
/// member who writes while the command runs keeps their ticket open.
extension MachineStep {
    mutating func closeForInactivity(idleFor seconds: Int64, reason: String, by person: Person) {
        guard workflow.mayCloseInBulk(category, by: person) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(
                .notAllowed(who: workflow.bulkClosers(of: category), displayNames: workflow.displayNames), locale: locale)))
            return
        }
        guard now - state.lastActivityAt >= seconds else { return }
        rules.append(FiredRule(location: toolSpot(.closeInactive), rule: "close inactive"))
        effects.append(.notice(text: NoticeCatalogue.text(.closedForInactivity(reason: reason, by: person.id), locale: locale), pinging: []))
        close(reason: reason)
    }
}
