import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import TestSupport
import Testing
import WorkflowDSL

/// A click answered by the message it makes Escala say: the interaction's
/// own answer, no request against Discord's global limit of its own, and
/// never said twice when that answer fails.
@Suite("Clicks answered by their message, on a local Discord")
struct InteractionReplyTests {
    typealias E2E = EndToEndTests
    static let question = "Antes de cerrar el ticket, ¿hay algo más en lo que pueda ayudarte?"

    /// A consultation a CM has taken; the CM presses Close and sends the
    /// close form, whose step asks the farewell question; `fault`, if
    /// any, is what Discord does with the answer to that form.
    static func closeForm(_ running: E2E.Desk, fault: LocalDiscord.Fault? = nil) async throws -> (channel: String, form: String) {
        let server = running.server
        let cm = [E2E.roles["cm"]!]
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        let channel = try await DeskBehaviourTests.ticketChannel(running, 1)
        await server.say("Perdí mis objetos", in: channel, by: E2E.player, guild: E2E.guild)
        await server.say("Te atiendo", in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("the CM handles it") { try await running.desk.engine.ticket(id: 1)?.state.handler == E2E.ana.id }
        let close = await server.click(CustomID.button(category: "consultas", button: "cerrar").wire, in: channel, by: E2E.ana, roles: cm,
                                       guild: E2E.guild)
        #expect(try await E2E.callback(server, close)["type"]?.number == 9, "the close form")
        // Nothing of the ticket's still to go: a reply never overtakes it.
        await running.desk.drainNow()
        // The form is the only interaction from here on.
        if let fault { server.injectFaults { _, path in path.hasSuffix("/callback") ? fault : nil } }
        let form = await server.submit(CustomID.form(TicketMachine.closeReasonForm).wire, values: ["reason": "Resuelta"], in: channel,
                                       by: E2E.ana, roles: cm, guild: E2E.guild)
        return (channel, form)
    }

    static func said(_ server: LocalDiscord, in channel: String) -> Int {
        server.messages(in: channel).filter { $0.content == question }.count
    }

    static func posted(_ server: LocalDiscord, in channel: String) -> Int {
        E2E.requests(server, "POST", "/channels/\(channel)/messages").filter { E2E.body($0)?["content"]?.string == question }.count
    }

    @Test("the message is the click's answer: in the channel once, pinging as written, with no message posted")
    func answeredByItsMessage() async throws {
        let running = try await E2E.start()
        let server = running.server
        let (channel, form) = try await Self.closeForm(running)
        let answer = try await E2E.callback(server, form)
        #expect(answer["type"]?.number == 4 && answer["data"]?["content"]?.string == Self.question)
        #expect(answer["data"]?["allowed_mentions"]?["users"] == .array([.string(E2E.player.id)]), "it pings the member, as written")
        try await eventually("in the channel") { Self.said(server, in: channel) == 1 }
        try await eventually("the farewell's wait recorded") { try await running.desk.engine.ticket(id: 1)?.state.pendingClose != nil }
        await running.desk.drainNow()
        #expect(Self.said(server, in: channel) == 1)
        #expect(Self.posted(server, in: channel) == 0)
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("an answer Discord refused is posted to the channel instead, once")
    func refusedAnswerIsPosted() async throws {
        let running = try await E2E.start()
        let server = running.server
        let (channel, _) = try await Self.closeForm(running, fault: .answer(.init(status: 400, json: #"{"message":"Invalid Form Body","code":50035}"#)))
        try await eventually("posted instead") { Self.said(server, in: channel) == 1 }
        server.injectFaults(nil)
        await running.desk.drainNow()
        #expect(Self.said(server, in: channel) == 1 && Self.posted(server, in: channel) == 1)
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("an answer Discord took but failed to confirm is found, not posted again")
    func unconfirmedAnswerIsFound() async throws {
        let running = try await E2E.start()
        let server = running.server
        let (channel, _) = try await Self.closeForm(running, fault: .afterCarryingOut(status: 400))
        try await eventually("Discord asked") {
            server.received.contains { $0.method == "GET" && $0.path.hasSuffix("/messages/@original") }
        }
        server.injectFaults(nil)
        await running.desk.drainNow()
        #expect(Self.said(server, in: channel) == 1 && Self.posted(server, in: channel) == 0)
        #expect(server.violations == [])
        await running.stop()
    }
}
