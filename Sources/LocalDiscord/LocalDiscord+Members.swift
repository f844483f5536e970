import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// What people do on the server (write, click, send a form, run a
/// command, react, join) and what an admin does by hand, each dispatched
/// to the bot's session as Discord would.
extension LocalDiscord {
    /// A channel that exists on the server before the test starts (under
    /// `parent`, to fill a category).
    public func addChannel(id: String, name: String, parent: String?, guild: String) {
        let parentJSON = parent.map { "\"\($0)\"" } ?? "null"
        state.withLock { state in
            state.channels[id] = #"{"id":"\#(id)","type":0,"guild_id":"\#(guild)","name":"\#(name)","position":1,"permission_overwrites":[],"nsfw":false,"parent_id":\#(parentJSON),"flags":0}"#
        }
    }

    /// An admin creates a channel by hand while the bot is connected:
    /// CHANNEL_CREATE is dispatched, as Discord does.
    public func createChannelByHand(id: String, name: String, parent: String?, guild: String) async {
        addChannel(id: id, name: name, parent: parent, guild: guild)
        await gateway.dispatch("CHANNEL_CREATE", state.withLock { $0.channels[id] ?? "{}" })
    }

    // MARK: What members do

    /// An admin deletes a channel by hand: it is gone with its messages,
    /// and CHANNEL_DELETE is dispatched.
    public func deleteChannelByHand(_ id: String, guild: String) async {
        state.withLock { state in
            state.channels[id] = nil
            state.messages[id] = nil
            state.deleted.insert(id)
        }
        await gateway.dispatch("CHANNEL_DELETE", #"{"id":"\#(id)","type":0,"guild_id":"\#(guild)","name":"gone","flags":0}"#)
    }

    /// Its author deletes a message: gone from the channel (a menu can no
    /// longer be used on it), MESSAGE_DELETE dispatched.
    public func deleteMessageByHand(_ id: String, in channel: String) async {
        state.withLock { state in
            state.messages[channel]?.removeAll { (try? JSONValue.parse(Data($0.utf8)))?["id"]?.string == id }
        }
        await gateway.dispatch("MESSAGE_DELETE", #"{"id":"\#(id)","channel_id":"\#(channel)"}"#)
    }

    /// A member writes in a channel: the message is stored (a transcript
    /// will read it back) and MESSAGE_CREATE is dispatched. Returns its id.
    @discardableResult
    public func say(_ content: String, in channel: String, by user: (id: String, name: String), roles: [String] = [],
                    mentions: [String] = [], attachments: [String] = [], guild: String) async -> String {
        let id = newID()
        let mentionList = mentions.map { #"{"id":"\#($0)","username":"u\#($0)","discriminator":"0"}"# }.joined(separator: ",")
        let roleList = roles.map { "\"\($0)\"" }.joined(separator: ",")
        let files = attachments.enumerated().map { index, name in
            #"{"id":"\#(id)\#(index)","filename":"\#(name)","size":1024,"url":"https://cdn.discordapp.com/attachments/\#(channel)/\#(id)/\#(name)","proxy_url":"https://media.discordapp.net/\#(name)"}"#
        }.joined(separator: ",")
        let json = Self.messageJSON(id: id, channel: channel, content: content, author: (user.id, user.name, false), mentions: mentionList,
                                    attachments: files)
        let dispatched = Self.messageJSON(id: id, channel: channel, content: content, author: (user.id, user.name, false), mentions: mentionList,
                                          attachments: files,
                                          extra: #","guild_id":"\#(guild)","member":{"roles":[\#(roleList)],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false}"#)
        state.withLock { state in
            state.messages[channel, default: []].append(json)
            state.memberRoles[user.id] = roles
            state.names[user.id] = user.name
        }
        await gateway.dispatch("MESSAGE_CREATE", dispatched)
        changes.announce()
        return id
    }

    /// A member writes while the bot has no session (it is down, or
    /// between sessions): the message is stored, as Discord keeps it, and
    /// nothing is dispatched. Returns its id.
    @discardableResult
    public func sayUnheard(_ content: String, in channel: String, by user: (id: String, name: String), roles: [String] = []) -> String {
        let id = newID()
        let json = Self.messageJSON(id: id, channel: channel, content: content, author: (user.id, user.name, false))
        state.withLock { state in
            state.messages[channel, default: []].append(json)
            state.memberRoles[user.id] = roles
        }
        return id
    }

    /// A member clicks a component (button, or menu with `values`).
    @discardableResult
    public func click(_ customID: String, in channel: String, by user: (id: String, name: String), roles: [String] = [],
                      values: [String]? = nil, guild: String, locale: String = "es-ES") async -> String {
        let valueList = values.map { ",\"values\":[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" } ?? ""
        let componentType = values == nil ? 2 : 3
        return await interaction(type: 3, data: #"{"custom_id":"\#(customID)","component_type":\#(componentType)\#(valueList)}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member sends a modal: input id → value.
    @discardableResult
    public func submit(_ customID: String, values: [String: String], in channel: String, by user: (id: String, name: String),
                       roles: [String] = [], guild: String, locale: String = "es-ES") async -> String {
        let rows = values.sorted { $0.key < $1.key }.map { key, value in
            let encoded = String(decoding: (try? JSONEncoder().encode(value)) ?? Data("\"\"".utf8), as: UTF8.self)
            return #"{"type":1,"components":[{"type":4,"custom_id":"\#(key)","value":\#(encoded)}]}"#
        }.joined(separator: ",")
        return await interaction(type: 5, data: #"{"custom_id":"\#(customID)","components":[\#(rows)]}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// One answered field of a modal of labels, as Discord sends it back.
    public enum ModalField: Sendable {
        case select(String, values: [String])
        /// A member picker: the chosen users' ids and names.
        case users(String, [(id: String, name: String)])
        case checkbox(String, Bool)
        case text(String, String)
    }

    /// A member sends a modal of labelled fields (selects, a member picker,
    /// a checkbox), shaped as Discord's documentation shows a submission:
    /// each field inside its label, chosen users under `resolved`.
    @discardableResult
    public func submit(_ customID: String, fields: [ModalField], in channel: String, by user: (id: String, name: String),
                       roles: [String] = [], guild: String, locale: String = "es-ES") async -> String {
        func json(_ text: String) -> String { String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self) }
        var resolved: [String] = []
        let labels = fields.enumerated().map { index, field -> String in
            let inner: String
            switch field {
            case .select(let id, let values):
                inner = #"{"type":3,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"values":[\#(values.map(json).joined(separator: ","))]}"#
            case .users(let id, let users):
                inner = #"{"type":5,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"values":[\#(users.map { json($0.id) }.joined(separator: ","))]}"#
                resolved += users.map { #"\#(json($0.id)):{"id":\#(json($0.id)),"username":\#(json($0.name)),"discriminator":"0","global_name":null,"avatar":null}"# }
            case .checkbox(let id, let checked):
                inner = #"{"type":23,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"value":\#(checked)}"#
            case .text(let id, let value):
                inner = #"{"type":4,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"value":\#(json(value))}"#
            }
            return #"{"type":18,"id":\#(2 * index + 1),"component":\#(inner)}"#
        }
        let users = resolved.isEmpty ? "" : #","resolved":{"users":{\#(resolved.joined(separator: ","))}}"#
        return await interaction(type: 5, data: #"{"custom_id":\#(json(customID)),"components":[\#(labels.joined(separator: ","))]\#(users)}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member runs a slash command; options are (name, Discord option
    /// type, value as JSON: `"\"123\""` for a user, `"2"` for an integer).
    /// The members a user option names come under `resolved`, users and
    /// members (with their roles) apart, as Discord sends them: `members`
    /// as given, any other user option from the server's members (someone
    /// who is not one is a user with no member, a bot's user says so).
    @discardableResult
    public func command(_ name: String, options: [(name: String, type: Int, json: String)] = [], in channel: String,
                        by user: (id: String, name: String), roles: [String] = [], guild: String, locale: String = "es-ES",
                        resolving members: [(id: String, name: String, roles: [String])] = []) async -> String {
        let list = options.map { #"{"name":"\#($0.name)","type":\#($0.type),"value":\#($0.json)}"# }.joined(separator: ",")
        let named = options.filter { $0.type == 6 }.compactMap { (try? JSONValue.parse(Data($0.json.utf8)))?.string }.filter { id in !members.contains { $0.id == id } }
        let known = state.withLock { state in
            named.map { id in (id: id, name: state.names[id] ?? "u" + id, roles: state.memberRoles[id], bot: state.bots.contains(id)) }
        }
        let users = members.map { #""\#($0.id)":{"id":"\#($0.id)","username":"\#($0.name)","discriminator":"0","global_name":null,"avatar":null}"# }
            + known.map { #""\#($0.id)":{"id":"\#($0.id)","username":\#(JSONValue.string($0.name).serialized),"discriminator":"0","global_name":null,"avatar":null\#($0.bot ? #","bot":true"# : "")}"# }
        let guildMembers = (members.map { ($0.id, $0.roles) } + known.compactMap { user in user.roles.map { (user.id, $0) } }).map { id, roles in
            #""\#(id)":{"roles":[\#(roles.map { "\"\($0)\"" }.joined(separator: ","))],"joined_at":"2025-01-01T00:00:00+00:00","nick":null}"#
        }
        let resolved = users.isEmpty ? "" : #","resolved":{"users":{\#(users.joined(separator: ","))},"members":{\#(guildMembers.joined(separator: ","))}}"#
        return await interaction(type: 2, data: #"{"id":"900","name":"\#(name)","type":1,"options":[\#(list)]\#(resolved)}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member picks one of the app's items in a message's menu (a
    /// message command, type 3), as Discord sends it: the message under
    /// `resolved.messages`, whole as it is stored now (a deleted one
    /// cannot be picked: nil).
    @discardableResult
    public func useMessageMenu(_ name: String, on message: String, in channel: String, by user: (id: String, name: String),
                               roles: [String] = [], guild: String, locale: String = "es-ES") async -> String? {
        let stored = state.withLock { state in
            (state.messages[channel] ?? []).first { (try? JSONValue.parse(Data($0.utf8)))?["id"]?.string == message }
        }
        guard let stored else { return nil }
        let data = #"{"id":"901","name":\#(JSONValue.string(name).serialized),"type":3,"target_id":"\#(message)","resolved":{"messages":{"\#(message)":\#(stored)}}}"#
        return await interaction(type: 2, data: data, channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member picks one of the app's items in a member's menu (a user
    /// command, type 2): the member under `resolved`, users and members apart.
    @discardableResult
    public func useUserMenu(_ name: String, on target: (id: String, name: String), in channel: String, by user: (id: String, name: String),
                            roles: [String] = [], guild: String, locale: String = "es-ES") async -> String {
        let (targetRoles, bot) = state.withLock { ($0.memberRoles[target.id] ?? [], $0.bots.contains(target.id)) }
        let userJSON = #"{"id":"\#(target.id)","username":\#(JSONValue.string(target.name).serialized),"discriminator":"0","global_name":null,"avatar":null\#(bot ? #","bot":true"# : "")}"#
        let memberJSON = #"{"roles":[\#(targetRoles.map { "\"\($0)\"" }.joined(separator: ","))],"joined_at":"2025-01-01T00:00:00+00:00","nick":null}"#
        let data = #"{"id":"902","name":\#(JSONValue.string(name).serialized),"type":2,"target_id":"\#(target.id)","resolved":{"users":{"\#(target.id)":\#(userJSON)},"members":{"\#(target.id)":\#(memberJSON)}}}"#
        return await interaction(type: 2, data: data, channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member types in an option marked `autocomplete` of a slash
    /// command: Discord asks the bot what to suggest (an interaction of
    /// type 4, the option being typed marked `focused`).
    @discardableResult
    public func autocomplete(_ name: String, option: String, typed: String, in channel: String, by user: (id: String, name: String),
                             roles: [String] = [], guild: String, locale: String = "es-ES") async -> String {
        let data = #"{"id":"900","name":"\#(name)","type":1,"options":[{"name":"\#(option)","type":3,"value":\#(JSONValue.string(typed).serialized),"focused":true}]}"#
        return await interaction(type: 4, data: data, channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member adds (or removes) a reaction to a message.
    public func react(_ emoji: String, to message: String, in channel: String, by user: (id: String, name: String),
                      added: Bool = true, guild: String) async {
        let encoded = String(decoding: (try? JSONEncoder().encode(emoji)) ?? Data("\"\"".utf8), as: UTF8.self)
        let member = added
            ? #","member":{"user":{"id":"\#(user.id)","username":"\#(user.name)","discriminator":"0"},"roles":[],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false}"#
            : ""
        await gateway.dispatch(added ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", """
            {"user_id":"\(user.id)","channel_id":"\(channel)","message_id":"\(message)","guild_id":"\(guild)","emoji":{"id":null,"name":\(encoded)}\(member)}
            """)
    }

    /// A member joins the server at `joinedAt` (ISO 8601).
    public func join(_ user: (id: String, name: String), at joinedAt: String, guild: String) async {
        await gateway.dispatch("GUILD_MEMBER_ADD", """
            {"guild_id":"\(guild)","user":{"id":"\(user.id)","username":"\(user.name)","discriminator":"0"},"roles":[],"joined_at":"\(joinedAt)","deaf":false,"mute":false}
            """)
    }

    func interaction(type: Int, data: String, channel: String, user: (id: String, name: String), roles: [String],
                             guild: String, locale: String) async -> String {
        let id = newID()
        let roleList = roles.map { "\"\($0)\"" }.joined(separator: ",")
        state.withLock { state in
            state.interactionChannels["token-\(id)"] = channel
            state.interactionUsers["token-\(id)"] = user.id
            state.interactionSent["token-\(id)"] = .now
            state.names[user.id] = user.name
            // Discord closes a modal when it is sent (or another is opened).
            if type == 5 { state.modals[user.id] = nil }
            if type == 4 { state.autocompleteTokens.insert("token-\(id)") }
        }
        defer { changes.announce() }
        await gateway.dispatch("INTERACTION_CREATE", """
            {"id":"\(id)","application_id":"1","type":\(type),"data":\(data),"guild_id":"\(guild)","channel_id":"\(channel)","member":{"user":{"id":"\(user.id)","username":"\(user.name)","discriminator":"0"},"roles":[\(roleList)],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false,"permissions":"0"},"token":"token-\(id)","version":1,"locale":"\(locale)","app_permissions":"0","entitlements":[],"authorizing_integration_owners":{},"attachment_size_limit":8388608}
            """)
        return id
    }
}
