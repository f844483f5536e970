/// A channel, category or thread, as Discord returns it. Fields Discord adds
/// later are ignored; a channel type Escala does not know is kept as its
/// number.
public struct Channel: Sendable, Hashable, Codable {
    public var id: Snowflake
    public var type: ChannelType
    public var guildID: Snowflake?
    public var name: String?
    public var parentID: Snowflake?
    public var topic: String?
    public var permissionOverwrites: [PermissionOverwrite]?

    public init(id: Snowflake, type: ChannelType, guildID: Snowflake? = nil, name: String? = nil, parentID: Snowflake? = nil,
                topic: String? = nil, permissionOverwrites: [PermissionOverwrite]? = nil) {
        self.id = id
        self.type = type
        self.guildID = guildID
        self.name = name
        self.parentID = parentID
        self.topic = topic
        self.permissionOverwrites = permissionOverwrites
    }

    enum CodingKeys: String, CodingKey {
        case id, type, name, topic
        case guildID = "guild_id"
        case parentID = "parent_id"
        case permissionOverwrites = "permission_overwrites"
    }
}

/// Discord's channel types, open to values added later.
public struct ChannelType: Sendable, Hashable, Codable, RawRepresentable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let guildText = ChannelType(rawValue: 0)
    public static let guildCategory = ChannelType(rawValue: 4)
    public static let privateThread = ChannelType(rawValue: 12)
}

/// Who may or may not do what in a channel: a role or a member.
///
/// `allow` and `deny` are permission bit sets written as decimal strings,
/// as Discord's documentation and every library send them.
public struct PermissionOverwrite: Sendable, Hashable, Codable {
    public enum Kind: Int, Sendable, Codable { case role = 0, member = 1 }

    public var id: Snowflake
    public var type: Kind
    public var allow: Permissions
    public var deny: Permissions

    public init(id: Snowflake, type: Kind, allow: Permissions = [], deny: Permissions = []) {
        self.id = id
        self.type = type
        self.allow = allow
        self.deny = deny
    }
}

/// A permission bit set (`VIEW_CHANNEL`, `SEND_MESSAGES`...), coded as a
/// decimal string.
public struct Permissions: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let value = UInt64(text) {
            rawValue = value
        } else {
            rawValue = try container.decode(UInt64.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(rawValue))
    }

    public static let manageChannels = Permissions(rawValue: 1 << 4)
    public static let addReactions = Permissions(rawValue: 1 << 6)
    public static let viewChannel = Permissions(rawValue: 1 << 10)
    public static let sendMessages = Permissions(rawValue: 1 << 11)
    public static let manageMessages = Permissions(rawValue: 1 << 13)
    public static let embedLinks = Permissions(rawValue: 1 << 14)
    public static let attachFiles = Permissions(rawValue: 1 << 15)
    public static let readMessageHistory = Permissions(rawValue: 1 << 16)
    public static let manageRoles = Permissions(rawValue: 1 << 28)
    public static let manageThreads = Permissions(rawValue: 1 << 34)
    public static let sendMessagesInThreads = Permissions(rawValue: 1 << 38)
}
