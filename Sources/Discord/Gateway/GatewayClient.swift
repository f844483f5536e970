import Foundation
import Logging
import NIOWebSocket
import Synchronization
import WSClient

/// Discord's gateway v10 over a WebSocket, JSON encoding: hello, identify,
/// heartbeats with the documented jitter, resume after a drop, reconnect on
/// request, and a clear error, never a reconnect loop, on a fatal close.
///
/// Every dispatch is delivered once and in order: after a resume Discord
/// replays what was missed, and anything at or below the last sequence
/// already delivered is dropped.
public actor GatewayClient {
    public struct Options: Sendable {
        public var intents: GatewayIntents = [.guilds, .guildMessages]
        /// Discord's GUILD_CREATE of a large server exceeds 64 KiB; the
        /// WebSocket default (16 KiB) would close the connection with 1009.
        public var maxFrameSize = 1 << 24
        public var reconnectBaseDelay: Duration = .seconds(1)
        public var reconnectMaxDelay: Duration = .seconds(60)
        /// How long our own close waits for the server's answer.
        public var closeTimeout: Duration = .seconds(5)
        /// The pause, in milliseconds, before identifying again after an
        /// Invalid Session; Discord documents 1 to 5 seconds.
        public var invalidSessionPause: ClosedRange<Int> = 1_000...5_000
        public init() {}
    }

    /// Close codes after which reconnecting cannot help.
    public static let fatalCloseCodes: Set<Int> = [4004, 4010, 4011, 4012, 4013, 4014]

    private let token: BotToken
    private let gatewayURL: String
    private let options: Options
    private let logger: Logger

    private var sessionID: String?
    private var resumeURL: String?
    private var lastSequence: Int?
    private var stopping = false
    private var outbound: WebSocketOutboundWriter?
    /// Connections opened so far (each resume or re-identify opens one).
    public private(set) var connectionCount = 0
    public private(set) var identifyCount = 0
    public private(set) var resumeCount = 0
    /// Whether a session is up now (READY or RESUMED received on the
    /// connection open now): what `/healthz` reports.
    public private(set) var isConnected = false

    /// - Parameter gatewayURL: from `GET /gateway/bot` (`wss://gateway.discord.gg`).
    public init(token: BotToken, gatewayURL: String, options: Options = Options(), logger: Logger = Logger(label: "escala.discord.gateway")) {
        self.token = token
        self.gatewayURL = gatewayURL
        self.options = options
        self.logger = logger
    }

    /// Connects and delivers every dispatch until `stop()` or a fatal close,
    /// reconnecting with backoff in between.
    public func run(_ deliver: @escaping @Sendable (GatewayDispatch) async -> Void) async throws(DiscordError) {
        var failures = 0
        while !stopping {
            if Task.isCancelled { return }
            let resuming = sessionID != nil && resumeURL != nil
            let url = Self.connectionURL(resuming ? resumeURL! : gatewayURL)
            let connection = Connection()
            connectionCount += 1
            DiscordMetrics.gatewayConnections.increment()
            var configuration = WebSocketClientConfiguration(maxFrameSize: options.maxFrameSize)
            configuration.closeTimeout = options.closeTimeout
            var closeCode: Int?
            do {
                let frame = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
                    try await self.serve(inbound: inbound, outbound: outbound, connection: connection, deliver: deliver)
                }
                closeCode = frame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }
            } catch {
                logger.warning("gateway connection dropped", metadata: ["error": "\(error)"])
            }
            outbound = nil
            isConnected = false
            if stopping { return }
            if let closeCode, Self.fatalCloseCodes.contains(closeCode) {
                throw .fatalClose(code: closeCode, reason: Self.explain(closeCode))
            }
            var end = connection.end ?? .resume
            // Invalid sequence, session timed out: the session is gone.
            if let closeCode, closeCode == 4007 || closeCode == 4009 { end = .reidentify(afterInvalidSession: false) }
            if case .reidentify = end {
                sessionID = nil
                resumeURL = nil
                lastSequence = nil
            }
            failures = connection.wasEstablished ? 0 : failures + 1
            var delay = failures == 0 ? Duration.zero : backoff(failures)
            // Discord asks for a pause of 1 to 5 s after an invalid session.
            if case .reidentify(let afterInvalidSession) = end, afterInvalidSession { delay = max(delay, .milliseconds(Int.random(in: options.invalidSessionPause))) }
            logger.info("gateway reconnecting", metadata: ["close": "\(closeCode.map(String.init) ?? "none")", "resume": "\(sessionID != nil)",
                                                            "delay": "\(delay)"])
            await pause(for: delay)
        }
    }

    private func markConnected() { isConnected = true }

    /// Closes the connection with 1000 and ends `run`, at once even when it
    /// is waiting to reconnect.
    public func stop() async {
        stopping = true
        pauseBeforeReconnecting?.cancel()
        try? await outbound?.close(.normalClosure, reason: "shutting down")
    }

    /// The wait before the next connection, which `stop()` cuts short: with
    /// Discord unreachable the wait grows to a minute, and a stop (a
    /// deployment, Ctrl-C) would otherwise sit through it.
    private var pauseBeforeReconnecting: Task<Void, Never>?

    private func pause(for delay: Duration) async {
        guard delay > .zero, !stopping else { return }
        let sleeping = Task { _ = try? await Task.sleep(for: delay) }
        pauseBeforeReconnecting = sleeping
        await withTaskCancellationHandler { await sleeping.value } onCancel: { sleeping.cancel() }
        pauseBeforeReconnecting = nil
    }

    private func backoff(_ failures: Int) -> Duration {
        let exponential = options.reconnectBaseDelay * (1 << min(failures - 1, 6))
        return min(exponential, options.reconnectMaxDelay) * Double.random(in: 0.75...1.25)
    }

    static func connectionURL(_ base: String) -> String {
        (base.hasSuffix("/") ? base : base + "/") + "?v=10&encoding=json"
    }

    static func explain(_ code: Int) -> String {
        switch code {
        case 4004: "the bot token was refused. Reset it in the Discord Developer Portal (your application > Bot > Reset Token) and set DISCORD_TOKEN to the new one."
        case 4010: "invalid shard sent when identifying."
        case 4011: "this bot is in too many servers for one connection (sharding required)."
        case 4012: "invalid gateway version."
        case 4013: "invalid intents were sent."
        case 4014: "the bot asked for privileged intents it is not allowed. In the Developer Portal (your application > Bot > Privileged Gateway Intents) turn on Server Members Intent and Message Content Intent."
        default: "closed by Discord."
        }
    }

    // MARK: One connection

    /// How one connection ended, decided by what was received on it.
    enum End: Sendable {
        case resume
        /// Start a new session; `true` after an Invalid Session.
        case reidentify(afterInvalidSession: Bool)
    }

    /// What the reader and the heartbeat share on one connection.
    final class Connection: Sendable {
        private struct State {
            var ackPending = false
            var end: End?
            var established = false
        }
        private let state = Mutex(State())

        var end: End? { state.withLock { $0.end } }
        var wasEstablished: Bool { state.withLock { $0.established } }
        func finish(_ end: End) { state.withLock { if $0.end == nil { $0.end = end } } }
        func established() { state.withLock { $0.established = true } }
        func acknowledged() { state.withLock { $0.ackPending = false } }
        /// Marks a heartbeat as sent; false when the previous one was never
        /// acknowledged (a zombie connection).
        func heartbeatSent() -> Bool {
            state.withLock { state in
                if state.ackPending { return false }
                state.ackPending = true
                return true
            }
        }
    }

    private func attach(_ writer: WebSocketOutboundWriter) -> Bool {
        outbound = writer
        return !stopping
    }

    private func handshake() -> String {
        if let sessionID, resumeURL != nil {
            resumeCount += 1
            return GatewayCommand.resume(token: token, sessionID: sessionID, sequence: lastSequence)
        }
        identifyCount += 1
        return GatewayCommand.identify(token: token, intents: options.intents)
    }

    /// Takes a sequence number; false for one already delivered (a replay).
    private func accept(_ sequence: Int) -> Bool {
        if let lastSequence, sequence <= lastSequence { return false }
        lastSequence = sequence
        return true
    }

    private func ready(_ data: ReadyData) {
        sessionID = data.sessionID
        resumeURL = data.resumeGatewayURL
    }

    private var sequence: Int? { lastSequence }

    private nonisolated func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, connection: Connection,
                                   deliver: @escaping @Sendable (GatewayDispatch) async -> Void) async throws {
        guard await attach(outbound) else {
            try await outbound.close(.normalClosure, reason: "shutting down")
            return
        }
        var messages = inbound.messages(maxSize: options.maxFrameSize).makeAsyncIterator()
        guard case .text(let helloText)? = try await messages.next(),
              let hello = try? JSONCoding.decoder.decode(GatewayData<HelloData>.self, from: Data(helloText.utf8)).d else {
            connection.finish(.resume)
            try await outbound.close(.unknown(4002), reason: "expected Hello")
            return
        }
        let interval = Duration.milliseconds(hello.heartbeatInterval)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await self.heartbeat(every: interval, outbound: outbound, connection: connection)
            }
            try await outbound.writeTextMessage(await handshake())
            while let message = try await messages.next() {
                guard case .text(let text) = message else { continue }
                let data = Data(text.utf8)
                guard let envelope = try? JSONCoding.decoder.decode(GatewayEnvelope.self, from: data) else {
                    logger.warning("unreadable gateway message", metadata: ["bytes": "\(data.count)"])
                    continue
                }
                switch GatewayOpcode(rawValue: envelope.op) {
                case .dispatch?:
                    if let sequence = envelope.s, !(await accept(sequence)) { continue }
                    if envelope.t == "READY", let ready = try? JSONCoding.decoder.decode(GatewayData<ReadyData>.self, from: data).d {
                        await self.ready(ready)
                        connection.established()
                        await markConnected()
                    } else if envelope.t == "RESUMED" {
                        connection.established()
                        await markConnected()
                    }
                    await deliver(GatewayDispatch(name: envelope.t ?? "", sequence: envelope.s ?? 0, payload: data))
                case .heartbeat?:
                    try await outbound.writeTextMessage(GatewayCommand.heartbeat(await sequence))
                case .heartbeatAck?:
                    connection.acknowledged()
                case .reconnect?:
                    connection.finish(.resume)
                    try await outbound.close(.unknown(4000), reason: "reconnect requested")
                case .invalidSession?:
                    let resumable = (try? JSONCoding.decoder.decode(GatewayData<Bool>.self, from: data).d) ?? false
                    connection.finish(resumable ? .resume : .reidentify(afterInvalidSession: true))
                    try await outbound.close(.unknown(4000), reason: "invalid session")
                default:
                    break
                }
            }
            group.cancelAll()
        }
    }

    private nonisolated func heartbeat(every interval: Duration, outbound: WebSocketOutboundWriter, connection: Connection) async throws {
        // The first beat after interval × jitter, so that clients that
        // reconnect together do not all beat together.
        try await Task.sleep(for: interval * Double.random(in: 0..<1))
        while true {
            guard connection.heartbeatSent() else {
                logger.warning("no heartbeat ACK: the connection is dead, reconnecting")
                connection.finish(.resume)
                // Any code but 1000/1001, so that the session stays resumable.
                try await outbound.close(.unknown(4000), reason: "heartbeat ACK missing")
                return
            }
            try await outbound.writeTextMessage(GatewayCommand.heartbeat(await sequence))
            try await Task.sleep(for: interval)
        }
    }
}
