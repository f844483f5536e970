import Discord
import Engine
import Foundation
import Logging
import Runtime
import WorkflowDSL

/// Carries the engine's effects out on Discord, one REST call (or a few) each.
///
/// Effects are offered again after a crash (see `EffectExecutor`), so each
/// one is made safe to repeat: a channel carries its effect's key in its
/// topic and is found again instead of created twice; a message carries a
/// nonce with `enforce_nonce`; renames, overwrites and deletions are
/// idempotent by nature.
///
/// It is given what it uses, not the desk: the REST client, the engine's
/// reads, the served workflows, the face's view of the server's channels
/// and renames, and one hook back into the desk's message intake.
struct DiscordEffectExecutor: EffectExecutor {
    let rest: RESTClient
    let engine: TicketEngine
    let served: ServedWorkflows
    let guild: Snowflake
    let channels: GuildChannels
    let renames: RenameQueue
    let bot: BotIdentity
    let transcripts: any FaceRecords
    let clock: any EngineClock
    let logger: Logger
    /// Clicks waiting for their new ticket's channel: told in their own
    /// answer when none will come.
    let waiters: ChannelWaiters
    /// Plays to the engine what was written in a ticket's channel found
    /// already made (by a try that failed to say so, or by a process
    /// killed before its record): the desk's own message intake.
    let readChannelFound: @Sendable (StoredTicket, Snowflake) async throws -> Void

    func execute(_ pending: PendingEffect) async throws -> EffectReceipt {
        do {
            switch pending.work {
            case .ticket(let effect, let ticketID, let channelID):
                return try await execute(effect, ticket: ticketID, channel: channelID.map { Snowflake($0) }, key: pending.idempotencyKey,
                                         retried: pending.attempts > 0, replyRoute: pending.replyRoute)
            case .community(let effect, let workflow):
                try await execute(effect, workflow: workflow, key: pending.idempotencyKey)
                return EffectReceipt()
            }
        } catch let error as DiscordError {
            if error.isUnknownChannel, case .ticket(let effect, _, _?) = pending.work, effect.actsInTicketChannel {
                // The ticket's channel was deleted (by hand): what was to
                // happen in it has nowhere to happen. The ticket closes
                // on CHANNEL_DELETE, with a transcript from the record.
                return skipped(pending.idempotencyKey, "the ticket's channel was deleted on Discord")
            }
            throw error.willNeverSucceed ? EffectCannotSucceed(reason: error.description) : error
        }
    }

    /// Posts the alert where the engine says (the category's log channel).
    /// Best effort: if that channel is what failed, the log line is all
    /// there is.
    func tellStaff(setAside pending: PendingEffect, reason: String) async {
        logger.error("effect set aside: it can never succeed as it is", metadata: ["lane": "\(pending.lane)", "reason": "\(reason)"])
        guard let alert = await engine.staffAlert(setAside: pending, reason: reason), let ticketID = pending.ticketID,
              let ticket = try? await engine.ticket(id: ticketID),
              let channel = served.bound(of: ticket.state)?.ids[alert.channel] else { return }
        _ = try? await rest.createMessage(channel, MessageBody(content: DiscordMarkup.render(alert.text), allowedMentions: .none,
                                                               nonce: Self.nonce(pending.idempotencyKey + ":aside")))
    }

    /// A ticket's effect.
    private func execute(_ effect: Effect, ticket ticketID: Int64, channel: Snowflake?, key: String, retried: Bool,
                         replyRoute: String?) async throws -> EffectReceipt {
        guard let ticket = try await engine.ticket(id: ticketID),
              let workflow = engine.workflow(of: ticket.state),
              let bound = served.bound(of: ticket.state),
              let category = workflow.category(named: ticket.state.category) else {
            return skipped(key, "ticket \(ticketID) or the workflow version it runs on is not loaded")
        }
        let owner = Snowflake(ticket.state.owner)
        switch effect {
        case .createChannel(let name, let visibleTo):
            let channel: Snowflake, found: Bool
            do {
                (channel, found) = try await createChannel(name: name, visibleTo: visibleTo, owner: owner, key: key,
                                                           retried: retried, category: category, bound: bound)
            } catch let noRoom as NoRoom {
                // Fuller than counted at the click (channels made while the
                // gateway was away, or by hand since): the engine closes
                // the ticket and says so to the member and to staff.
                logger.warning("Discord had no room for a ticket's channel", metadata: ["ticket": "\(ticketID)", "room": "\(noRoom.room)"])
                try await engine.handle(.noRoomForChannel(noRoom.room), ticket: ticketID, sourceID: "no-room:" + key, now: clock.now())
                return skipped(key, "Discord had no room for the channel (\(noRoom.room)): the ticket closed")
            }
            if found {
                // Made by a try that failed to say so (or by a process
                // killed before the record): the member may have written
                // in it already, and no one took it, the store not yet
                // knowing the channel was this ticket's.
                try await readChannelFound(ticket, channel)
            }
            return EffectReceipt(channelID: channel.rawValue)
        case .send, .notice, .mention:
            guard let channel else { return skipped(key, "the ticket has no channel") }
            guard let body = MessageBody.ticket(effect, of: ticket, bound: bound, category: category, language: engine.language(of: ticket.state),
                                                nonce: Self.nonce(key)) else {
                return skipped(key, "a mention of nobody this server binds an id to")
            }
            // Meant as the answer to a click or form, and the process that
            // took it did not say it answered: ask Discord before sending
            // it again another way.
            if let replyRoute, try await answered(replyRoute, with: body) {
                logger.debug("the click's own answer already said it", metadata: ["key": "\(key)"])
                return EffectReceipt()
            }
            _ = try await rest.createMessage(channel, body)
        case .deleteMessage(let id):
            guard let channel else { return skipped(key, "the ticket has no channel") }
            do throws(DiscordError) { try await rest.deleteMessage(channel, Snowflake(id), reason: "Escala: ticket rule") } catch {
                guard error.isNotFound else { throw error } // already gone
            }
        case .rename(let name):
            guard let channel else { return skipped(key, "the ticket has no channel") }
            try await renames.rename(channel, to: name)
        case .setTopic(let topic):
            guard let channel else { return skipped(key, "the ticket has no channel") }
            // A thread has no topic: the notice that follows says it there.
            guard category.mode != .thread else { return EffectReceipt() }
            try await renames.setTopic(channel, to: topic)
        case .setVisibility(let ranks, let people):
            guard let channel else { return skipped(key, "the ticket has no channel") }
            if category.mode == .thread {
                // A thread has no overwrites of its own: the people are
                // invited; ranks see it through Manage Threads, and are
                // pinged by the mention that follows.
                for person in people { try await rest.addThreadMember(channel, user: Snowflake(person)) }
                return EffectReceipt()
            }
            for role in Set(ranks.flatMap(bound.roleIDs)).sorted(by: { $0.rawValue < $1.rawValue }) {
                try await rest.setPermissions(channel, PermissionOverwrite(id: role, type: .role, allow: .ticketParticipant), reason: "Escala: escalation")
            }
            for person in people {
                try await rest.setPermissions(channel, PermissionOverwrite(id: Snowflake(person), type: .member, allow: .ticketParticipant),
                                              reason: "Escala: escalation")
            }
        case .move:
            guard let channel else { return skipped(key, "the ticket has no channel") }
            do {
                try await moveChannel(channel, ticket: ticket, category: category, bound: bound)
            } catch is NoRoom {
                // Every place of the new category is full: the ticket has
                // moved all the same, in the channel where it is.
                return skipped(key, "every Discord category of \(category.name) is full: the channel stays where it is")
            }
        case .hide(let people):
            guard let channel else { return skipped(key, "the ticket has no channel") }
            for person in people {
                if category.mode == .thread {
                    try await rest.removeThreadMember(channel, user: Snowflake(person))
                } else {
                    try await rest.deletePermissions(channel, overwrite: Snowflake(person), reason: "Escala: removed from the ticket")
                }
            }
        case .notify(let name, let text, _):
            guard let target = bound.ids[name] else { return skipped(key, "the channel `\(name)` has no id in \(bound.path)'s .ids file") }
            let mentions = bound.allowedMentions(for: effect, owner: owner.rawValue)
            let prefix = DiscordMarkup.pings(roles: mentions.roles, users: [])
            let words = DiscordMarkup.render(text)
            _ = try await rest.createMessage(target, MessageBody(content: prefix.isEmpty ? words : prefix + " " + words,
                                                                 allowedMentions: mentions, nonce: Self.nonce(key)))
        case .publish(let name, let text):
            // Every publication has the same card: the category, who sent
            // it, the workflow's text, and the ticket it came from.
            guard let target = bound.ids[name] else { return skipped(key, "the channel `\(name)` has no id in \(bound.path)'s .ids file") }
            let card = Embed(title: category.label, description: DiscordMarkup.render(text), color: 0x2ECC71,
                             footer: .init(text: "#\(ticket.number) · \(bound.workflow.title)"), author: .init(name: ticket.state.ownerName))
            _ = try await rest.createMessage(target, MessageBody(content: nil, embeds: [card], allowedMentions: .none,
                                                                 nonce: Self.nonce(key)))
        case .tellPrivately(let person, let text):
            let rendered = DiscordMarkup.render(text)
            if waiters.refused(ticket: ticketID, saying: rendered) { return EffectReceipt() }
            // The click stopped waiting (it said the ticket is being
            // created): a direct message.
            return await directMessage(rendered, to: person, key: key, what: "a private word")
        case .refuse, .showPrivately, .showForm, .showSanctions, .showAppealedSanctions:
            break // answered on the interaction itself, within its 3 seconds
        case .recordSanction:
            break // kept by the engine's own step, never sent
        case .grantRole(let role, let user, _):
            guard let id = bound.ids[role] else { return skipped(key, "the role `\(role)` has no id in \(bound.path)'s .ids file") }
            try await rest.addRole(id, to: Snowflake(user), guild: guild, reason: "Escala: ticket #\(ticket.number)")
        case .revokeRole(let role, let user):
            guard let id = bound.ids[role] else { return skipped(key, "the role `\(role)` has no id in \(bound.path)'s .ids file") }
            try await revoke(id, from: Snowflake(user), reason: "Escala: ticket #\(ticket.number)")
        case .transcript(let name):
            guard let channel else { return skipped(key, "the ticket has no channel") }
            try await postTranscript(of: ticket, channel: channel, to: name.flatMap { bound.ids[$0] }, category: category,
                                     key: key)
        case .transcriptTo(let person):
            let (title, html) = try await TranscriptRenderer.page(of: ticket, category: category, engine: engine, escala: bot.name)
            if let refused = await rest.sendPrivately(title, file: (name: "ticket-\(ticket.number).html", data: Data(html.utf8), contentType: "text/html"),
                                                 to: person, nonce: Self.nonce(key)) {
                guard refused.cannotMessageUser || refused.willNeverSucceed else { throw refused }
                // Their direct messages are closed (50007): their choice,
                // not a fault; staff are not told, nothing is retried.
                return skipped(key, "the member's direct messages refused the transcript: \(refused)")
            }
        case .close:
            guard let channel else { return skipped(key, "the ticket has no channel") }
            do throws(DiscordError) { try await rest.deleteChannel(channel, reason: "Escala: ticket #\(ticket.number) closed") } catch {
                guard error.isNotFound else { throw error }
            }
        case .askRating(let text, let user):
            return await directMessage(DiscordMarkup.render(text), to: user, key: key, what: "the rating question")
        case .schedule, .cancelTimer:
            break
        }
        return EffectReceipt()
    }

    /// `content` to `person` by direct message. A member may refuse DMs;
    /// that is their choice, not a failure: the effect is done all the same.
    private func directMessage(_ content: String, to person: String, key: String, what: String) async -> EffectReceipt {
        do {
            let dm = try await rest.directMessageChannel(with: Snowflake(person))
            _ = try await rest.createMessage(dm.id, MessageBody(content: content, allowedMentions: .none, nonce: Self.nonce(key)))
        } catch {
            return skipped(key, "the member's direct messages refused \(what): \(error)")
        }
        return EffectReceipt()
    }

    /// An effect done without a call to Discord, because there is nothing
    /// it could do there: recorded done like any other, and said in the
    /// log with why, so that an effect never vanishes in silence.
    private func skipped(_ key: String, _ why: String) -> EffectReceipt {
        logger.notice("effect done without a call to Discord", metadata: ["key": "\(key)", "why": "\(why)"])
        return EffectReceipt()
    }

    /// Whether the interaction behind `route` was answered with this
    /// message.
    private func answered(_ route: String, with body: MessageBody) async throws -> Bool {
        guard let route = InteractionRoute(stored: route),
              let original = try await rest.originalResponse(application: route.application, token: route.token) else { return false }
        return original.content == (body.content ?? "")
    }

    /// A community rule's effect: roles granted and taken back, and the TOP
    /// of a window that ended.
    private func execute(_ effect: CommunityEffect, workflow: String, key: String) async throws {
        guard let bound = served.bound(path: workflow) else { return _ = skipped(key, "the workflow \(workflow) is not served") }
        switch effect {
        case .grantRole(let role, let member):
            guard let id = bound.ids[role] else { return _ = skipped(key, "the role `\(role)` has no id in \(bound.path)'s .ids file") }
            try await rest.addRole(id, to: Snowflake(member), guild: guild, reason: "Escala: autorole \(role)")
        case .revokeRole(let role, let member):
            guard let id = bound.ids[role] else { return _ = skipped(key, "the role `\(role)` has no id in \(bound.path)'s .ids file") }
            try await revoke(id, from: Snowflake(member), reason: "Escala: \(role) revoked")
        case .postRanking(let channel, let ranking):
            guard let id = bound.ids[channel] else { return _ = skipped(key, "the channel `\(channel)` has no id in \(bound.path)'s .ids file") }
            let embed = CommunityEmbeds.ranking(ranking, language: NoticeCatalogue.language(for: bound.workflow.locales[0]))
            _ = try await rest.createMessage(id, MessageBody(content: nil, embeds: [embed], allowedMentions: .none, nonce: Self.nonce(key)))
        }
    }

    /// One rule for every revocation: a member who left has nothing to
    /// take back, which is done, not a failure.
    private func revoke(_ role: Snowflake, from member: Snowflake, reason: String) async throws {
        do throws(DiscordError) {
            try await rest.removeRole(role, from: member, guild: guild, reason: reason)
        } catch {
            guard error.isNotFound else { throw error }
        }
    }

    /// The private channel: the member, the receiving ranks (and those
    /// above) and the bot may see it; @everyone may not. It goes in the
    /// category's place, else its overflow, counted from the gateway
    /// (`GuildChannels`) rather than by listing the server's channels.
    /// `found`: the channel was there already, made by an earlier try.
    private func createChannel(name: String, visibleTo: [Actor], owner: Snowflake, key: String, retried: Bool, category: Category,
                               bound: BoundWorkflow) async throws -> (channel: Snowflake, found: Bool) {
        if category.mode == .thread, let parent = category.place.flatMap({ bound.ids[$0] }) {
            return try await createThread(name: name, in: parent, owner: owner)
        }
        let topic = "escala:" + key
        if retried || !channels.isKnown {
            // A try that failed may have made the channel (Discord did the
            // work, then failed to answer): ask Discord itself, once.
            channels.replaceAll(try await rest.guildChannels(guild: guild))
        }
        // The place promised when the ticket opened, if this process did.
        var place = channels.takePromise(of: .init(member: owner.rawValue, category: category.name))
        if let existing = channels.channel(topic: topic) {
            if let place { channels.settle(place, created: nil) }
            return (existing, true)
        }
        let overwrites = ticketOverwrites(visibleTo: visibleTo, owner: owner, people: [], bound: bound)
        let places = bound.places(of: category)
        if places.isEmpty {
            if channels.room(among: []) == .serverFull { throw NoRoom(room: .serverFull) }
            do throws(DiscordError) {
                return (try await rest.createChannel(guild: guild, .init(name: name, parentID: nil, topic: topic, permissionOverwrites: overwrites),
                                                     reason: "Escala: new ticket").id, false)
            } catch {
                throw serverFull(error) ?? error
            }
        }
        while true {
            if place == nil { place = channels.reserve(among: places) }
            guard let parent = place else { throw NoRoom(room: channels.room(among: places)) }
            do throws(DiscordError) {
                let created = try await rest.createChannel(guild: guild, .init(name: name, parentID: parent, topic: topic, permissionOverwrites: overwrites),
                                                           reason: "Escala: new ticket")
                channels.settle(parent, created: created)
                return (created.id, false)
            } catch {
                channels.settle(parent, created: nil)
                // Fuller than we counted (channels made while the gateway
                // was away): the next place, if there is one; none when
                // the whole server is.
                if let noRoom = serverFull(error) { throw noRoom }
                guard error.isCategoryFull else { throw error }
                channels.markFull(parent)
                place = nil
            }
        }
    }

    /// Who sees a ticket's channel: not @everyone; the member, `people`
    /// (guests, a sanctioner), the ranks and roles of `visibleTo`, and the
    /// bot, which manages it.
    private func ticketOverwrites(visibleTo: [Actor], owner: Snowflake, people: [String], bound: BoundWorkflow) -> [PermissionOverwrite] {
        var overwrites = [PermissionOverwrite(id: guild, type: .role, deny: .viewChannel),
                          PermissionOverwrite(id: owner, type: .member, allow: .ticketParticipant)]
        for person in people where person != owner.rawValue {
            overwrites.append(PermissionOverwrite(id: Snowflake(person), type: .member, allow: .ticketParticipant))
        }
        for role in Set(visibleTo.flatMap(bound.roleIDs)).sorted(by: { $0.rawValue < $1.rawValue }) {
            overwrites.append(PermissionOverwrite(id: role, type: .role, allow: .ticketParticipant))
        }
        if let bot = bot.userID {
            overwrites.append(PermissionOverwrite(id: bot, type: .member, allow: [.ticketParticipant, .manageChannels, .manageMessages]))
        }
        return overwrites
    }

    /// `/move`: the channel under the new category's place (its overflow
    /// when full), seen by the new category's ranks instead of the old
    /// ones, in one request. A channel already under one of those places
    /// stays there. A thread stays in its channel: its new ranks see it
    /// through Manage Threads, and are pinged by the mention that follows.
    private func moveChannel(_ channel: Snowflake, ticket: StoredTicket, category: Category, bound: BoundWorkflow) async throws {
        guard category.mode == .channel else { return }
        let people = (ticket.state.guests ?? []) + [ticket.state.sanctioner].compactMap { $0 }
        let overwrites = ticketOverwrites(visibleTo: category.receivers, owner: Snowflake(ticket.state.owner), people: people, bound: bound)
        let places = bound.places(of: category)
        if places.isEmpty || channels.parent(of: channel).map(places.contains) == true {
            _ = try await rest.moveChannel(channel, parent: channels.parent(of: channel), overwrites: overwrites, reason: "Escala: ticket moved")
            return
        }
        while true {
            guard let parent = channels.reserve(among: places) else {
                // No room under the new places: the new ranks still see it where it is.
                _ = try await rest.moveChannel(channel, parent: channels.parent(of: channel), overwrites: overwrites, reason: "Escala: ticket moved")
                throw NoRoom(room: channels.room(among: places))
            }
            do throws(DiscordError) {
                _ = try await rest.moveChannel(channel, parent: parent, overwrites: overwrites, reason: "Escala: ticket moved")
                channels.settle(parent, created: nil)
                channels.move(channel, to: parent)
                return
            } catch {
                channels.settle(parent, created: nil)
                guard error.isCategoryFull else { throw error }
                channels.markFull(parent)
            }
        }
    }

    /// Discord has no room for the ticket's channel, and will have none
    /// if asked again at once.
    private struct NoRoom: Error {
        let room: ChannelRoom
    }

    /// Discord's 30013 (the server holds its 500 channels), believed over
    /// the count until a channel is deleted; nil for any other error.
    private func serverFull(_ error: DiscordError) -> NoRoom? {
        guard error.isServerFull else { return nil }
        channels.markServerFull()
        return NoRoom(room: .serverFull)
    }

    /// Thread mode: a private thread in the category's channel, with the
    /// member invited. Ticket numbers are unique per server, so the name
    /// under its parent finds a thread created before a crash. Staff see
    /// private threads through Manage Threads on the parent channel.
    private func createThread(name: String, in parent: Snowflake, owner: Snowflake) async throws -> (channel: Snowflake, found: Bool) {
        if let existing = try await rest.activeThreads(guild: guild).first(where: { $0.parentID == parent && $0.name == name }) {
            try await rest.addThreadMember(existing.id, user: owner)
            return (existing.id, true)
        }
        let thread = try await rest.createPrivateThread(in: parent, name: name, reason: "Escala: new ticket")
        try await rest.addThreadMember(thread.id, user: owner)
        return (thread.id, false)
    }

    /// The ticket's conversation as a page, kept in the store and posted
    /// to the log channel. Made from the engine's record, not by reading
    /// the channel back: one request fewer against Discord's global limit
    /// for every hundred messages, and the same page when the channel was
    /// deleted by hand.
    private func postTranscript(of ticket: StoredTicket, channel: Snowflake, to log: Snowflake?, category: Category, key: String) async throws {
        let (title, html) = try await TranscriptRenderer.page(of: ticket, category: category, engine: engine, escala: bot.name)
        try await transcripts.saveTranscript(ticketID: ticket.id, html: html, now: clock.now())
        guard let log else { return }
        _ = try await rest.createMessage(log, MessageBody(content: "\(title) — \(ticket.state.closeReason ?? "")", allowedMentions: .none,
                                                          nonce: Self.nonce(key)),
                                         file: (name: "ticket-\(ticket.number).html", data: Data(html.utf8), contentType: "text/html"))
    }

    /// Discord's nonce holds 25 characters; the outbox key can be longer.
    static func nonce(_ key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return "e" + String(hash, radix: 36)
    }
}

private extension Effect {
    /// Whether the effect happens in the ticket's own channel (and so has
    /// nothing left to do once that channel is gone).
    var actsInTicketChannel: Bool {
        switch self {
        case .send, .notice, .deleteMessage, .rename, .setTopic, .setVisibility, .hide, .move, .mention, .close: true
        default: false
        }
    }
}
