import Foundation
import HummingbirdWebSocket
import NIOCore
import Synchronization

/// The gateway half of `LocalDiscord`: speaks Discord's gateway JSON (hello,
/// identify → READY, resume → replay + RESUMED, heartbeat → ACK) and lets a
/// test misbehave on purpose: drop the connection, ask for a reconnect,
/// invalidate the session, withhold ACKs, close with a fatal code.
public final class LocalGateway: Sendable {
    public struct Command: Sendable {
        public let op: Int
        public let json: JSONValue
    }

    private struct Event {
        let sequence: Int
        let name: String
        let data: String
    }

    private struct State {
        var heartbeatIntervalMilliseconds = 45_000
        var withholdAcks = false
        var closeOnIdentify: UInt16?
        /// Bytes of padding in the GUILD_CREATE sent after READY, 0 for none.
        var guildCreatePadding = 0
        var sessionNumber = 0
        var sessionID: String?
        var sequence = 0
        var log: [Event] = []
        var outbound: WebSocketOutboundWriter?
        var channel: (any Channel)?
        var ready = false
        /// Frames of the session not yet written, in the order of their
        /// sequence numbers, and whether a task is writing them. Events are
        /// dispatched from several tasks at once (a test's clicks, the REST
        /// side's CHANNEL_CREATE); written as each task got to it, a later
        /// sequence number could overtake an earlier one, and the client,
        /// which must drop what it has seen (a replay), would drop the
        /// earlier event: Discord never sends them out of order.
        var unsent: [String] = []
        var flushing = false
        public var commands: [Command] = []
        var connections = 0
        var closes: [UInt16] = []
        /// The guild's channels as a JSON array, for GUILD_CREATE.
        var channels: @Sendable () -> String = { "[]" }
    }

    private let state = Mutex(State())
    let port: Int

    init(port: Int) { self.port = port }

    // MARK: What tests set and read

    public func configure(heartbeatMilliseconds: Int? = nil, withholdAcks: Bool? = nil, closeOnIdentify: UInt16? = nil, guildCreatePadding: Int? = nil) {
        state.withLock { state in
            if let heartbeatMilliseconds { state.heartbeatIntervalMilliseconds = heartbeatMilliseconds }
            if let withholdAcks { state.withholdAcks = withholdAcks }
            if let closeOnIdentify { state.closeOnIdentify = closeOnIdentify }
            if let guildCreatePadding { state.guildCreatePadding = guildCreatePadding }
        }
    }

    /// Where GUILD_CREATE takes the guild's channels from (the REST side's).
    func channelsForGuildCreate(_ channels: @escaping @Sendable () -> String) {
        state.withLock { $0.channels = channels }
    }

    /// Every command the client sent, in order.
    public var commands: [Command] { state.withLock { $0.commands } }
    public var connections: Int { state.withLock { $0.connections } }
    public var isReady: Bool { state.withLock { $0.ready } }

    /// Dispatches an event to the session: sent now if the client is
    /// connected, else replayed when it resumes, as Discord does.
    public func dispatch(_ name: String, _ data: String) async {
        let connection: Int? = state.withLock { state in
            state.sequence += 1
            let event = Event(sequence: state.sequence, name: name, data: data)
            state.log.append(event)
            guard state.ready else { return nil }
            state.unsent.append(Self.frame(event))
            return Self.takeFlushing(&state)
        }
        if let connection { await flush(connection) }
    }

    /// Whether the caller is to write the unsent frames (no one else is):
    /// the connection they are for.
    private static func takeFlushing(_ state: inout State) -> Int? {
        guard !state.flushing, state.outbound != nil else { return nil }
        state.flushing = true
        return state.connections
    }

    /// Writes the unsent frames in order, until none is left or the
    /// connection they were for is gone.
    private func flush(_ connection: Int) async {
        while true {
            let next: (String, WebSocketOutboundWriter)? = state.withLock { state in
                // A newer connection has its own writer.
                guard state.connections == connection else { return nil }
                guard let outbound = state.outbound, !state.unsent.isEmpty else {
                    state.flushing = false
                    return nil
                }
                return (state.unsent.removeFirst(), outbound)
            }
            guard let (frame, writer) = next else { return }
            try? await writer.writeTextMessage(frame)
        }
    }

    /// Closes the TCP connection with no close frame, as a network failure would.
    public func dropConnection() {
        let channel = state.withLock { state in
            state.ready = false
            state.outbound = nil
            return state.channel
        }
        channel?.close(promise: nil)
    }

    public func sendReconnect() async { await send(#"{"op":7,"d":null}"#) }
    public func sendInvalidSession(resumable: Bool) async { await send(#"{"op":9,"d":\#(resumable)}"#) }

    public func close(code: UInt16) async {
        let writer = state.withLock { $0.outbound }
        try? await writer?.close(.unknown(code), reason: "closed by the test")
    }

    private func send(_ text: String) async {
        let writer = state.withLock { $0.outbound }
        try? await writer?.writeTextMessage(text)
    }

    private static func frame(_ event: Event) -> String {
        #"{"op":0,"s":\#(event.sequence),"t":"\#(event.name)","d":\#(event.data)}"#
    }

    // MARK: Serving one connection

    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, channel: any Channel) async {
        let interval = state.withLock { state in
            state.connections += 1
            state.outbound = outbound
            state.channel = channel
            state.ready = false
            state.unsent = []
            state.flushing = false
            return state.heartbeatIntervalMilliseconds
        }
        do {
            try await outbound.writeTextMessage(#"{"op":10,"d":{"heartbeat_interval":\#(interval)}}"#)
            for try await message in inbound.messages(maxSize: 1 << 24) {
                guard case .text(let text) = message, let json = try? JSONValue.parse(Data(text.utf8)),
                      let op = json["op"]?.number.map(Int.init) else { continue }
                state.withLock { $0.commands.append(Command(op: op, json: json)) }
                switch op {
                case 1:
                    if !state.withLock({ $0.withholdAcks }) { try await outbound.writeTextMessage(#"{"op":11}"#) }
                case 2:
                    try await identify(json, outbound)
                case 6:
                    try await resume(json, outbound)
                default:
                    break
                }
            }
        } catch {
            // The client went away; the next connection starts afresh.
        }
        state.withLock { state in
            if state.channel === channel { state.ready = false; state.outbound = nil }
        }
    }

    private func identify(_ json: JSONValue, _ outbound: WebSocketOutboundWriter) async throws {
        if let code = state.withLock({ $0.closeOnIdentify }) {
            try await outbound.close(.unknown(code), reason: code == 4004 ? "Authentication failed." : "closed")
            return
        }
        let (connection, padding, channels) = state.withLock { state -> (Int?, Int, @Sendable () -> String) in
            state.sessionNumber += 1
            state.sessionID = "session-\(state.sessionNumber)"
            state.sequence = 1
            state.log = []
            let data = """
                {"v":10,"user":{"id":"1","username":"escala","bot":true,"discriminator":"0"},"guilds":[{"id":"100000000000000001","unavailable":true}],"session_id":"\(state.sessionID!)","resume_gateway_url":"ws://127.0.0.1:\(port)/resume","shard":[0,1],"application":{"id":"1","flags":0}}
                """
            let event = Event(sequence: 1, name: "READY", data: data)
            state.log.append(event)
            state.ready = true
            state.unsent = [Self.frame(event)]
            return (Self.takeFlushing(&state), state.guildCreatePadding, state.channels)
        }
        if let connection { await flush(connection) }
        // As Discord does after READY: the guild, with every channel in it.
        let description = String(repeating: "x", count: padding)
        await dispatch("GUILD_CREATE", #"{"id":"100000000000000001","name":"Servidor","description":"\#(description)","channels":\#(channels()),"roles":[],"members":[]}"#)
    }

    private func resume(_ json: JSONValue, _ outbound: WebSocketOutboundWriter) async throws {
        let session = json["d"]?["session_id"]?.string
        let after = json["d"]?["seq"]?.number.map(Int.init) ?? 0
        // What was missed, then RESUMED, queued at once: an event
        // dispatched meanwhile comes after them, never lost between.
        let resumed: Int?? = state.withLock { state in
            guard let current = state.sessionID, current == session else { return nil }
            let missed = state.log.filter { $0.sequence > after }
            state.sequence += 1
            let event = Event(sequence: state.sequence, name: "RESUMED", data: "{}")
            state.log.append(event)
            state.ready = true
            state.unsent = (missed + [event]).map(Self.frame)
            return .some(Self.takeFlushing(&state))
        }
        guard let resumed else {
            try await outbound.writeTextMessage(#"{"op":9,"d":false}"#)
            return
        }
        if let connection = resumed { await flush(connection) }
    }
}
