/// The dispatches a bot acts on, decoded once, here, into Discord's
/// documented shapes: a face switches on a type, not on event names with
/// structs of its own.
public enum GatewayEvent: Sendable {
    case ready(Ready)
    case interactionCreate(Interaction)
    case messageCreate(Message)
    case reactionAdd(Reaction)
    case reactionRemove(Reaction)
    case guildMemberAdd(GuildMember)
    case guildMemberRemove(MemberRemoved)
    case channelCreate(Channel)
    case channelDelete(ChannelDeleted)
    case guildCreate(GuildCreated)
    /// Any other dispatch (RESUMED, TYPING_START…): nothing to decode.
    case other(String)

    /// The dispatch's `d`, as its event's type. Throws on a payload that
    /// does not have the documented shape: the face logs and skips it.
    public init(_ dispatch: GatewayDispatch) throws {
        switch dispatch.name {
        case "READY": self = .ready(try dispatch.decode())
        case "INTERACTION_CREATE": self = .interactionCreate(try dispatch.decode())
        case "MESSAGE_CREATE": self = .messageCreate(try dispatch.decode())
        case "MESSAGE_REACTION_ADD": self = .reactionAdd(try dispatch.decode())
        case "MESSAGE_REACTION_REMOVE": self = .reactionRemove(try dispatch.decode())
        case "GUILD_MEMBER_ADD": self = .guildMemberAdd(try dispatch.decode())
        case "GUILD_MEMBER_REMOVE": self = .guildMemberRemove(try dispatch.decode())
        case "CHANNEL_CREATE": self = .channelCreate(try dispatch.decode())
        case "CHANNEL_DELETE": self = .channelDelete(try dispatch.decode())
        case "GUILD_CREATE": self = .guildCreate(try dispatch.decode())
        default: self = .other(dispatch.name)
        }
    }

    /// READY: who the bot is, and its application (for commands and
    /// interaction answers).
    public struct Ready: Decodable, Sendable {
        public struct Application: Decodable, Sendable { public let id: Snowflake }
        public let user: User
        public let application: Application
    }

    /// MESSAGE_REACTION_ADD / _REMOVE.
    public struct Reaction: Decodable, Sendable {
        public struct Emoji: Decodable, Sendable {
            public let id: Snowflake?
            public let name: String?
        }
        public let userID: Snowflake
        public let messageID: Snowflake
        public let member: GuildMember?
        public let emoji: Emoji

        enum CodingKeys: String, CodingKey {
            case member, emoji
            case userID = "user_id"
            case messageID = "message_id"
        }

        /// A standard emoji is its character; a custom one `name:id`.
        public var emojiText: String {
            if let id = emoji.id { return "\(emoji.name ?? ""):\(id)" }
            return emoji.name ?? ""
        }
    }

    /// GUILD_MEMBER_REMOVE.
    public struct MemberRemoved: Decodable, Sendable {
        public let user: User
    }

    /// CHANNEL_DELETE: only the id is needed.
    public struct ChannelDeleted: Decodable, Sendable {
        public let id: Snowflake
    }

    /// GUILD_CREATE: the server and its channels.
    public struct GuildCreated: Decodable, Sendable {
        public let id: Snowflake
        public let channels: [Channel]?
    }
}
