import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LocalDiscord
import Testing

/// `escala run` as a process, against the local Discord server.
@Suite("escala run, the process")
struct RunCommandTests {
    static let guild = "100000000000000001"

    /// The role-play workflow with made-up ids, and an empty data folder.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-run-\(UUID().uuidString)")
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("workflows/roleplay.flow"),
                                         to: workflows.appendingPathComponent("roleplay.flow"))
        let names = ["cm", "trainee", "moderator", "admin", "manager", "senior_manager", "owner", "developer", "programador",
                     "panel_tickets", "categoria_tickets", "categoria_tickets_2", "chat_staff", "registros", "categoria_tickets_3"]
        let ids = names.enumerated().map { "\($1) = \(700_000_000_000_000_000 + $0)" }.joined(separator: "\n")
        try (ids + "\n").write(to: workflows.appendingPathComponent("roleplay.ids"), atomically: true, encoding: .utf8)
        return folder
    }

    static func start(_ folder: URL, _ server: LocalDiscord, token: String, adding extra: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["run", "--workflows", folder.appendingPathComponent("workflows").path,
                             "--data", folder.appendingPathComponent("data").path, "--guild", guild]
        var environment = ProcessInfo.processInfo.environment
        environment["DISCORD_TOKEN"] = token
        environment["ESCALA_DISCORD_API"] = server.apiBaseURL.absoluteString
        environment["ESCALA_DISCORD_GATEWAY"] = server.gatewayURL
        environment.merge(extra) { _, given in given }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Waits for the process off the cooperative pool, which the local
    /// server needs.
    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) async -> (status: Int32, output: String) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let stdout = out.fileHandleForReading.readDataToEndOfFile()
                let stderr = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, String(decoding: stdout + stderr, as: UTF8.self)))
            }
        }
    }

    @Test("a gateway that closes with 4004 ends the process with exit 1 and what to do, never the token")
    func fatalClose() async throws {
        let server = try await LocalDiscord.start()
        server.gateway.configure(closeOnIdentify: 4004)
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, out, err) = try Self.start(folder, server, token: "secret-token-4004")
        let result = await Self.finish(process, out, err)
        #expect(result.status == 1)
        #expect(result.output.contains("4004"))
        #expect(result.output.contains("Reset Token"))
        #expect(!result.output.contains("secret-token-4004"))
        #expect(server.gateway.connections == 1, "no reconnect loop")
        await server.stop()
    }

    @Test("SIGTERM stops the served process cleanly")
    func gracefulStop() async throws {
        let server = try await LocalDiscord.start()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, out, err) = try Self.start(folder, server, token: "secret-token-term")
        let deadline = ContinuousClock.now + .seconds(30)
        while !server.gateway.isReady {
            guard ContinuousClock.now < deadline else { Issue.record("the process never connected"); process.terminate(); break }
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(server.received.contains { $0.method == "POST" && $0.path.hasSuffix("/messages") }, "the panel was posted")
        kill(process.processIdentifier, SIGTERM)
        let result = await Self.finish(process, out, err)
        #expect(result.status == 0)
        #expect(result.output.contains("escala: stopped"))
        #expect(!result.output.contains("secret-token-term"))
        #expect(server.violations == [])
        await server.stop()
    }

    @Test("once started, the process gives back the code pages start-up brought in (every code mapping, read a page at a time after), and still serves a click")
    func startupCodeGivenBack() async throws {
        #if os(Linux)
        let server = try await LocalDiscord.start()
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (process, out, err) = try Self.start(folder, server, token: "code-token")
        try await Self.connected(server, process)
        // /proc/PID/smaps: a mapping's header line, then its fields, VmFlags last.
        let smaps = String(decoding: try FileHandle(forReadingFrom: URL(fileURLWithPath: "/proc/\(process.processIdentifier)/smaps")).readToEnd() ?? Data(),
                           as: UTF8.self)
        var code: [(file: String, randomRead: Bool)] = []
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 6, fields[1] == "r-xp", fields[5].hasPrefix("/") {
                code.append((file: String(fields[5]), randomRead: false))
            } else if line.hasPrefix("VmFlags:"), let last = code.indices.last, !code[last].randomRead {
                code[last].randomRead = fields.contains("rr")
            }
        }
        #expect(code.count > 10, "the executable, Swift's and Foundation's libraries, libc, SQLite")
        #expect(code.filter { !$0.randomRead }.map(\.file) == [])
        await server.click("esc:menu", in: "700000000000000009", by: (id: "300000000000000001", name: "jugador"),
                           values: ["consultas"], guild: Self.guild)
        let deadline = ContinuousClock.now + .seconds(30)
        while Self.channelsCreated(server).isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(Self.channelsCreated(server).count == 1)
        kill(process.processIdentifier, SIGTERM)
        #expect(await Self.finish(process, out, err).status == 0)
        await server.stop()
        #endif
    }

    /// Waits until the process is connected and its panel posted.
    static func connected(_ server: LocalDiscord, _ process: Process) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while !server.gateway.isReady || !server.received.contains(where: { $0.method == "POST" && $0.path.hasSuffix("/messages") }) {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    static func isAcknowledgement(_ request: LocalDiscord.Received) -> Bool {
        request.method == "POST" && request.path.hasPrefix("/interactions/") && request.path.hasSuffix("/callback")
    }

    static func channelsCreated(_ server: LocalDiscord) -> [LocalDiscord.Received] {
        server.received.filter { $0.method == "POST" && $0.path == "/guilds/\(guild)/channels" }
    }

    @Test("SIGKILL at the instant a click is acknowledged: after a restart the ticket and its channel exist, once")
    func killAfterAcknowledgement() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await LocalDiscord.start()
        let (first, out, err) = try Self.start(folder, server, token: "kill-token")
        try await Self.connected(server, first)
        let pid = first.processIdentifier
        // Discord has taken the acknowledgement; the process dies before it
        // even hears Discord's answer.
        server.onRequest { request in if Self.isAcknowledgement(request) { kill(pid, SIGKILL) } }
        await server.click("esc:menu", in: "700000000000000009", by: (id: "300000000000000001", name: "jugador"),
                           values: ["consultas"], guild: Self.guild)
        let killed = await Self.finish(first, out, err)
        #expect(killed.status == SIGKILL || first.terminationReason == .uncaughtSignal)
        #expect(server.received.filter(Self.isAcknowledgement).count == 1, "the click was acknowledged")
        server.onRequest { _ in }

        // The first process may have got as far as the channel before it
        // died: wait for the second to identify before judging anything.
        let identified = server.gateway.commands.filter { $0.op == 2 }.count
        let (second, out2, err2) = try Self.start(folder, server, token: "kill-token")
        let deadline = ContinuousClock.now + .seconds(30)
        while server.gateway.commands.filter({ $0.op == 2 }).count == identified
                || !server.received.contains(where: { $0.method == "POST" && $0.path.hasPrefix("/channels/9") && $0.path.hasSuffix("/messages") }) {
            guard ContinuousClock.now < deadline else { Issue.record("the acknowledged ticket never got its greeting"); break }
            try await Task.sleep(for: .milliseconds(20))
        }
        await second.drained(server)
        kill(second.processIdentifier, SIGTERM)
        let stopped = await Self.finish(second, out2, err2)
        #expect(stopped.status == 0)
        let created = Self.channelsCreated(server)
        #expect(created.count == 1, "one channel for the one acknowledged click")
        #expect(created.first.flatMap { $0.body.map { String(decoding: $0, as: UTF8.self) } }?.contains("consultas-1") == true)
        #expect(server.violations == [])
        await server.stop()
    }

    @Test("SIGTERM at the instant a click is acknowledged: the click is answered in full before the process exits")
    func stopAfterAcknowledgement() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try await LocalDiscord.start()
        let (process, out, err) = try Self.start(folder, server, token: "term-token")
        try await Self.connected(server, process)
        let pid = process.processIdentifier
        server.onRequest { request in if Self.isAcknowledgement(request) { kill(pid, SIGTERM) } }
        await server.click("esc:menu", in: "700000000000000009", by: (id: "300000000000000001", name: "jugador"),
                           values: ["consultas"], guild: Self.guild)
        let result = await Self.finish(process, out, err)
        #expect(result.status == 0)
        #expect(Self.channelsCreated(server).count == 1, "the ticket's channel was created before the exit")
        let reply = server.received.first { $0.method == "PATCH" && $0.path.hasSuffix("/messages/@original") }
        #expect(reply.flatMap { $0.body.map { String(decoding: $0, as: UTF8.self) } }?.contains("Ticket abierto") == true,
                "the member was told where their ticket is")
        #expect(server.violations == [])
        await server.stop()
    }
}

extension Process {
    /// Waits until the served process has been quiet on the local Discord
    /// for a moment: what it had to send after its start is sent.
    func drained(_ server: LocalDiscord) async {
        var seen = -1
        while seen != server.received.count {
            seen = server.received.count
            try? await Task.sleep(for: .milliseconds(300))
        }
    }
}

/// `escala run`'s web face as a process: /healthz, /metrics and the desk's
/// sign-in page, on a port of its own, the OAuth2 secret never printed.
@Suite("escala run, the web face")
struct RunCommandWebTests {
    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func get(_ url: String) async -> (status: Int, body: String)? {
        guard let (data, response) = try? await URLSession.shared.data(from: URL(string: url)!) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("with the desk's credentials and a port: /healthz says the gateway is up, /metrics counts, /desk signs in; the secret is never printed")
    func webFace() async throws {
        let server = try await LocalDiscord.start()
        let folder = try RunCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let port = try Self.freePort()
        let (process, out, err) = try RunCommandTests.start(folder, server, token: "web-token", adding: [
            "DISCORD_CLIENT_ID": "123456789012345678", "DISCORD_CLIENT_SECRET": "oauth-secret-never-shown", "ESCALA_WEB_PORT": String(port),
        ])
        let base = "http://127.0.0.1:\(port)"
        var health: (status: Int, body: String)?
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            health = await Self.get(base + "/healthz")
            if health?.status == 200 { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(health?.status == 200)
        #expect(health?.body.contains(#""gateway":{"detail":"connected","ok":true}"#) == true)
        #expect(health?.body.contains(#""store":{"#) == true)
        let metrics = await Self.get(base + "/metrics")
        #expect(metrics?.body.contains("escala_gateway_connections_total 1") == true)
        #expect(metrics?.body.contains("escala_outbox_pending") == true)
        let desk = await Self.get(base + "/desk")
        #expect(desk?.status == 200)
        #expect(desk?.body.contains("id=\"signin\"") == true)
        kill(process.processIdentifier, SIGTERM)
        let result = await RunCommandTests.finish(process, out, err)
        #expect(result.status == 0)
        #expect(result.output.contains("escala: the staff desk is at http://127.0.0.1:\(port)/desk"))
        #expect(!result.output.contains("oauth-secret-never-shown"))
        #expect(!result.output.contains("web-token"))
        await server.stop()
    }
}
