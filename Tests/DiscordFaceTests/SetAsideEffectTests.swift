import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import TestSupport
import Testing
import WorkflowDSL

/// An effect Discord refuses for good does not hold its ticket back, and
/// is not lost in silence: it is set aside with the reason and staff are
/// told once, in the category's log channel.
@Suite("Effects that can never succeed")
struct SetAsideEffectTests {
    typealias E2E = EndToEndTests

    @Test("a notification Discord refuses with 403 is set aside, staff are told once, and the ticket's next effects go on")
    func forbiddenNotification() async throws {
        let running = try await E2E.start()
        let server = running.server
        let staffChat = E2E.channels["chat_staff"]!, log = E2E.channels["registros"]!
        server.script("POST", "/channels/\(staffChat)/messages",
                      [.init(status: 403, json: #"{"message":"Missing Permissions","code":50013}"#)])
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        let channel = try await DeskBehaviourTests.ticketChannel(running, 1)
        let cm = [E2E.roles["cm"]!]
        await server.say("Una duda", in: channel, by: E2E.player, guild: E2E.guild)
        await server.say("Te atiendo", in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("ana handles it") { try await running.desk.engine.ticket(id: 1)?.state.handler == E2E.ana.id }
        await server.click(CustomID.button(category: "consultas", button: "duda").wire, in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)

        try await eventually("staff told in the log channel") { !E2E.requests(server, "POST", "/channels/\(log)/messages").isEmpty }
        let told = try #require(E2E.body(E2E.requests(server, "POST", "/channels/\(log)/messages")[0])?["content"]?.string)
        #expect(told.hasPrefix("⚠️ Escala no pudo completar una acción del ticket #1: Discord refused POST"), "\(told)")
        #expect(told.contains("HTTP 403, code 50013: Missing Permissions"))
        #expect(told.contains("escala outbox --retry"))
        let aside = try await running.desk.store.setAsideEffects()
        #expect(aside.count == 1 && aside[0].reason.contains("Missing Permissions"))

        // The lane was not held: the member's next request reaches staff.
        await server.click(CustomID.button(category: "consultas", button: "otro").wire, in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the next notification") { E2E.requests(server, "POST", "/channels/\(staffChat)/messages").count == 2 }
        #expect(E2E.requests(server, "POST", "/channels/\(log)/messages").count == 1, "told once")
        #expect(server.violations == [])
        await running.stop()
    }
}
