// Staff desk benchmark (not a test). Run in release: `make bench-desk`.
//
// A store of BENCH_TICKETS tickets (100,000; a tenth open) of the shipped
// roleplay workflow, the desk's web application on 127.0.0.1 over it, and
// a signed-in browser asking for the queue's first page and a ticket's
// page, as a CM (who sees the tickets of the categories CMs receive) and
// as the ladder's top rank (who sees every open ticket). Who someone is
// comes from a fixed table instead of Discord: what is measured is the
// page, from the request to its last byte. Aim: p99 under 50 ms.
import AsyncHTTPClient
import Engine
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import WebFace
import WorkflowDSL

func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func milliseconds(_ duration: Swift.Duration) -> Double { Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000 }

struct BenchFailure: Error, CustomStringConvertible { let description: String }

/// People by user id, as the desk would learn them from Discord.
struct FixedAccounts: DeskAccounts {
    let people: [String: [String: Person]]

    func signInAddress(state: String, redirectURI: String) -> String { redirectURI }
    func signedInUser(code: String, redirectURI: String) async throws -> DeskUser { throw BenchFailure(description: "no sign-in here") }
    func people(of user: String) async throws -> [String: Person]? { people[user] }
    func names(of users: Set<String>) async -> [String: String] { Dictionary(users.map { ($0, "staff\($0.suffix(3))") }, uniquingKeysWith: { a, _ in a }) }
}

/// `state` with its `state` and close reason set as a closed ticket's:
/// the engine only closes through a step, too slow for 90,000 tickets.
func closed(_ state: TicketState) throws -> TicketState {
    var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(state)) as! [String: Any]
    object["state"] = State.closed
    object["closeReason"] = "bench"
    return try JSONDecoder().decode(TicketState.self, from: JSONSerialization.data(withJSONObject: object))
}

func benchmark() async throws {
    let total = Int(ProcessInfo.processInfo.environment["BENCH_TICKETS"] ?? "") ?? 100_000
    let rounds = Int(ProcessInfo.processInfo.environment["BENCH_ROUNDS"] ?? "") ?? 200
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-bench-desk-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = "workflows/roleplay.flow"
    guard let bytes = FileManager.default.contents(atPath: path) else { throw BenchFailure(description: "run from the repository: \(path)") }
    let source = SourceFile(path: path, bytes: Array(bytes))
    guard let workflow = WorkflowCompiler.compile(source).workflow else { throw BenchFailure(description: "\(path) has errors") }
    let store = try TicketStore(path: (folder as NSString).appendingPathComponent("escala.sqlite"))
    let engine = try await TicketEngine(store: store)
    _ = try await engine.load(source, now: 1_000_000)
    let guild = "100000000000000001"
    let categories = workflow.categories.map(\.name)
    let hash = workflow.contentHash

    // One real ticket with a conversation and a timeline, for the ticket page.
    let owner = Person(id: "399999999999999999", name: "Ana")
    guard case .opened(let opened, _, _) = try await engine.open(guild: guild, workflow: path, category: "consultas", owner: owner, locale: "es",
                                                                 now: 2_000_000) else { throw BenchFailure(description: "the ticket did not open") }
    for index in 0..<40 {
        let message = TicketEvent.Message(id: String(500_000 + index), author: owner, text: "mensaje \(index) del miembro", attachments: [], mentionsOwner: false)
        try await engine.handle(.message(message), ticket: opened.id, now: 2_000_010 + Int64(index))
    }
    let number = opened.number

    // Each ticket's desk columns, as the engine writes them.
    let machines = Dictionary(uniqueKeysWithValues: categories.map { ($0, TicketMachine(workflow: workflow, category: $0)!) })
    let columns = { (state: TicketState) in machines[state.category]!.deskColumns(of: state) }
    // Tickets in batches of 5,000 a transaction; every tenth stays open.
    let start = ContinuousClock.now
    let batch = 5_000
    var made = 0
    while made < total {
        let first = made
        let count = min(batch, total - made)
        var states: [TicketState] = []
        for index in first..<(first + count) {
            let category = categories[index % categories.count]
            let initial = workflow.category(named: category)?.initialState ?? "abierta"
            let state = TicketState(number: index + 2, category: category, workflowHash: hash, owner: String(300_000_000_000_000_000 + UInt64(index % 20_000)),
                                    ownerName: "socio\(index % 20_000)", locale: "es", state: initial, now: 1_000_000 + Int64(index))
            states.append(index % 10 == 0 ? state : try closed(state))
        }
        let snapshot = states.map { ($0, columns($0)) }
        _ = try await store.write { transaction in
            for (state, desk) in snapshot { _ = try transaction.insertTicket(guild: guild, state: state, desk: desk, now: state.openedAt) }
        }
        made += count
    }
    say("escala-bench-desk: \(total) tickets (\(total / 10) open) written in \(String(format: "%.1f", milliseconds(ContinuousClock.now - start) / 1000)) s")

    // `member` opened five of the tickets (every 20,000th from the 8th), all closed.
    let cm = "300000000000000100", top = "300000000000000200", member = "300000000000000007"
    let accounts = FixedAccounts(people: [cm: [path: Person(id: cm, name: "Nora", ranks: ["cm"])],
                                          member: [path: Person(id: member, name: "socio7")],
                                          top: [path: Person(id: top, name: "Teo", ranks: [workflow.ranks.last!])]])
    let community = CommunityEngine(store: store, guild: guild, workflows: [path: workflow])
    let desk = StaffDesk(engine: engine, community: community, guild: guild, accounts: accounts, sessionKey: DeskSessionKey.newKeyForTools(),
                         sources: WorkflowSources([path: String(decoding: bytes, as: UTF8.self)]), now: { 2_000_100 })
    var quiet = Logger(label: "bench-desk")
    quiet.logLevel = .critical
    let (ports, got) = AsyncStream.makeStream(of: Int.self)
    let web = DeskRoutes.application(desk: desk, operations: nil, host: "127.0.0.1", port: 0, logger: quiet) { got.yield($0) }
    let group = ServiceGroup(services: [web], logger: quiet)
    let serving = Task { try await group.run() }
    var iterator = ports.makeAsyncIterator()
    let base = "http://127.0.0.1:\(await iterator.next() ?? 0)"
    let client = HTTPClient(eventLoopGroupProvider: .singleton)

    func measure(_ title: String, as user: String, path: String, expecting text: String) async throws {
        let cookie = desk.sessionCookie(for: DeskUser(id: user, name: user))
        var times: [Double] = []
        for round in 0..<(rounds + 10) {
            var request = HTTPClientRequest(url: base + path)
            request.headers.add(name: "Cookie", value: "\(cookie.name)=\(cookie.value)")
            let begin = ContinuousClock.now
            let response = try await client.execute(request, timeout: .seconds(30))
            let body = String(buffer: try await response.body.collect(upTo: 1 << 26))
            let took = milliseconds(ContinuousClock.now - begin)
            guard response.status.code == 200, body.contains(text) else {
                throw BenchFailure(description: "\(path) answered \(response.status.code) without «\(text)»")
            }
            if round >= 10 { times.append(took) } // the first rounds warm the caches
        }
        say("\(title): p50 \(String(format: "%.2f", percentile(times, 0.5))) ms, p99 \(String(format: "%.2f", percentile(times, 0.99))) ms, "
            + "max \(String(format: "%.2f", times.max() ?? 0)) ms (aim: p99 < 50 ms)")
    }
    try await measure("queue, first page, CM", as: cm, path: "/desk", expecting: "id=\"queue\"")
    try await measure("queue, first page, top rank", as: top, path: "/desk", expecting: "id=\"queue\"")
    try await measure("queue, filtered to one category, top rank", as: top, path: "/desk?category=reportes", expecting: "id=\"queue\"")
    try await measure("queue and closed tickets, a member with 5 closed of 90,000", as: member, path: "/desk", expecting: "id=\"closed\"")
    try await measure("ticket page (41 events), CM", as: cm, path: "/desk/tickets/\(number)", expecting: "id=\"timeline\"")
    await group.triggerGracefulShutdown()
    _ = try? await serving.value
    try await client.shutdown()
}

do {
    try await benchmark()
} catch {
    say("escala-bench-desk: \(error)")
    exit(1)
}
