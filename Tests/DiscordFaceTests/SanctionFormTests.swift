import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import TestSupport
import Testing
import WorkflowDSL

/// The sanctions ledger on the local Discord: a Trainee applies a sanction
/// with Discord's modal (the table, the member picker, the warning box),
/// an appeal names it from the member's recorded sanctions, and the
/// escalation reaches the staff member who applied it. Every request is
/// checked against Discord's OpenAPI description.
@Suite("Sanction forms on Discord")
struct SanctionFormTests {
    typealias E2E = EndToEndTests

    static let rosa = (id: "300000000000000010", name: "rosa")
    static let carla = (id: "300000000000000011", name: "carla")

    static func messages(_ server: LocalDiscord, in channel: String) -> [JSONValue] {
        E2E.said(server, in: channel)
    }

    @Test("a sanction applied with Discord's form is refused as the table says, then recorded; the appeal reaches who applied it")
    func appliedThenAppealed() async throws {
        let running = try await E2E.start()
        let server = running.server
        let engine = running.desk.engine
        let (cm, trainee) = ([E2E.roles["cm"]!], [E2E.roles["trainee"]!])
        try await eventually("the gateway session") { server.gateway.isReady }
        let panel = E2E.channels["panel_tickets"]!

        // Rosa reports the player; the CM passes it to a Trainee.
        await server.submit("esc:q:roleplay:reportes", values: ["reportado": "jugador", "hechos": "Trolleo en el banco"], in: panel,
                            by: Self.rosa, guild: E2E.guild)
        let report = try await DeskBehaviourTests.ticketChannel(running, 1)
        await server.say("La grabación", in: report, by: Self.rosa, attachments: ["troll.mp4"], guild: E2E.guild)
        await server.say("Hola @rosa", in: report, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("the CM handles it") { try await engine.ticket(id: 1)?.state.handler == E2E.ana.id }
        _ = try await E2E.callback(server, await server.click(CustomID.button(category: "reportes", button: "a_trainee").wire,
                                                              in: report, by: E2E.ana, roles: cm, guild: E2E.guild))
        await server.say("Llevo el reporte", in: report, by: Self.carla, roles: trainee, guild: E2E.guild)
        try await eventually("the Trainee handles it") { try await engine.ticket(id: 1)?.state.handler == Self.carla.id }

        // «Aplicar sanción» opens one modal: the table, the member, the warning.
        let form = try await E2E.callback(server, await server.click(CustomID.button(category: "reportes", button: "sancionar").wire,
                                                                     in: report, by: Self.carla, roles: trainee, guild: E2E.guild))
        #expect(form["type"]?.number == 9)
        #expect(form["data"]?["custom_id"]?.string == "esc:sanction")
        #expect(form["data"]?["title"]?.string == "Aplicar una sanción")
        let fields = form["data"]?["components"]?.array ?? []
        #expect(fields.map { $0["type"]?.number } == [18, 18, 18], "three labelled fields")
        #expect(fields.map { $0["component"]?["type"]?.number } == [3, 5, 23], "the table, the member picker, the warning box")
        #expect(fields.first?["component"]?["options"]?.array?.contains { $0["value"]?.string == "troll" } == true)

        func apply(_ offence: String, warned: Bool) async throws -> JSONValue {
            try await E2E.callback(server, await server.submit(CustomID.sanctionForm.wire, fields: [
                .select("offence", values: [offence]), .users("member", [E2E.player]), .checkbox("warned", warned),
            ], in: report, by: Self.carla, roles: trainee, guild: E2E.guild))
        }
        let reserved = try await apply("cheating", warned: true)
        #expect(reserved["data"]?["content"]?.string == "Solo un Administrador o un rango superior puede aplicar «Cheating/PC/Citizen Ilegal».")
        #expect(reserved["data"]?["flags"]?.number == 64)
        let unwarned = try await apply("troll", warned: false)
        #expect(unwarned["data"]?["content"]?.string?.contains("requiere un aviso previo") == true)
        #expect(try await engine.sanctions(guild: E2E.guild, member: E2E.player.id).isEmpty)

        _ = try await apply("troll", warned: true)
        try await eventually("the sanction recorded") { !(try await engine.sanctions(guild: E2E.guild, member: E2E.player.id)).isEmpty }
        let record = try #require(try await engine.sanctions(guild: E2E.guild, member: E2E.player.id).first)
        #expect(record.entry.appliedBy == Self.carla.id && record.entry.offence == "troll" && record.entry.warned)
        #expect(record.entry.evidence.first?.hasSuffix("/troll.mp4") == true, "the evidence is the ticket's file")
        try await eventually("the sanction said in the ticket") {
            Self.messages(server, in: report).contains { $0["content"]?.string?.hasPrefix("🔨 Sanción registrada: «Actitudes Troll»") == true }
        }
        let said = try #require(Self.messages(server, in: report).first { $0["content"]?.string?.hasPrefix("🔨") == true })
        #expect(said["content"]?.string?.contains("<@\(E2E.player.id)>") == true)
        #expect(said["allowed_mentions"]?["users"] == .array([]) && said["allowed_mentions"]?["parse"] == .array([]),
                "naming the sanctioned member pings nobody")

        // The player appeals; the CM names the sanction from the player's ledger.
        await server.click("esc:menu", in: panel, by: E2E.player, values: ["apelaciones"], guild: E2E.guild)
        let appeal = try await DeskBehaviourTests.ticketChannel(running, 2)
        await server.say("Mi sanción", in: appeal, by: E2E.player, attachments: ["sancion.png"], guild: E2E.guild)
        await server.say("Hola @jugador", in: appeal, by: E2E.ana, roles: cm, guild: E2E.guild)
        let appealForm = try await E2E.callback(server, await server.click(CustomID.button(category: "apelaciones", button: "registrar").wire,
                                                                           in: appeal, by: E2E.ana, roles: cm, guild: E2E.guild))
        #expect(appealForm["data"]?["custom_id"]?.string == "esc:appeal")
        let choices = appealForm["data"]?["components"]?.array?.first?["component"]?["options"]?.array ?? []
        #expect(choices.map { $0["value"]?.string } == [String(record.id), "outside"])
        #expect(choices.first?["label"]?.string?.hasPrefix("«Actitudes Troll» · ") == true)
        _ = try await E2E.callback(server, await server.submit(CustomID.appealedSanctionForm.wire, fields: [.select("record", values: [String(record.id)])],
                                                               in: appeal, by: E2E.ana, roles: cm, guild: E2E.guild))
        try await eventually("the sanctioner named") { try await engine.ticket(id: 2)?.state.sanctioner == Self.carla.id }
        // The CM attaches the proofs an Administrator sent (`from cm`).
        await server.say("Las pruebas del Administrador", in: appeal, by: E2E.ana, roles: cm, attachments: ["pruebas.mp4"], guild: E2E.guild)
        try await eventually("the proofs taken") { try await engine.ticket(id: 2)?.state.evidence["pruebas_sancion"] != nil }

        // Escalated: Carla, who applied it, is shown the channel and pinged.
        _ = try await E2E.callback(server, await server.click(CustomID.button(category: "apelaciones", button: "escalar").wire,
                                                              in: appeal, by: E2E.ana, roles: cm, guild: E2E.guild))
        try await eventually("Carla let in") { !E2E.requests(server, "PUT", "/channels/\(appeal)/permissions/\(Self.carla.id)").isEmpty }
        try await eventually("Carla pinged") {
            Self.messages(server, in: appeal).contains { $0["allowed_mentions"]?["users"] == .array([.string(Self.carla.id)]) }
        }

        // Staff read the ledger with /sanctions; a member may not.
        let listed = try await E2E.callback(server, await server.command("sanctions", options: [("member", 6, "\"\(E2E.player.id)\"")],
                                                                        in: appeal, by: E2E.ana, roles: cm, guild: E2E.guild))
        #expect(listed["data"]?["flags"]?.number == 64)
        let listing = listed["data"]?["content"]?.string ?? ""
        #expect(listing.hasPrefix("Sanciones de <@\(E2E.player.id)> (1):"), "\(listing)")
        #expect(listing.contains("«Actitudes Troll»") && listing.contains("aplicada por <@\(Self.carla.id)>") && listing.contains("#1"))
        let refused = try await E2E.callback(server, await server.command("sanctions", options: [("member", 6, "\"\(E2E.player.id)\"")],
                                                                         in: appeal, by: Self.rosa, guild: E2E.guild))
        #expect(refused["data"]?["content"]?.string == "Solo el staff puede usar este comando.")
        let registered = E2E.requests(server, "PUT", "/applications/1/guilds/\(E2E.guild)/commands").last.flatMap(E2E.body)
        #expect(registered?.array?.contains { $0["name"]?.string == "sanctions" } == true)

        #expect(server.violations == [], "every request matches Discord's API")
        await running.stop()
    }
}
