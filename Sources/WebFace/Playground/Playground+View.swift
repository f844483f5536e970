import Foundation
import LocalDiscord
import WorkflowDSL

/// What one person sees, as the page draws it: the channels Discord would
/// list for them (from the overwrites the server holds, the ones Escala
/// sent), the open channel's messages with the answers only they see, their
/// open modal, and who everyone is. Computed from the built-in server's
/// state, never from a second set of rules.
extension Playground {
    /// How many of a channel's latest messages a view carries: Discord's
    /// app loads 50 at a time.
    static let messagesShown = 50

    public func view(as person: String, channel: String?) async throws(PlaygroundError) -> JSONValue {
        guard let who = cast.person(person) else { throw .unknownPerson(person) }
        let roles = server.roles(of: who.id)
        let all = server.guildChannels
        let visible = all.filter { $0["type"]?.number != 4 && server.canSee($0, member: who.id, roles: roles, guild: guild.id) }
        let categories = all.filter { $0["type"]?.number == 4 }
        let listed = visible.map { channel -> JSONValue in
            .object(["id": channel["id"] ?? .null, "name": channel["name"] ?? .null, "type": channel["type"] ?? .null,
                     "parent": channel["parent_id"] ?? .null, "staff": .bool(guild.staffChannels.contains(channel["name"]?.string ?? ""))])
        }.sorted { ($0["id"]?.string ?? "") < ($1["id"]?.string ?? "") }
        var shown: JSONValue = .null
        var why: JSONValue = .null
        if let channel, let open = visible.first(where: { $0["id"]?.string == channel }) {
            let own = server.ephemerals(for: who.id).filter { $0.channel == channel }
                .compactMap { server.parsed($0.json) }.map { $0.setting("ephemeral", to: .bool(true)) }
            // Ids grow with time: the answers only this person sees fall in
            // place among the channel's messages.
            // The latest 50, as Discord's app loads a channel.
            let removed = server.removedMessages(in: channel, last: Self.messagesShown).map { $0.setting("removed", to: .bool(true)) }
            let messages = (server.messageValues(in: channel, last: Self.messagesShown) + own.suffix(Self.messagesShown) + removed).sorted {
                (UInt64($0["id"]?.string ?? "") ?? 0) < (UInt64($1["id"]?.string ?? "") ?? 0)
            }.suffix(Self.messagesShown)
            shown = .object(["id": open["id"] ?? .null, "name": open["name"] ?? .null, "messages": .array(Array(messages))])
            why = await self.why(inChannel: channel)
        }
        let lint: JSONValue = diagnostics.withLock { $0 }.map(JSONValue.string) ?? .null
        let modal = server.openModal(of: who.id).flatMap { server.parsed($0.json) } ?? .null
        return .object([
            "me": .string(who.id),
            "listening": .bool(escalaIsListening),
            "now": .number(Double(clock.now())),
            "lead": .number(Double(clock.lead.components.seconds)),
            "channels": .array(listed),
            "categories": .array(categories.map { .object(["id": $0["id"] ?? .null, "name": $0["name"] ?? .null]) }),
            "channel": shown,
            "ticket": why,
            "modal": modal,
            "people": .array(cast.people.map { person in
                .object(["id": .string(person.id), "name": .string(person.name), "plays": person.plays.map(JSONValue.string) ?? .null,
                         "roles": .array(server.roles(of: person.id).map(JSONValue.string))])
            }),
            "roles": .array(server.roles.map { .object(["id": .string($0.id), "name": .string($0.name), "color": .number(Double($0.color))]) }),
            "violations": .array(server.violations.map(JSONValue.string)),
            "diagnostics": lint,
            "reloaded": keptOnOldVersions.map { .object(["keeping": .number(Double($0))]) } ?? .null,
            "replay": replayView,
            "version": .number(Double(server.changes.count)),
            "workflows": .array(guild.workflows.map { .string(CustomID.workflowKey(path: $0.file)) }),
        ])
    }
}
