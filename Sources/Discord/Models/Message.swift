/// A message, as Discord returns it (the fields Escala reads).
public struct Message: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var channelID: Snowflake
    public var content: String
    public var author: User?
    public var attachments: [Attachment]?
    public var timestamp: String?
    /// In MESSAGE_CREATE from a server: the author's roles.
    public var guildID: Snowflake?
    public var member: GuildMember?
    public var mentions: [User]?

    enum CodingKeys: String, CodingKey {
        case id, content, author, attachments, timestamp, member, mentions
        case channelID = "channel_id"
        case guildID = "guild_id"
    }
}

public struct User: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var username: String
    public var globalName: String?
    public var bot: Bool?

    enum CodingKeys: String, CodingKey {
        case id, username, bot
        case globalName = "global_name"
    }

    public init(id: Snowflake, username: String, globalName: String? = nil, bot: Bool? = nil) {
        self.id = id
        self.username = username
        self.globalName = globalName
        self.bot = bot
    }
}

public struct Attachment: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var filename: String
    public var url: String
}

/// The body of "create message" and "edit message".
public struct MessageBody: Sendable, Hashable, Codable {
    public var content: String?
    public var components: [Component]?
    /// Who the message may ping. Always set: without it, Discord pings
    /// everything the text mentions, `@everyone` included.
    public var allowedMentions: AllowedMentions
    /// With `enforce_nonce`, Discord creates the message once per nonce even
    /// if the request is sent twice (a retry after a timeout).
    public var nonce: String?
    public var enforceNonce: Bool?
    /// The files sent with the message, by their index in the upload.
    public var attachments: [AttachmentReference]?
    public var embeds: [Embed]?

    public struct AttachmentReference: Sendable, Hashable, Codable {
        public var id: String
        public var filename: String
        public init(index: Int, filename: String) {
            id = String(index)
            self.filename = filename
        }
    }

    public init(content: String?, components: [Component]? = nil, embeds: [Embed]? = nil, allowedMentions: AllowedMentions,
                nonce: String? = nil) {
        self.content = content.map { DiscordLimits.cut($0, to: DiscordLimits.messageContent) }
        self.embeds = embeds?.map(\.withinLimits)
        self.components = components
        self.allowedMentions = allowedMentions
        self.nonce = nonce
        enforceNonce = nonce == nil ? nil : true
    }

    enum CodingKeys: String, CodingKey {
        case content, components, nonce, attachments, embeds
        case allowedMentions = "allowed_mentions"
        case enforceNonce = "enforce_nonce"
    }
}

/// Who a message may ping, whatever its text says.
public struct AllowedMentions: Sendable, Hashable, Codable {
    /// Kinds pinged by parsing the text: never `everyone`, so user text can
    /// never ping `@everyone` or `@here`.
    public var parse: [String]
    public var roles: [Snowflake]
    public var users: [Snowflake]

    public init(roles: [Snowflake] = [], users: [Snowflake] = []) {
        parse = []
        self.roles = roles
        self.users = users
    }

    /// Pings nobody.
    public static let none = AllowedMentions()
}
