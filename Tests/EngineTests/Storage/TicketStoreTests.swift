import Engine
import Foundation
import GRDB
import Testing
import WorkflowDSL

@Suite("The durable store")
struct TicketStoreTests {
    @Test("two opens at the same instant never exceed the per-user limit")
    func limitIsAtomic() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        let engine = try await StoreHarness.engine(StoreHarness.minimal.replacingOccurrences(of: "receives cm", with: "receives cm\n  limit 2 per user"),
                                             path: path)
        let member = Person(id: "42", name: "Eva")
        // Two engines on one file, as two processes would be, racing.
        let second = try await StoreHarness.engine(StoreHarness.minimal.replacingOccurrences(of: "receives cm", with: "receives cm\n  limit 2 per user"),
                                             path: path)
        let outcomes = await withTaskGroup(of: TicketEngine.OpenOutcome?.self) { group in
            for index in 0..<16 {
                let racer = index.isMultiple(of: 2) ? engine : second
                group.addTask {
                    // Different answers: sixteen requests, not one clicked again.
                    try? await racer.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es",
                                          answers: ["n": "\(index)"], now: 10)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        let opened = outcomes.compactMap { $0?.ticket }
        let refused = outcomes.filter { if case .refused? = $0 { true } else { false } }
        #expect(opened.count == 2)
        #expect(refused.count == 14)
        #expect(Set(opened.map(\.number)) == [1, 2])
        #expect(try await engine.tickets(openOnly: true).count == 2)
    }

    @Test("a refused open tells the member why, in their language")
    func refusalIsExplained() async throws {
        let engine = try await StoreHarness.engine(StoreHarness.minimal.replacingOccurrences(of: "ranks", with: "limit 1 per user\nranks"))
        let member = Person(id: "42")
        _ = try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es", now: 0)
        let second = try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es", now: 100)
        #expect(second == .refused(reason: "You already have 1 open ticket(s): wait until one is closed before opening another."))
        // Another server counts separately.
        #expect(try await engine.open(guild: "other", workflow: "w.flow", category: "t", owner: member, locale: "es", now: 100).ticket?.number == 1)
    }

    @Test("a member who clicks again after a click taken but never answered gets the same ticket, not a second one")
    func repeatedOpen() async throws {
        let engine = try await StoreHarness.engine()
        let member = Person(id: "42")
        let first = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es",
                                                       sourceID: "interaction-1", now: 0).ticket)
        #expect(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es",
                                      sourceID: "interaction-2", now: 20) == .duplicate(ticketID: first.id))
        // Other answers are another request; a minute later, a new ticket.
        #expect(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es", answers: ["x": "otra"],
                                      sourceID: "interaction-3", now: 20).ticket?.number == 2)
        #expect(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es",
                                      sourceID: "interaction-4", now: 61).ticket?.number == 3)
    }

    @Test("a timer due while the process was down fires once, right after start")
    func timersSurviveRestart() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        var ticketID: Int64 = 0
        do {
            let engine = try await StoreHarness.engine(StoreHarness.timed, path: path)
            let ticket = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t",
                                                      owner: Person(id: "1"), locale: "es", now: 1_000).ticket)
            ticketID = ticket.id
            #expect(try await engine.nextTimerDue() == 1_000 + 15 * 60)
        }
        // The process is gone for an hour; a new one opens the same file.
        let restarted = try await StoreHarness.engine(StoreHarness.timed, path: path)
        #expect(try await restarted.ticket(id: ticketID)?.state.isClosed == false)
        let fired = try await restarted.fireDueTimers(now: 1_000 + 3_600)
        #expect(fired.outcomes.count == 1)
        let closed = try #require(try await restarted.ticket(id: ticketID))
        #expect(closed.state.isClosed)
        #expect(try await restarted.fireDueTimers(now: 1_000 + 7_200).outcomes.isEmpty)
        let timerEvents = try await DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE kind LIKE 'timer %'")
        }
        #expect(timerEvents == 1)
    }

    @Test("a timer whose ticket's rules cannot be loaded is kept, set aside with why, and fires once they can")
    func timerWithoutItsRulesIsKept() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        let ticketID: Int64
        do {
            let engine = try await StoreHarness.engine(StoreHarness.timed, path: path)
            ticketID = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t",
                                                          owner: Person(id: "1"), locale: "es", now: 1_000).ticket).id
        }
        // The kept source of the ticket's version no longer compiles (a
        // database edited by hand, or an older Escala's words).
        let queue = try DatabaseQueue(path: path)
        let kept = try await queue.write { db in
            let source = try #require(try Data.fetchOne(db, sql: "SELECT source FROM workflow_version"))
            try db.execute(sql: "UPDATE workflow_version SET source = ?", arguments: [Data("ticket {".utf8)])
            return source
        }
        let restarted = try await TicketEngine(store: try TicketStore(path: path))
        let pass = try await restarted.fireDueTimers(now: 1_000 + 3_600)
        #expect(pass.outcomes.isEmpty)
        #expect(pass.setAside.map(\.ticketNumber) == [1])
        #expect(pass.setAside.first?.reason.contains("cannot be loaded") == true)
        // Kept, not lost: listed with its reason, and no longer due.
        let aside = try await restarted.setAsideTimers()
        #expect(aside.map(\.timer.ticketID) == [ticketID])
        #expect(try await restarted.nextTimerDue() == nil)
        #expect(try await restarted.fireDueTimers(now: 1_000 + 7_200).setAside.isEmpty, "set aside once, not at every pass")

        // The source mended, a new start fires it.
        try await queue.write { db in try db.execute(sql: "UPDATE workflow_version SET source = ?", arguments: [kept]) }
        let mended = try await TicketEngine(store: try TicketStore(path: path))
        #expect(try await mended.retrySetAsideTimers() == 1)
        let fired = try await mended.fireDueTimers(now: 1_000 + 7_300)
        #expect(fired.outcomes.map(\.ticket.id) == [ticketID])
        #expect(try await mended.ticket(id: ticketID)?.state.isClosed == true)
    }

    @Test("a reload applies to new tickets, reports the old ones, and old tickets keep their rules after a restart")
    func reloadKeepsVersions() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        let engine = try await StoreHarness.engine(path: path)
        let old = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "1"), locale: "es", now: 0).ticket)
        let changed = StoreHarness.minimal.replacingOccurrences(of: "by staff: close", with: "by admin: close")
        let report = try await engine.load(SourceFile(path: "w.flow", text: changed), now: 5)
        guard case .replaced(let oldHash, let newHash) = report.change else { Issue.record("expected a replaced version"); return }
        #expect(report.ticketsOnOldVersions == [oldHash: 1])
        let new = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "2"), locale: "es", now: 6).ticket)
        #expect(new.state.workflowHash == newHash)

        // After a restart with only the new file loaded, the old ticket
        // still runs on its version: a CM may close it, not the new one.
        let restarted = try await StoreHarness.engine(changed, path: path)
        let cm = Person(id: "9", ranks: ["cm"])
        let oldOutcome = try #require(try await restarted.handle(.button(name: "cerrar", by: cm), ticket: old.id, now: 10))
        #expect(oldOutcome.ticket.state.isClosed)
        let newOutcome = try #require(try await restarted.handle(.button(name: "cerrar", by: cm), ticket: new.id, now: 10))
        #expect(!newOutcome.ticket.state.isClosed)
        #expect(newOutcome.effects.contains { if case .refuse = $0 { true } else { false } })
        #expect(try await restarted.outdatedTickets().isEmpty)
    }

    @Test("an event Discord sends twice is applied once")
    func duplicateEventsAreIgnored() async throws {
        let engine = try await StoreHarness.engine()
        let ticket = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "1"),
                                                  locale: "es", sourceID: "interaction-1", now: 0).ticket)
        #expect(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "1"), locale: "es",
                                sourceID: "interaction-1", now: 0) == .duplicate(ticketID: ticket.id))
        let message = TicketEvent.message(.init(id: "m1", author: Person(id: "1"), text: "hola"))
        #expect(try await engine.handle(message, ticket: ticket.id, sourceID: "message-m1", now: 1) != nil)
        #expect(try await engine.handle(message, ticket: ticket.id, sourceID: "message-m1", now: 2) == nil)
    }

    @Test("effects leave in order, are marked done only when confirmed, and a failure is retried")
    func outboxDelivery() async throws {
        let engine = try await StoreHarness.engine(StoreHarness.timed)
        let ticket = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t",
                                                  owner: Person(id: "1"), locale: "es", now: 0).ticket)
        let failing = FlakyDiscord(failuresLeft: 1)
        let first = try await OutboxDrainer(store: engine.store, executor: failing).drain(now: { 1 })
        #expect(first.failed == 1)
        #expect(try await engine.store.outboxCounts()["pending"] ?? 0 > 0)
        #expect(try await engine.ticket(id: ticket.id)?.channelID == nil)
        let second = try await OutboxDrainer(store: engine.store, executor: failing).drain(now: { 2 })
        #expect(second.failed == 0)
        #expect(try await engine.store.outboxCounts() == ["done": second.delivered])
        #expect(try await engine.ticket(id: ticket.id)?.channelID == "c1")
        // The greeting went into the channel, after it existed.
        let seen = await failing.seen
        #expect(seen.first?.channel == nil)
        #expect(seen.dropFirst().allSatisfy { $0.channel == "c1" })
    }

    @Test("a 4,000-character message is stored whole")
    func longMessage() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        let engine = try await StoreHarness.engine(path: path)
        let ticket = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "1"), locale: "es", now: 0).ticket)
        let text = String(repeating: "ñ@everyone ", count: 364)
        try await engine.handle(.message(.init(id: "m", author: Person(id: "1"), text: text)), ticket: ticket.id, sourceID: "m", now: 1)
        let stored = try await DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT json_extract(payload, '$.value.message._0.text') FROM event WHERE source_id = 'm'")
        }
        #expect(stored == text)
    }

    @Test("the event log cannot be rewritten, and a newer database is refused without touching it")
    func logIsAppendOnly() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        let engine = try await StoreHarness.engine(path: path)
        _ = try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "1"), locale: "es", now: 0)
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM event") } }
        try await queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        #expect(throws: StoreError.newerSchema(path: path)) { try TicketStore(path: path) }
        #expect(try await queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM event") } == 1)
    }
}

/// An executor that fails its first deliveries, then records what it got.
actor FlakyDiscord: EffectExecutor {
    var failuresLeft: Int
    var seen: [(effect: Effect, channel: String?)] = []

    init(failuresLeft: Int) { self.failuresLeft = failuresLeft }

    func execute(_ pending: PendingEffect) async throws -> EffectReceipt {
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw URLError(.timedOut)
        }
        guard case .ticket(let effect, let ticket, let channel) = pending.work else { return EffectReceipt() }
        seen.append((effect, channel))
        if case .createChannel = effect { return EffectReceipt(channelID: "c\(ticket)") }
        return EffectReceipt()
    }
}
