import WorkflowDSL

extension Workflow {
    /// Whether `person` is among `actors` where no ticket is involved
    /// (`blocklist by`): a ticket's own people (`user`, `handler`,
    /// `sanctioner`) name nobody here.
    func allowsOutsideTickets(_ actors: [Actor], _ person: Person) -> Bool {
        let level = person.ranks.compactMap(level(of:)).max()
        return actors.contains { actor in
            switch actor {
            case .anyStaff: person.isStaff
            case .role(let role): person.roles.contains(role)
            case .rank(let rank, let exact): exact ? person.ranks.contains(rank) : (level ?? -1) >= (self.level(of: rank) ?? .max)
            case .user, .handler, .sanctioner: false
            }
        }
    }
}
