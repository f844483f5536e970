// Discord benchmark (not a test). Run in release: `make bench-discord`.
//
// Interaction round trips through the real gateway client, adapter, engine
// and SQLite store against the local Discord server: 200 tickets open at
// once, then rounds of a button press in every ticket. For each press, the
// time from the moment the server sends INTERACTION_CREATE to the moment
// the acknowledgement (the interaction callback) reaches it: what Discord
// holds against its 3-second limit. The local server runs in this same
// process and checks every request against Discord's OpenAPI description,
// on the same 2 cores: its cost is inside the figures.
import Discord
import DiscordFace
import Foundation
import LocalDiscord
import Logging
import Synchronization
import WorkflowDSL

func waitUntil(_ condition: () async throws -> Bool) async throws {
    while !(try await condition()) { try await Task.sleep(for: .milliseconds(5)) }
}

/// Everything local to one function: top-level variables of `main.swift`
/// belong to the main actor, and the waits below read them from elsewhere.
func benchmark() async throws {
    let tickets = Int(ProcessInfo.processInfo.environment["BENCH_TICKETS"] ?? "") ?? 200
    let rounds = Int(ProcessInfo.processInfo.environment["BENCH_ROUNDS"] ?? "") ?? 5
    let guild = "100000000000000001"
    let roles = ["cm": "700000000000000001", "trainee": "700000000000000002", "moderator": "700000000000000003",
                 "admin": "700000000000000004", "manager": "700000000000000005", "senior_manager": "700000000000000006",
                 "owner": "700000000000000007", "developer": "700000000000000008", "programador": "700000000000000009"]
    let channels = ["panel_tickets": "800000000000000001", "categoria_tickets": "800000000000000002",
                    "categoria_tickets_2": "800000000000000003", "chat_staff": "800000000000000004", "registros": "800000000000000005"]

    LoggingSystem.bootstrap { label in
        var handler = StreamLogHandler.standardError(label: label)
        handler.logLevel = .error
        return handler
    }

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-bench-discord-\(UUID().uuidString)")
    let workflows = folder.appendingPathComponent("workflows")
    try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: "workflows/roleplay.flow", toPath: workflows.appendingPathComponent("roleplay.flow").path)
    try ((roles.merging(channels) { first, _ in first }).sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "\n") + "\n")
        .write(to: workflows.appendingPathComponent("roleplay.ids"), atomically: true, encoding: .utf8)

    let server = try await LocalDiscord.start()
    var discord = DiscordConfiguration(token: BotToken("bench-token"), apiBaseURL: server.apiBaseURL)
    discord.gatewayURL = URL(string: server.gatewayURL)
    let configuration = DeskConfiguration(guild: Snowflake(guild), workflowsFolder: workflows.path,
                                          dataFolder: folder.appendingPathComponent("data").path, discord: discord)
    let desk = try await TicketDesk(configuration: configuration)
    let serving = Task { try await desk.run() }


    try await waitUntil { server.gateway.isReady }
    print("escala-bench-discord: opening \(tickets) tickets")
    let openStart = ContinuousClock.now
    var users: [(id: String, name: String)] = []
    for index in 0..<tickets {
        let user = (id: String(300_000_000_000_000_000 + index), name: "jugador\(index)")
        users.append(user)
        await server.click("esc:menu", in: channels["panel_tickets"]!, by: user, values: ["consultas"], guild: guild)
    }
    try await waitUntil { try await desk.engine.tickets(openOnly: true).filter { $0.channelID != nil }.count == tickets }
    let openSeconds = (ContinuousClock.now - openStart).inSeconds
    print(String(format: "  %d tickets opened (channel created, greeting sent) in %.2f s", tickets, openSeconds))

    let ticketChannels = try await desk.engine.tickets(openOnly: true).sorted { $0.id < $1.id }.map { $0.channelID! }
    // Rounds alternate two arrival patterns: a burst (a press in every
    // ticket at once, the worst case) and a steady 100 presses a second.
    let paceEvery: [Swift.Duration?] = [nil, .milliseconds(10)]
    let button = CustomID.button(category: "consultas", button: "otro").wire
    var latencies: [[Swift.Duration]] = [[], []]
    var busy: Swift.Duration = .zero
    for round in 0..<rounds * 2 {
        let pattern = round % 2
        let roundStart = ContinuousClock.now
        var sent: [(id: String, at: ContinuousClock.Instant)] = []
        for (index, channel) in ticketChannels.enumerated() {
            if let pace = paceEvery[pattern] { try await Task.sleep(until: roundStart + pace * index) }
            let at = ContinuousClock.now
            let id = await server.click(button, in: channel, by: users[index], guild: guild)
            sent.append((id, at))
        }
        try await waitUntil {
            let answered = Set(server.received.filter { $0.path.hasPrefix("/interactions/") }.compactMap { $0.path.split(separator: "/").dropFirst().first.map(String.init) })
            return sent.allSatisfy { answered.contains($0.id) }
        }
        let received = server.received.filter { $0.path.hasPrefix("/interactions/") }
        var ackAt: [String: ContinuousClock.Instant] = [:]
        for request in received {
            if let id = request.path.split(separator: "/").dropFirst().first.map(String.init), ackAt[id] == nil { ackAt[id] = request.at }
        }
        latencies[pattern] += sent.map { ackAt[$0.id]! - $0.at }
        if pattern == 0 { busy += (sent.compactMap { ackAt[$0.id] }.max() ?? roundStart) - roundStart }
        // Let the round's effects leave before the next round starts.
        await desk.drainNow(limit: .seconds(30))
    }
    await desk.drainNow()
    let bursts = latencies[0].count
    print(String(format: "  bursts: %d presses acknowledged in %.2f s of bursts: %.0f acknowledgements/s", bursts, busy.inSeconds,
                 Double(bursts) / busy.inSeconds))
    for (pattern, name) in [(0, "burst of \(tickets) at once"), (1, "steady 100/s")] {
        let sorted = latencies[pattern].sorted()
        let percentile = { (p: Double) -> Double in sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))].inSeconds * 1000 }
        print(String(format: "  %@: arrival → acknowledgement p50 %.2f ms, p99 %.2f ms, max %.2f ms (Discord allows 3,000 ms)",
                     name, percentile(0.50), percentile(0.99), sorted.last!.inSeconds * 1000))
    }
    print("  requests that broke Discord's API: \(server.violations.count)")
    await desk.stop()
    _ = await serving.result
    await server.stop()
    try? FileManager.default.removeItem(at: folder)
}

try await benchmark()

extension Swift.Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
