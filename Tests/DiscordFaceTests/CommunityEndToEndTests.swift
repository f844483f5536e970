import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import Runtime
import TestSupport
import Testing
import WorkflowDSL

/// Community operations through `EscalaApplication.run` and the local Discord
/// server, with the shipped `comunidad.flow`: every request is checked
/// against Discord's OpenAPI description.
@Suite("End to end: community operations on a local Discord")
struct CommunityEndToEndTests {
    typealias E2E = EndToEndTests
    static let guild = E2E.guild
    static let ids: [String: String] = [
        "ayudante": "710000000000000001", "moderador": "710000000000000002", "admin": "710000000000000003",
        "veterano": "720000000000000001", "conocido": "720000000000000002", "leyenda": "720000000000000003",
        "avisos": "720000000000000004", "asistente": "720000000000000005",
        "panel_soporte": "810000000000000001", "tickets": "810000000000000002", "revision_ofertas": "810000000000000003",
        "ofertas": "810000000000000004", "archivo": "810000000000000005", "avisos_staff": "810000000000000006",
        "tops": "810000000000000007",
        "mensaje_roles": "910000000000000001", "mensaje_evento": "910000000000000002",
    ]
    static let general = "810000000000000099"
    static let ana = (id: "300000000000000011", name: "ana")
    static let beto = (id: "300000000000000012", name: "beto")
    static let mod = (id: "300000000000000013", name: "mod")

    static func start() async throws -> E2E.Desk {
        let running = try await E2E.start(folder: try E2E.workflowsFolder("comunidad", ids: ids))
        try await eventually("the gateway session") { running.server.gateway.isReady }
        return running
    }

    static func rolePath(_ user: String, _ role: String) -> String {
        "/guilds/\(guild)/members/\(user)/roles/\(ids[role]!)"
    }

    @Test("slash commands registered with their options; reaction roles granted and revoked; a temporary role taken back after 7 days")
    func rolesAndCommands() async throws {
        let running = try await Self.start()
        let server = running.server
        try await eventually("the commands") {
            !E2E.requests(server, "PUT", "/applications/1/guilds/\(Self.guild)/commands").isEmpty
        }
        let commands = try #require(E2E.body(E2E.requests(server, "PUT", "/applications/1/guilds/\(Self.guild)/commands")[0])?.array)
        let names = commands.compactMap { $0["name"]?.string }
        #expect(Set(names).isSuperset(of: ["rep", "top", "stats", "audit"]))
        let rep = commands.first { $0["name"]?.string == "rep" }
        #expect(rep?["options"]?.array?.first?["type"]?.number == 6, "/rep takes a member")
        #expect(rep?["options"]?.array?.first?["required"] == .bool(true))
        // In the server's language (comunidad.flow speaks Spanish): names and
        // descriptions for a Discord in Spanish, of Spain and of Latin America.
        let stats = try #require(commands.first { $0["name"]?.string == "stats" })
        #expect(stats["name_localizations"]?["es-ES"]?.string == "estadisticas" && stats["name_localizations"]?["es-419"]?.string == "estadisticas")
        #expect(stats["description_localizations"]?["es-ES"]?.string?.hasPrefix("Estadísticas de tickets") == true)
        #expect(stats["name_localizations"]?["fr"] == nil, "a language the workflows do not declare is not registered")
        #expect(stats["options"]?.array?.first?["name_localizations"]?["es-ES"]?.string == "dias")
        // A menu item's name is what the menu shows (spaces, capitals, up
        // to 32) and it has no description, as Discord requires.
        for item in commands where (item["type"]?.number ?? 1) != 1 {
            #expect(item["description"]?.string == "" && item["description_localizations"] == nil && (item["name"]?.string?.count ?? 99) <= 32)
        }
        // Each name as Discord takes one: lowercase letters, digits, - and _, 1 to 32.
        for command in commands where (command["type"]?.number ?? 1) == 1 {
            let names = [command["name"]?.string] + (command["name_localizations"]?.object?.values.map(\.string) ?? [])
                + (command["options"]?.array ?? []).flatMap { [$0["name"]?.string] + ($0["name_localizations"]?.object?.values.map(\.string) ?? []) }
            for name in names {
                let name = try #require(name)
                #expect(name.wholeMatch(of: #/[-_\p{L}\p{N}]{1,32}/#) != nil && name == name.lowercased(), "«\(name)» is not a Discord command name")
            }
            #expect(command["description_localizations"]?["es-ES"] != nil, "\(command["name"]?.string ?? ""): in Spanish too")
        }
        #expect(server.violations == [])

        // 🔔 on the roles message: the role; taking the reaction back: gone.
        await server.react("🔔", to: Self.ids["mensaje_roles"]!, in: Self.general, by: Self.ana, guild: Self.guild)
        try await eventually("avisos granted") { !E2E.requests(server, "PUT", Self.rolePath(Self.ana.id, "avisos")).isEmpty }
        await server.react("🔔", to: Self.ids["mensaje_roles"]!, in: Self.general, by: Self.ana, added: false, guild: Self.guild)
        try await eventually("avisos revoked") { !E2E.requests(server, "DELETE", Self.rolePath(Self.ana.id, "avisos")).isEmpty }
        // The same emoji on another message does nothing.
        await server.react("🔔", to: "910000000000000077", in: Self.general, by: Self.beto, guild: Self.guild)

        // 🎉 on the event: a role for 7 days.
        await server.react("🎉", to: Self.ids["mensaje_evento"]!, in: Self.general, by: Self.beto, guild: Self.guild)
        try await eventually("asistente granted") { !E2E.requests(server, "PUT", Self.rolePath(Self.beto.id, "asistente")).isEmpty }
        // Six days on, nothing is due before the seventh: the scheduler
        // sleeps until then (no wall-clock wait can show that it would not
        // revoke early; the store's next expiry does).
        let granted = running.clock.now()
        running.clock.advance(by: 6 * 86_400)
        let expiry = try await running.desk.store.read { try $0.nextGrantExpiry(guild: Self.guild) }
        #expect(expiry == granted + 7 * 86_400, "the role goes at the end of the 7 days, not before")
        #expect(E2E.requests(server, "DELETE", Self.rolePath(Self.beto.id, "asistente")).isEmpty, "still within the 7 days")
        running.clock.advance(by: 86_400)
        try await eventually("asistente revoked by the scheduler") {
            !E2E.requests(server, "DELETE", Self.rolePath(Self.beto.id, "asistente")).isEmpty
        }
        #expect(E2E.requests(server, "PUT", Self.rolePath(Self.beto.id, "avisos")).isEmpty)

        // /audit: staff only; shows every grant and revocation with its reason.
        let refused = try await E2E.callback(server, await server.command("audit", in: Self.general, by: Self.ana, guild: Self.guild))
        #expect(refused["data"]?["flags"]?.number == 64)
        #expect(refused["data"]?["content"]?.string == "Solo el staff puede usar este comando.")
        let audit = try await E2E.callback(server, await server.command(
            "audit", options: [("member", 6, "\"\(Self.beto.id)\"")], in: Self.general, by: Self.mod,
            roles: [Self.ids["moderador"]!], guild: Self.guild))
        let lines = audit["data"]?["embeds"]?.array?.first?["description"]?.string ?? ""
        #expect(lines.contains("**asistente** <@\(Self.beto.id)> — temporary role expired"))
        #expect(lines.contains("reacted 🎉 to mensaje_evento, for 7d"))
        #expect(!lines.contains("avisos"), "only beto's lines")
        #expect(running.server.violations.isEmpty, "\(running.server.violations)")
        await running.stop()
    }

    @Test("/rep within its limits, pinging nobody; a week of messages and reactions; the TOP posted at the window's end; /top of a past week")
    func reputationAndWeeklyTop() async throws {
        let running = try await Self.start()
        let server = running.server
        let given = try await E2E.callback(server, await server.command(
            "rep", options: [("member", 6, "\"\(Self.ana.id)\"")], in: Self.general, by: Self.beto, guild: Self.guild))
        #expect(given["type"]?.number == 4)
        #expect(given["data"]?["content"]?.string == "+1 de reputación para <@\(Self.ana.id)> (total: 1).")
        #expect(given["data"]?["allowed_mentions"]?["parse"] == .array([]), "the thanks pings nobody")
        let again = try await E2E.callback(server, await server.command(
            "rep", options: [("member", 6, "\"\(Self.ana.id)\"")], in: Self.general, by: Self.beto, guild: Self.guild))
        #expect(again["data"]?["flags"]?.number == 64)
        #expect(again["data"]?["content"]?.string?.contains("a este miembro") == true)
        let toSelf = try await E2E.callback(server, await server.command(
            "rep", options: [("member", 6, "\"\(Self.ana.id)\"")], in: Self.general, by: Self.ana, guild: Self.guild))
        #expect(toSelf["data"]?["content"]?.string == "No puedes darte reputación a ti mismo.")

        for _ in 0..<3 { await server.say("hola", in: Self.general, by: Self.ana, guild: Self.guild) }
        await server.say("buenas", in: Self.general, by: Self.beto, guild: Self.guild)
        await server.react("👍", to: "910000000000000050", in: Self.general, by: Self.beto, guild: Self.guild)
        // Every event counted (beto: a message, a reaction, a /rep given)
        // before the week ends, or a late one lands in the next week.
        try await eventually("the activity counted") {
            let community = running.desk.community, path = Self.path(running), now = running.clock.now()
            let ana = try await community.activity(of: Self.ana.id, board: "semanal", workflow: path, now: now)
            let beto = try await community.activity(of: Self.beto.id, board: "semanal", workflow: path, now: now)
            return ana == 3 && beto == 3
        }

        // Monday 5 January 10:00 in Madrid + 6 d 14 h = Monday 12, 00:00.
        running.clock.advance(by: 6 * 86_400 + 14 * 3_600)
        let tops = Self.ids["tops"]!
        try await eventually("the TOP") { !E2E.requests(server, "POST", "/channels/\(tops)/messages").isEmpty }
        let top = try #require(E2E.body(E2E.requests(server, "POST", "/channels/\(tops)/messages")[0]))
        let embed = top["embeds"]?.array?.first
        #expect(embed?["title"]?.string == "🏆 TOP semanal de actividad")
        let ranking = embed?["description"]?.string ?? ""
        #expect(ranking.hasPrefix("🥇 <@\(Self.ana.id)> — **3**"), "\(ranking)")
        #expect(ranking.contains("🥈 <@\(Self.beto.id)> — **3**  (💬 1 · 😀 1 · ⭐ 1)"), "\(ranking)")
        let footer = embed?["footer"]?["text"]?.string ?? ""
        #expect(footer.hasPrefix("5 ") && footer.contains(" – 11 ") && footer.hasSuffix("2026 · 2 miembros activos"), "\(footer)")
        #expect(top["allowed_mentions"]?["parse"] == .array([]))

        // The counters start again; the past week stays readable.
        #expect(try await running.desk.community.activity(of: Self.ana.id, board: "semanal", workflow: Self.path(running), now: running.clock.now()) == 0)
        let past = try await E2E.callback(server, await server.command(
            "top", options: [("periods_ago", 4, "1")], in: Self.general, by: Self.beto, guild: Self.guild))
        #expect(past["data"]?["embeds"]?.array?.first?["description"]?.string == ranking)
        #expect(running.server.violations.isEmpty, "\(running.server.violations)")
        await running.stop()
    }

    @Test("an offer: the opening form, changes asked with a reason, approved with a reason, published as an embed; /stats")
    func offerReview() async throws {
        let running = try await Self.start()
        let server = running.server
        let panel = Self.ids["panel_soporte"]!
        try await eventually("the panel") { !E2E.requests(server, "POST", "/channels/\(panel)/messages").isEmpty }
        let click = await server.click("esc:menu", in: panel, by: Self.ana, values: ["oferta"], guild: Self.guild)
        let modal = try await E2E.callback(server, click)
        #expect(modal["type"]?.number == 9)
        await server.submit("esc:q:comunidad:oferta", values: ["titulo": "Bici", "precio": "120 €", "detalle": "Como nueva @everyone"],
                            in: panel, by: Self.ana, guild: Self.guild)
        try await eventually("the offer's channel") { try await running.desk.engine.ticket(id: 1)?.channelID != nil }
        let channel = try #require(try await running.desk.engine.ticket(id: 1)?.channelID)
        let moderator = [Self.ids["moderador"]!]

        let asksChanges = await server.click(CustomID.button(category: "oferta", button: "cambios").wire, in: channel, by: Self.mod, roles: moderator, guild: Self.guild)
        #expect(try await E2E.callback(server, asksChanges)["type"]?.number == 9, "the form is shown before it is answered")
        await server.submit("esc:f:motivo_cambios", values: ["motivo": "Añade fotos"], in: channel, by: Self.mod, roles: moderator, guild: Self.guild)
        try await eventually("changes asked") { try await running.desk.engine.ticket(id: 1)?.state.state == "cambios_pedidos" }
        let resends = await server.click(CustomID.button(category: "oferta", button: "reenviar").wire, in: channel, by: Self.ana, guild: Self.guild)
        #expect(try await E2E.callback(server, resends)["type"]?.number == 9, "the form is shown before it is answered")
        await server.submit("esc:f:nueva_oferta", values: ["titulo": "Bici", "precio": "100 €", "detalle": "Como nueva, con fotos"],
                            in: channel, by: Self.ana, guild: Self.guild)
        try await eventually("back to review") { try await running.desk.engine.ticket(id: 1)?.state.state == "pendiente" }
        let approves = await server.click(CustomID.button(category: "oferta", button: "aprobar").wire, in: channel, by: Self.mod, roles: moderator, guild: Self.guild)
        #expect(try await E2E.callback(server, approves)["type"]?.number == 9, "the form is shown before it is answered")
        await server.submit("esc:f:motivo_aprobacion", values: ["motivo": "Todo correcto"], in: channel, by: Self.mod, roles: moderator, guild: Self.guild)

        let offers = Self.ids["ofertas"]!
        try await eventually("the publication") { !E2E.requests(server, "POST", "/channels/\(offers)/messages").isEmpty }
        let published = try #require(E2E.body(E2E.requests(server, "POST", "/channels/\(offers)/messages")[0]))
        let card = published["embeds"]?.array?.first
        #expect(card?["title"]?.string == "Publicar una oferta")
        #expect(card?["author"]?["name"]?.string == "ana")
        #expect(card?["description"]?.string == "Como nueva, con fotos\n\nPrecio: 100 €")
        #expect(published["allowed_mentions"]?["parse"] == .array([]))

        // Who decided and why, in the ticket's history.
        let guild = Self.guild
        let history = try #require(try await running.desk.store.read { try $0.ticketAudit(guild: guild, number: 1) })
        #expect(history.contains { $0.actor == Self.mod.id && $0.action == "answered motivo_cambios" && $0.detail == "motivo: Añade fotos" })
        #expect(history.contains { $0.actor == Self.mod.id && $0.action == "answered motivo_aprobacion" && $0.detail == "motivo: Todo correcto" })
        #expect(history.contains { $0.actor == Self.ana.id && $0.action == "answered nueva_oferta" })

        let stats = try await E2E.callback(server, await server.command("stats", in: Self.general, by: Self.mod, roles: moderator, guild: Self.guild))
        let fields = stats["data"]?["embeds"]?.array?.first?["fields"]?.array ?? []
        #expect(fields.first?["value"]?.string?.hasPrefix("🆕 1 · ✅ 0 · ⏳ 1") == true, "\(fields)")
        #expect(fields.contains { $0["name"]?.string == "oferta" })
        #expect(running.server.violations.isEmpty, "\(running.server.violations)")
        await running.stop()
    }

    @Test("/help lists, privately and in the server's language, what that person may run: a member the community's commands and /ticket, staff theirs and the ticket tools too")
    func help() async throws {
        let running = try await Self.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let member = try await E2E.callback(server, await server.command("help", in: Self.general, by: Self.ana, guild: Self.guild))
        #expect(member["data"]?["flags"]?.number == 64, "only to them")
        let said = try #require(member["data"]?["content"]?.string)
        #expect(said.hasPrefix("Lo que puedes usar aquí:"), "\(said)")
        #expect(said.contains("• /rep — Da un punto de reputación a un miembro") && said.contains("• /top — ") && said.contains("• /ayuda — "))
        #expect(!said.contains("/estadisticas") && !said.contains("/auditoria"), "staff's commands are not a member's")
        #expect(said.contains("• /ticket — Abre un ticket"), "what the panel opens, from the command box")
        #expect(!said.contains("/añadir") && !said.contains("/transferir"), "staff's tools are not a member's")
        let staff = try await E2E.callback(server, await server.command("help", in: Self.general, by: Self.mod, roles: [Self.ids["moderador"]!],
                                                                        guild: Self.guild))
        let staffSaid = try #require(staff["data"]?["content"]?.string)
        #expect(staffSaid.contains("• /estadisticas — Estadísticas de tickets") && staffSaid.contains("• /auditoria — "), "\(staffSaid)")
        #expect(staffSaid.contains("• /añadir — Deja entrar a alguien") && staffSaid.contains("• /respuesta — ") && staffSaid.contains("• /mover — "),
                "the staff tools, in a ticket: \(staffSaid)")
        #expect(server.violations.isEmpty, "\(server.violations)")
        await running.stop()
    }

    static func path(_ running: E2E.Desk) -> String {
        (running.desk.configuration.workflowsFolder as NSString).appendingPathComponent("comunidad.flow")
    }
}
