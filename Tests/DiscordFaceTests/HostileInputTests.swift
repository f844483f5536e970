import Discord
@testable import DiscordFace
import Engine
import Foundation
import LocalDiscord
import Synchronization
import TestSupport
import Testing
import WorkflowDSL

/// The worst that members and staff can send through Discord, against the
/// role-play desk: each gets a clear answer or is ignored with a log line,
/// nothing crashes, nothing stored is lost, and user text never pings.
@Suite("Hostile input on a local Discord")
struct HostileInputTests {
    typealias E2E = EndToEndTests

    /// A consultation opened by the player, and its channel.
    static func openConsultation(_ running: E2E.Desk) async throws -> String {
        try await eventually("the gateway session") { running.server.gateway.isReady }
        await running.server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        return try await DeskBehaviourTests.ticketChannel(running, 1)
    }

    @Test("a member who forges the close-reason form or a sanction choice is refused privately; the ticket stays open")
    func forgedInteractions() async throws {
        let running = try await E2E.start()
        let server = running.server
        let channel = try await Self.openConsultation(running)

        let form = await server.submit(CustomID.form(TicketMachine.closeReasonForm).wire, values: ["reason": "me cierro yo"],
                                       in: channel, by: E2E.player, guild: E2E.guild)
        let formAnswer = try await E2E.callback(server, form)
        #expect(formAnswer["type"]?.number == 4)
        #expect(formAnswer["data"]?["flags"]?.number == 64)
        let sanction = await server.submit(CustomID.sanctionForm.wire, fields: [.select("offence", values: ["troll"]),
                                                                                .users("member", [E2E.ana]), .checkbox("warned", true)],
                                           in: channel, by: E2E.player, guild: E2E.guild)
        #expect(try await E2E.callback(server, sanction)["data"]?["flags"]?.number == 64)

        let ticket = try #require(try await running.desk.engine.ticket(id: 1))
        #expect(!ticket.state.isClosed)
        #expect(ticket.state.sanction == nil && ticket.state.sanctioner == nil)
        #expect(E2E.requests(server, "DELETE", "/channels/\(channel)").isEmpty)
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a custom id Escala never made, a form never shown, a button of another category and a ticket button outside a ticket are answered; the desk goes on")
    func unknownComponents() async throws {
        let running = try await E2E.start()
        let server = running.server
        let channel = try await Self.openConsultation(running)

        let foreign = await server.click("otro-bot:boton", in: channel, by: E2E.player, guild: E2E.guild)
        #expect(try await E2E.callback(server, foreign)["type"]?.number == 6, "acknowledged silently: it is not ours")
        let neverShown = await server.submit(CustomID.form("no_existe").wire, values: ["x": "y"], in: channel, by: E2E.player, guild: E2E.guild)
        #expect(try await E2E.callback(server, neverShown)["data"]?["flags"]?.number == 64)
        let otherCategory = await server.click(CustomID.button(category: "apelaciones", button: "aceptar").wire, in: channel,
                                               by: E2E.ana, roles: [E2E.roles["admin"]!], guild: E2E.guild)
        #expect(try await E2E.callback(server, otherCategory)["data"]?["flags"]?.number == 64)
        let outside = await server.click(CustomID.button(category: "consultas", button: "duda").wire, in: E2E.channels["panel_tickets"]!,
                                         by: E2E.ana, roles: [E2E.roles["cm"]!], guild: E2E.guild)
        let outsideAnswer = try await E2E.callback(server, outside)
        #expect(outsideAnswer["data"]?["flags"]?.number == 64)

        // Still serving: the member's next ticket opens.
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.beto, values: ["consultas"], guild: E2E.guild)
        _ = try await DeskBehaviourTests.ticketChannel(running, 2)
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a 4,000-character message, ten attachments and a mention flood reach the transcript and ping nobody; a 4,000-character close reason is cut to fit")
    func longAndLoudInput() async throws {
        let running = try await E2E.start()
        let server = running.server
        let channel = try await Self.openConsultation(running)
        let cm = [E2E.roles["cm"]!]

        let long = String(repeating: "á", count: 3_990) + " final"
        await server.say(long, in: channel, by: E2E.player, guild: E2E.guild)
        await server.say("Hola, te atiendo", in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        let flood = String(repeating: "<@\(E2E.ana.id)> @everyone ", count: 60)
        await server.say(flood, in: channel, by: E2E.player, mentions: [E2E.ana.id], guild: E2E.guild)
        await server.say("capturas", in: channel, by: E2E.player, attachments: (1...10).map { "captura\($0).png" }, guild: E2E.guild)
        try await eventually("the messages taken") { try await running.desk.engine.messages(ofTicket: 1).count == 4 }

        let close = await server.click(CustomID.button(category: "consultas", button: "cerrar").wire, in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        #expect(try await E2E.callback(server, close)["type"]?.number == 9)
        let reason = String(repeating: "motivo ", count: 571) // 3,997 characters, as the form allows 4,000
        await server.submit(CustomID.form(TicketMachine.closeReasonForm).wire, values: ["reason": reason], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        // The farewell asks whether there is anything else; silence closes.
        try await eventually("the farewell question") {
            E2E.said(server, in: channel).contains { $0["content"]?.string?.contains("¿hay algo más") == true }
        }
        running.clock.advance(by: 10 * 60)

        let log = E2E.channels["registros"]!
        try await eventually("the transcript in the log") { !E2E.requests(server, "POST", "/channels/\(log)/messages").isEmpty }
        let header = try #require(E2E.requests(server, "POST", "/channels/\(log)/messages").first.flatMap(E2E.body))
        let content = try #require(header["content"]?.string)
        #expect(content.unicodeScalars.count <= 2_000 && content.hasSuffix("…") && content.hasPrefix("Consultas #1 — motivo"))
        let page = String(decoding: try #require(server.uploads.first { $0.channel == log }).data, as: UTF8.self)
        #expect(page.contains(" final") && page.contains("captura10.png") && page.contains("@everyone"))
        for request in server.received where request.method == "POST" && request.path.hasSuffix("/messages") {
            let parse = E2E.body(request)?["allowed_mentions"]?["parse"]
            #expect(parse == .array([]), "\(request.path): user text must never ping")
        }
        try await eventually("the channel deleted") { !E2E.requests(server, "DELETE", "/channels/\(channel)").isEmpty }
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a ticket whose channel is deleted by hand is closed with a transcript of what was said in it")
    func channelDeletedByHand() async throws {
        let running = try await E2E.start()
        let server = running.server
        let channel = try await Self.openConsultation(running)
        await server.say("Mi consulta sobre la tienda", in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the message taken") { try await running.desk.engine.messages(ofTicket: 1).count == 1 }
        await server.deleteChannelByHand(channel, guild: E2E.guild)

        let log = E2E.channels["registros"]!
        try await eventually("the transcript in the log") { !E2E.requests(server, "POST", "/channels/\(log)/messages").isEmpty }
        let page = String(decoding: try #require(server.uploads.first { $0.channel == log }).data, as: UTF8.self)
        #expect(page.contains("Mi consulta sobre la tienda"))
        #expect(page.contains("¡Buenos días!"), "Escala's own words, from the record: the channel can no longer be read")
        #expect(try await running.desk.engine.ticket(id: 1)?.state.isClosed == true)
        #expect(server.violations == [])
        await running.stop()
    }
}

/// Messages Discord delivered to no session are read back and played once.
@Suite("Messages written while Escala was not listening")
struct MissedMessagesTests {
    typealias E2E = EndToEndTests

    @Test("messages written between an invalid session and the next are fetched on READY, in order, once each, staff known by their roles")
    func caughtUpOnReady() async throws {
        let running = try await E2E.start()
        let server = running.server
        let channel = try await HostileInputTests.openConsultation(running)
        await server.say("Hola", in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the first message taken") { try await running.desk.engine.messages(ofTicket: 1).count == 1 }

        server.sayUnheard("Sigo aquí", in: channel, by: E2E.player)
        server.sayUnheard("Te atiendo", in: channel, by: E2E.ana, roles: [E2E.roles["cm"]!])
        let identifies = server.gateway.commands.filter { $0.op == 2 }.count
        await server.gateway.sendInvalidSession(resumable: false)
        try await eventually("a new session") { server.gateway.commands.filter { $0.op == 2 }.count > identifies }
        try await eventually("the missed messages taken") { try await running.desk.engine.messages(ofTicket: 1).count == 3 }
        let texts = try await running.desk.engine.messages(ofTicket: 1).map(\.message.text)
        #expect(texts == ["Hola", "Sigo aquí", "Te atiendo"])
        #expect(try await running.desk.engine.ticket(id: 1)?.state.handler == E2E.ana.id, "the staff member's roles were read")

        // Another new session: nothing is taken twice.
        let again = server.gateway.commands.filter { $0.op == 2 }.count
        await server.gateway.sendInvalidSession(resumable: false)
        try await eventually("a third session") { server.gateway.commands.filter { $0.op == 2 }.count > again && server.gateway.isReady }
        await server.say("¿Y ahora?", in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the next message taken") { try await running.desk.engine.messages(ofTicket: 1).count == 4 }
        #expect(try await running.desk.engine.messages(ofTicket: 1).map(\.message.text) == ["Hola", "Sigo aquí", "Te atiendo", "¿Y ahora?"])
        #expect(server.violations == [])
        await running.stop()
    }
}

extension MissedMessagesTests {
    /// A member opens a ticket; Discord makes its channel but answers the
    /// creation with a 502, so the desk has not recorded it yet.
    static func openWithUnconfirmedChannel(_ configure: (inout DeskConfiguration) -> Void = { _ in }) async throws -> (E2E.Desk, String) {
        let running = try await E2E.start(configure: configure)
        let server = running.server
        let once = Mutex(true)
        server.injectFaults { method, path in
            guard method == "POST", path.hasSuffix("/channels"), path.hasPrefix("/guilds/"), once.withLock({ $0 }) else { return nil }
            once.withLock { $0 = false }
            return .afterCarryingOut(status: 502)
        }
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        try await eventually("the channel on Discord") { !server.createdChannels.isEmpty }
        return (running, server.createdChannels[0].id)
    }

    @Test("a member who writes in their new channel before Escala has recorded it (Discord answered the creation with a 502) is heard")
    func messageBeforeTheChannelIsRecorded() async throws {
        let (running, channel) = try await Self.openWithUnconfirmedChannel()
        let server = running.server
        #expect(try await running.desk.engine.ticket(id: 1)?.channelID == nil, "not recorded yet: the creation is being retried")
        await server.say("¿Hola? Ya estoy aquí", in: channel, by: E2E.player, guild: E2E.guild)
        // The creation is tried again after its lane's backoff (on the
        // desk's clock, moved here a second at a time), and finds the
        // channel by its topic.
        let deadline = ContinuousClock.now + .seconds(20)
        while try await running.desk.engine.ticket(id: 1)?.channelID == nil, ContinuousClock.now < deadline {
            running.clock.advance(by: 1)
            try await Task.sleep(for: .milliseconds(200))
        }
        try await eventually("the message taken") { try await running.desk.engine.messages(ofTicket: 1).count == 1 }
        #expect(try await running.desk.engine.ticket(id: 1)?.channelID == channel)
        #expect(server.createdChannels.count == 1, "the retry found the channel instead of creating a second")
        await running.stop()
    }

    @Test("a message written in the new channel and given up on before the record is taken when the creation's retry finds the channel")
    func messageNotWaitedFor() async throws {
        // The gateway does not wait for the record at all: only the
        // retry's reading of the channel can hear the member.
        let (running, channel) = try await Self.openWithUnconfirmedChannel { $0.unrecordedChannelWait = .zero }
        let server = running.server
        await server.say("¿Hola? Ya estoy aquí", in: channel, by: E2E.player, guild: E2E.guild)
        await server.say("¿Hay alguien?", in: channel, by: E2E.player, guild: E2E.guild)
        // The gateway's events are read in order: once a later click is
        // answered, both messages were read, and once their channel's lane
        // has settled, both were passed over.
        let later = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: (id: "300000000000000077", name: "otro"),
                                       values: ["consultas"], guild: E2E.guild)
        try await eventually("the later click answered") { server.received.contains { $0.path.hasPrefix("/interactions/\(later)/") } }
        await running.desk.lanes.settled("channel:\(channel)")
        #expect(try await running.desk.engine.messages(ofTicket: 1).isEmpty, "no one took them: the store did not know the channel")
        let deadline = ContinuousClock.now + .seconds(20)
        while try await running.desk.engine.ticket(id: 1)?.channelID == nil, ContinuousClock.now < deadline {
            running.clock.advance(by: 1)
            try await Task.sleep(for: .milliseconds(200))
        }
        try await eventually("the messages taken") { try await running.desk.engine.messages(ofTicket: 1).count == 2 }
        #expect(try await running.desk.engine.messages(ofTicket: 1).map(\.message.text) == ["¿Hola? Ya estoy aquí", "¿Hay alguien?"])
        #expect(try await running.desk.engine.messages(ofTicket: 1).map(\.message.author.id) == [E2E.player.id, E2E.player.id])
        #expect(server.createdChannels.count == 2, "one channel each for the two tickets: the retry found the first")
        #expect(server.violations == [])
        await running.stop()
    }
}
