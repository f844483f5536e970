import Discord
import Engine
import Foundation
import Logging
import Synchronization
import WorkflowDSL

/// Escala on one Discord server: Discord events become engine events, and
/// the engine's effects become REST calls.
///
/// Interactions are answered first, within Discord's 3 seconds (the engine
/// step takes milliseconds; anything slower is deferred), and the effects
/// follow from the outbox, in order per ticket, by one drain loop.
public final class TicketDesk: Sendable {
    public let configuration: DeskConfiguration
    public let store: TicketStore
    public let engine: TicketEngine
    /// Reputation, autoroles, activity and statistics, on the same database.
    public let community: CommunityEngine
    public let rest: RESTClient
    let workflows: [BoundWorkflow]
    let renames: RenameQueue
    let logger: Logger
    private let state = Mutex(State())
    private let kicks: AsyncStream<Void>
    /// Wakes the drain loop: there are effects to carry out.
    let kick: AsyncStream<Void>.Continuation

    private struct State {
        var botUserID: Snowflake?
        var applicationID: Snowflake?
        var gateway: GatewayClient?
        var stopping = false
        var commandsRegistered = false
    }

    var guild: Snowflake { configuration.guild }
    var botUserID: Snowflake? { state.withLock { $0.botUserID } }

    func now() -> Int64 { configuration.clock() }

    /// Reads the workflows and their bindings and opens the database; no
    /// network yet.
    public init(configuration: DeskConfiguration, logger: Logger = Logger(label: "escala.desk")) throws(DeskError) {
        self.configuration = configuration
        self.logger = logger
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: configuration.workflowsFolder)) ?? [])
            .filter { $0.hasSuffix(".flow") }.sorted()
        guard !files.isEmpty else { throw .noWorkflows(configuration.workflowsFolder) }
        var workflows: [BoundWorkflow] = []
        for file in files {
            workflows.append(try BoundWorkflow.load(path: (configuration.workflowsFolder as NSString).appendingPathComponent(file)))
        }
        self.workflows = workflows
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataFolder, withIntermediateDirectories: true)
            store = try TicketStore(path: configuration.databasePath)
            engine = try TicketEngine(store: store)
            for workflow in workflows {
                let report = try engine.load(workflow.source, now: configuration.clock())
                for (hash, count) in report.ticketsOnOldVersions.sorted(by: { $0.key < $1.key }) {
                    logger.notice("open tickets keep an older version of their workflow",
                                  metadata: ["workflow": "\(workflow.path)", "version": "\(hash.prefix(12))", "tickets": "\(count)"])
                }
            }
        } catch let error as StoreError {
            throw .store(error.description)
        } catch {
            throw .store(String(describing: error))
        }
        community = CommunityEngine(store: store, guild: configuration.guild.rawValue,
                                    workflows: Dictionary(workflows.map { ($0.path, $0.workflow) }, uniquingKeysWith: { first, _ in first }))
        rest = RESTClient(configuration: configuration.discord)
        renames = RenameQueue(rest: rest)
        (kicks, kick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func bound(category: String) -> BoundWorkflow? {
        workflows.first { $0.workflow.category(named: category) != nil }
    }

    // MARK: Serving

    /// Connects and serves until `stop()`: effects left from a previous run
    /// and timers that fell due while down are carried out first.
    public func run() async throws(DeskError) {
        let gatewayURL: String
        if let configured = configuration.discord.gatewayURL {
            gatewayURL = configured.absoluteString
        } else {
            do throws(DiscordError) { gatewayURL = try await rest.gatewayBot().url } catch { throw .discord(error) }
        }
        try await reconcile()
        _ = try? engine.fireDueTimers(now: now())
        // Temporary roles that ran out and windows that ended while down.
        _ = try? community.fireDue(now: now())
        let gateway = GatewayClient(token: configuration.discord.token, gatewayURL: gatewayURL, options: configuration.gatewayOptions)
        let stopped = state.withLock { state -> Bool in
            state.gateway = gateway
            return state.stopping
        }
        if stopped { return }
        kick.yield()
        let result: Result<Void, DiscordError> = await withTaskGroup(of: Result<Void, DiscordError>?.self) { group in
            group.addTask { await self.drainLoop(); return nil }
            group.addTask { await self.timerLoop(); return nil }
            group.addTask {
                do throws(DiscordError) {
                    try await gateway.run { dispatch in await self.handle(dispatch) }
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            var outcome: Result<Void, DiscordError> = .success(())
            if let first = await group.next(), let result = first { outcome = result }
            // The gateway ended (stop or fatal): let the drain finish its
            // pass, and keep what was counted in memory.
            state.withLock { $0.stopping = true }
            do { try community.flush() } catch { logger.error("activity counts not written", metadata: ["error": "\(error)"]) }
            kick.finish()
            group.cancelAll()
            await group.waitForAll()
            return outcome
        }
        if case .failure(let error) = result { throw .discord(error) }
    }

    /// Graceful stop: the gateway closes with 1000, the effect being sent
    /// finishes, the rest stays in the outbox for the next start.
    public func stop() async {
        let gateway = state.withLock { state -> GatewayClient? in
            state.stopping = true
            return state.gateway
        }
        await gateway?.stop()
    }

    private func drainLoop() async {
        let drainer = OutboxDrainer(store: store, executor: DiscordEffectExecutor(desk: self))
        for await _ in kicks {
            do { try await drainer.drain(concurrency: 8, now: { self.now() }) } catch {
                logger.error("outbox", metadata: ["error": "\(error)"])
            }
            await drainCommunity()
            if state.withLock({ $0.stopping }) { return }
        }
    }

    private func timerLoop() async {
        while !state.withLock({ $0.stopping }) {
            do { try await Task.sleep(for: configuration.timerTick) } catch { return }
            if let fired = try? engine.fireDueTimers(now: now()), !fired.isEmpty { kick.yield() }
            do {
                let pass = try community.fireDue(now: now())
                if !pass.effects.isEmpty { kick.yield() }
            } catch {
                logger.error("community scheduler", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Wakes the drain loop and waits until nothing is pending, or `limit`
    /// passes. There is only ever one drainer: two would offer the same
    /// effect twice.
    public func drainNow(limit: Swift.Duration = .seconds(10)) async {
        kick.yield()
        let deadline = ContinuousClock.now + limit
        func pending() -> Bool {
            ((try? store.outboxCounts()["pending"]) ?? 0) > 0
                || !((try? store.pendingCommunityEffects(guild: guild.rawValue, limit: 1)) ?? []).isEmpty
        }
        while pending(), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
            kick.yield()
        }
    }

    /// Waits until a new ticket's channel exists on Discord, or `limit`
    /// passes (the member is then told it is being created).
    func channel(of ticket: Int64, limit: Swift.Duration = .seconds(10)) async -> String? {
        kick.yield()
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if let channel = try? engine.ticket(id: ticket)?.channelID { return channel }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    // MARK: Start-up

    /// Tickets whose channel was deleted by hand are closed; a channel the
    /// bot created but never recorded is reported; panels are posted once
    /// and edited in place afterwards.
    func reconcile() async throws(DeskError) {
        do {
            let channels = try await rest.guildChannels(guild: guild)
            let existing = Set(channels.map(\.id.rawValue))
            let open = try engine.tickets(openOnly: true).filter { $0.guild == guild.rawValue }
            for ticket in open {
                // Threads (and archived ones) are not in the channel list:
                // only Discord's own 404 says a ticket's place is gone.
                if let channel = ticket.channelID, !existing.contains(channel), try await rest.channel(Snowflake(channel)) == nil {
                    logger.notice("a ticket's channel was deleted while Escala was away: closing it", metadata: ["ticket": "\(ticket.number)"])
                    _ = try engine.handle(.channelDeleted, ticket: ticket.id, sourceID: "reconcile:\(ticket.id):\(channel)", now: now())
                }
            }
            let recorded = Set(try engine.tickets().compactMap(\.channelID))
            for channel in channels where channel.topic?.hasPrefix("escala:") == true && !recorded.contains(channel.id.rawValue) {
                logger.warning("a channel created by Escala is not recorded for any ticket (a crash between Discord and the database?)",
                               metadata: ["channel": "\(channel.id)", "name": "\(channel.name ?? "")"])
            }
            for workflow in workflows { try await postPanels(of: workflow) }
        } catch let error as DiscordError {
            throw .discord(error)
        } catch {
            throw .store(String(describing: error))
        }
    }

    private func postPanels(of bound: BoundWorkflow) async throws {
        for panel in bound.workflow.panels {
            guard let channel = bound.ids[panel.channel] else { continue }
            let body = MessageBody(content: panel.message.map(bound.workflow.plainText) ?? panel.title,
                                   components: Components.panel(panel, of: bound.workflow), allowedMentions: .none)
            if let posted = try store.panelMessage(guild: guild.rawValue, workflow: bound.path, panel: panel.name), posted.channelID == channel.rawValue {
                do {
                    _ = try await rest.editMessage(channel, Snowflake(posted.messageID), body)
                    continue
                } catch {
                    guard error.isNotFound else { throw error } // deleted by hand: posted again below
                }
            }
            let message = try await rest.createMessage(channel, body)
            try store.recordPanelMessage(guild: guild.rawValue, workflow: bound.path, panel: panel.name,
                                         channelID: channel.rawValue, messageID: message.id.rawValue)
        }
    }

    // MARK: Gateway events

    func handle(_ dispatch: GatewayDispatch) async {
        do {
            switch dispatch.name {
            case "READY":
                struct Ready: Decodable { let user: User; let application: Application }
                struct Application: Decodable { let id: Snowflake }
                let ready = try dispatch.decode(Ready.self)
                state.withLock {
                    $0.botUserID = ready.user.id
                    $0.applicationID = ready.application.id
                }
                try await registerCommands(application: ready.application.id)
            case "INTERACTION_CREATE":
                // Each interaction is answered on its own task, so that one
                // click never waits behind another's database write and
                // REST call: every acknowledgement has its 3 seconds.
                let interaction = try dispatch.decode(Interaction.self)
                Task { await self.handle(interaction) }
            case "MESSAGE_CREATE":
                let message = try dispatch.decode(Message.self)
                try countActivity(of: message)
                try handleMessage(message)
            case "MESSAGE_REACTION_ADD":
                try handleReaction(dispatch, added: true)
            case "MESSAGE_REACTION_REMOVE":
                try handleReaction(dispatch, added: false)
            case "GUILD_MEMBER_ADD":
                try handleMemberAdd(dispatch)
            case "CHANNEL_DELETE":
                struct Deleted: Decodable { let id: Snowflake }
                let deleted = try dispatch.decode(Deleted.self)
                if let ticket = try engine.ticket(channel: deleted.id.rawValue) {
                    _ = try engine.handle(.channelDeleted, ticket: ticket.id, sourceID: "channel-delete:\(deleted.id)", now: now())
                    kick.yield()
                }
            case "GUILD_MEMBER_REMOVE":
                struct Removed: Decodable { let user: User }
                let removed = try dispatch.decode(Removed.self)
                for ticket in try engine.tickets(openOnly: true) where ticket.state.owner == removed.user.id.rawValue {
                    _ = try engine.handle(.memberLeft, ticket: ticket.id, sourceID: "left:\(dispatch.sequence):\(ticket.id)", now: now())
                }
                kick.yield()
            default:
                break
            }
        } catch {
            // A payload we cannot read is logged and skipped; nothing stored is touched.
            logger.warning("gateway event not handled", metadata: ["event": "\(dispatch.name)", "error": "\(error)"])
        }
    }

    private func registerCommands(application: Snowflake) async throws {
        guard !state.withLock({ $0.commandsRegistered }) else { return }
        var names: Set<String> = []
        for bound in workflows {
            for category in bound.workflow.categories {
                for state in category.states {
                    for transition in category.transitions(in: state) {
                        if case .command(let name) = transition.event { names.insert(name) }
                    }
                }
            }
        }
        let community = communityCommands()
        let commands = names.subtracting(community.map(\.name)).sorted().map { RESTClient.SlashCommand(name: $0, description: "Escala: /\($0)") }
            + community
        try await rest.setGuildCommands(commands, application: application, guild: guild)
        state.withLock { $0.commandsRegistered = true }
    }

    private func handleMessage(_ message: Message) throws {
        guard let author = message.author, author.bot != true,
              let ticket = try engine.ticket(channel: message.channelID.rawValue),
              let bound = bound(category: ticket.state.category) else { return }
        let person = bound.person(author, roles: message.member?.roles ?? [], nick: message.member?.nick)
        let event = TicketEvent.Message(id: message.id.rawValue, author: person, text: message.content,
                                        attachments: (message.attachments ?? []).map(\.url),
                                        mentionsOwner: (message.mentions ?? []).contains { $0.id.rawValue == ticket.state.owner })
        if try engine.handle(.message(event), ticket: ticket.id, sourceID: "message:\(message.id)", now: now()) != nil {
            kick.yield()
        }
    }
}
