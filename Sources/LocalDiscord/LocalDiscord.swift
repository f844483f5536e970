import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// A server on 127.0.0.1 that answers the client as Discord would, with
/// Discord's documented JSON, and judges every request against Discord's
/// OpenAPI description. Tests script its answers (a 429, a 500) and read
/// back what it received.
public final class LocalDiscord: Sendable {
    public struct Received: Sendable {
        public let method: String
        public let path: String
        public let body: Data?
        public let headers: [String: String]
        public let at: ContinuousClock.Instant
    }

    /// An answer the test wants for the next request matching a route.
    public struct Scripted: Sendable {
        public var status: Int
        public var headers: [String: String] = [:]
        public var json: String = "{}"
        /// How long to wait before answering: longer than the client's
        /// timeout makes a timeout.
        public var delay: Duration = .zero

        public init(status: Int, headers: [String: String] = [:], json: String = "{}", delay: Duration = .zero) {
            self.status = status
            self.headers = headers
            self.json = json
            self.delay = delay
        }
    }

    struct State {
        public var received: [Received] = []
        public var violations: [String] = []
        var scripts: [(method: String, pathSuffix: String, answers: [Scripted])] = []
        var nextID: UInt64 = 900_000_000_000_000_000
        /// Messages per channel, oldest first, as GET …/messages returns them.
        var messages: [String: [String]] = [:]
        /// Channels the client created, by id, as JSON.
        var channels: [String: String] = [:]
        var threads: [String: String] = [:]
        /// Messages created with `enforce_nonce`, by "channel nonce": the
        /// same nonce again answers the same message, as Discord does.
        var nonces: [String: String] = [:]
        var created: [(id: String, name: String)] = []
        /// Each member's roles, as last seen in something they did.
        var memberRoles: [String: [String]] = [:]
        /// The interactions that are autocomplete ones, by token: Discord
        /// takes suggestions (type 8) from them, and only from them.
        var autocompleteTokens: Set<String> = []
        /// Direct-message channels, by id → the user they reach.
        var directChannels: [String: String] = [:]
        /// Members whose direct messages are closed: Discord answers 50007.
        var closedDirectMessages: Set<String> = []
        /// The suggestions each autocomplete interaction was answered with.
        var suggestions: [String: [JSONValue]] = [:]
        /// Members that are bots (`"bot": true` in their user).
        var bots: Set<String> = []
        /// Channels deleted (by the bot or by hand): Discord answers 404.
        var deleted: Set<String> = []
        var uploads: [Upload] = []
        var onRequest: (@Sendable (Received) -> Void)?
        var holds: [RequestHold] = []
        var faults: (@Sendable (_ method: String, _ path: String) -> Fault?)?
        /// Interactions already answered: Discord refuses a second answer.
        var answeredInteractions: Set<String> = []
        /// The channel each interaction happened in, by its token: where a
        /// message answering it appears.
        var interactionChannels: [String: String] = [:]
        /// The message each interaction was answered with, by its token
        /// (`GET …/messages/@original`).
        var originals: [String: String] = [:]
        /// When each request counted against the global limit arrived,
        /// within the last second.
        var globalWindow: [ContinuousClock.Instant] = []
        var globalRateLimited = 0
        var answered: [Answered] = []
        /// Who did each interaction, by its token: whose an ephemeral
        /// answer or a modal is.
        var interactionUsers: [String: String] = [:]
        /// Answers only their clicker sees, oldest first.
        var ephemerals: [Ephemeral] = []
        /// The modal each person has open (the last one shown to them).
        var modals: [String: Modal] = [:]
        /// Messages the bot deleted, by channel: people saw them, and a
        /// page shows where they were.
        var removedMessages: [String: [String]] = [:]
        /// Who was added to each private thread.
        var threadMembers: [String: Set<String>] = [:]
        /// When each interaction was sent, by its token.
        var interactionSent: [String: ContinuousClock.Instant] = [:]
        /// When each channel was renamed, within the rename window.
        var renames: [String: [ContinuousClock.Instant]] = [:]
        /// The guild's roles, in the order they were added.
        var roles: [Role] = []
        /// People's names, by id, as they were last seen.
        var names: [String: String] = [:]
        /// Applications that sign people in, by client id.
        var oauthApplications: [String: OAuthApplication] = [:]
        /// One-time authorization codes not yet exchanged.
        var oauthCodes: [String: OAuthGrant] = [:]
        /// Access tokens given, to whose user.
        var oauthTokens: [String: String] = [:]
    }

    /// An answer to an interaction that only its clicker sees.
    public struct Ephemeral: Sendable {
        public let user: String
        public let channel: String
        let token: String
        /// The message as Discord would show it.
        public internal(set) var json: String
    }

    /// A modal Discord shows one person, as the bot sent it.
    public struct Modal: Sendable {
        public let channel: String
        public let json: String
    }

    /// A role of the guild.
    public struct Role: Sendable {
        public let id: String
        public let name: String
        public let color: Int
    }

    /// Rings on every change a reader may want to redraw: a request
    /// answered, something a person did.
    public let changes = ChangeFeed()

    /// A request and how long the server took to answer it (arrival to
    /// the answer leaving, the contract check included): the floor under
    /// anything a bot does with it.
    public struct Answered: Sendable {
        public let method: String
        public let path: String
        public let arrived: ContinuousClock.Instant
        public let answered: ContinuousClock.Instant
        public let status: Int
    }

    /// Every answer given so far, in the order they left.
    public var answered: [Answered] { state.withLock { $0.answered } }
    /// The answers from the `index`-th on: a benchmark reads only what is new.
    public func answered(from index: Int) -> ArraySlice<Answered> { state.withLock { $0.answered[min(index, $0.answered.count)...] } }
    /// The requests from the `index`-th on.
    public func received(from index: Int) -> ArraySlice<Received> { state.withLock { $0.received[min(index, $0.received.count)...] } }

    /// Discord's global limit: requests a bot may send in any second,
    /// interaction callbacks and the interaction's webhook excepted
    /// (Discord's rate-limit documentation). Over it, a global 429.
    public let globalLimitPerSecond: Int?
    /// The global 429s answered so far.
    public var globalRateLimited: Int { state.withLock { $0.globalRateLimited } }
    /// Whether requests are judged against Discord's OpenAPI description
    /// (off only for benchmarks, where the check's cost is not Discord's).
    public let checksContract: Bool

    /// Discord's cap on the channels under one category.
    public static let channelsPerCategory = 50
    /// Discord's cap on a server's channels, categories included.
    public static let channelsPerServer = 500

    /// Whether Discord counts a request against the bot's global limit.
    public static func countsAgainstGlobalLimit(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        if segments.first == "interactions" { return false }
        // An interaction's webhook: /webhooks/{application}/{token}/…
        if segments.first == "webhooks", segments.count >= 3 { return false }
        return true
    }

    /// A misbehaviour of Discord's for one request, chosen by a test.
    public enum Fault: Sendable {
        /// This answer, and the request is not carried out.
        case answer(Scripted)
        /// The request is carried out, then this status is answered (a
        /// gateway timeout after the work was done): a retry must not do
        /// it twice.
        case afterCarryingOut(status: Int)
    }

    /// From now on, `decide` may answer any request that no script answers
    /// with a fault instead; nil stops the faults.
    public func injectFaults(_ decide: (@Sendable (_ method: String, _ path: String) -> Fault?)?) {
        state.withLock { $0.faults = decide }
    }

    let state = Mutex(State())
    /// Decoded JSON by its text (`parsed`), apart from `state`: decoding
    /// happens outside its lock.
    let parsedCache = Mutex<[String: JSONValue]>([:])
    private let task: Task<Void, any Error>
    private let connections: OpenConnections
    public let port: Int

    public var apiBaseURL: URL { URL(string: "http://127.0.0.1:\(port)/api/v10")! }

    /// Every request received so far, in order.
    public var received: [Received] { state.withLock { $0.received } }
    /// A file sent with a message (`multipart/form-data`).
    public struct Upload: Sendable {
        public let channel: String
        public let filename: String
        public let data: Data
    }

    public var uploads: [Upload] { state.withLock { $0.uploads } }

    /// Every way a request differed from Discord's API.
    public var violations: [String] { state.withLock { $0.violations } }

    /// Limits Discord holds that a test may not want timed on a busy
    /// machine, and the playground does: an interaction answered after its
    /// 3 seconds is unknown (10062); a channel renamed a third time within
    /// 10 minutes is rate limited (429).
    public struct TimedLimits: Sendable {
        public var interactionWindow: Duration
        public var renamesPerWindow: Int
        public var renameWindow: Duration

        public static let discord = TimedLimits(interactionWindow: .seconds(3), renamesPerWindow: 2, renameWindow: .seconds(600))
    }

    public let timedLimits: TimedLimits?

    public static func start(checksContract: Bool = true, globalLimitPerSecond: Int? = 50, timedLimits: TimedLimits? = nil) async throws -> LocalDiscord {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let box = Mutex<LocalDiscord?>(nil)
        let responder = CallbackResponder<BasicRequestContext> { request, context in
            guard let server = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            return try await server.respond(to: request, context: context)
        }
        var quiet = Logger(label: "local-discord")
        quiet.logLevel = .critical // stopping the server logs a cancellation as an error
        let connections = OpenConnections()
        let upgrade = HTTPServerBuilder { responder in
            OpenConnections.Kept(base: HTTP1WebSocketUpgradeChannel(
                responder: responder, configuration: .init(ws: .init(maxFrameSize: 1 << 24, autoPing: .disabled))) { _, channel, _ in
                    .upgrade([:]) { inbound, outbound, _ in
                        guard let server = box.withLock({ $0 }) else { return }
                        await server.gateway.serve(inbound: inbound, outbound: outbound, channel: channel)
                    }
                }, connections: connections)
        }
        let app = Application(responder: responder, server: upgrade,
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
                              logger: quiet)
        let task = Task { try await app.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
        let server = LocalDiscord(task: task, port: port, connections: connections, checksContract: checksContract,
                                  globalLimitPerSecond: globalLimitPerSecond, timedLimits: timedLimits)
        box.withLock { $0 = server }
        return server
    }

    private init(task: Task<Void, any Error>, port: Int, connections: OpenConnections, checksContract: Bool, globalLimitPerSecond: Int?,
                 timedLimits: TimedLimits?) {
        self.timedLimits = timedLimits
        self.task = task
        self.connections = connections
        self.port = port
        self.checksContract = checksContract
        self.globalLimitPerSecond = globalLimitPerSecond
        gateway = LocalGateway(port: port)
        gateway.channelsForGuildCreate { [weak self] in
            "[" + (self?.state.withLock { $0.channels.values.sorted() } ?? []).joined(separator: ",") + "]"
        }
    }

    /// The gateway, at `ws://127.0.0.1:port/`.
    public let gateway: LocalGateway
    public var gatewayURL: String { "ws://127.0.0.1:\(port)" }

    /// Connections accepted and not yet closed.
    public var openConnections: Int { connections.count }

    public func stop() async {
        state.withLock { $0.holds }.forEach { $0.release() }
        task.cancel()
        // The server's shutdown waits for its connections to end, and one
        // a client opened but never sent a request on is never asked to
        // (async-http-client's pool opens such spares): it stayed until
        // the client's idle timeout, a minute later.
        connections.closeAll()
        _ = await task.result
    }

    /// Runs `hook` on each request as it arrives, before it is answered:
    /// a test can kill the bot at the exact instant Discord has taken an
    /// acknowledgement.
    public func onRequest(_ hook: @escaping @Sendable (Received) -> Void) {
        state.withLock { $0.onRequest = hook }
    }

    /// Keeps every request whose method matches and whose path ends with
    /// `pathSuffix` unanswered until the hold is released (or the server
    /// stops).
    public func hold(_ method: String, _ pathSuffix: String) -> RequestHold {
        let hold = RequestHold(method: method, pathSuffix: pathSuffix)
        state.withLock { $0.holds.append(hold) }
        return hold
    }

    /// The next `answers.count` requests whose method matches and whose path
    /// ends with `pathSuffix` get these answers, in order; later ones the
    /// default.
    public func script(_ method: String, _ pathSuffix: String, _ answers: [Scripted]) {
        state.withLock { $0.scripts.append((method, pathSuffix, answers)) }
    }
}
