import Discord
import Engine
import Foundation
import Logging
import Runtime
import ServiceLifecycle
import UnixSignals
import Synchronization
import WorkflowDSL

/// Escala on one Discord server: the Discord face. Gateway dispatches
/// become engine calls, the engine's answers become interaction responses,
/// and its effects become REST calls (`DiscordEffectExecutor`); the loops
/// that carry effects out and fire timers are the runtime's.
///
/// Interactions are answered within Discord's 3 seconds, each after what
/// it changed is committed: an acknowledged click is never lost.
public final class TicketDesk: Sendable {
    public let configuration: DeskConfiguration
    /// The engine, its store and the loops, platform-neutral.
    public let runtime: EscalaRuntime
    /// The SQLite file: the engine's store, and the face's own records
    /// (panel messages, transcripts) through `FaceRecords`.
    public let store: TicketStore
    public var engine: TicketEngine { runtime.engine }
    /// Reputation, autoroles, activity and statistics, on the same database.
    public var community: CommunityEngine { runtime.community }
    public let rest: RESTClient
    /// The workflows served, with their ids here.
    let served: ServedWorkflows
    var workflows: [BoundWorkflow] { served.all }
    /// The engine's view of the same workflows: which one a click opens,
    /// who a person is, which commands the rules use.
    let directory: Directory
    let renames: RenameQueue
    /// The server's channels, kept from the gateway: where a new ticket's
    /// channel has room, and which channel an effect already created.
    let guildChannels = GuildChannels()
    let logger: Logger
    /// Interactions being answered: shutdown lets them finish, bounded.
    let interactions = WorkInFlight()
    /// The gateway's work, off its reader: in order per channel.
    let lanes = GatewayLanes()
    /// Who the bot is, from each READY.
    let bot = BotIdentity()
    /// Reported messages waiting for their form's answers.
    private let state = Mutex(State())

    private struct State {
        var gateway: GatewayClient?
        var stopping = false
        var commandsRegistered = false
    }

    var guild: Snowflake { configuration.guild }

    func now() -> Int64 { runtime.clock.now() }

    /// The face on its dependencies, made by the composition root
    /// (`EscalaApplication`); no network yet.
    public init(configuration: DeskConfiguration, workflows: [BoundWorkflow], directory: Directory, runtime: EscalaRuntime,
                store: TicketStore, logger: Logger = Logger(label: "escala.desk")) {
        self.configuration = configuration
        served = ServedWorkflows(all: workflows, engine: runtime.engine)
        self.directory = directory
        self.runtime = runtime
        self.store = store
        self.logger = logger
        rest = RESTClient(configuration: configuration.discord)
        renames = RenameQueue(rest: rest, clock: configuration.clock)
    }

    func bound(path: String) -> BoundWorkflow? { served.bound(path: path) }

    func bound(of ticket: TicketState) -> BoundWorkflow? { served.bound(of: ticket) }

    // MARK: Serving

    /// What carries the engine's effects out on Discord, for the runtime's
    /// outbox.
    public var executor: any EffectExecutor {
        DiscordEffectExecutor(rest: rest, engine: engine, served: served, guild: guild, channels: guildChannels, renames: renames,
                              bot: bot, transcripts: store, clock: runtime.clock, logger: logger, waiters: runtime.channels,
                              readChannelFound: { [self] ticket, channel in
                                  var members: [Snowflake: GuildMember] = [:]
                                  try await catchUp(ticket, channel: channel, members: &members)
                              })
    }

    /// The face's services, for the application's `ServiceGroup` after the
    /// runtime's: on shutdown the gateway stops first, the clicks it
    /// delivered are answered, and then the loops finish.
    public func services() -> [any Service] {
        [GatewayService(desk: self)]
    }

    /// Whether the gateway has a session up now: `/healthz`.
    public var gatewayConnected: Bool {
        get async {
            guard let gateway = state.withLock({ $0.gateway }) else { return false }
            return await gateway.isConnected
        }
    }

    /// Closes the gateway (1000); what it delivered is still answered.
    public func stop() async {
        await disconnectGateway()
    }

    /// Wakes the outbox and waits until nothing is pending, or `limit`
    /// passes.
    public func drainNow(limit: Swift.Duration = .seconds(10)) async {
        await runtime.drained(limit: limit)
    }

    /// Waits until a new ticket's channel exists on Discord, or Discord
    /// had no room for it, or `limit` passes (the member is then told it
    /// is being created).
    func channel(of ticket: Int64, limit: Swift.Duration = .seconds(10)) async -> ChannelWaiters.Outcome? {
        let engine = engine
        return await runtime.channels.wait(for: ticket, limit: limit) {
            guard let stored = try? await engine.ticket(id: ticket) else { return nil }
            if let channel = stored.channelID { return .channel(channel) }
            return engine.noChannelNotice(of: stored.state).map { .refused(saying: DiscordMarkup.render($0)) }
        }
    }

    /// The gateway session, connected after start-up's reconciliation.
    func connectGateway() async throws(DeskError) {
        let gatewayURL: String
        if let configured = configuration.discord.gatewayURL {
            gatewayURL = configured.absoluteString
        } else {
            do throws(DiscordError) { gatewayURL = try await rest.gatewayBot().url } catch { throw .discord(error) }
        }
        let gateway = GatewayClient(token: configuration.discord.token, gatewayURL: gatewayURL, options: configuration.gatewayOptions)
        let stopped = state.withLock { state -> Bool in
            state.gateway = gateway
            return state.stopping
        }
        if stopped { return }
        do throws(DiscordError) {
            try await gateway.run { dispatch in await self.handle(dispatch) }
        } catch {
            throw .discord(error)
        }
    }

    /// Closes the gateway (1000); what it delivered is still answered.
    func disconnectGateway() async {
        let gateway = state.withLock { state -> GatewayClient? in
            state.stopping = true
            return state.gateway
        }
        await gateway?.stop()
    }

    // MARK: Gateway events

    /// The reader's side: each dispatch is decoded once (`GatewayEvent`)
    /// and its work queued in its lane (`GatewayLanes`), so the reader is
    /// back on the socket at once. A click never waits behind a slow
    /// channel, a message waiting for its channel's record, or READY's
    /// catch-up; one channel's messages still go to the engine in order.
    func handle(_ dispatch: GatewayDispatch) async {
        let event: GatewayEvent
        do { event = try GatewayEvent(dispatch) } catch {
            // A payload we cannot read is logged and skipped; nothing stored is touched.
            logger.warning("gateway event not readable", metadata: ["event": "\(dispatch.name)", "error": "\(error)"])
            return
        }
        switch event {
        case .ready(let ready):
            bot.learn(from: ready)
            lane("session", dispatch) { desk in
                do { try await desk.catchUpMissedMessages() } catch {
                    desk.logger.warning("messages written while Escala was away could not all be read", metadata: ["error": "\(error)"])
                }
                try await desk.registerCommands(application: ready.application.id)
            }
        case .interactionCreate(let interaction):
            // Each interaction is answered on a task of its own, started
            // here, so that one click never waits behind another's database
            // write and REST call: every acknowledgement has its 3 seconds.
            // Not through a lane: a lane's start is one more hop through
            // the lanes' task, which cost a burst of 20 clicks 10 to 20 ms
            // (bench-discord). It is counted, so that shutdown lets it
            // finish.
            Task { await self.interactions.run { await self.handle(interaction) } }
        case .messageCreate(let message):
            lane("channel:\(message.channelID)", dispatch) { desk in
                try await desk.countActivity(of: message)
                try await desk.handleMessage(message)
            }
        case .reactionAdd(let reaction):
            lane("community", dispatch) { desk in try await desk.handleReaction(reaction, added: true) }
        case .reactionRemove(let reaction):
            lane("community", dispatch) { desk in try await desk.handleReaction(reaction, added: false) }
        case .guildMemberAdd(let member):
            lane("community", dispatch) { desk in try await desk.handleMemberAdd(member) }
        case .channelCreate(let channel):
            // Kept at once, on the reader: a ticket's first message may
            // follow its CHANNEL_CREATE closely.
            if channel.guildID == nil || channel.guildID == guild { guildChannels.add(channel) }
        case .guildCreate(let created):
            if created.id == guild, let channels = created.channels { guildChannels.replaceAll(channels) }
        case .channelDelete(let deleted):
            guildChannels.remove(deleted.id)
            lane("channel:\(deleted.id)", dispatch) { desk in
                // Also after the ticket's own close deleted it: the engine
                // then records nothing.
                if let ticket = try await desk.engine.ticket(channel: deleted.id.rawValue) {
                    _ = try await desk.engine.handle(.channelDeleted, ticket: ticket.id, sourceID: "channel-delete:\(deleted.id)", now: desk.now())
                }
            }
        case .guildMemberRemove(let removed):
            lane("community", dispatch) { desk in
                for ticket in try await desk.engine.tickets(openOnly: true) where ticket.state.owner == removed.user.id.rawValue {
                    _ = try await desk.engine.handle(.memberLeft, ticket: ticket.id, sourceID: "left:\(dispatch.sequence):\(ticket.id)", now: desk.now())
                }
            }
        case .other:
            break
        }
    }

    /// Queues a dispatch's work in `name`'s lane; an error is logged with
    /// the event it came from.
    private func lane(_ name: String, _ dispatch: GatewayDispatch, _ work: @escaping @Sendable (TicketDesk) async throws -> Void) {
        let taken = lanes.enqueue(name) { [self] in
            do { try await work(self) } catch {
                logger.warning("gateway event not handled", metadata: ["event": "\(dispatch.name)", "error": "\(error)"])
            }
        }
        if !taken { logger.notice("gateway event after shutdown began, left", metadata: ["event": "\(dispatch.name)"]) }
    }

    private func registerCommands(application: Snowflake) async throws {
        guard !state.withLock({ $0.commandsRegistered }) else { return }
        let community = communityCommands()
        let taken = Set(community.map(\.name))
        let languages = serverLanguages
        let commands = directory.ticketCommandNames.filter { !taken.contains($0) }.map { name in
            CommandLocalizations.worded(RESTClient.SlashCommand(name: name, description: ""), CommandWords(command: CommandWords.workflowCommand(name), options: [:]),
                                        languages: languages)
        } + community
        try await rest.setGuildCommands(commands, application: application, guild: guild)
        state.withLock { $0.commandsRegistered = true }
    }

    /// Messages written in open tickets while no session delivered them
    /// (Escala was down, or between an invalid session and the next): each
    /// is played to the engine in order, once (the event log knows the ones
    /// already taken). Run on every READY, that is, every new session.
    ///
    /// Each ticket's reading goes in its channel's lane, so that the
    /// messages live from this session come after the missed ones.
    func catchUpMissedMessages() async throws {
        for ticket in try await engine.tickets(openOnly: true) where ticket.guild == guild.rawValue {
            guard let channel = ticket.channelID.map({ Snowflake($0) }) else { continue }
            lanes.enqueue("channel:\(channel)") { [self] in
                do {
                    // Messages are taken in the order Discord made them, so
                    // the last one taken is the newest.
                    let after = try await engine.lastMessageID(ofTicket: ticket.id).map { Snowflake($0) }
                    var members: [Snowflake: GuildMember] = [:]
                    try await catchUp(ticket, channel: channel, after: after, members: &members)
                } catch {
                    logger.warning("messages written while Escala was away could not all be read",
                                   metadata: ["ticket": "\(ticket.state.number)", "error": "\(error)"])
                }
            }
        }
    }

    /// Reads `channel`'s messages after `after` (nothing given: from the
    /// channel's creation, its id being a snowflake of that instant) and
    /// plays those not yet taken to `ticket`. Also for a channel found made
    /// when its creation is tried again: a member may have written in it
    /// before the store knew it was the ticket's.
    func catchUp(_ ticket: StoredTicket, channel: Snowflake, after: Snowflake? = nil,
                 members: inout [Snowflake: GuildMember]) async throws {
        var after = after ?? channel
        while true {
            let page: [Message]
            do throws(DiscordError) { page = try await rest.messages(in: channel, after: after) } catch {
                guard error.isNotFound else { throw error }
                return // the channel is gone: CHANNEL_DELETE or the start-up check closes the ticket
            }
            for var message in page where message.author?.bot != true {
                if message.member == nil, let author = message.author?.id {
                    if members[author] == nil { members[author] = try? await rest.guildMember(guild: guild, user: author) }
                    message.member = members[author]
                }
                logger.info("a message written while Escala was away, taken now", metadata: ["ticket": "\(ticket.state.number)"])
                try await handleMessage(message, in: ticket)
            }
            guard page.count == 100, let last = page.last else { return }
            after = last.id
        }
    }

    /// The ticket whose channel `channel` is. A ticket's channel (its topic
    /// carries the effect's key, `GuildChannels` knows it from CHANNEL_CREATE
    /// or GUILD_CREATE) exists before the store records it, sometimes for a
    /// while: Discord made it and failed to say so, and the effect's retry
    /// finds it; or the process was killed between the two. A member who
    /// writes in it at once is not lost: the message waits for the record.
    private func ticket(inChannel channel: Snowflake) async throws -> StoredTicket? {
        if let ticket = try await engine.ticket(channel: channel.rawValue) { return ticket }
        guard guildChannels.isTicketChannel(channel) else { return nil }
        let engine = engine
        guard let id = await runtime.channels.ticket(ofChannel: channel.rawValue, limit: configuration.unrecordedChannelWait,
                                                     lookup: { try? await engine.ticket(channel: channel.rawValue)?.id }) else { return nil }
        return try await engine.ticket(id: id)
    }

    /// `ticket`: the ticket, when the caller knows it before the store says
    /// whose the channel is.
    private func handleMessage(_ message: Message, in known: StoredTicket? = nil) async throws {
        guard let author = message.author, author.bot != true else { return }
        var ticket = known
        if ticket == nil { ticket = try await self.ticket(inChannel: message.channelID) }
        guard let ticket, let bound = bound(of: ticket.state) else { return }
        let person = bound.person(author, roles: message.member?.roles ?? [], nick: message.member?.nick)
        let event = TicketEvent.Message(id: message.id.rawValue, author: person, text: message.content,
                                        attachments: (message.attachments ?? []).map(\.url),
                                        mentionsOwner: (message.mentions ?? []).contains { $0.id.rawValue == ticket.state.owner })
        try await engine.handle(.message(event), ticket: ticket.id, sourceID: "message:\(message.id)", now: now())
    }
}
