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

/// Whom an effect lets Discord notify: the ranks' and roles' names (as
/// `ranksAndRoles(standingFor:)` expands them) and people by id. Naming
/// someone in a text, or letting a rank see the channel, notifies nobody.
/// The Discord face builds `allowed_mentions` from this, and the simulator's
/// `expect mentioned` reads it, so the two cannot disagree.
public struct Pinged: Sendable, Hashable {
    public var ranksAndRoles: [String]
    public var people: [String]

    public init(ranksAndRoles: [String] = [], people: [String] = []) {
        self.ranksAndRoles = ranksAndRoles
        self.people = people
    }

    public var isEmpty: Bool { ranksAndRoles.isEmpty && people.isEmpty }
}

extension Effect {
    public func pinged(in workflow: Workflow, owner: String) -> Pinged {
        func expanded(_ actors: [Actor]) -> [String] { actors.flatMap(workflow.ranksAndRoles(standingFor:)) }
        switch self {
        case .send(_, _, let pings, _): return Pinged(ranksAndRoles: expanded(pings), people: pings.contains(.user) ? [owner] : [])
        case .notify(_, _, let pings): return Pinged(ranksAndRoles: expanded(pings))
        case .mention(let ranks, let people): return Pinged(ranksAndRoles: expanded(ranks), people: people)
        case .notice(_, let people): return Pinged(people: people)
        default: return Pinged()
        }
    }
}

extension Sequence<Effect> {
    /// Everyone the effects of one step let Discord notify.
    public func pinged(in workflow: Workflow, owner: String) -> Pinged {
        reduce(into: Pinged()) { all, effect in
            let one = effect.pinged(in: workflow, owner: owner)
            all.ranksAndRoles += one.ranksAndRoles
            all.people += one.people
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
