import Foundation
import GRDB
import Testing

/// The engine's durability, tested the hard way: a real `escala simulate`
/// on a database file, killed with SIGKILL at random instants, restarted on
/// the same file until it finishes, and compared with a run that was never
/// interrupted.
@Suite("Crash safety", .serialized)
struct CrashTests {
    /// Eight tickets of the role-play workflow, with claims, deleted
    /// messages, escalations, renames, sanctions and the timers that close
    /// silent tickets: a few hundred transactions in all.
    static let workload: String = {
        var lines = ["member jugador", "member otro", "member pepe", "staff ana cm", "staff beto cm", "staff carla trainee", "staff dani admin"]
        for round in 0..<4 {
            lines += [
                "jugador opens reportes with reportado=\"Pepe\", hechos=\"Ronda \(round)\"",
                "jugador says \"Me insultaron\" with attachment \"https://cdn.example/\(round).png\"",
                "ana says \"Hola @jugador\"",
                "beto says \"Yo también\"",
                "ana presses es_staff",
                "ana presses a_trainee",
                "carla says \"Reviso las pruebas\"",
                "otro opens consultas",
                "otro says \"¿Cómo me hago streamer?\"",
                "beto says \"Hola @otro\"",
                "beto presses devolucion",
                "wait 40m",
                "ticket \(2 * round + 1)",
                "dani presses sancionar",
                "dani chooses sanction abuso_bug for pepe warned",
                "wait 13h",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    struct Run {
        let folder: URL
        var database: String { folder.appendingPathComponent("escala.sqlite").path }
        var ledger: String { folder.appendingPathComponent("ledger.tsv").path }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-crash-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        func process(_ scenario: URL) async throws -> Process {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = ["simulate", "workflows/roleplay.flow", scenario.path, "--database", database, "--ledger", ledger]
            process.currentDirectoryURL = CLI.repository
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
    }

    /// Everything a run leaves behind that must not depend on crashes.
    struct Snapshot: Equatable {
        var tickets: [[String]]
        var events: [[String]]
        var outbox: [[String]]
        var timers: [[String]]
        var audit: [[String]]
        var sanctions: [[String]]
        var ledgerKeys: [String]

        init(_ run: Run) throws {
            let queue = try DatabaseQueue(path: run.database)
            func rows(_ sql: String) throws -> [[String]] {
                try queue.read { db in
                    try Row.fetchAll(db, sql: sql).map { row in row.databaseValues.map { $0.isNull ? "NULL" : String.fromDatabaseValue($0) ?? $0.description } }
                }
            }
            tickets = try rows("SELECT id, guild, number, category, state, handler, channel_id, is_open, snapshot, close_reason FROM ticket ORDER BY id")
            events = try rows("SELECT seq, ticket_id, source_id, at, actor, kind, payload, state_before, state_after FROM event ORDER BY seq")
            outbox = try rows("SELECT id, ticket_id, event_seq, idempotency_key, effect, status FROM outbox ORDER BY id")
            timers = try rows("SELECT ticket_id, key, generation, due_at FROM timer ORDER BY ticket_id, key")
            audit = try rows("SELECT ticket_id, event_seq, at, actor, action, detail FROM audit ORDER BY id")
            sanctions = try rows("SELECT id, guild, member, offence, applied_by, at, ticket_id, evidence, warned FROM sanction ORDER BY id")
            let ledger = (try? String(contentsOfFile: run.ledger, encoding: .utf8)) ?? ""
            ledgerKeys = ledger.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        }
    }

    @Test("SIGKILL at 50 random instants loses and duplicates nothing, and pending timers fire after restart")
    func killedAtRandom() async throws {
        let scenario = try await CLI.write(Self.workload, name: "crash.scenario")
        defer { try? FileManager.default.removeItem(at: scenario.deletingLastPathComponent()) }
        // The reference: one run, never interrupted.
        let reference = try Run()
        defer { try? FileManager.default.removeItem(at: reference.folder) }
        let start = Date()
        let clean = try await reference.process(scenario)
        try clean.run()
        clean.waitUntilExit()
        let duration = Date().timeIntervalSince(start)
        #expect(clean.terminationStatus == 0)
        let expected = try Snapshot(reference)
        #expect(expected.outbox.allSatisfy { $0.last == "done" })
        #expect(expected.events.contains { $0[5].hasPrefix("timer") })
        #expect(expected.sanctions.count == 4, "each round records its sanction once")

        var generator = SystemRandomNumberGenerator()
        var kills = 0
        var cycles = 0
        while kills < 50 {
            // One cycle: a fresh database, killed until a run finishes.
            let crashed = try Run()
            defer { try? FileManager.default.removeItem(at: crashed.folder) }
            cycles += 1
            var finished = false
            var attempts = 0
            while !finished {
                let child = try await crashed.process(scenario)
                try child.run()
                attempts += 1
                if attempts <= 8 {
                    usleep(UInt32(Double.random(in: 0.05...1.0, using: &generator) * duration * 1_000_000))
                    if child.isRunning {
                        kill(child.processIdentifier, SIGKILL)
                        kills += 1
                    }
                }
                child.waitUntilExit()
                finished = child.terminationReason == .exit
                if finished { #expect(child.terminationStatus == 0, "a resumed run failed") }
            }
            let actual = try Snapshot(crashed)
            // Compared as booleans: a mismatch would print whole tables.
            let sameTickets = actual.tickets == expected.tickets
            let sameLog = actual.events == expected.events
            let sameOutbox = actual.outbox == expected.outbox
            let sameTimers = actual.timers == expected.timers
            let sameAudit = actual.audit == expected.audit
            let sameSanctions = actual.sanctions == expected.sanctions
            #expect(sameTickets, "ticket states differ after \(attempts) runs of cycle \(cycles)")
            #expect(sameLog, "the event log differs (\(actual.events.count) events, expected \(expected.events.count))")
            #expect(sameOutbox, "the outbox differs (lost, duplicated or undelivered effects)")
            #expect(sameTimers, "pending timers differ")
            #expect(sameAudit, "the audit trail differs")
            #expect(sameSanctions, "the sanctions ledger differs (a sanction lost or recorded twice)")
            // Every effect performed exactly once, and nothing performed
            // that the outbox does not hold.
            let performedOnce = actual.ledgerKeys.count == Set(actual.ledgerKeys).count
            let performedAll = Set(actual.ledgerKeys) == Set(expected.outbox.map { $0[3] })
            #expect(performedOnce, "an effect was performed twice")
            #expect(performedAll, "the effects performed are not those of the outbox")
            try? FileManager.default.removeItem(at: crashed.folder)
        }
        print("crash test: \(kills) kills over \(cycles) cycles; a clean run takes \(String(format: "%.2f", duration)) s")
    }
}
