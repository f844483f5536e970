import Discord
@testable import DiscordFace
import Foundation
import LocalDiscord
import TestSupport
import Testing

/// Discord's 50 channels per category and 500 per server, counted from the
/// gateway: a burst of opens fills each place exactly, the next member is
/// refused at once and staff are told, and no open lists the server's
/// channels; when Discord is fuller than counted, the ticket it refuses
/// closes and both sides are told.
@Suite("Category and server capacity")
struct CategoryCapacityTests {
    typealias E2E = EndToEndTests

    @Test("four members at once with three places left in three categories: three channels in the right ones, the fourth refused at once, staff told once")
    func burstFillsExactly() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        // Made by hand while Escala is connected: the gateway tells it.
        for index in 0..<48 {
            await server.createChannelByHand(id: String(810_000_000_000_000_000 + index), name: "a-\(index)",
                                             parent: E2E.channels["categoria_tickets"], guild: E2E.guild)
        }
        for index in 0..<49 {
            await server.createChannelByHand(id: String(820_000_000_000_000_000 + index), name: "b-\(index)",
                                             parent: E2E.channels["categoria_tickets_2"], guild: E2E.guild)
        }
        for index in 0..<50 {
            await server.createChannelByHand(id: String(830_000_000_000_000_000 + index), name: "c-\(index)",
                                             parent: E2E.channels["categoria_tickets_3"], guild: E2E.guild)
        }
        try await eventually("the channels counted") {
            running.desk.guildChannels.occupied(Snowflake(E2E.channels["categoria_tickets_3"]!)) == 50
        }
        let listings = E2E.requests(server, "GET", "/guilds/\(E2E.guild)/channels").count
        var clicks: [String] = []
        for index in 0..<4 {
            let member = (id: String(300_000_000_000_000_100 + index), name: "jugador\(index)")
            clicks.append(await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: member, values: ["consultas"], guild: E2E.guild))
        }
        var answers: [JSONValue] = []
        for click in clicks { answers.append(try await E2E.callback(server, click)) }
        try await eventually("three channels") { E2E.requests(server, "POST", "/guilds/\(E2E.guild)/channels").count >= 3 }
        await running.desk.drainNow()

        let refused = answers.filter { $0["type"]?.number == 4 }
        #expect(refused.count == 1, "exactly one member is turned away")
        #expect(refused.first?["data"]?["content"]?.string?.contains("no caben más tickets de «Consultas»") == true)
        #expect(refused.first?["data"]?["flags"]?.number == 64, "privately")
        let parents = E2E.requests(server, "POST", "/guilds/\(E2E.guild)/channels").compactMap { E2E.body($0)?["parent_id"]?.string }
        #expect(parents.sorted() == [E2E.channels["categoria_tickets"]!, E2E.channels["categoria_tickets"]!, E2E.channels["categoria_tickets_2"]!].sorted())
        #expect(!server.answered.contains { $0.status == 400 }, "Discord never had to refuse a channel")
        #expect(E2E.requests(server, "GET", "/guilds/\(E2E.guild)/channels").count == listings, "no open lists the server's channels")
        let tickets = try await running.desk.engine.tickets(openOnly: true)
        #expect(tickets.count == 3 && tickets.allSatisfy { $0.channelID != nil }, "no ticket without a channel")
        let alerts = server.messages(in: E2E.channels["registros"]!).filter { $0.content.contains("categorías de Discord están llenas") }
        #expect(alerts.count == 1)

        // A fifth member is refused too, and staff are not told again.
        let fifth = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: (id: "300000000000000200", name: "otro"),
                                       values: ["consultas"], guild: E2E.guild)
        #expect(try await E2E.callback(server, fifth)["type"]?.number == 4)
        await running.desk.drainNow()
        #expect(server.messages(in: E2E.channels["registros"]!).filter { $0.content.contains("categorías de Discord están llenas") }.count == 1)
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a ticket closed by its own channel's deletion records no second event when Discord tells of the deletion")
    func closeDeletesOnce() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        try await eventually("the channel") { try await running.desk.engine.ticket(id: 1)?.channelID != nil }
        let channel = try #require(try await running.desk.engine.ticket(id: 1)?.channelID)
        await server.say("Hola", in: channel, by: E2E.player, guild: E2E.guild)
        let cm = (id: "300000000000000002", name: "ana")
        await server.say("Te atiendo", in: channel, by: cm, roles: [E2E.roles["cm"]!], guild: E2E.guild)
        try await eventually("the CM handles it") { try await running.desk.engine.ticket(id: 1)?.state.handler == cm.id }
        let form = await server.click("esc:b:consultas:cerrar", in: channel, by: cm, roles: [E2E.roles["cm"]!], guild: E2E.guild)
        _ = try await E2E.callback(server, form)
        await server.submit("esc:f:close_reason", values: ["reason": "Resuelto"], in: channel, by: cm, roles: [E2E.roles["cm"]!], guild: E2E.guild)
        try await eventually("the farewell question") { try await running.desk.engine.ticket(id: 1)?.state.pendingClose != nil }
        await server.say("No, gracias", in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the channel deleted") { server.answered.contains { $0.method == "DELETE" && $0.path == "/channels/\(channel)" } }
        await running.desk.drainNow()
        // CHANNEL_DELETE reached the desk (the reader forgets the channel at
        // once), and its lane has done what it queued.
        try await eventually("CHANNEL_DELETE read") { !running.desk.guildChannels.isTicketChannel(Snowflake(channel)) }
        await running.desk.lanes.settled("channel:\(channel)")
        let recorded = try await running.desk.store.read { try $0.hasEvent(sourceID: "channel-delete:\(channel)") }
        #expect(!recorded, "the close's own deletion is not an event")
        #expect(try await running.desk.engine.ticket(id: 1)?.state.isClosed == true)
        await running.stop()
    }

    /// Channels made by hand up to Discord's 500, the gateway told of each
    /// (`tellGateway`) or not (made while it was away).
    static func fillServer(_ server: LocalDiscord, tellGateway: Bool) async {
        let missing = LocalDiscord.channelsPerServer - server.channelCount(of: E2E.guild)
        for index in 0..<missing {
            let id = String(840_000_000_000_000_000 + index)
            if tellGateway {
                await server.createChannelByHand(id: id, name: "canal-\(index)", parent: nil, guild: E2E.guild)
            } else {
                server.addChannel(id: id, name: "canal-\(index)", parent: nil, guild: E2E.guild)
            }
        }
    }

    @Test("a server at Discord's 500 channels: the member is refused at once in Spanish, staff are told once, nothing is created")
    func serverFullRefusedAtTheClick() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        await Self.fillServer(server, tellGateway: true)
        try await eventually("the channels counted") {
            running.desk.guildChannels.room(among: []) == .serverFull
        }
        let click = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        let answer = try await E2E.callback(server, click)
        #expect(answer["type"]?.number == 4)
        #expect(answer["data"]?["flags"]?.number == 64, "privately")
        #expect(answer["data"]?["content"]?.string?.contains("límite de 500 canales") == true)
        let second = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.ana, values: ["consultas"], guild: E2E.guild)
        #expect(try await E2E.callback(server, second)["type"]?.number == 4)
        await running.desk.drainNow()
        #expect(E2E.requests(server, "POST", "/guilds/\(E2E.guild)/channels").isEmpty, "Discord is not asked for a channel it has no room for")
        #expect(try await running.desk.engine.tickets(openOnly: true).isEmpty, "no ticket left without a channel")
        let alerts = server.messages(in: E2E.channels["registros"]!).filter { $0.content.contains("500 canales") }
        #expect(alerts.count == 1, "staff are told once, not once a member")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("Discord answers 30013 to a channel Escala counted room for: the ticket closes, the click says why, staff are told, and the member opens once a channel is deleted")
    func serverFulledByDiscord() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        await Self.fillServer(server, tellGateway: false)
        let click = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        #expect(try await E2E.callback(server, click)["type"]?.number == 5, "Escala counted room: the click is taken")
        try await eventually("the click's answer says there is no room") {
            E2E.requests(server, "PATCH", "/webhooks/1/token-\(click)/messages/@original").contains {
                E2E.body($0)?["content"]?.string?.contains("límite de 500 canales") == true
            }
        }
        #expect(server.answered.contains { $0.status == 400 && $0.path == "/guilds/\(E2E.guild)/channels" })
        await running.desk.drainNow()
        let ticket = try #require(try await running.desk.engine.ticket(id: 1))
        #expect(ticket.state.isClosed && ticket.channelID == nil, "closed, without a channel")
        #expect(E2E.requests(server, "POST", "/users/@me/channels").isEmpty, "told in the click's answer, not by direct message too")
        #expect(server.messages(in: E2E.channels["registros"]!).filter { $0.content.contains("500 canales") }.count == 1)
        let events = try await running.desk.engine.history(ofTicket: 1).map(\.kind)
        #expect(events.contains("no room for the channel"), "the log says why it closed: \(events)")

        // Believed full now: the next member is refused at the click.
        let next = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.ana, values: ["consultas"], guild: E2E.guild)
        #expect(try await E2E.callback(server, next)["data"]?["content"]?.string?.contains("500 canales") == true)

        // A channel deleted: room again, and the first member's limit was
        // not taken by the ticket that never had a channel.
        await server.deleteChannelByHand("840000000000000000", guild: E2E.guild)
        try await eventually("room again") { running.desk.guildChannels.room(among: []) != .serverFull }
        let again = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        #expect(try await E2E.callback(server, again)["type"]?.number == 5)
        try await eventually("a ticket with its channel") {
            try await running.desk.engine.tickets(openOnly: true).contains { $0.channelID != nil }
        }
        #expect(server.violations == [])
        await running.stop()
    }
}
