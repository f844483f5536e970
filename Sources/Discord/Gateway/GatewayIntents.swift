/// What the gateway sends us. Two of these are privileged and must be
/// switched on in the Developer Portal (Bot > Privileged Gateway Intents),
/// or the gateway closes with 4014.
public struct GatewayIntents: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let guilds = GatewayIntents(rawValue: 1 << 0)
    /// Privileged: members joining and leaving (a member who left closes
    /// their tickets).
    public static let guildMembers = GatewayIntents(rawValue: 1 << 1)
    public static let guildMessages = GatewayIntents(rawValue: 1 << 9)
    public static let guildMessageReactions = GatewayIntents(rawValue: 1 << 10)
    /// Privileged: the text of messages (evidence, exclusive claim, timers
    /// that count user silence).
    public static let messageContent = GatewayIntents(rawValue: 1 << 15)
}
