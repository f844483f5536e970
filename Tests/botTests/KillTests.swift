import Foundation
import LocalDiscord
import Testing
import WorkflowFuzzing

/// `escala run` SIGKILLed at random instants while members open tickets,
/// write, and staff claim, escalate, rename and close them with
/// transcripts; restarted each time on the same data folder. Afterwards
/// Discord must hold what a run that was never killed leaves: no lost or
/// duplicated channel, message, rename or transcript, no orphan channel.
///
/// `make test` kills 3 times; `ESCALA_KILLS=60 swift test --filter Kill`
/// is the long run (`make kill-test`).
@Suite("Kills at random instants")
struct KillTests {
    typealias Run = RunCommandTests
    static let guild = Run.guild
    static let ana = (id: "300000000000000002", name: "ana"), dani = (id: "300000000000000004", name: "dani")
    /// The ids `RunCommandTests.folder()` gives these names.
    static let cmRole = "700000000000000000", adminRole = "700000000000000003", panel = "700000000000000009"

    enum Step {
        case open(ticket: Int)
        /// `staff`: nil for the member, else the staff member's role.
        case say(ticket: Int, text: String, staff: String?)
        case press(ticket: Int, button: String, role: String)
        case closeWithReason(ticket: Int)
    }

    static func player(_ ticket: Int) -> (id: String, name: String) { (id: "30000000000000\(1000 + ticket)", name: "jugador\(ticket)") }

    static func script(tickets: Int) -> [Step] {
        (1...tickets).flatMap { ticket -> [Step] in
            // Claimed by a CM, escalated to an Administrator (and renamed),
            // taken by the Administrator, closed with a reason and a transcript.
            [.open(ticket: ticket), .say(ticket: ticket, text: "Hola, soy el jugador \(ticket)", staff: nil),
             .say(ticket: ticket, text: "Te atiendo", staff: cmRole), .press(ticket: ticket, button: "devolucion", role: cmRole),
             .say(ticket: ticket, text: "Lo reviso yo", staff: adminRole), .press(ticket: ticket, button: "cerrar", role: adminRole),
             .closeWithReason(ticket: ticket)]
        }
    }

    /// One run of the script; `kills` SIGKILLs at random instants.
    final class Runner: @unchecked Sendable {
        let server: LocalDiscord
        let folder: URL
        var process: Process
        var pipes: (Pipe, Pipe)
        var killed = 0
        var random: Mutator.Generator

        init(kills seed: UInt64) async throws {
            server = try await LocalDiscord.start()
            folder = try Run.folder()
            random = Mutator.Generator(state: seed)
            let (process, out, err) = try Run.start(folder, server, token: "kill-token")
            self.process = process
            pipes = (out, err)
            try await Run.connected(server, process)
        }

        func channel(of ticket: Int) async throws -> String {
            let deadline = ContinuousClock.now + .seconds(60)
            while true {
                if let id = server.createdChannels.first(where: { $0.name == "consultas-\(ticket)" })?.id { return id }
                guard ContinuousClock.now < deadline else { Issue.record("ticket \(ticket) never got its channel"); throw CancellationError() }
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        func acknowledged(_ interaction: String) -> Bool {
            server.received.contains { $0.path.hasPrefix("/interactions/\(interaction)/") }
        }

        /// Sends the step; an interaction not acknowledged after a kill is
        /// sent again, as the member clicks again on "interaction failed".
        func perform(_ step: Step, killAfter delay: Duration?) async throws {
            var killer: Task<Void, Never>?
            if let delay {
                let pid = process.processIdentifier
                killer = Task {
                    try? await Task.sleep(for: delay)
                    kill(pid, SIGKILL)
                }
            }
            while true {
                let interaction = try await send(step)
                if let sent = interaction {
                    let deadline = ContinuousClock.now + .seconds(5)
                    while !acknowledged(sent), process.isRunning, ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                }
                if let fired = killer {
                    await fired.value
                    killer = nil
                    try await restart()
                }
                guard let sent = interaction, !acknowledged(sent) else { return }
            }
        }

        func send(_ step: Step) async throws -> String? {
            switch step {
            case .open(let ticket):
                return await server.click("esc:menu", in: KillTests.panel, by: KillTests.player(ticket), values: ["consultas"], guild: KillTests.guild)
            case .say(let ticket, let text, let role):
                let channel = try await channel(of: ticket)
                let author = role == nil ? KillTests.player(ticket) : role == KillTests.cmRole ? KillTests.ana : KillTests.dani
                await server.say(text, in: channel, by: author, roles: role.map { [$0] } ?? [], guild: KillTests.guild)
                // Time for the bot to take it (or to miss it and fetch it
                // on its next READY).
                try await Task.sleep(for: .milliseconds(150))
                return nil
            case .press(let ticket, let button, let role):
                return await server.click("esc:b:consultas:\(button)", in: try await channel(of: ticket),
                                          by: role == KillTests.cmRole ? KillTests.ana : KillTests.dani, roles: [role], guild: KillTests.guild)
            case .closeWithReason(let ticket):
                return await server.submit("esc:f:close_reason", values: ["reason": "Resuelto \(ticket)"], in: try await channel(of: ticket),
                                           by: KillTests.dani, roles: [KillTests.adminRole], guild: KillTests.guild)
            }
        }

        func restart() async throws {
            _ = await Run.finish(process, pipes.0, pipes.1)
            killed += 1
            let identified = server.gateway.commands.filter { $0.op == 2 }.count
            let (process, out, err) = try Run.start(folder, server, token: "kill-token")
            self.process = process
            pipes = (out, err)
            let deadline = ContinuousClock.now + .seconds(30)
            while server.gateway.commands.filter({ $0.op == 2 }).count == identified || !server.gateway.isReady {
                guard ContinuousClock.now < deadline else { Issue.record("no new session after a kill"); throw CancellationError() }
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        func finish() async {
            await process.drained(server)
            kill(process.processIdentifier, SIGTERM)
            _ = await Run.finish(process, pipes.0, pipes.1)
            await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        /// What members and staff see on Discord: each ticket channel's
        /// messages, the staff and log channels' messages, by ticket
        /// number; snowflakes written as `#` (they differ between runs).
        func discord(tickets: Int) -> [String] {
            func normal(_ text: String) -> String { text.replacingOccurrences(of: "[0-9]{15,}", with: "#", options: .regularExpression) }
            var lines: [String] = []
            for ticket in 1...tickets {
                let channels = server.createdChannels.filter { $0.name == "consultas-\(ticket)" }
                lines.append("ticket \(ticket): \(channels.count) channel(s)")
                // The bot's messages in order, and the people's in order:
                // which of a greeting and a member's first words lands
                // first is the test's timing, not Escala's.
                for channel in channels {
                    let messages = server.messages(in: channel.id)
                    lines += messages.filter { $0.author == "1" }.map { "  escala: \(normal($0.content))" }
                    lines += messages.filter { $0.author != "1" }.map { "  \(normal($0.author)): \(normal($0.content))" }
                }
            }
            for channel in ["700000000000000012", "700000000000000013"] { // chat_staff, registros
                lines += server.messages(in: channel).map { "\(channel): \(normal($0.content))" }.sorted()
            }
            lines.append("orphan channels: \(server.liveCreatedChannels.count)")
            return lines
        }
    }

    @Test("after SIGKILLs at random instants and restarts, Discord holds what a run never killed holds")
    func killsLeaveNoTrace() async throws {
        let kills = Int(ProcessInfo.processInfo.environment["ESCALA_KILLS"] ?? "") ?? 3
        let tickets = max(2, kills / 3)
        let script = Self.script(tickets: tickets)

        let clean = try await Runner(kills: 0)
        for step in script { try await clean.perform(step, killAfter: nil) }
        await clean.process.drained(clean.server)
        let expected = clean.discord(tickets: tickets)
        await clean.finish()

        let seed = UInt64(ProcessInfo.processInfo.environment["ESCALA_KILL_SEED"] ?? "") ?? 14
        let hurt = try await Runner(kills: seed)
        // Kills spread over the script: a step is hit with the chance that
        // gives `kills` in all, at a random instant within 0–400 ms.
        var left = kills
        for (index, step) in script.enumerated() {
            let stepsLeft = script.count - index
            let hit = left > 0 && Int(hurt.random.next() % UInt64(stepsLeft)) < left
            if hit { left -= 1 }
            try await hurt.perform(step, killAfter: hit ? .milliseconds(Int(hurt.random.next() % 400)) : nil)
        }
        await hurt.process.drained(hurt.server)
        let after = hurt.discord(tickets: tickets)
        let violations = hurt.server.violations
        let killed = hurt.killed
        await hurt.finish()

        #expect(killed == kills, "every planned kill happened")
        #expect(after == expected, "after \(killed) kills:\n\(after.joined(separator: "\n"))\n\nclean run:\n\(expected.joined(separator: "\n"))")
        #expect(expected.last == "orphan channels: 0")
        #expect(violations == [])
    }
}

