import Foundation
import Synchronization
import Testing
import WorkflowDSL
@testable import Engine

/// What every `TicketStorage` must do, whatever its engine: the SQLite file
/// today, PostgreSQL for networks of servers tomorrow. A second store joins
/// by adding its factory to `StorageKind.all`; the tests stay as they are.
@Suite("Storage contract")
struct StorageContractTests {
    struct StorageKind: Sendable, CustomStringConvertible {
        let description: String
        let make: @Sendable () async throws -> any TicketStorage

        static let all: [StorageKind] = [
            StorageKind(description: "SQLite") { try TicketStore.temporary() },
        ]
    }

    /// A store with one workflow version and one open ticket (#1, id 1).
    static func storeWithTicket(_ kind: StorageKind) async throws -> (any TicketStorage, Int64) {
        let store = try await kind.make()
        let id = try await store.write { transaction in
            try transaction.saveVersion(hash: "h", path: "w.flow", source: Array("ranks cm".utf8), now: 0)
            let number = try transaction.nextNumber(guild: "g")
            let state = TicketState(number: number, category: "t", workflowHash: "h", owner: "ana", ownerName: "ana",
                                    locale: "es", state: "abierto", now: 0)
            return try transaction.insertTicket(guild: "g", state: state, desk: DeskColumns(audience: ",", waitingSince: nil, priorityRank: nil), now: 0)
        }
        return (store, id)
    }

    struct Interrupted: Error {}

    @Test("a transaction that fails leaves nothing behind", arguments: StorageKind.all)
    func rollback(_ kind: StorageKind) async throws {
        let (store, ticket) = try await Self.storeWithTicket(kind)
        await #expect(throws: StoreError.self) {
            try await store.write { transaction in
                _ = try transaction.appendEvent(ticketID: ticket, sourceID: "click-1", at: 1, actor: "ana", kind: "button",
                                                payload: Data("{}".utf8), stateBefore: nil, stateAfter: nil, rules: [])
                try transaction.enqueue([.rename("x")], ticketID: ticket, eventSeq: 1)
                throw Interrupted()
            }
        }
        #expect(try await store.read { try $0.hasEvent(sourceID: "click-1") } == false)
        #expect(try await store.pendingEffects(limit: 10).isEmpty)
    }

    @Test("writers are serialised: numbers taken at the same instant never repeat", arguments: StorageKind.all)
    func serialisedWriters(_ kind: StorageKind) async throws {
        let store = try await kind.make()
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await store.write { try $0.nextNumber(guild: "g") } } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(numbers) == Set(1...20))
    }

    @Test("the outbox offers one effect per lane, in order; a failing one stays pending, one that never can is set aside and retried by hand", arguments: StorageKind.all)
    func outboxLanes(_ kind: StorageKind) async throws {
        let (store, ticket) = try await Self.storeWithTicket(kind)
        let signals = Mutex<[CommitSignal]>([])
        store.commits.listen { signal in signals.withLock { $0.append(signal) } }
        try await store.write { transaction in
            let seq = try transaction.appendEvent(ticketID: ticket, sourceID: nil, at: 1, actor: nil, kind: "opened",
                                                  payload: Data("{}".utf8), stateBefore: nil, stateAfter: "abierto", rules: [])
            try transaction.enqueue([.rename("uno"), .rename("dos")], ticketID: ticket, eventSeq: seq)
            try transaction.enqueue([.grantRole(role: "veterano", member: "ana")], guild: "g", workflow: "w.flow")
        }
        #expect(signals.withLock { $0 } == [.effects])
        var pending = try await store.pendingEffects(limit: 10)
        #expect(pending.map(\.work) == [.ticket(.rename("uno"), ticketID: ticket, channelID: nil),
                                        .community(.grantRole(role: "veterano", member: "ana"), workflow: "w.flow")])
        try await store.complete(pending[0], receipt: EffectReceipt(), now: 2)
        // Failures that may pass keep the effect pending, however many.
        for attempt in 1...20 { try await store.failed(pending[1], error: "503 #\(attempt)") }
        pending = try await store.pendingEffects(limit: 10)
        #expect(pending.map(\.work) == [.ticket(.rename("dos"), ticketID: ticket, channelID: nil),
                                        .community(.grantRole(role: "veterano", member: "ana"), workflow: "w.flow")])
        #expect(pending[1].attempts == 20)
        // One that never can is set aside with its reason, out of its lane.
        try await store.setAside(pending[1], reason: "403 Missing Permissions", now: 3)
        #expect(try await store.pendingEffects(limit: 10).map(\.work) == [.ticket(.rename("dos"), ticketID: ticket, channelID: nil)])
        #expect(try await store.outboxCounts() == ["done": 1, "failed": 1, "pending": 1])
        let aside = try await store.setAsideEffects()
        #expect(aside.map(\.reason) == ["403 Missing Permissions"])
        #expect(aside.first?.work == .community(.grantRole(role: "veterano", member: "ana"), workflow: "w.flow"))
        // Retried by hand, it is pending again, from its first attempt.
        #expect(try await store.retrySetAside(ids: nil) == 1)
        #expect(try await store.pendingEffects(limit: 10).last?.attempts == 0)
        #expect(try await store.setAsideEffects().isEmpty)
    }

    @Test("lanes the drainer has out, or held back, are not offered again; the others still are", arguments: StorageKind.all)
    func lanesLeftOut(_ kind: StorageKind) async throws {
        let (store, ticket) = try await Self.storeWithTicket(kind)
        try await store.write { transaction in
            let seq = try transaction.appendEvent(ticketID: ticket, sourceID: nil, at: 1, actor: nil, kind: "opened",
                                                  payload: Data("{}".utf8), stateBefore: nil, stateAfter: "abierto", rules: [])
            try transaction.enqueue([.rename("uno")], ticketID: ticket, eventSeq: seq)
            try transaction.enqueue([.grantRole(role: "veterano", member: "ana")], guild: "g", workflow: "w.flow")
            try transaction.enqueue([.grantRole(role: "mod", member: "ana")], guild: "g\"'", workflow: "w.flow")
        }
        let lanes = try await store.pendingEffects(limit: 10).map(\.lane)
        #expect(lanes.count == 3)
        for lane in lanes {
            let offered = try await store.pendingEffects(limit: 10, excludingLanes: [lane]).map(\.lane)
            #expect(offered == lanes.filter { $0 != lane })
        }
        #expect(try await store.pendingEffects(limit: 10, excludingLanes: Set(lanes)).isEmpty)
        #expect(try await store.pendingEffects(limit: 1, excludingLanes: [lanes[0]]).map(\.lane) == [lanes[1]])
    }

    /// A ticket whose open queued its channel, then a rename; the channel's
    /// effect, as the drainer is offered it.
    static func channelThenRename(_ kind: StorageKind) async throws -> (any TicketStorage, Int64, PendingEffect) {
        let (store, ticket) = try await storeWithTicket(kind)
        try await store.write { transaction in
            let seq = try transaction.appendEvent(ticketID: ticket, sourceID: nil, at: 0, actor: nil, kind: "opened",
                                                  payload: Data("{}".utf8), stateBefore: nil, stateAfter: "abierto", rules: [])
            try transaction.enqueue([.createChannel(name: "t-1", visibleTo: []), .rename("t-1b")], ticketID: ticket, eventSeq: seq)
        }
        return (store, ticket, try #require(try await store.pendingEffects(limit: 10).first))
    }

    @Test("a created channel is recorded with its effect, and the next effect knows it", arguments: StorageKind.all)
    func channelRecorded(_ kind: StorageKind) async throws {
        let (store, ticket, create) = try await Self.channelThenRename(kind)
        try await store.complete(create, receipt: EffectReceipt(channelID: "900"), now: 1)
        #expect(try await store.read { try $0.ticket(id: ticket)?.channelID } == "900")
        #expect(try await store.pendingEffects(limit: 10).first?.work == .ticket(.rename("t-1b"), ticketID: ticket, channelID: "900"))
    }

    @Test("the effect after one still being recorded: the lane's next pending one, in the channel just made; none while an answer is being delivered",
          arguments: StorageKind.all)
    func effectAfter(_ kind: StorageKind) async throws {
        let (store, ticket, create) = try await Self.channelThenRename(kind)
        let following = try #require(try await store.effect(after: create, receipt: EffectReceipt(channelID: "900")))
        #expect(following.work == .ticket(.rename("t-1b"), ticketID: ticket, channelID: "900"))
        #expect(try await store.read { try $0.ticket(id: ticket)?.channelID } == nil, "only read: nothing is written")
        #expect(try await store.effect(after: following, receipt: EffectReceipt()) == nil, "the last one")
        try await store.write { transaction in
            let seq = try transaction.appendEvent(ticketID: ticket, sourceID: nil, at: 1, actor: nil, kind: "button",
                                                  payload: Data("{}".utf8), stateBefore: "abierto", stateAfter: "abierto", rules: [])
            try transaction.enqueue([.rename("t-1c")], ticketID: ticket, eventSeq: seq, reply: (index: 0, route: "interaction"))
        }
        #expect(try await store.effect(after: following, receipt: EffectReceipt()) == nil, "an answer the face is delivering")
    }

    @Test("a timer fires once: the first transaction that takes it owns it", arguments: StorageKind.all)
    func timersFireOnce(_ kind: StorageKind) async throws {
        let (store, ticket) = try await Self.storeWithTicket(kind)
        let timer = TicketTimer(purpose: .transition(index: 0), generation: 1, dueAt: 900)
        try await store.write { try $0.schedule(timer, ticketID: ticket) }
        #expect(try await store.read { try $0.nextTimer()?.timer.dueAt } == 900)
        #expect(try await store.read { try $0.dueTimers(upTo: 899, limit: 10) }.isEmpty)
        let due = try #require(try await store.read { try $0.dueTimers(upTo: 900, limit: 10) }.first)
        #expect(try await store.write { try $0.takeTimer(due) })
        #expect(try await store.write { try $0.takeTimer(due) } == false)
        #expect(try await store.read { try $0.timerCount() } == 0)
    }
}
