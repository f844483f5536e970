import Foundation
import LocalDiscord
import Testing
import WorkflowFuzzing

/// `escala run` SIGKILLed at random instants while members open tickets,
/// write, and staff claim, escalate, rename and close them with
/// transcripts (`TicketTraffic`); restarted each time on the same data
/// folder. Afterwards Discord must hold what a run that was never killed
/// holds: no lost or duplicated channel, message, rename or transcript, no
/// orphan channel.
///
/// `make test` kills 3 times; `make kill-test` (ESCALA_KILLS=60) is the
/// long run.
@Suite("Kills at random instants")
struct KillTests {
    typealias Run = RunCommandTests
    /// The ids `RunCommandTests.folder()` gives cm, admin, panel_tickets,
    /// chat_staff and registros.
    static let traffic = TicketTraffic(guild: Run.guild, panel: "700000000000000009", cmRole: "700000000000000000",
                                       adminRole: "700000000000000003")
    static let staffChannels = ["700000000000000012", "700000000000000013"]

    /// One run of the script, killed when told.
    final class Runner: @unchecked Sendable {
        let server: LocalDiscord
        let folder: URL
        var process: Process
        var pipes: (Pipe, Pipe)
        var killed = 0

        init() async throws {
            server = try await LocalDiscord.start()
            folder = try Run.folder()
            let (process, out, err) = try Run.start(folder, server, token: "kill-token")
            self.process = process
            pipes = (out, err)
            try await Run.connected(server, process)
        }

        func acknowledged(_ interaction: String) -> Bool {
            server.received.contains { $0.path.hasPrefix("/interactions/\(interaction)/") }
        }

        /// Sends the step; an interaction not acknowledged after a kill is
        /// sent again, as the member clicks again on "interaction failed".
        func perform(_ step: TicketTraffic.Step, killAfter delay: Duration?) async throws {
            var killer: Task<Void, Never>?
            if let delay {
                let pid = process.processIdentifier
                killer = Task {
                    try? await Task.sleep(for: delay)
                    kill(pid, SIGKILL)
                }
            }
            while true {
                let interaction = try await KillTests.traffic.send(step, on: server)
                if let sent = interaction {
                    let deadline = ContinuousClock.now + .seconds(5)
                    while !acknowledged(sent), process.isRunning, ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                } else {
                    // Time for the bot to take the message (or to miss it
                    // and fetch it on its next READY).
                    try await Task.sleep(for: .milliseconds(150))
                }
                if let fired = killer {
                    await fired.value
                    killer = nil
                    try await restart()
                }
                guard let sent = interaction, !acknowledged(sent) else { return }
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
    }

    @Test("after SIGKILLs at random instants and restarts, Discord holds what a run never killed holds")
    func killsLeaveNoTrace() async throws {
        let kills = Int(ProcessInfo.processInfo.environment["ESCALA_KILLS"] ?? "") ?? 3
        let tickets = max(2, kills / 3)
        let script = Self.traffic.steps(tickets: tickets)

        let clean = try await Runner()
        for step in script { try await clean.perform(step, killAfter: nil) }
        await clean.process.drained(clean.server)
        let expected = Self.traffic.snapshot(of: clean.server, tickets: tickets, staffChannels: Self.staffChannels)
        await clean.finish()

        let seed = UInt64(ProcessInfo.processInfo.environment["ESCALA_KILL_SEED"] ?? "") ?? 14
        var random = Mutator.Generator(state: seed)
        let hurt = try await Runner()
        // Kills spread over the script: a step is hit with the chance that
        // gives `kills` in all, at a random instant within 0–400 ms.
        var left = kills
        for (index, step) in script.enumerated() {
            let stepsLeft = script.count - index
            let hit = left > 0 && Int(random.next() % UInt64(stepsLeft)) < left
            if hit { left -= 1 }
            try await hurt.perform(step, killAfter: hit ? .milliseconds(Int(random.next() % 400)) : nil)
        }
        await hurt.process.drained(hurt.server)
        let after = Self.traffic.snapshot(of: hurt.server, tickets: tickets, staffChannels: Self.staffChannels)
        let violations = hurt.server.violations
        let killed = hurt.killed
        await hurt.finish()

        #expect(killed == kills, "every planned kill happened")
        #expect(after == expected, "after \(killed) kills:\n\(after.joined(separator: "\n"))\n\nclean run:\n\(expected.joined(separator: "\n"))")
        #expect(expected.last == "channels created and not deleted: 0")
        #expect(violations == [])
    }
}
