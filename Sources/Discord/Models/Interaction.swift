/// A click, a menu choice, a form sent or a slash command (INTERACTION_CREATE).
public struct Interaction: Sendable, Decodable {
    public struct Kind: Sendable, Hashable, Decodable, RawRepresentable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int.self) }

        public static let applicationCommand = Kind(rawValue: 2)
        public static let messageComponent = Kind(rawValue: 3)
        /// A member typing in an option marked `autocomplete`: answered with
        /// suggestions (`InteractionResponse.suggestions`), nothing else.
        public static let applicationCommandAutocomplete = Kind(rawValue: 4)
        public static let modalSubmit = Kind(rawValue: 5)
    }

    public struct Data: Sendable, Decodable {
        /// A slash command's name.
        public var name: String?
        public var customID: String?
        /// A select menu's chosen values.
        public var values: [String]?
        /// A modal's rows, each with its text input and value.
        public var components: [Component]?
        /// A slash command's options as the member filled them in.
        public var options: [CommandOption]?
        /// The users that user options point at, as Discord resolved them.
        public var resolved: Resolved?
        /// An application command's kind: 1 typed in the command box, 2 a
        /// member's menu item, 3 a message's.
        public var type: Int?
        /// The member or message a menu item was used on.
        public var targetID: String?

        public struct Resolved: Sendable, Decodable {
            public var users: [String: User]?
            /// The members behind user options, with their roles (no `user`).
            public var members: [String: GuildMember]?
            /// The message a message command was used on, whole.
            public var messages: [String: Message]?
        }

        enum CodingKeys: String, CodingKey {
            case name, values, components, options, resolved, type
            case customID = "custom_id"
            case targetID = "target_id"
        }

        /// The message a message menu item was used on, as Discord sent it.
        public var targetMessage: Message? {
            guard type == 3, let targetID else { return nil }
            return resolved?.messages?[targetID]
        }

        /// A user an option points at (`/rep member`), when Discord sent it.
        public func resolvedUser(_ id: String) -> User? {
            resolved?.users?[id]
        }

        public func resolvedMember(_ id: String) -> GuildMember? {
            resolved?.members?[id]
        }

        /// An option's value, as text (a user option's value is the user's id).
        public func option(_ name: String) -> String? {
            options?.first { $0.name == name }?.value
        }

        /// The modal's answers by input id: a text input's text, a
        /// checkbox's `true`/`false`, a select's first choice.
        public var submittedValues: [String: String] {
            var values: [String: String] = [:]
            func collect(_ components: [Component]) {
                for component in components {
                    if let id = component.customID, let value = component.value ?? component.values?.first { values[id] = value }
                    collect((component.components ?? []) + (component.component.map { [$0] } ?? []))
                }
            }
            collect(components ?? [])
            return values
        }
    }

    public var id: Snowflake
    public var applicationID: Snowflake
    public var type: Kind
    public var data: Data?
    public var guildID: Snowflake?
    public var channelID: Snowflake?
    public var member: GuildMember?
    public var user: User?
    public var token: String
    /// The clicker's Discord language (`es-ES`).
    public var locale: String?

    enum CodingKeys: String, CodingKey {
        case id, type, data, member, user, token, locale
        case applicationID = "application_id"
        case guildID = "guild_id"
        case channelID = "channel_id"
    }

    /// Who acted: the member in a server, the user in a DM.
    public var actor: User? { member?.user ?? user }
}

/// A slash command option as Discord sends it: the value is a string, a
/// number or a boolean depending on the option's type.
public struct CommandOption: Sendable, Hashable, Decodable {
    public var name: String
    public var type: Int
    public var value: String?
    /// The option being typed in, in an autocomplete interaction.
    public var focused: Bool?

    enum CodingKeys: String, CodingKey { case name, type, value, focused }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(Int.self, forKey: .type)
        focused = try container.decodeIfPresent(Bool.self, forKey: .focused)
        if let text = try? container.decode(String.self, forKey: .value) {
            value = text
        } else if let number = try? container.decode(Int64.self, forKey: .value) {
            value = String(number)
        } else if let number = try? container.decode(Double.self, forKey: .value) {
            value = String(number)
        } else if let flag = try? container.decode(Bool.self, forKey: .value) {
            value = String(flag)
        } else {
            value = nil
        }
    }
}

public struct GuildMember: Sendable, Hashable, Codable {
    public var user: User?
    public var nick: String?
    public var roles: [Snowflake]
    /// ISO 8601, e.g. `2026-01-05T09:00:00.000000+00:00`.
    public var joinedAt: String?

    enum CodingKeys: String, CodingKey {
        case user, nick, roles
        case joinedAt = "joined_at"
    }

    public init(user: User? = nil, nick: String? = nil, roles: [Snowflake], joinedAt: String? = nil) {
        self.user = user
        self.nick = nick
        self.roles = roles
        self.joinedAt = joinedAt
    }

    /// `joinedAt` in seconds since 1970.
    public var joinedAtSeconds: Int64? {
        guard let joinedAt else { return nil }
        return DiscordTimestamp.seconds(joinedAt)
    }
}

/// The answer to an interaction, due within 3 seconds.
public struct InteractionResponse: Sendable, Encodable {
    public var type: Int
    public var data: CallbackData?

    public struct CallbackData: Sendable, Encodable {
        public var content: String?
        public var components: [Component]?
        public var embeds: [Embed]?
        public var flags: Int?
        public var allowedMentions: AllowedMentions?
        /// Modal only.
        public var customID: String?
        public var title: String?
        /// Autocomplete only: the suggestions.
        public var choices: [Choice]?

        public struct Choice: Sendable, Encodable {
            public var name: String
            public var value: String
            public init(name: String, value: String) {
                self.name = name
                self.value = value
            }
        }

        enum CodingKeys: String, CodingKey {
            case content, components, flags, title, embeds, choices
            case allowedMentions = "allowed_mentions"
            case customID = "custom_id"
        }
    }

    /// A private answer only the clicker sees.
    public static func ephemeral(_ content: String, components: [Component]? = nil) -> InteractionResponse {
        InteractionResponse(type: 4, data: CallbackData(content: DiscordLimits.cut(content, to: DiscordLimits.messageContent), components: components, flags: 64, allowedMentions: AllowedMentions.none))
    }

    /// An answer everyone in the channel sees, pinging nobody (a `/rep`
    /// thanks, a `/top` ranking).
    public static func visible(_ content: String? = nil, embeds: [Embed]? = nil) -> InteractionResponse {
        InteractionResponse(type: 4, data: CallbackData(content: content.map { DiscordLimits.cut($0, to: DiscordLimits.messageContent) }, embeds: embeds?.map(\.withinLimits), allowedMentions: AllowedMentions.none))
    }

    /// A message in the channel as the answer itself, pinging whom the
    /// body allows: what a message posted to the channel would say, at no
    /// cost to the global limit.
    public static func message(_ body: MessageBody) -> InteractionResponse {
        InteractionResponse(type: 4, data: CallbackData(content: body.content, components: body.components, embeds: body.embeds,
                                                        allowedMentions: body.allowedMentions))
    }

    /// A private answer drawn as embeds (statistics, a TOP, the audit trail).
    public static func ephemeral(embeds: [Embed]) -> InteractionResponse {
        InteractionResponse(type: 4, data: CallbackData(embeds: embeds.map(\.withinLimits), flags: 64, allowedMentions: AllowedMentions.none))
    }

    /// "Thinking…", privately: the real answer follows by editing it.
    public static let deferredEphemeral = InteractionResponse(type: 5, data: CallbackData(flags: 64))

    /// The click is taken; the message it was on stays as it is.
    public static let deferredUpdate = InteractionResponse(type: 6, data: nil)

    /// Suggestions under the option being typed in: at most 25, each name
    /// and value at most 100 characters, as Discord allows.
    public static func suggestions(_ choices: [CallbackData.Choice]) -> InteractionResponse {
        InteractionResponse(type: 8, data: CallbackData(choices: choices.prefix(25).map {
            CallbackData.Choice(name: DiscordLimits.cut($0.name, to: 100), value: DiscordLimits.cut($0.value, to: 100))
        }))
    }

    /// A modal of labelled fields (selects, a member picker, a checkbox).
    public static func modal(_ customID: String, title: String, fields: [Component]) -> InteractionResponse {
        InteractionResponse(type: 9, data: CallbackData(components: fields, customID: customID,
                                                        title: DiscordLimits.cut(title, to: DiscordLimits.modalTitle)))
    }

}
