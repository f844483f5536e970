// Engine benchmarks (not tests). Run in release: `make bench-engine`.
//
// (a) The pure step function: transitions per second on the role-play
//     workflow's Reportes category, a realistic mix of user and staff
//     messages, button presses and timers.
// (b) Durable events per second through the store, each event its own
//     transaction, beside single-row commits on the same database settings.
// (c) 1,000,000 pending timers: time to schedule them, to find the next
//     due one, and to restart the engine with 100,000 open tickets.
import Engine
import Foundation
import GRDB
import WorkflowDSL

func loadWorkflow(_ path: String) -> Workflow {
    guard let data = FileManager.default.contents(atPath: path),
          let workflow = WorkflowCompiler.compile(SourceFile(path: path, bytes: Array(data))).workflow else {
        fatalError("\(path) does not compile: run `escala lint \(path)`")
    }
    return workflow
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

@MainActor
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let workflow = loadWorkflow(CommandLine.arguments.dropFirst().first ?? "workflows/roleplay.flow")
print("escala-bench on \(workflow.title)")
let machine = TicketMachine(workflow: workflow, category: "reportes")!
let user = Person(id: "100", ranks: [])
let cm = Person(id: "200", ranks: ["cm"])
let cm2 = Person(id: "201", ranks: ["cm"])
let trainee = Person(id: "300", ranks: ["trainee"])

let opened = machine.open(number: 1, owner: user, locale: "es", answers: ["reportado": "x"], now: 0)
let events: [TicketEvent] = [
    .message(.init(id: "1", author: user, text: "Me insultaron en la plaza")),
    .message(.init(id: "2", author: cm, text: "<@100> ¿tienes pruebas?", mentionsOwner: true)),
    .message(.init(id: "3", author: cm2, text: "Hola")),
    .message(.init(id: "4", author: user, text: "Sí", attachments: ["https://cdn/x.png"])),
    .button(name: "a_trainee", by: user),
    .button(name: "a_trainee", by: cm),
    .message(.init(id: "5", author: trainee, text: "Reviso")),
]
let total = Int(ProcessInfo.processInfo.environment["BENCH_STEPS"] ?? "") ?? 1_000_000
var effectCount = 0
var state = opened.state
let elapsed = seconds {
    for index in 0..<total {
        if index % events.count == 0 { state = opened.state }
        let step = machine.step(state, events[index % events.count], now: Int64(index))
        state = step.state
        effectCount &+= step.effects.count
    }
}
print(String(format: "(a) step function: %d transitions in %.3f s = %.0f transitions/s (%d effects)",
             total, elapsed, Double(total) / elapsed, effectCount))

// MARK: (b) durable events

let path = CommandLine.arguments.dropFirst().first ?? "workflows/roleplay.flow"
let source = SourceFile(path: path, bytes: Array(FileManager.default.contents(atPath: path) ?? Data()))
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-bench-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: folder) }

func freshEngine(_ name: String) async throws -> (TicketEngine, TicketStore) {
    let store = try TicketStore(path: folder.appendingPathComponent(name).path)
    let engine = try await TicketEngine(store: store)
    _ = try await engine.load(source, now: 0)
    return (engine, store)
}

let durableCount = Int(ProcessInfo.processInfo.environment["BENCH_EVENTS"] ?? "") ?? 20_000
let (durable, _) = try await freshEngine("durable.sqlite")
var ticketIDs: [Int64] = []
for index in 0..<100 {
    let outcome = try await durable.open(guild: "g", workflow: path, category: "reportes", owner: Person(id: "u\(index)"),
                                   locale: "es", answers: ["reportado": "x"], now: 0)
    if case .opened(let ticket, _, _) = outcome { ticketIDs.append(ticket.id) }
}
let durableSeconds = try await seconds {
    for index in 0..<durableCount {
        let ticket = ticketIDs[index % ticketIDs.count]
        let owner = Person(id: "u\(index % ticketIDs.count)")
        let author = index % 3 == 0 ? cm : owner
        let event = TicketEvent.message(.init(id: "m\(index)", author: author, text: "Mensaje \(index)", mentionsOwner: author == cm))
        try await durable.handle(event, ticket: ticket, sourceID: "m\(index)", now: Int64(index))
    }
}
let raw = try TicketStore(path: folder.appendingPathComponent("raw.sqlite").path)
let rawSeconds = try await raw.measureSingleRowCommits(count: durableCount)
let durableRate = Double(durableCount) / durableSeconds
let rawRate = Double(durableCount) / rawSeconds
print(String(format: "(b) durable events: %d in %.3f s = %.0f events/s; raw single-row commits: %.0f/s; ratio %.2f (aim ≥ 0.33)",
             durableCount, durableSeconds, durableRate, rawRate, durableRate / rawRate))

// MARK: (c) a million timers, a hundred thousand open tickets

let timerCount = Int(ProcessInfo.processInfo.environment["BENCH_TIMERS"] ?? "") ?? 1_000_000
let openCount = Int(ProcessInfo.processInfo.environment["BENCH_TICKETS"] ?? "") ?? 100_000
let (big, bigStore) = try await freshEngine("big.sqlite")
guard case .opened(let model, _, _) = try await big.open(guild: "g", workflow: path, category: "reportes", owner: Person(id: "u"),
                                                 locale: "es", answers: [:], now: 0) else { fatalError("cannot open a ticket") }
// Setting up 100,000 open tickets is not what is measured: copy one row.
let setupSeconds = try seconds {
    try DatabaseQueue(path: bigStore.path).write { db in
        try db.execute(sql: "UPDATE server SET last_number = ?", arguments: [openCount])
        for number in 2...openCount {
            try db.execute(sql: """
                INSERT INTO ticket (guild, number, category, workflow_hash, owner, state, is_open, snapshot, opened_at, updated_at)
                SELECT guild, ?, category, workflow_hash, owner || ?, state, 1, snapshot, opened_at, updated_at FROM ticket WHERE id = ?
                """, arguments: [number, number, model.id])
        }
    }
}
let perTicket = max(1, timerCount / openCount)
let timers = (0..<timerCount).map { index in
    DueTimer(ticketID: Int64(index / perTicket + 1),
             timer: TicketTimer(purpose: .transition(index: index % perTicket), generation: 0, dueAt: 1_000_000 + Int64((index * 7_919) % timerCount)))
}
let scheduleSeconds = try await seconds { try await bigStore.schedule(timers) }
var next: Int64?
let nextSeconds = try await seconds { next = try await big.nextTimerDue() }
let restartSeconds = try await seconds {
    let restarted = try await TicketEngine(store: try TicketStore(path: bigStore.path))
    _ = try await restarted.load(source, now: 1)
    _ = try await restarted.fireDueTimers(now: 1)
    _ = try await restarted.nextTimerDue()
}
print(String(format: "(c) %d timers on %d open tickets (set-up %.1f s): scheduled in %.2f s (%.0f/s); next due (%lld) found in %.3f ms; restart (open, restore versions, load, due timers) in %.3f s",
             try await bigStore.timerCount(), openCount, setupSeconds, scheduleSeconds, Double(timerCount) / scheduleSeconds,
             next ?? -1, nextSeconds * 1_000, restartSeconds))
