import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import Synchronization
import TestSupport
import Testing
import WorkflowFuzzing

/// The same traffic as a calm day (`TicketTraffic`), under a storm: between
/// steps the gateway drops the connection, asks for a reconnect (op 7),
/// invalidates the session both ways (op 9) or stops acknowledging
/// heartbeats (a zombie connection); and a tenth of all REST requests,
/// interaction callbacks included, meet a route or global 429, a 500, 502
/// or 503, or a 502 after Discord already did the work. At the end Discord
/// must hold what the calm run left, and the bot must still be serving.
///
/// `make test` plays 3 tickets; `ESCALA_STORM_TICKETS=N` more.
@Suite("Fault storms")
struct FaultStormTests {
    typealias E2E = EndToEndTests
    static let traffic = TicketTraffic(guild: E2E.guild, panel: E2E.channels["panel_tickets"]!, cmRole: E2E.roles["cm"]!,
                                       adminRole: E2E.roles["admin"]!)
    static let staffChannels = [E2E.channels["chat_staff"]!, E2E.channels["registros"]!]

    enum GatewayFault: CaseIterable {
        case drop, reconnect, resumableInvalidSession, freshInvalidSession, zombie
    }

    /// What a storm did, for the closing figures.
    struct Tally {
        var gateway: [GatewayFault] = []
        /// REST faults by kind, and every request the bot sent.
        var rest: [String: Int] = [:]
        var requests = 0
        var unheardMessages = 0
    }

    static func start() async throws -> E2E.Desk {
        try await E2E.start { configuration in
            // Short pauses, so a storm of reconnects fits in a test.
            configuration.gatewayOptions.reconnectBaseDelay = .milliseconds(50)
            configuration.gatewayOptions.reconnectMaxDelay = .milliseconds(400)
            configuration.gatewayOptions.invalidSessionPause = 50...200
        }
    }

    /// Plays the script; with `storm`, injects faults as it goes.
    static func play(tickets: Int, storm seed: UInt64?) async throws -> (snapshot: [String], tally: Tally, violations: [String]) {
        let running = try await start()
        let server = running.server
        server.gateway.configure(heartbeatMilliseconds: 250)
        // A lane held by a request that failed five times in a row waits on
        // the desk's clock: when the script stalls, time moves a minute.
        let clock = running.clock
        let stalled: @Sendable () -> Void = { clock.advance(by: 60) }
        try await eventually("the gateway session") { server.gateway.isReady }
        var tally = Tally()
        var random = Mutator.Generator(state: seed ?? 0)
        if let seed {
            let faults = Mutex((random: Mutator.Generator(state: seed ^ 0x5EED), injected: [String: Int]()))
            server.injectFaults { method, path in
                faults.withLock { state -> LocalDiscord.Fault? in
                    guard state.random.next() % 10 == 0 else { return nil }
                    let busy = #"{"message":"You are being rate limited.","retry_after":0.02,"global":false}"#
                    let (kind, fault): (String, LocalDiscord.Fault) = switch state.random.next() % 6 {
                    case 0: ("429 route", .answer(.init(status: 429, headers: ["X-RateLimit-Scope": "user"], json: busy)))
                    case 1: ("429 global", .answer(.init(status: 429, headers: ["X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"],
                                                         json: busy.replacingOccurrences(of: "false", with: "true"))))
                    case 2: ("500", .answer(.init(status: 500, json: #"{"message":"500: Internal Server Error","code":0}"#)))
                    case 3: ("502", .answer(.init(status: 502, json: "{}")))
                    case 4: ("503", .answer(.init(status: 503, json: "{}")))
                    default: method == "GET" ? ("503", .answer(.init(status: 503, json: "{}"))) : ("502 after the work", .afterCarryingOut(status: 502))
                    }
                    state.injected[kind, default: 0] += 1
                    return fault
                }
            }
            defer {
                tally.rest = faults.withLock { $0.injected }
                tally.requests = server.received.count
            }
            for step in traffic.steps(tickets: tickets) {
                var heard = true
                if random.next() % 3 == 0 {
                    let fault = GatewayFault.allCases[Int(random.next() % UInt64(GatewayFault.allCases.count))]
                    tally.gateway.append(fault)
                    // A member who writes during a fresh session's gap is
                    // heard by no session: the bot must read it back.
                    if fault == .freshInvalidSession, case .say = step {
                        heard = false
                        tally.unheardMessages += 1
                        _ = try await traffic.send(step, on: server, heard: false, stalled: stalled)
                    }
                    try await gatewayFault(fault, on: server)
                    if !heard { try await settle(step, running, stalled: stalled); continue }
                }
                try await perform(step, running, stalled: stalled)
            }
            server.injectFaults(nil)
        } else {
            for step in traffic.steps(tickets: tickets) { try await perform(step, running, stalled: stalled) }
        }
        try await eventually("every effect delivered") {
            if try await running.desk.store.outboxCounts()["pending"] ?? 0 == 0 { return true }
            clock.advance(by: 60)
            return false
        }
        let snapshot = traffic.snapshot(of: server, tickets: tickets, staffChannels: staffChannels)
        // Still serving: a new member's ticket opens.
        await server.click("esc:menu", in: traffic.panel, by: (id: "300000000000009999", name: "nuevo"), values: ["consultas"], guild: E2E.guild)
        try await eventually("a ticket after the storm") { try await running.desk.engine.tickets(openOnly: true).count == 1 }
        let violations = server.violations
        await running.stop()
        return (snapshot, tally, violations)
    }

    /// One gateway misbehaviour, and the wait until a session is back.
    static func gatewayFault(_ fault: GatewayFault, on server: LocalDiscord) async throws {
        let sessions = server.gateway.commands.filter { $0.op == 2 || $0.op == 6 }.count
        switch fault {
        case .drop: server.gateway.dropConnection()
        case .reconnect: await server.gateway.sendReconnect()
        case .resumableInvalidSession: await server.gateway.sendInvalidSession(resumable: true)
        case .freshInvalidSession: await server.gateway.sendInvalidSession(resumable: false)
        case .zombie: server.gateway.configure(withholdAcks: true)
        }
        try await eventually("a session after \(fault)") {
            server.gateway.commands.filter { $0.op == 2 || $0.op == 6 }.count > sessions && server.gateway.isReady
        }
        server.gateway.configure(withholdAcks: false)
    }

    /// Sends a step and waits until the desk has taken it: an interaction
    /// answered (sent again if it was lost with a session, as the member
    /// would click again), a message in the ticket's log.
    static func perform(_ step: TicketTraffic.Step, _ running: E2E.Desk, stalled: @escaping @Sendable () -> Void) async throws {
        let server = running.server
        while true {
            guard let interaction = try await traffic.send(step, on: server, stalled: stalled) else {
                return try await settle(step, running, stalled: stalled)
            }
            let deadline = ContinuousClock.now + .seconds(10)
            while !server.received.contains(where: { $0.path.hasPrefix("/interactions/\(interaction)/") }), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            if server.received.contains(where: { $0.path.hasPrefix("/interactions/\(interaction)/") }) { return }
        }
    }

    /// Waits until the step's message is in its ticket's log. Time moves
    /// when it stalls, as it would on a real day: a message written in a
    /// channel whose creation Discord failed to confirm is taken by the
    /// creation's retry, after its lane's backoff.
    static func settle(_ step: TicketTraffic.Step, _ running: E2E.Desk, stalled: @escaping @Sendable () -> Void) async throws {
        guard case .say(let ticket, let text, _) = step else { return }
        var nudge = ContinuousClock.now + .seconds(3)
        try await eventually("\"\(text)\" taken in ticket \(ticket)") {
            if ContinuousClock.now > nudge { stalled(); nudge = .now + .seconds(3) }
            guard let id = try await running.desk.engine.tickets().first(where: { $0.state.number == ticket })?.id else { return false }
            return try await running.desk.engine.messages(ofTicket: id).contains { $0.message.text == text }
        }
    }

    @Test("a storm of gateway and REST faults leaves Discord as a calm run does, and the bot serving")
    func stormLeavesNoTrace() async throws {
        let tickets = Int(ProcessInfo.processInfo.environment["ESCALA_STORM_TICKETS"] ?? "") ?? 3
        let seed = UInt64(ProcessInfo.processInfo.environment["ESCALA_STORM_SEED"] ?? "") ?? 2026
        let calm = try await Self.play(tickets: tickets, storm: nil)
        let stormy = try await Self.play(tickets: tickets, storm: seed)
        print("storm: \(stormy.tally.gateway.count) gateway faults \(Dictionary(grouping: stormy.tally.gateway, by: { "\($0)" }).mapValues(\.count)), "
              + "\(stormy.tally.rest.values.reduce(0, +)) REST faults in \(stormy.tally.requests) requests \(stormy.tally.rest), "
              + "\(stormy.tally.unheardMessages) messages heard by no session")
        #expect(!stormy.tally.rest.isEmpty && !stormy.tally.gateway.isEmpty, "the storm happened")
        #expect(stormy.snapshot == calm.snapshot,
                "under the storm:\n\(stormy.snapshot.joined(separator: "\n"))\n\ncalm:\n\(calm.snapshot.joined(separator: "\n"))")
        #expect(calm.snapshot.last == "channels created and not deleted: 0")
        #expect(stormy.violations == [] && calm.violations == [])
    }
}
