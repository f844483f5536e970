import Foundation

/// The guild as people see it: its roles, its members' names and roles,
/// and which channels each person can see, from the overwrites the
/// channels hold (the ones the bot sent), computed as Discord documents.
extension LocalDiscord {
    /// Discord's VIEW_CHANNEL permission bit.
    static let viewChannel: UInt64 = 1 << 10

    /// A role of the guild, named and coloured as a page shows it.
    public func addRole(id: String, name: String, color: Int = 0) {
        state.withLock { state in
            state.roles.removeAll { $0.id == id }
            state.roles.append(Role(id: id, name: name, color: color))
        }
    }

    public var roles: [Role] { state.withLock { $0.roles } }

    /// A category (a channel of type 4) that exists before the bot starts.
    public func addCategory(id: String, name: String, guild: String, position: Int = 0) {
        state.withLock { state in
            state.channels[id] = #"{"id":"\#(id)","type":4,"guild_id":"\#(guild)","name":\#(JSONValue.string(name).serialized),"position":\#(position),"permission_overwrites":[],"nsfw":false,"parent_id":null,"flags":0}"#
        }
    }

    /// A text channel that exists before the bot starts, visible to
    /// everyone unless `onlyRoles` names who may see it.
    public func addChannel(id: String, name: String, parent: String?, guild: String, position: Int, onlyRoles: [String]? = nil) {
        let parentJSON = parent.map { "\"\($0)\"" } ?? "null"
        let overwrites = onlyRoles.map { roles in
            ([#"{"id":"\#(guild)","type":0,"allow":"0","deny":"\#(Self.viewChannel)"}"#]
                + roles.map { #"{"id":"\#($0)","type":0,"allow":"\#(Self.viewChannel)","deny":"0"}"# }).joined(separator: ",")
        } ?? ""
        state.withLock { state in
            state.channels[id] = #"{"id":"\#(id)","type":0,"guild_id":"\#(guild)","name":\#(JSONValue.string(name).serialized),"position":\#(position),"permission_overwrites":[\#(overwrites)],"nsfw":false,"parent_id":\#(parentJSON),"flags":0}"#
        }
    }

    /// A member of the guild with these roles (by id), known before they
    /// do anything (`GET …/members/{id}` finds them).
    public func addMember(id: String, name: String, roles: [String], bot: Bool = false) {
        state.withLock { state in
            state.memberRoles[id] = roles
            state.names[id] = name
            if bot { state.bots.insert(id) }
        }
    }

    /// The member closes their direct messages to server members.
    public func closeDirectMessages(of member: String) {
        _ = state.withLock { $0.closedDirectMessages.insert(member) }
    }

    /// What the bot sent `member` by direct message, oldest first.
    public func directMessages(to member: String) -> [JSONValue] {
        let channels = state.withLock { state in state.directChannels.filter { $0.value == member }.map(\.key) }
        return channels.flatMap { messageValues(in: $0) }
    }

    /// A member's roles now (the bot may have given or taken some).
    public func roles(of member: String) -> [String] { state.withLock { $0.memberRoles[member] ?? [] } }

    /// Every channel of the guild now, as Discord's JSON, categories
    /// included, in no particular order.
    public var guildChannels: [JSONValue] {
        state.withLock { state in Array(state.channels.values) + Array(state.threads.values) }
            .compactMap(parsed)
    }

    /// Whether `member`, holding `roles`, can see `channel`: the guild's
    /// @everyone overwrite, then the roles' overwrites together, then the
    /// member's own (Discord's documented order). Every role here may see
    /// channels by default; a private thread shows only to its members.
    public func canSee(_ channel: JSONValue, member: String, roles: [String], guild: String) -> Bool {
        if channel["type"]?.number == 12 {
            return state.withLock { $0.threadMembers[channel["id"]?.string ?? ""]?.contains(member) ?? false }
        }
        let overwrites = channel["permission_overwrites"]?.array ?? []
        func bits(_ value: JSONValue?) -> UInt64 {
            if let text = value?.string { return UInt64(text) ?? 0 }
            return UInt64(value?.number ?? 0)
        }
        var permissions = Self.viewChannel
        if let everyone = overwrites.first(where: { $0["id"]?.string == guild }) {
            permissions &= ~bits(everyone["deny"])
            permissions |= bits(everyone["allow"])
        }
        let held = Set(roles)
        var allow: UInt64 = 0, deny: UInt64 = 0
        for overwrite in overwrites where overwrite["type"]?.number == 0 && held.contains(overwrite["id"]?.string ?? "") {
            allow |= bits(overwrite["allow"])
            deny |= bits(overwrite["deny"])
        }
        permissions = (permissions & ~deny) | allow
        if let own = overwrites.first(where: { $0["type"]?.number == 1 && $0["id"]?.string == member }) {
            permissions = (permissions & ~bits(own["deny"])) | bits(own["allow"])
        }
        return permissions & Self.viewChannel != 0
    }

    /// A channel's messages now, oldest first, as Discord's JSON (with the
    /// embeds and components the bot sent).
    public func messageValues(in channel: String, last count: Int = .max) -> [JSONValue] {
        state.withLock { ($0.messages[channel] ?? []).suffix(count) }.compactMap(parsed)
    }

    /// The messages the bot deleted from a channel, oldest first.
    public func removedMessages(in channel: String, last count: Int = .max) -> [JSONValue] {
        state.withLock { ($0.removedMessages[channel] ?? []).suffix(count) }.compactMap(parsed)
    }

    /// The answers only `member` sees, oldest first.
    public func ephemerals(for member: String) -> [Ephemeral] { state.withLock { $0.ephemerals.filter { $0.user == member } } }

    /// The modal `member` has open, if any.
    public func openModal(of member: String) -> Modal? { state.withLock { $0.modals[member] } }

    /// `member` closes their modal without sending it.
    public func dismissModal(of member: String) {
        state.withLock { $0.modals[member] = nil }
        changes.announce()
    }

    /// `json` decoded, from a cache: a page reads the same channels and
    /// messages on every redraw, and decoding them again each time was most
    /// of a view's cost (measured: `make bench-playground`).
    public func parsed(_ json: String) -> JSONValue? {
        if let known = parsedCache.withLock({ $0[json] }) { return known }
        guard let value = try? JSONValue.parse(Data(json.utf8)) else { return nil }
        parsedCache.withLock { cache in
            if cache.count > 20_000 { cache.removeAll() }
            cache[json] = value
        }
        return value
    }

    /// A person's name as last seen, or nil.
    public func name(of member: String) -> String? { state.withLock { $0.names[member] } }

    /// A file the bot uploaded, by its index in `uploads`.
    public func upload(_ index: Int) -> Upload? {
        state.withLock { state in state.uploads.indices.contains(index) ? state.uploads[index] : nil }
    }
}
