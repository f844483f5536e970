/// Someone who acts on a ticket, with what the workflow needs to judge them:
/// their Discord user id and which of the workflow's ranks and roles they
/// hold (the adapter maps Discord role ids to these names).
public struct Person: Sendable, Hashable, Codable {
    public let id: String
    public let name: String
    public let ranks: [String]
    public let roles: [String]

    public init(id: String, name: String? = nil, ranks: [String] = [], roles: [String] = []) {
        self.id = id
        self.name = name ?? id
        self.ranks = ranks
        self.roles = roles
    }

    /// Staff is anyone holding a rank or a side role of the workflow.
    public var isStaff: Bool { !ranks.isEmpty || !roles.isEmpty }
}
