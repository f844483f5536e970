import Foundation

/// The REST endpoints Escala uses, typed. Each is one line over `request`,
/// so the route templates read like Discord's documentation.
extension RESTClient {
    // MARK: Channels

    /// The body of "create guild channel".
    public struct ChannelCreation: Sendable, Encodable {
        public var name: String
        public var type: ChannelType
        public var parentID: Snowflake?
        public var topic: String?
        public var permissionOverwrites: [PermissionOverwrite]

        public init(name: String, type: ChannelType = .guildText, parentID: Snowflake? = nil, topic: String? = nil,
                    permissionOverwrites: [PermissionOverwrite] = []) {
            self.name = DiscordLimits.cut(name, to: DiscordLimits.channelName)
            self.type = type
            self.parentID = parentID
            self.topic = topic
            self.permissionOverwrites = permissionOverwrites
        }

        enum CodingKeys: String, CodingKey {
            case name, type, topic
            case parentID = "parent_id"
            case permissionOverwrites = "permission_overwrites"
        }
    }

    public func createChannel(guild: Snowflake, _ body: ChannelCreation, reason: String? = nil) async throws(DiscordError) -> Channel {
        var route = Route(.post, "/guilds/{guild_id}/channels", ["guild_id": guild.rawValue])
        route.repeatsSafely = false
        return try await request(route, json: body, reason: reason)
    }

    /// One channel or thread; `nil` when Discord says it does not exist.
    public func channel(_ id: Snowflake) async throws(DiscordError) -> Channel? {
        do throws(DiscordError) {
            return try await request(Route(.get, "/channels/{channel_id}", ["channel_id": id.rawValue]))
        } catch {
            guard error.isNotFound else { throw error }
            return nil
        }
    }

    public func guildChannels(guild: Snowflake) async throws(DiscordError) -> [Channel] {
        try await request(Route(.get, "/guilds/{guild_id}/channels", ["guild_id": guild.rawValue]))
    }

    public func renameChannel(_ channel: Snowflake, to name: String, reason: String? = nil) async throws(DiscordError) -> Channel {
        struct Body: Encodable, Sendable { let name: String }
        return try await request(Route(.patch, "/channels/{channel_id}", ["channel_id": channel.rawValue]), json: Body(name: DiscordLimits.cut(name, to: DiscordLimits.channelName)), reason: reason)
    }

    /// A text channel's topic; empty clears it.
    public func setChannelTopic(_ channel: Snowflake, to topic: String, reason: String? = nil) async throws(DiscordError) -> Channel {
        struct Body: Encodable, Sendable { let topic: String }
        return try await request(Route(.patch, "/channels/{channel_id}", ["channel_id": channel.rawValue]),
                                 json: Body(topic: DiscordLimits.cut(topic, to: DiscordLimits.channelTopic)), reason: reason)
    }

    /// Moves a channel under another category with a new set of
    /// overwrites, in one request (Discord applies both or neither).
    public func moveChannel(_ channel: Snowflake, parent: Snowflake?, overwrites: [PermissionOverwrite], reason: String? = nil)
        async throws(DiscordError) -> Channel {
        struct Body: Encodable, Sendable {
            let parent_id: Snowflake?
            let permission_overwrites: [PermissionOverwrite]
        }
        return try await request(Route(.patch, "/channels/{channel_id}", ["channel_id": channel.rawValue]),
                                 json: Body(parent_id: parent, permission_overwrites: overwrites), reason: reason)
    }

    public func deleteChannel(_ channel: Snowflake, reason: String? = nil) async throws(DiscordError) {
        try await request(Route(.delete, "/channels/{channel_id}", ["channel_id": channel.rawValue]), reason: reason)
    }

    /// Sets one role's or member's overwrite on a channel.
    public func setPermissions(_ channel: Snowflake, _ overwrite: PermissionOverwrite, reason: String? = nil) async throws(DiscordError) {
        struct Body: Encodable, Sendable { let type: PermissionOverwrite.Kind; let allow: Permissions; let deny: Permissions }
        try await request(Route(.put, "/channels/{channel_id}/permissions/{overwrite_id}",
                                ["channel_id": channel.rawValue, "overwrite_id": overwrite.id.rawValue]),
                          json: Body(type: overwrite.type, allow: overwrite.allow, deny: overwrite.deny), reason: reason)
    }

    /// Removes one role's or member's overwrite from a channel.
    public func deletePermissions(_ channel: Snowflake, overwrite: Snowflake, reason: String? = nil) async throws(DiscordError) {
        try await request(Route(.delete, "/channels/{channel_id}/permissions/{overwrite_id}",
                                ["channel_id": channel.rawValue, "overwrite_id": overwrite.rawValue]), reason: reason)
    }

    // MARK: Messages

    public func createMessage(_ channel: Snowflake, _ body: MessageBody) async throws(DiscordError) -> Message {
        try await request(Route(.post, "/channels/{channel_id}/messages", ["channel_id": channel.rawValue]), json: body)
    }

    /// A message with one file attached (a transcript).
    public func createMessage(_ channel: Snowflake, _ body: MessageBody, file: (name: String, data: Data, contentType: String))
        async throws(DiscordError) -> Message {
        var body = body
        body.attachments = [.init(index: 0, filename: file.name)]
        return try await request(Route(.post, "/channels/{channel_id}/messages", ["channel_id": channel.rawValue]), json: body, file: file)
    }

    public func editMessage(_ channel: Snowflake, _ message: Snowflake, _ body: MessageBody) async throws(DiscordError) -> Message {
        try await request(Route(.patch, "/channels/{channel_id}/messages/{message_id}",
                                ["channel_id": channel.rawValue, "message_id": message.rawValue]), json: body)
    }

    public func deleteMessage(_ channel: Snowflake, _ message: Snowflake, reason: String? = nil) async throws(DiscordError) {
        try await request(Route(.delete, "/channels/{channel_id}/messages/{message_id}",
                                ["channel_id": channel.rawValue, "message_id": message.rawValue]), reason: reason)
    }

    // MARK: Gateway

    public struct GatewayBot: Sendable, Decodable {
        public var url: String
        public var shards: Int
    }

    public func gatewayBot() async throws(DiscordError) -> GatewayBot {
        try await request(Route(.get, "/gateway/bot"))
    }
}

extension RESTClient {
    // MARK: Interactions

    /// `earlierAnswerIsOurs`: a 40060 ("already acknowledged") means our
    /// own first try went through before failing to say so, as it does on a
    /// retry after a 5xx. Pass false when that must be checked instead (a
    /// message that must appear once: the caller asks Discord for the
    /// original answer).
    public func respond(to interaction: Interaction, _ response: InteractionResponse,
                        earlierAnswerIsOurs: Bool = true) async throws(DiscordError) {
        do throws(DiscordError) {
            try await request(Route(.post, "/interactions/{interaction_id}/{interaction_token}/callback",
                                    ["interaction_id": interaction.id.rawValue, "interaction_token": interaction.token]), json: response)
        } catch {
            guard earlierAnswerIsOurs, case .http(400, 40060?, _, _) = error else { throw error }
        }
    }

    /// The message an interaction was answered with, by the application's
    /// id and the interaction's token (valid 15 minutes); nil when it was
    /// not answered with one (or the token is no longer valid).
    public func originalResponse(application: Snowflake, token: String) async throws(DiscordError) -> Message? {
        do throws(DiscordError) {
            return try await request(Route(.get, "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                                           ["webhook_id": application.rawValue, "webhook_token": token]))
        } catch {
            // 404: no such answer; 401: the token expired (after 15 minutes).
            guard case .http(let status, _, _, _) = error, status == 404 || status == 401 else { throw error }
            return nil
        }
    }

    /// Replaces the deferred answer of an interaction.
    public func editOriginalResponse(_ interaction: Interaction, _ body: MessageBody) async throws(DiscordError) {
        try await request(Route(.patch, "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                                ["webhook_id": interaction.applicationID.rawValue, "webhook_token": interaction.token]), json: body)
    }

    // MARK: Members

    public func addRole(_ role: Snowflake, to user: Snowflake, guild: Snowflake, reason: String? = nil) async throws(DiscordError) {
        try await request(Route(.put, "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
                                ["guild_id": guild.rawValue, "user_id": user.rawValue, "role_id": role.rawValue]), reason: reason)
    }

    public func removeRole(_ role: Snowflake, from user: Snowflake, guild: Snowflake, reason: String? = nil) async throws(DiscordError) {
        try await request(Route(.delete, "/guilds/{guild_id}/members/{user_id}/roles/{role_id}",
                                ["guild_id": guild.rawValue, "user_id": user.rawValue, "role_id": role.rawValue]), reason: reason)
    }

    /// A DM channel with a user.
    public func directMessageChannel(with user: Snowflake) async throws(DiscordError) -> Channel {
        struct Body: Encodable, Sendable { let recipient_id: Snowflake }
        return try await request(Route(.post, "/users/@me/channels"), json: Body(recipient_id: user))
    }

    /// Up to 100 messages of a channel, newest first, before `before`.
    public func messages(in channel: Snowflake, before: Snowflake? = nil) async throws(DiscordError) -> [Message] {
        var route = Route(.get, "/channels/{channel_id}/messages", ["channel_id": channel.rawValue])
        route.query = "limit=100" + (before.map { "&before=\($0.rawValue)" } ?? "")
        return try await request(route)
    }

    /// Up to 100 messages written after `after`, oldest first.
    public func messages(in channel: Snowflake, after: Snowflake) async throws(DiscordError) -> [Message] {
        var route = Route(.get, "/channels/{channel_id}/messages", ["channel_id": channel.rawValue])
        route.query = "limit=100&after=\(after.rawValue)"
        let page: [Message] = try await request(route)
        return page.sorted { (UInt64($0.id.rawValue) ?? 0) < (UInt64($1.id.rawValue) ?? 0) }
    }

    /// One member of a server, with their roles.
    public func guildMember(guild: Snowflake, user: Snowflake) async throws(DiscordError) -> GuildMember {
        try await request(Route(.get, "/guilds/{guild_id}/members/{user_id}", ["guild_id": guild.rawValue, "user_id": user.rawValue]))
    }

    // MARK: Commands

    public struct SlashCommand: Sendable, Encodable {
        public var name: String
        public var description: String
        /// The name and description in other languages, by Discord locale
        /// (`es-ES`, `fr`): a member whose Discord speaks one reads those.
        public var nameLocalizations: [String: String]?
        public var descriptionLocalizations: [String: String]?
        public var type = 1
        public var options: [Option]?

        /// An argument of the command, as the member fills it in.
        public struct Option: Sendable, Encodable {
            public enum Kind: Int, Sendable, Encodable {
                case string = 3, integer = 4, user = 6
            }

            public var name: String
            public var description: String
            public var nameLocalizations: [String: String]?
            public var descriptionLocalizations: [String: String]?
            public var type: Kind
            public var required: Bool
            /// Discord asks the bot what to suggest as the member types.
            public var autocomplete: Bool?

            public init(name: String, description: String, type: Kind, required: Bool = false, autocomplete: Bool? = nil) {
                self.name = name
                self.description = description
                self.type = type
                self.required = required
                self.autocomplete = autocomplete
            }

            enum CodingKeys: String, CodingKey {
                case name, description, type, required, autocomplete
                case nameLocalizations = "name_localizations", descriptionLocalizations = "description_localizations"
            }
        }

        public init(name: String, description: String, options: [Option]? = nil) {
            self.name = name
            self.description = description
            self.options = options
        }

        /// An item of a member's (`user`) or a message's menu: Discord wants
        /// its description empty, and its name may have spaces and capitals.
        public static func menuItem(_ kind: MenuKind, name: String, nameLocalizations: [String: String]?) -> SlashCommand {
            var command = SlashCommand(name: name, description: "")
            command.type = kind.rawValue
            command.nameLocalizations = nameLocalizations
            return command
        }

        public enum MenuKind: Int, Sendable {
            case user = 2, message = 3
        }

        enum CodingKeys: String, CodingKey {
            case name, description, type, options
            case nameLocalizations = "name_localizations", descriptionLocalizations = "description_localizations"
        }
    }

    /// Replaces the server's slash commands of this application.
    public func setGuildCommands(_ commands: [SlashCommand], application: Snowflake, guild: Snowflake) async throws(DiscordError) {
        try await request(Route(.put, "/applications/{application_id}/guilds/{guild_id}/commands",
                                ["application_id": application.rawValue, "guild_id": guild.rawValue]), json: commands)
    }
}

extension RESTClient {
    // MARK: Threads

    /// A private thread in a text channel: only those invited, and members
    /// with Manage Threads, see it.
    public func createPrivateThread(in channel: Snowflake, name: String, reason: String? = nil) async throws(DiscordError) -> Channel {
        struct Body: Encodable, Sendable {
            let name: String
            let type = ChannelType.privateThread
            let invitable = false
            let auto_archive_duration = 10_080
        }
        var route = Route(.post, "/channels/{channel_id}/threads", ["channel_id": channel.rawValue])
        route.repeatsSafely = false
        return try await request(route, json: Body(name: DiscordLimits.cut(name, to: DiscordLimits.channelName)), reason: reason)
    }

    public func addThreadMember(_ thread: Snowflake, user: Snowflake) async throws(DiscordError) {
        try await request(Route(.put, "/channels/{channel_id}/thread-members/{user_id}", ["channel_id": thread.rawValue, "user_id": user.rawValue]))
    }

    public func removeThreadMember(_ thread: Snowflake, user: Snowflake) async throws(DiscordError) {
        try await request(Route(.delete, "/channels/{channel_id}/thread-members/{user_id}", ["channel_id": thread.rawValue, "user_id": user.rawValue]))
    }

    /// The server's active threads (the ones Escala may have created).
    public func activeThreads(guild: Snowflake) async throws(DiscordError) -> [Channel] {
        struct Answer: Decodable, Sendable { let threads: [Channel] }
        let answer: Answer = try await request(Route(.get, "/guilds/{guild_id}/threads/active", ["guild_id": guild.rawValue]))
        return answer.threads
    }
}
