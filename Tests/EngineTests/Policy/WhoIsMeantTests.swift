import Engine
import Foundation
import Testing
import WorkflowDSL

@Suite("Who an effect pings")
struct WhoIsMeantTests {
    static let workflow = TicketMachineTests.desk

    @Test("a rank written alone pings that rank, with its superiors all of them; people by id; visibility and text ping nobody")
    func pinged() {
        #expect(Effect.mention(ranks: [.rank("trainee", exact: true)], people: []).pinged(in: Self.workflow, owner: "100")
            == Pinged(ranksAndRoles: ["trainee"]))
        #expect(Effect.notify(channel: "chat_staff", text: RichText("x"), pings: [.rank("moderator", exact: false)]).pinged(in: Self.workflow, owner: "100")
            == Pinged(ranksAndRoles: ["moderator", "admin"]))
        #expect(Effect.send(text: RichText("Hola"), buttons: [], pings: [.user]).pinged(in: Self.workflow, owner: "100") == Pinged(people: ["100"]))
        #expect(Effect.notice(text: RichText("x"), pinging: ["200"]).pinged(in: Self.workflow, owner: "100") == Pinged(people: ["200"]))
        #expect(Effect.setVisibility(ranks: [.rank("admin", exact: false)], people: ["200"]).pinged(in: Self.workflow, owner: "100").isEmpty)
    }
}
