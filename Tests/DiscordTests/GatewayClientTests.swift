import Discord
import LocalDiscord
import Foundation
import Synchronization
import TestSupport
import Testing

/// The real gateway client against the local gateway, which misbehaves on
/// purpose the way Discord's gateway may.
@Suite("Gateway client")
struct GatewayClientTests {
    /// Everything the client delivered, in order.
    final class Delivered: Sendable {
        private let events = Mutex<[GatewayDispatch]>([])
        func append(_ event: GatewayDispatch) { events.withLock { $0.append(event) } }
        var all: [GatewayDispatch] { events.withLock { $0 } }
        var names: [String] { all.map(\.name) }
    }

    struct Running {
        let server: LocalDiscord
        let client: GatewayClient
        let delivered: Delivered
        let task: Task<Result<Void, DiscordError>, Never>

        func stop() async {
            await client.stop()
            _ = await task.value
            await server.stop()
        }
    }

    func start(heartbeat: Int = 45_000, configure: (LocalGateway) -> Void = { _ in }) async throws -> Running {
        let server = try await LocalDiscord.start()
        server.gateway.configure(heartbeatMilliseconds: heartbeat)
        configure(server.gateway)
        var options = GatewayClient.Options()
        options.reconnectBaseDelay = .milliseconds(50)
        options.invalidSessionPause = 50...100
        options.closeTimeout = .seconds(1)
        let client = GatewayClient(token: BotToken("gateway-token"), gatewayURL: server.gatewayURL, options: options)
        let delivered = Delivered()
        let task = Task { () -> Result<Void, DiscordError> in
            do throws(DiscordError) {
                try await client.run { delivered.append($0) }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        return Running(server: server, client: client, delivered: delivered, task: task)
    }

    @Test("identifies with the bot's intents, heartbeats with the last sequence, reads a GUILD_CREATE over 64 KiB")
    func identifyAndHeartbeat() async throws {
        // Long enough that a loaded machine never takes the connection for
        // a zombie between two beats.
        let running = try await start(heartbeat: 2_000) { $0.configure(guildCreatePadding: 100_000) }
        try await eventually("READY and GUILD_CREATE delivered") { running.delivered.names == ["READY", "GUILD_CREATE"] }
        let guild = try #require(running.delivered.all.last)
        #expect(guild.payload.count > 100_000)
        try await eventually("two heartbeats") { running.server.gateway.commands.filter { $0.op == 1 }.count >= 2 }
        let identify = try #require(running.server.gateway.commands.first { $0.op == 2 })
        #expect(identify.json["d"]?["token"]?.string == "gateway-token")
        #expect(identify.json["d"]?["intents"]?.number == Double(GatewayClient.Options().intents.rawValue))
        #expect(identify.json["d"]?["properties"]?["os"]?.string == "linux")
        let lastBeat = try #require(running.server.gateway.commands.last { $0.op == 1 })
        #expect(lastBeat.json["d"]?.number == 2, "a heartbeat carries the last sequence received")
        await running.stop()
        #expect(running.server.gateway.connections == 1)
    }

    @Test("after a dropped connection the client resumes and no dispatched event is lost or repeated")
    func resumeAfterDrop() async throws {
        let running = try await start()
        try await eventually("ready") { running.delivered.names.contains("READY") }
        await running.server.gateway.dispatch("MESSAGE_CREATE", #"{"id":"1","content":"uno"}"#)
        try await eventually("first message") { running.delivered.names.contains("MESSAGE_CREATE") }
        running.server.gateway.dropConnection()
        await running.server.gateway.dispatch("MESSAGE_CREATE", #"{"id":"2","content":"dos"}"#)
        await running.server.gateway.dispatch("MESSAGE_CREATE", #"{"id":"3","content":"tres"}"#)
        try await eventually("resumed") { running.delivered.names.contains("RESUMED") }
        await running.server.gateway.dispatch("MESSAGE_CREATE", #"{"id":"4","content":"cuatro"}"#)
        try await eventually("the message after the resume") { running.delivered.names.filter { $0 == "MESSAGE_CREATE" }.count == 4 }
        struct Content: Decodable { let id: String }
        let ids = running.delivered.all.filter { $0.name == "MESSAGE_CREATE" }.compactMap { try? $0.decode(Content.self).id }
        #expect(ids == ["1", "2", "3", "4"])
        let sequences = running.delivered.all.map(\.sequence)
        #expect(sequences == sequences.sorted() && Set(sequences).count == sequences.count)
        let resume = try #require(running.server.gateway.commands.first { $0.op == 6 })
        #expect(resume.json["d"]?["session_id"]?.string == "session-1")
        // READY, GUILD_CREATE, then the first message.
        #expect(resume.json["d"]?["seq"]?.number == 3)
        #expect(running.server.gateway.commands.filter { $0.op == 2 }.count == 1, "resumed, not identified again")
        await running.stop()
    }

    /// Discord sends a session's events in the order of their sequence
    /// numbers, and the client drops any at or below the last it saw (a
    /// replay). The local server must keep that order when a test and its
    /// own REST side dispatch at the same instant, or events vanish: a
    /// member's words, a click, about one in three thousand under load.
    @Test("events dispatched from many tasks at once all arrive, in the order of their sequence numbers")
    func concurrentDispatches() async throws {
        let running = try await start()
        try await eventually("ready") { running.delivered.names.contains("GUILD_CREATE") }
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<100 {
                        await running.server.gateway.dispatch("MESSAGE_CREATE", #"{"id":"\#(task * 1000 + index)","content":"x"}"#)
                    }
                }
            }
        }
        try await eventually("every message") { running.delivered.names.filter { $0 == "MESSAGE_CREATE" }.count == 800 }
        let sequences = running.delivered.all.map(\.sequence)
        #expect(sequences == Array(1...802), "READY, GUILD_CREATE, then every message once, in order")
        await running.stop()
    }

    @Test("op 7 Reconnect: the client reconnects and resumes")
    func reconnectRequested() async throws {
        let running = try await start()
        try await eventually("ready") { running.delivered.names.contains("READY") }
        await running.server.gateway.sendReconnect()
        try await eventually("resumed") { running.delivered.names.contains("RESUMED") }
        #expect(running.server.gateway.connections == 2)
        #expect(running.server.gateway.commands.filter { $0.op == 6 }.count == 1)
        await running.stop()
    }

    @Test("op 9 Invalid Session: a fresh identify, and a resumable one resumes")
    func invalidSession() async throws {
        let running = try await start()
        try await eventually("ready") { running.delivered.names.contains("READY") }
        await running.server.gateway.sendInvalidSession(resumable: false)
        try await eventually("identified again") { running.server.gateway.commands.filter { $0.op == 2 }.count == 2 }
        try await eventually("a second READY") { running.delivered.names.filter { $0 == "READY" }.count == 2 }
        #expect(running.server.gateway.commands.filter { $0.op == 6 }.isEmpty, "the session was not resumed")
        await running.server.gateway.sendInvalidSession(resumable: true)
        try await eventually("resumed") { running.delivered.names.contains("RESUMED") }
        await running.stop()
    }

    @Test("withheld heartbeat ACKs: the connection is taken for dead and resumed")
    func zombieConnection() async throws {
        let running = try await start(heartbeat: 100) { $0.configure(withholdAcks: true) }
        try await eventually("ready") { running.delivered.names.contains("READY") }
        try await eventually("a second connection") { running.server.gateway.connections >= 2 }
        running.server.gateway.configure(withholdAcks: false)
        try await eventually("resumed") { running.delivered.names.contains("RESUMED") }
        await running.stop()
    }

    @Test("close 4004: run ends with a clear error and never reconnects")
    func fatalClose() async throws {
        let running = try await start { $0.configure(closeOnIdentify: 4004) }
        let result = await running.task.value
        guard case .failure(.fatalClose(4004, let reason)) = result else {
            Issue.record("expected a fatal close, got \(result)"); await running.server.stop(); return
        }
        #expect(reason.contains("Reset Token"))
        // `run` has returned: the client has no loop left that could
        // connect again, so one connection now is one for good.
        #expect(running.server.gateway.connections == 1)
        await running.server.stop()
    }

    @Test("stop ends run without reconnecting")
    func stopIsFinal() async throws {
        let running = try await start()
        try await eventually("ready") { running.delivered.names.contains("READY") }
        await running.client.stop()
        let result = await running.task.value
        guard case .success = result else { Issue.record("stop must end run cleanly, got \(result)"); return }
        #expect(running.server.gateway.connections == 1)
        await running.server.stop()
    }

    @Test("stop while Discord is unreachable ends run at once, not after the wait before the next try")
    func stopCutsTheReconnectWait() async throws {
        let server = try await LocalDiscord.start()
        var options = GatewayClient.Options()
        // A wait no test could sit through: run ending shows stop cut it short.
        options.reconnectBaseDelay = .seconds(3_600)
        options.reconnectMaxDelay = .seconds(3_600)
        let client = GatewayClient(token: BotToken("gateway-token"), gatewayURL: server.gatewayURL, options: options)
        let ended = Mutex(false)
        let task = Task {
            try? await client.run { _ in }
            ended.withLock { $0 = true }
        }
        try await eventually("connected") { server.gateway.isReady }
        await server.stop()
        // The connection drops; the next try finds nobody, and the client
        // waits to try again.
        try await eventually("a failed try") { await client.connectionCount >= 2 }
        #expect(!ended.withLock { $0 }, "waiting an hour before the next try")
        await client.stop()
        try await eventually("run ended") { ended.withLock { $0 } }
        await task.value
    }
}
