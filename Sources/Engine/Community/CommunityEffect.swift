/// What a community rule asks of Discord. Kept in the community outbox until
/// Discord confirms it, like a ticket's effects.
public enum CommunityEffect: Sendable, Hashable, Codable {
    case grantRole(role: String, member: String)
    case revokeRole(role: String, member: String)
    /// The TOP of a window that just ended, for the board's channel.
    case postRanking(channel: String, ranking: ActivityRanking)
}

/// A window's ranking: the members with the most activity, highest first.
public struct ActivityRanking: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public let member: String
        public let messages: Int
        public let reactions: Int
        public let reputation: Int
        public let total: Int
    }

    public let workflow: String
    public let board: String
    public let title: String
    public let image: String?
    public let timeZone: String
    public let window: ActivityWindow
    /// Nil while the window is still running.
    public let closedAt: Int64?
    /// Members with any activity in the window.
    public let members: Int
    public let entries: [Entry]
}
