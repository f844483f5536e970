// Community benchmarks (not tests). Run in release: `make bench-community`.
//
// (a) 1,000,000 activity events (messages and reactions) from 100,000
//     members counted by `CommunityEngine`, written to SQLite every 50,000
//     events as the bot's timer tick does: events per second, end to end.
// (b) Closing a window that holds 100,000 members: the TOP computed,
//     stored with the window, its post queued, the next window opened.
import Engine
import Foundation
import WorkflowDSL

@MainActor
func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try await body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let path = CommandLine.arguments.dropFirst().first ?? "workflows/comunidad.flow"
guard let data = FileManager.default.contents(atPath: path),
      let workflow = WorkflowCompiler.compile(SourceFile(path: path, bytes: Array(data))).workflow,
      let board = workflow.activities.first else {
    fatalError("\(path) does not compile or has no `activity` board: run `escala lint \(path)`")
}
let environment = ProcessInfo.processInfo.environment
let total = Int(environment["BENCH_EVENTS"] ?? "") ?? 1_000_000
let members = Int(environment["BENCH_MEMBERS"] ?? "") ?? 100_000
let flushEvery = 50_000
print("escala-bench-community on \(workflow.title), board \(board.name)")

let store = try TicketStore.temporary()
let community = CommunityEngine(store: store, guild: "bench", workflows: [path: workflow])
// Monday 5 January 2026, 10:00 in Madrid: the week has 6 days to run.
let start: Int64 = 1_767_603_600
var flushes = 0
var flushTime = 0.0
let elapsed = try await seconds {
    for index in 0..<total {
        // Every member acts once first; then a hundred members write a
        // tenth of everything, as the regulars of a real server do.
        let member = index >= members && index % 10 == 0 ? index % 100 : index % members
        community.count(index % 5 == 0 ? .reactions : .messages, member: String(1_000_000 + member), at: start + Int64(index / 1_000))
        if (index + 1) % flushEvery == 0 {
            flushTime += try await seconds { try await community.flush() }
            flushes += 1
        }
    }
    flushTime += try await seconds { try await community.flush() }
}
print(String(format: "(a) %d activity events from %d members counted in %.3f s = %.0f events/s (%d writes to SQLite took %.3f s of it)",
             total, members, elapsed, Double(total) / elapsed, flushes + 1, flushTime))

let end = board.window(containing: start).end
let live = try await community.ranking(workflow: path, board: board.name, now: end - 1)!
var pass = CommunityEngine.Pass()
let closing = try await seconds { pass = try await community.fireDue(now: end) }
let ranking = pass.closedWindows.first!
let counted = ranking.entries.reduce(0) { $0 + $1.messages + $1.reactions }
print(String(format: "(b) closing a window with %d members (TOP %d computed, stored and queued, next window opened): %.1f ms",
             ranking.members, ranking.entries.count, closing * 1_000))
let query = try await seconds { _ = try await community.ranking(workflow: path, board: board.name, back: 1, now: end) }
print(String(format: "    the closed window's TOP read back (`/top periods_ago:1`): %.2f ms; leader %@ with %d",
             query * 1_000, ranking.entries.first?.member ?? "—", ranking.entries.first?.total ?? 0))
guard ranking.members == members, live.entries == ranking.entries, counted > 0 else {
    fatalError("the ranking disagrees with what was counted: \(ranking.members) members, live \(live.entries.count) entries")
}
