import Foundation
import GRDB
import Testing
import WorkflowDSL
@testable import Engine

/// The store keeps a ticket's state as written instead of decoding its
/// bytes again: only right if what it keeps is exactly what the bytes
/// decode to (what a restarted process would read), and only while the
/// row still holds those bytes.
@Suite("Decoded snapshots")
struct DecodedSnapshotsTests {
    @Test("every state a ticket goes through is the state its stored bytes decode to")
    func statesRoundTrip() throws {
        var ticket = TicketHarness(TicketMachineTests.desk, category: "caso", owner: People.user, answers: ["persona": "Pepe"])
        var states = [ticket.state]
        ticket.say(People.user, "Hola", attachments: ["https://cdn.example/prueba.png"])
        states.append(ticket.state)
        ticket.say(People.cm, "Te atiendo")
        states.append(ticket.state)
        ticket.press("marcar", by: People.cm)
        states.append(ticket.state)
        ticket.press("subir", by: People.cm)
        states.append(ticket.state)
        ticket.wait(3 * 3600)
        states.append(ticket.state)
        ticket.press("desisto", by: People.user)
        states.append(ticket.state)
        #expect(Set(states).count > 4, "the ticket changed on its way")
        for state in states {
            let decoded = try StoreCoding.decode(TicketState.self, from: try StoreCoding.encode(state), what: "ticket")
            #expect(decoded == state)
        }
    }

    @Test("a row changed behind the store's back (another process, a repair by hand) is read as it now is")
    func neverStale() async throws {
        let store = try TicketStore.temporary()
        let written = TicketState(number: 1, category: "t", workflowHash: "h", owner: "ana", ownerName: "ana",
                                  locale: "es", state: "abierto", now: 0)
        let id = try await store.write { transaction in
            try transaction.saveVersion(hash: "h", path: "w.flow", source: Array("ranks cm".utf8), now: 0)
            return try transaction.insertTicket(guild: "g", state: written, desk: DeskColumns(audience: ",", waitingSince: nil, priorityRank: nil), now: 0)
        }
        #expect(try await store.read { try $0.ticket(id: id) }?.state == written)
        var repaired = written
        repaired.state = "cerrado"
        let bytes = try StoreCoding.encode(repaired)
        try await store.pool.write { db in try db.execute(sql: "UPDATE ticket SET snapshot = ? WHERE id = ?", arguments: [bytes, id]) }
        #expect(try await store.read { try $0.ticket(id: id) }?.state == repaired)
    }
}
