/// One event of a ticket as the log keeps it: when, who, what, the state
/// it left and reached, and the written rules that made it so. What the
/// playground's "why" panel lists, newest last.
public struct TicketHistoryEntry: Sendable, Hashable {
    public let at: Int64
    /// Discord user id; nil for the clock and Discord.
    public let actor: String?
    public let kind: String
    public let stateBefore: String?
    public let stateAfter: String?
    public let rules: [FiredRule]

    public init(at: Int64, actor: String?, kind: String, stateBefore: String?, stateAfter: String?, rules: [FiredRule]) {
        self.at = at
        self.actor = actor
        self.kind = kind
        self.stateBefore = stateBefore
        self.stateAfter = stateAfter
        self.rules = rules
    }
}
