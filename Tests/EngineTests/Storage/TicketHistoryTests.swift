import Engine
import Foundation
import Testing
import WorkflowDSL

/// The event log keeps the rules each step followed: the "why" of a change
/// is read back after a restart, never worked out again.
@Suite("The durable store: each event with its rules")
struct TicketHistoryTests {
    @Test("the history read back from a reopened database names the rule of each change, and the outlook the rule each timer will fire")
    func historyAfterRestart() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        let engine = try await StoreHarness.engine(StoreHarness.timed, path: path, now: 0)
        let member = Person(id: "42", name: "Eva")
        let ticket = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es",
                                                        answers: [:], now: 0).ticket)
        let outlook = try #require(try await engine.outlook(of: ticket))
        #expect(outlook.due.map(\.rule.rule) == ["after 15m without reason"])
        #expect(outlook.due.map(\.dueAt) == [15 * 60])
        _ = try await engine.handle(.message(.init(id: "m1", author: member, text: "Hola")), ticket: ticket.id, now: 5)
        _ = try await engine.handle(.button(name: "cerrar", by: Person(id: "7", name: "Ana", ranks: ["cm"])), ticket: ticket.id, now: 9)

        let reopened = try await StoreHarness.engine(StoreHarness.timed, path: path, now: 10)
        let history = try await reopened.history(ofTicket: ticket.id)
        #expect(history.map(\.kind) == ["opened", "message", "button cerrar"])
        let lines = StoreHarness.timed.split(separator: "\n", omittingEmptySubsequences: false)
        let closeLine = try #require(lines.firstIndex { $0.contains("on button cerrar") }) + 1
        #expect(history[0].rules.map(\.rule) == ["ticket t"])
        #expect(history[1].rules.isEmpty)
        #expect(history[2].rules.map(\.location) == [SourceSpot(path: "w.flow", line: closeLine, column: 3)])
        #expect(history[2].stateAfter == State.closed)
    }
}
