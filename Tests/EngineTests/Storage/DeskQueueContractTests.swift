import Foundation
import Testing
import WorkflowDSL
@testable import Engine

/// The staff desk's queue as every store must answer it: who sees which
/// open ticket (a viewer's version and one of their tokens), the order
/// (waiting members first, longest wait first, then priority, then age),
/// paging, filters, the counts the filters offer, and rows written before
/// the desk's columns existed.
@Suite("Storage contract: the desk's queue")
struct DeskQueueContractTests {
    typealias StorageKind = StorageContractTests.StorageKind

    /// Tickets 1–6 of guild g (and one of guild h), each with the desk
    /// columns given.
    static func store(_ kind: StorageKind) async throws -> any TicketStorage {
        let store = try await kind.make()
        try await store.write { transaction in
            try transaction.saveVersion(hash: "v1", path: "w.flow", source: Array("ranks cm".utf8), now: 0)
            try transaction.saveVersion(hash: "v2", path: "w.flow", source: Array("ranks cm < admin".utf8), now: 0)
            try transaction.saveVersion(hash: "o1", path: "other.flow", source: Array("ranks cm".utf8), now: 0)
            let rows: [(hash: String, category: String, state: String, audience: String, waiting: Int64?, priority: Int?, opened: Int64, open: Bool)] = [
                ("v1", "consultas", "abierta", ",r:cm,u:ana,", nil, nil, 10, true),     // 1
                ("v1", "consultas", "abierta", ",r:cm,u:bea,", 50, nil, 20, true),      // 2 waiting since 50
                ("v2", "reportes", "nueva", ",r:admin,u:cai,", nil, 0, 30, true),        // 3 admins only, urgent
                ("v1", "consultas", "en_duda", ",r:cm,u:dan,", 40, nil, 40, true),      // 4 waiting since 40: first
                ("v1", "consultas", "abierta", ",r:cm,u:eva,", nil, nil, 5, false),     // 5 closed
                ("o1", "consultas", "abierta", ",r:cm,u:fer,", nil, nil, 1, true),      // 6 another workflow's cm
            ]
            for row in rows {
                var state = TicketState(number: try transaction.nextNumber(guild: "g"), category: row.category, workflowHash: row.hash,
                                        owner: "owner", ownerName: "owner", locale: "es", state: row.state, now: row.opened)
                if !row.open { state.closeReason = "done" }
                _ = try transaction.insertTicket(guild: "g", state: state,
                                                 desk: DeskColumns(audience: row.audience, waitingSince: row.waiting, priorityRank: row.priority),
                                                 now: row.opened)
            }
            let elsewhere = TicketState(number: 1, category: "consultas", workflowHash: "v1", owner: "o", ownerName: "o", locale: "es",
                                        state: "abierta", now: 0)
            _ = try transaction.insertTicket(guild: "h", state: elsewhere, desk: DeskColumns(audience: ",r:cm,", waitingSince: 1, priorityRank: nil), now: 0)
        }
        return store
    }

    static let cm = DeskViewer(versions: ["v1", "v2"], tokens: ["u:nora", "r:cm", "staff"])

    static func numbers(_ store: any TicketStorage, _ viewers: [DeskViewer], filter: DeskFilter = DeskFilter(),
                        offset: Int = 0, limit: Int = 50) async throws -> [Int] {
        try await store.read { try $0.deskTickets(guild: "g", viewers: viewers, owner: nil, filter: filter, offset: offset, limit: limit) }.map(\.number)
    }

    @Test("a CM sees the open tickets of their workflow with their token, the waiting first, longest wait first", arguments: StorageKind.all)
    func orderAndVisibility(_ kind: StorageKind) async throws {
        let store = try await Self.store(kind)
        #expect(try await Self.numbers(store, [Self.cm]) == [4, 2, 1])
        // An admin of the same workflow: the urgent report first among those not waiting.
        let admin = DeskViewer(versions: ["v1", "v2"], tokens: ["u:ines", "r:admin", "r:cm", "staff"])
        #expect(try await Self.numbers(store, [admin]) == [4, 2, 3, 1])
        // A member: only tickets naming them.
        #expect(try await Self.numbers(store, [DeskViewer(versions: ["v1", "v2"], tokens: ["u:bea"])]) == [2])
        // A CM of the other workflow sees that workflow's ticket only.
        #expect(try await Self.numbers(store, [DeskViewer(versions: ["o1"], tokens: ["r:cm"])]) == [6])
        #expect(try await Self.numbers(store, []) == [])
        // A member's own, by owner: every fixture ticket is «owner»'s.
        let own = { (owner: String) in
            try await store.read { try $0.deskTickets(guild: "g", viewers: [DeskViewer(versions: ["v1", "v2"], tokens: ["u:bea"])], owner: owner,
                                                      filter: DeskFilter(), offset: 0, limit: 10) }.map(\.number)
        }
        #expect(try await own("owner") == [2])
        #expect(try await own("someone else") == [])
    }

    @Test("pages, filters, and the counts the filters offer", arguments: StorageKind.all)
    func pagingFiltersFacets(_ kind: StorageKind) async throws {
        let store = try await Self.store(kind)
        #expect(try await Self.numbers(store, [Self.cm], limit: 2) == [4, 2])
        #expect(try await Self.numbers(store, [Self.cm], offset: 2, limit: 2) == [1])
        #expect(try await Self.numbers(store, [Self.cm], filter: DeskFilter(state: "abierta")) == [2, 1])
        #expect(try await Self.numbers(store, [Self.cm], filter: DeskFilter(category: "reportes")) == [])
        let facets = try await store.read { try $0.deskFacets(guild: "g", viewers: [Self.cm]) }
        #expect(Set(facets) == [DeskFacet(category: "consultas", state: "abierta", handler: nil, count: 2),
                                DeskFacet(category: "consultas", state: "en_duda", handler: nil, count: 1)])
    }

    @Test("closed tickets: those a viewer may see, most recently closed first; a member's own by owner", arguments: StorageKind.all)
    func closed(_ kind: StorageKind) async throws {
        let store = try await Self.store(kind)
        try await store.write { transaction in
            for (number, closedAt) in [(1, 100), (2, 300)] {
                let stored = try #require(try transaction.ticket(guild: "g", number: number))
                var state = stored.state
                state.closeReason = "hecho"
                try transaction.updateTicket(id: stored.id, state: state, desk: DeskColumns(audience: number == 1 ? ",r:cm,u:ana," : ",r:cm,u:bea,",
                                                                                            waitingSince: nil, priorityRank: nil),
                                             wasClosed: false, now: Int64(closedAt))
            }
        }
        let closed = { (viewers: [DeskViewer], owner: String?) in
            try await store.read { try $0.deskClosedTickets(guild: "g", viewers: viewers, owner: owner, offset: 0, limit: 10) }.map(\.number)
        }
        #expect(try await closed([Self.cm], nil) == [2, 1, 5])
        #expect(try await closed([DeskViewer(versions: ["v1"], tokens: ["u:ana"])], "owner") == [1])
        #expect(try await closed([DeskViewer(versions: ["v1"], tokens: ["u:ana"])], "someone else") == [])
        #expect(try await closed([DeskViewer(versions: ["o1"], tokens: ["r:cm"])], nil) == [])
    }

    @Test("rows without desk columns are found and filled", arguments: StorageKind.all)
    func missingColumns(_ kind: StorageKind) async throws {
        let store = try await Self.store(kind)
        #expect(try await store.read { try $0.openTicketsWithoutDeskColumns(limit: 10) }.isEmpty)
        let first = try #require(try await store.read { try $0.ticket(guild: "g", number: 1) })
        try await store.write { try $0.recordDeskColumns(ticketID: first.id, DeskColumns(audience: ",u:zoe,", waitingSince: 1, priorityRank: nil)) }
        #expect(try await Self.numbers(store, [DeskViewer(versions: ["v1"], tokens: ["u:zoe"])]) == [1])
        #expect(try await Self.numbers(store, [Self.cm]) == [4, 2])
    }
}
