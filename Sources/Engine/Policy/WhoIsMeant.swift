import WorkflowDSL

/// Which ranks and side roles an actor of the workflow stands for, when a
/// face must see, ping or let in "the admins": a rank and every rank above
/// it (`by cm` lets an admin act too), or exactly one rank or role; nobody
/// for people named by what they did (the handler, the sanctioner), whom
/// effects carry by id.
///
/// A policy question, answered here so that every face (and the
/// simulator) asks the same thing and maps only names to its own ids.
extension Workflow {
    public func ranksAndRoles(standingFor actor: Actor) -> [String] {
        switch actor {
        case .rank(let rank, let exact):
            guard let level = level(of: rank) else { return [] }
            return exact ? [rank] : Array(ranks[level...])
        case .role(let role):
            return [role]
        case .user, .anyStaff, .handler, .sanctioner:
            return []
        }
    }
}

extension Actor {
    /// The same rank, role or person-word, whether written with its
    /// superiors or alone: `escalate to trainee` meets `must escalate to
    /// trainee`.
    func sameRankOrRole(as other: Actor) -> Bool {
        switch (self, other) {
        case (.rank(let one, _), .rank(let another, _)): one == another
        default: self == other
        }
    }
}
