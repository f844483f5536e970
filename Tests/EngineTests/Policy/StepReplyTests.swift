import Engine
import Foundation
import Testing
import WorkflowDSL

/// The message that answers a person's click (`StepReply`): which one it
/// is, and how it waits in the outbox until the face says whether it went.
@Suite("A click answered by its own message")
struct StepReplyTests {
    static let workflow = """
        ranks cm < trainee < admin
        channel soporte
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives cm
          button avisar "Avisar"
          button cerrar "Cerrar"
          on button avisar by staff: say "Un momento, por favor."; rename "espera"
          on button cerrar by staff: close
        }
        """
    static let staff = Person(id: "7", name: "Ana", ranks: ["cm"])
    static let member = Person(id: "42", name: "Eva")

    /// A ticket whose channel exists, with nothing left in the outbox.
    static func ticketWithChannel() async throws -> (TicketEngine, Int64, FlakyDiscord) {
        let engine = try await StoreHarness.engine(workflow)
        let ticket = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: member, locale: "es", now: 0).ticket)
        let discord = FlakyDiscord(failuresLeft: 0)
        try await OutboxDrainer(store: engine.store, executor: discord).drain(now: { 0 })
        return (engine, ticket.id, discord)
    }

    @Test("the step's first message is the reply; the ticket's next effects wait until the face says it went")
    func replyHoldsItsLane() async throws {
        let (engine, id, discord) = try await Self.ticketWithChannel()
        let outcome = try #require(try await engine.handle(.button(name: "avisar", by: Self.staff), ticket: id, replyRoute: "1/token", now: 1))
        let reply = try #require(outcome.reply)
        #expect(reply.effect == .send(text: RichText("Un momento, por favor."), buttons: [], pings: [.user]),
                "as written, pinging the member as a message in the ticket would")
        // The rename after it does not overtake it, and it is not posted.
        let drainer = OutboxDrainer(store: engine.store, executor: discord)
        #expect(try await drainer.drain(now: { 1 }).delivered == 0)
        try await engine.replyAnswered(reply, now: 2)
        #expect(try await drainer.drain(now: { 2 }).delivered == 1)
        let seen = await discord.seen.map(\.effect)
        #expect(seen.last == .rename("espera"))
        #expect(!seen.contains(reply.effect), "the face delivered it, not the outbox")
    }

    @Test("a reply the face could not give, or that a dead process left, goes out through the outbox with its route")
    func unansweredReplies() async throws {
        let (engine, id, discord) = try await Self.ticketWithChannel()
        let drainer = OutboxDrainer(store: engine.store, executor: discord)
        let first = try #require(try await engine.handle(.button(name: "avisar", by: Self.staff), ticket: id, replyRoute: "1/a", now: 1)?.reply)
        try await engine.replyUnanswered(first)
        #expect(try await engine.store.pendingEffects(limit: 10).first?.replyRoute == "1/a",
                "the executor asks Discord with it whether the answer went after all")
        try await drainer.drain(now: { 1 })
        #expect(await discord.seen.map(\.effect).contains(first.effect))

        // A process dies between the step and the answer: the next one
        // hands the reply to the outbox before taking any click.
        let second = try #require(try await engine.handle(.button(name: "avisar", by: Self.staff), ticket: id, replyRoute: "1/b", now: 3)?.reply)
        #expect(try await drainer.drain(now: { 3 }).delivered == 0)
        #expect(try await engine.store.releaseOrphanedReplies() == 1)
        #expect(try await drainer.drain(now: { 4 }).delivered == 2)
        #expect(await discord.seen.map(\.effect).filter { $0 == second.effect }.count == 2, "both messages went out, once each")
    }

    @Test("no reply when the step answers the person otherwise, when nothing is said, or for an event that is not a click")
    func noReply() async throws {
        let (engine, id, _) = try await Self.ticketWithChannel()
        // A member pressing a staff button is refused, privately.
        let refused = try #require(try await engine.handle(.button(name: "avisar", by: Self.member), ticket: id, replyRoute: "1/c", now: 1))
        #expect(refused.reply == nil && refused.effects.contains { if case .refuse = $0 { true } else { false } })
        // A message is not a click: nothing to answer.
        let message = TicketEvent.message(.init(id: "m1", author: Self.staff, text: "Hola", attachments: []))
        #expect(try await engine.handle(message, ticket: id, now: 2)?.reply == nil)
        #expect(try await engine.store.outboxCounts()["reply"] == nil)
    }
}
