import Application
import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import Synchronization
import Runtime
import TestSupport
import Testing
import WorkflowDSL

/// `escala run`'s code path (`EscalaApplication.run`) against the local Discord
/// server, with the role-play workflow: every request it sends is checked
/// against Discord's OpenAPI description.
@Suite("End to end: the role-play desk on a local Discord")
struct EndToEndTests {
    static let guild = "100000000000000001"
    static let roles = ["cm": "700000000000000001", "trainee": "700000000000000002", "moderator": "700000000000000003",
                        "admin": "700000000000000004", "manager": "700000000000000005", "senior_manager": "700000000000000006",
                        "owner": "700000000000000007", "developer": "700000000000000008", "programador": "700000000000000009"]
    static let channels = ["panel_tickets": "800000000000000001", "categoria_tickets": "800000000000000002",
                           "categoria_tickets_2": "800000000000000003", "chat_staff": "800000000000000004", "registros": "800000000000000005",
                           "categoria_tickets_3": "800000000000000006"]
    static let player = (id: "300000000000000001", name: "jugador")
    static let ana = (id: "300000000000000002", name: "ana")
    static let beto = (id: "300000000000000003", name: "beto")


    struct Desk {
        let server: LocalDiscord
        let application: EscalaApplication
        var desk: TicketDesk { application.desk }
        let clock: ManualClock
        let task: Task<Void, any Error>
        /// The workflows and the data folder of this run.
        let folder: URL

        /// Stops the desk and the server; the folder goes too unless a
        /// restart is to read it again.
        func stop(keepingFolder: Bool = false) async {
            await application.stop()
            _ = await task.result
            await server.stop()
            if !keepingFolder { try? FileManager.default.removeItem(at: folder) }
        }
    }

    /// A shipped workflow with made-up ids, in a fresh folder.
    static func workflowsFolder(_ name: String, ids: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-e2e-\(UUID().uuidString)")
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appendingPathComponent("workflows/\(name).flow"),
                                         to: workflows.appendingPathComponent("\(name).flow"))
        let lines = ids.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        try (lines.joined(separator: "\n") + "\n").write(to: workflows.appendingPathComponent("\(name).ids"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The shipped role-play workflow with made-up ids, in a fresh folder.
    static func workflowsFolder() throws -> URL {
        try workflowsFolder("roleplay", ids: roles.merging(channels) { first, _ in first })
    }

    static func start(folder: URL? = nil, configure: (inout DeskConfiguration) -> Void = { _ in }) async throws -> Desk {
        let folder = try folder ?? workflowsFolder()
        let server = try await LocalDiscord.start()
        // A virtual clock, so that a 12-hour silence takes no time.
        let clock = ManualClock(now: 1_767_603_600)
        var discord = DiscordConfiguration(token: BotToken("e2e-token"), apiBaseURL: server.apiBaseURL)
        discord.gatewayURL = URL(string: server.gatewayURL)
        var configuration = DeskConfiguration(guild: Snowflake(guild), workflowsFolder: folder.appendingPathComponent("workflows").path,
                                              dataFolder: folder.appendingPathComponent("data").path, discord: discord)
        configuration.clock = clock
        configure(&configuration)
        let application = try await EscalaApplication(configuration: configuration)
        let task = Task { try await application.run() }
        return Desk(server: server, application: application, clock: clock, task: task, folder: folder)
    }

    /// Discord's record of the bot's answer to an interaction, once sent.
    static func callback(_ server: LocalDiscord, _ interaction: String) async throws -> JSONValue {
        try await eventually("the answer to interaction \(interaction)") {
            server.received.contains { $0.path.hasPrefix("/interactions/\(interaction)/") }
        }
        return try #require(server.received.first { $0.path.hasPrefix("/interactions/\(interaction)/") }.flatMap(body))
    }

    /// Every message the bot said in a channel, in order: posted to it,
    /// or given as the answer to a click or form made in it.
    static func said(_ server: LocalDiscord, in channel: String) -> [JSONValue] {
        server.received.compactMap { request -> JSONValue? in
            if request.method == "POST", request.path == "/channels/\(channel)/messages" { return body(request) }
            let parts = request.path.split(separator: "/").map(String.init)
            guard parts.first == "interactions", parts.count == 4, server.channel(ofInteraction: parts[1]) == channel,
                  let answer = body(request), answer["type"]?.number == 4, let data = answer["data"],
                  Int(data["flags"]?.number ?? 0) & 64 == 0 else { return nil }
            return data
        }
    }

    static func body(_ request: LocalDiscord.Received) -> JSONValue? {
        request.body.flatMap { try? JSONValue.parse($0) }
    }

    static func requests(_ server: LocalDiscord, _ method: String, _ path: String) -> [LocalDiscord.Received] {
        server.received.filter { $0.method == method && $0.path == path }
    }

    @Test("panel, click, private channel, claim, an intruder deleted and tagged, escalation and rename, silence, transcript")
    func ticketLifecycle() async throws {
        let running = try await Self.start()
        let server = running.server
        let panelChannel = Self.channels["panel_tickets"]!

        // The panel is posted, with its menu of categories.
        try await eventually("the panel") { !Self.requests(server, "POST", "/channels/\(panelChannel)/messages").isEmpty }
        let panel = try #require(Self.body(Self.requests(server, "POST", "/channels/\(panelChannel)/messages")[0]))
        let menu = panel["components"]?.array?.first?["components"]?.array?.first
        #expect(menu?["custom_id"]?.string == "esc:menu:roleplay")
        #expect(menu?["options"]?.array?.contains { $0["value"]?.string == "consultas" } == true)
        try await eventually("the gateway session") { server.gateway.isReady }

        // A member picks Consultas: acknowledged, then a private channel.
        let click = await server.click("esc:menu:roleplay", in: panelChannel, by: Self.player, values: ["consultas"], guild: Self.guild)
        try await eventually("the channel") { try await running.desk.engine.ticket(id: 1)?.channelID != nil }
        let callback = try #require(server.received.first { $0.path.hasPrefix("/interactions/\(click)/") })
        #expect(Self.body(callback)?["type"]?.number == 5, "deferred within the 3 seconds")
        let creationRequest = try #require(Self.requests(server, "POST", "/guilds/\(Self.guild)/channels").first)
        let creation = try #require(Self.body(creationRequest))
        #expect(creation["name"]?.string == "consultas-1")
        #expect(creation["parent_id"]?.string == Self.channels["categoria_tickets"])
        let overwrites = creation["permission_overwrites"]?.array ?? []
        let everyone = overwrites.first { $0["id"]?.string == Self.guild }
        #expect(everyone?["deny"]?.string == "1024", "@everyone cannot see the ticket")
        #expect(overwrites.contains { $0["id"]?.string == Self.player.id && $0["type"]?.number == 1 })
        #expect(overwrites.contains { $0["id"]?.string == Self.roles["cm"] }, "the receiving rank sees it")
        #expect(overwrites.contains { $0["id"]?.string == "1" }, "and the bot")
        let channel = try #require(try await running.desk.engine.ticket(id: 1)?.channelID)
        try await eventually("the answer to the click") {
            Self.requests(server, "PATCH", "/webhooks/1/token-\(click)/messages/@original").contains {
                Self.body($0)?["content"]?.string?.contains("<#\(channel)>") == true
            }
        }
        try await eventually("the greeting") { !Self.requests(server, "POST", "/channels/\(channel)/messages").isEmpty }
        let greeting = try #require(Self.requests(server, "POST", "/channels/\(channel)/messages").first.flatMap(Self.body))
        #expect(greeting["content"]?.string?.hasPrefix("¡Buenos días!") == true)
        #expect(greeting["allowed_mentions"]?["parse"] == .array([]))
        let buttonIDs = greeting["components"]?.array?.flatMap { $0["components"]?.array ?? [] }.compactMap { $0["custom_id"]?.string } ?? []
        #expect(buttonIDs.contains(CustomID.button(category: "consultas", button: "devolucion").wire))

        // The member writes first; a CM answers and owns the ticket.
        await server.say("Perdí mis objetos al reiniciar @everyone", in: channel, by: Self.player, guild: Self.guild)
        await server.say("Hola <@\(Self.player.id)>, ¿qué objetos?", in: channel, by: Self.ana, roles: [Self.roles["cm"]!],
                         mentions: [Self.player.id], guild: Self.guild)
        try await eventually("ana owns the ticket") { try await running.desk.engine.ticket(id: 1)?.state.handler == Self.ana.id }

        // A third staff member's message is deleted, and they are tagged.
        let intruder = await server.say("Yo lo miro", in: channel, by: Self.beto, roles: [Self.roles["cm"]!], guild: Self.guild)
        try await eventually("the intruder's message deleted") { !Self.requests(server, "DELETE", "/channels/\(channel)/messages/\(intruder)").isEmpty }
        try await eventually("the intruder tagged") {
            Self.requests(server, "POST", "/channels/\(channel)/messages").contains {
                let body = Self.body($0)
                return body?["content"]?.string?.hasPrefix("<@\(Self.beto.id)>") == true
                    && body?["allowed_mentions"]?["users"] == .array([.string(Self.beto.id)])
            }
        }

        // The CM sends it to an administrator: renamed, shown, pinged. (A
        // press while the tag is still being recorded is answered without
        // a message, the message posted after the tag: wait for the record.)
        try await eventually("the tag recorded") { try await running.desk.store.outboxCounts()["pending"] ?? 0 == 0 }
        let press = await server.click(CustomID.button(category: "consultas", button: "devolucion").wire, in: channel, by: Self.ana,
                                       roles: [Self.roles["cm"]!], guild: Self.guild)
        try await eventually("renamed") {
            Self.requests(server, "PATCH", "/channels/\(channel)").contains { Self.body($0)?["name"]?.string == "dev_obj-1" }
        }
        let pressAnswer = try #require(server.received.first { $0.path.hasPrefix("/interactions/\(press)/") })
        // The escalation's message is the answer to the press itself: no
        // request against the global limit of its own.
        #expect(Self.body(pressAnswer)?["type"]?.number == 4)
        // Administrators (and every rank above CM) could see the channel
        // from its creation: the escalation changes no permission, so none
        // is sent again.
        let created = try #require(Self.requests(server, "POST", "/guilds/\(Self.guild)/channels").last.flatMap(Self.body))
        let allowed = Set((created["permission_overwrites"]?.array ?? []).compactMap { $0["id"]?.string })
        #expect(["cm", "admin", "manager", "owner"].allSatisfy { allowed.contains(Self.roles[$0]!) })
        try await eventually("the administrators pinged") {
            Self.said(server, in: channel).contains { $0["allowed_mentions"]?["roles"]?.array?.contains(.string(Self.roles["admin"]!)) == true }
        }
        // The Administrator role alone is pinged; the ranks above it see
        // the channel without being called.
        let ping = try #require(Self.said(server, in: channel).first {
            $0["allowed_mentions"]?["roles"]?.array?.contains(.string(Self.roles["admin"]!)) == true
        })
        #expect(ping["allowed_mentions"]?["roles"] == .array([.string(Self.roles["admin"]!)]))
        #expect(ping["content"]?.string == "<@&\(Self.roles["admin"]!)>")
        #expect(Self.requests(server, "PUT", "/channels/\(channel)/permissions/\(Self.roles["admin"]!)").isEmpty,
                "permission overwrites are sent only when they change")

        // The member stays silent 12 hours after the last mention: closed,
        // with a transcript in the log channel and in the database.
        running.clock.advance(by: 12 * 3_600 + 60)
        try await eventually("the channel deleted") {
            !Self.requests(server, "DELETE", "/channels/\(channel)").isEmpty
        }
        let upload = try #require(server.uploads.first { $0.channel == Self.channels["registros"] })
        #expect(upload.filename == "ticket-1.html")
        let html = String(decoding: upload.data, as: UTF8.self)
        #expect(html.contains("Perdí mis objetos al reiniciar"))
        #expect(html.contains("jugador"))
        // Escala's own words are in it too, from the engine's record: the
        // channel is not read back (a request against the global limit per
        // hundred messages at every close).
        #expect(html.contains("¡Buenos días! ¿Podrías explicar detalladamente cuál es tu inconveniente"))
        #expect(Self.requests(server, "GET", "/channels/\(channel)/messages").isEmpty)
        #expect(try await running.desk.store.transcript(ticketID: 1)?.contains("Perdí mis objetos") == true)
        #expect(try await running.desk.engine.ticket(id: 1)?.state.isClosed == true)

        #expect(server.violations == [], "every request matches Discord's API")
        await running.stop()
    }
}

@Suite("The desk: forms, refusals, overflow, restarts")
struct DeskBehaviourTests {
    typealias E2E = EndToEndTests

    static func ticketChannel(_ running: E2E.Desk, _ id: Int64) async throws -> String {
        try await eventually("ticket \(id)'s channel") { try await running.desk.engine.ticket(id: id)?.channelID != nil }
        return try #require(try await running.desk.engine.ticket(id: id)?.channelID)
    }

    /// The slash commands the desk registered, once it has.
    static func registeredCommands(_ server: LocalDiscord) async throws -> [JSONValue] {
        try await eventually("the commands") { !E2E.requests(server, "PUT", "/applications/1/guilds/\(E2E.guild)/commands").isEmpty }
        return try #require(E2E.body(E2E.requests(server, "PUT", "/applications/1/guilds/\(E2E.guild)/commands")[0])?.array)
    }

    /// The player opens a Consultas ticket and writes; Ana (a CM) answers
    /// and holds it. Its channel.
    static func ticketHeldByAna(_ running: E2E.Desk, saying words: String) async throws -> String {
        let server = running.server
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        let channel = try await ticketChannel(running, 1)
        await server.say(words, in: channel, by: E2E.player, guild: E2E.guild)
        await server.say("Te atiendo", in: channel, by: E2E.ana, roles: [E2E.roles["cm"]!], guild: E2E.guild)
        try await eventually("ana owns the ticket") { try await running.desk.engine.ticket(id: 1)?.state.handler == E2E.ana.id }
        return channel
    }

    @Test("a category with questions opens with a form; the answers reach the ticket")
    func openingForm() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let click = await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["reportes"], guild: E2E.guild)
        try await eventually("the form") { server.received.contains { $0.path.hasPrefix("/interactions/\(click)/") } }
        let modalRequest = try #require(server.received.first { $0.path.hasPrefix("/interactions/\(click)/") })
        let modal = try #require(E2E.body(modalRequest))
        #expect(modal["type"]?.number == 9)
        #expect(modal["data"]?["custom_id"]?.string == "esc:q:roleplay:reportes")
        let inputs = modal["data"]?["components"]?.array?.compactMap { $0["components"]?.array?.first?["custom_id"]?.string }
        #expect(inputs == ["reportado", "hechos"])
        let hechos = "Me insultó en el canal de voz y llamó a <@&\(E2E.roles["admin"]!)> @everyone"
        await server.submit("esc:q:roleplay:reportes", values: ["reportado": "Pepe", "hechos": hechos], in: E2E.channels["panel_tickets"]!,
                            by: E2E.player, guild: E2E.guild)
        let channel = try await Self.ticketChannel(running, 1)
        #expect(try await running.desk.engine.ticket(id: 1)?.state.answers == ["reportado": "Pepe", "hechos": hechos])
        // The first message in the ticket shows the answers to the staff
        // who come to it, question by question, under the greeting.
        try await eventually("the first message") { !E2E.requests(server, "POST", "/channels/\(channel)/messages").isEmpty }
        let first = try #require(E2E.requests(server, "POST", "/channels/\(channel)/messages").first.flatMap(E2E.body))
        let card = first["embeds"]?.array?.first
        #expect(card?["title"]?.string == "📝 Respuestas del formulario")
        #expect(card?["fields"]?.array?.map { [$0["name"]?.string, $0["value"]?.string] }
                == [["¿A quién reportas?", "Pepe"], ["¿Qué ocurrió?", hechos]])
        #expect(first["allowed_mentions"]?["roles"] == .array([]) && first["allowed_mentions"]?["parse"] == .array([]),
                "what the member wrote pings nobody")
        // The transcript has them too, in full.
        running.clock.advance(by: 13 * 3_600)
        try await eventually("the channel deleted") { !E2E.requests(server, "DELETE", "/channels/\(channel)").isEmpty }
        let html = try #require(try await running.desk.store.transcript(ticketID: 1))
        #expect(html.contains("<dt>¿Qué ocurrió?</dt><dd>Me insultó en el canal de voz"))
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a yes/no question is a menu in the opening form: the member picks, staff read the choice, the rule reads its name, a forged one counts for nothing")
    func choiceInTheOpeningForm() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let panel = E2E.channels["panel_tickets"]!
        let click = await server.click("esc:menu", in: panel, by: E2E.player, values: ["anticheat"], guild: E2E.guild)
        try await eventually("the form") { server.received.contains { $0.path.hasPrefix("/interactions/\(click)/") } }
        let modal = try #require(server.received.first { $0.path.hasPrefix("/interactions/\(click)/") }.flatMap(E2E.body))
        // Every field under its label; the anti-cheat question is a menu of its three choices.
        let fields = modal["data"]?["components"]?.array ?? []
        #expect(fields.count == 4 && fields.allSatisfy { $0["type"]?.number == 18 }, "\(fields)")
        let menu = try #require(fields.first { $0["component"]?["custom_id"]?.string == "fps_citizen" })
        #expect(menu["label"]?.string == "¿Instalaste hace poco archivos FPS/Citizen?")
        #expect(menu["component"]?["type"]?.number == 3)
        #expect(menu["component"]?["options"]?.array?.compactMap { $0["value"]?.string } == ["si", "no", "nose"])
        #expect(menu["component"]?["options"]?.array?.compactMap { $0["label"]?.string } == ["Sí", "No", "No lo sé"])
        #expect(server.violations == [], "Discord's OpenAPI takes the labelled form")

        func open(_ by: (id: String, name: String), choosing choice: String) async {
            await server.submit("esc:q:roleplay:anticheat", fields: [.text("ultimos_30s", "Conducía"), .text("terceros", "No"),
                                                                    .text("software", "Nada"), .select("fps_citizen", values: [choice])],
                                in: panel, by: by, guild: E2E.guild)
        }
        await open(E2E.player, choosing: "no")
        let channel = try await Self.ticketChannel(running, 1)
        #expect(try await running.desk.engine.ticket(id: 1)?.state.answers["fps_citizen"] == "no")
        try await eventually("the first message") { !E2E.requests(server, "POST", "/channels/\(channel)/messages").isEmpty }
        let first = try #require(E2E.requests(server, "POST", "/channels/\(channel)/messages").first)
        let card = E2E.body(first)?["embeds"]?.array?.first
        #expect(card?["fields"]?.array?.last.map { [$0["name"]?.string, $0["value"]?.string] } == ["¿Instalaste hace poco archivos FPS/Citizen?", "No"],
                "staff read the choice as the member saw it")
        // A choice the menu never offered (a forged payload) is as if left blank.
        await open(E2E.beto, choosing: "nunca")
        _ = try await Self.ticketChannel(running, 2)
        #expect(try await running.desk.engine.ticket(id: 2)?.state.answers["fps_citizen"] == nil)
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/transfer: the handler hands the ticket to a colleague named with the command, who is pinged and holds it; the old handler is now a third party")
    func transfer() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let cm = [E2E.roles["cm"]!]
        let commands = try await Self.registeredCommands(server)
        let registered = try #require(commands.first { $0["name"]?.string == "transfer" })
        #expect(registered["name_localizations"]?["es-ES"]?.string == "transferir")
        #expect(registered["options"]?.array?.first?["type"]?.number == 6 && registered["options"]?.array?.first?["required"] == .bool(true))

        let channel = try await Self.ticketHeldByAna(running, saying: "Perdí mis objetos")

        // Someone else may not; then the handler transfers it to Beto.
        let refused = try await E2E.callback(server, await server.command("transfer", options: [("member", 6, "\"\(E2E.beto.id)\"")], in: channel,
                                                                          by: E2E.beto, roles: cm, guild: E2E.guild,
                                                                          resolving: [(E2E.beto.id, E2E.beto.name, cm)]))
        #expect(refused["data"]?["flags"]?.number == 64 && refused["data"]?["content"]?.string?.hasPrefix("Solo <@\(E2E.ana.id)>") == true, "\(refused)")
        await server.command("transfer", options: [("member", 6, "\"\(E2E.beto.id)\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild,
                             resolving: [(E2E.beto.id, E2E.beto.name, cm)])
        try await eventually("beto holds the ticket") { try await running.desk.engine.ticket(id: 1)?.state.handler == E2E.beto.id }
        // Said in the ticket: as a message, or as the answer to the command (the step's first message answers it).
        func handover() -> JSONValue? {
            server.received.compactMap(E2E.body).map { $0["data"] ?? $0 }.first {
                $0["content"]?.string?.contains("ha transferido este ticket a <@\(E2E.beto.id)>") == true
            }
        }
        try await eventually("the handover said in the ticket") { handover() != nil }
        let said = handover()
        #expect(said?["allowed_mentions"]?["users"] == .array([.string(E2E.beto.id)]), "only the new handler is pinged")
        // Ana is now a third party: her message is taken down.
        let late = await server.say("Sigo yo", in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("ana's message deleted") { !E2E.requests(server, "DELETE", "/channels/\(channel)/messages/\(late)").isEmpty }
        let history = try await running.desk.engine.history(ofTicket: 1)
        #expect(history.contains { $0.kind == "transfer to \(E2E.beto.id)" && $0.actor == E2E.ana.id }, "the event log records who handed it to whom")
        // /tickets: the member reads their own, with who handles it now; another member's is staff's to ask.
        let own = try await E2E.callback(server, await server.command("tickets", in: E2E.channels["panel_tickets"]!, by: E2E.player, guild: E2E.guild))
        #expect(own["data"]?["flags"]?.number == 64)
        #expect(own["data"]?["content"]?.string?.contains("• #1 Consultas: abierto desde el 2026-01-05, lo atiende <@\(E2E.beto.id)>") == true, "\(own)")
        let other = try await E2E.callback(server, await server.command("tickets", options: [("member", 6, "\"\(E2E.ana.id)\"")],
                                                                        in: E2E.channels["panel_tickets"]!, by: E2E.player, guild: E2E.guild))
        #expect(other["data"]?["content"]?.string?.hasPrefix("Solo el staff") == true, "\(other)")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/add and /remove: the handler lets the reported player into the ticket (a member overwrite Discord shows them the channel by), who writes and is pinged; a bot, someone not in the server, or the ticket's own staff are refused; /remove takes the overwrite away")
    func guests() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let cm = [E2E.roles["cm"]!]
        let reported = (id: "300000000000000077", name: "pepe")
        server.addMember(id: reported.id, name: reported.name, roles: [])
        server.addMember(id: "300000000000000078", name: "otrobot", roles: [], bot: true)
        server.addMember(id: E2E.beto.id, name: E2E.beto.name, roles: cm)
        let commands = try await Self.registeredCommands(server)
        let add = try #require(commands.first { $0["name"]?.string == "add" })
        #expect(add["name_localizations"]?["es-ES"]?.string == "añadir" && add["description_localizations"]?["es-ES"]?.string?.isEmpty == false)
        #expect(commands.first { $0["name"]?.string == "remove" }?["name_localizations"]?["es-ES"]?.string == "quitar")

        let channel = try await Self.ticketHeldByAna(running, saying: "Pepe me insultó")
        func sees(_ member: String) -> Bool {
            server.guildChannels.first { $0["id"]?.string == channel }.map { server.canSee($0, member: member, roles: [], guild: E2E.guild) } ?? false
        }
        #expect(!sees(reported.id))
        func answer(_ who: (id: String, name: String), by person: (id: String, name: String) = E2E.ana, _ command: String = "add") async throws -> String {
            let reply = try await E2E.callback(server, await server.command(command, options: [("member", 6, "\"\(who.id)\"")], in: channel,
                                                                            by: person, roles: cm, guild: E2E.guild))
            return reply["data"]?["content"]?.string ?? "\(reply)"
        }
        #expect(try await answer(reported, by: E2E.beto).hasPrefix("Solo quien atiende el ticket o un Administrador"), "another CM may not: roleplay.flow allows it to the handler and admins")
        #expect(try await answer((id: "300000000000000078", name: "otrobot")) == "No se puede añadir un bot a un ticket.")
        #expect(try await answer((id: "300000000000000079", name: "fantasma")) == "<@300000000000000079> no está en este servidor.")
        #expect(try await answer(E2E.beto).hasSuffix("ya ve este ticket."), "a CM sees a ticket for CMs")
        #expect(try await answer(reported, "remove").hasSuffix("solo se puede quitar a quien se añadió."))

        await server.command("add", options: [("member", 6, "\"\(reported.id)\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("pepe sees the channel") { sees(reported.id) }
        func said(_ words: String) -> JSONValue? {
            server.received.compactMap(E2E.body).map { $0["data"] ?? $0 }.first { $0["content"]?.string?.contains(words) == true }
        }
        try await eventually("the guest announced") { said("ha añadido a <@\(reported.id)>") != nil }
        #expect(said("ha añadido a <@\(reported.id)>")?["allowed_mentions"]?["users"] == .array([.string(reported.id)]), "the guest is pinged, nobody else")
        let heard = await server.say("Yo no fui", in: channel, by: reported, guild: E2E.guild)
        try await eventually("pepe's message is in the ticket's record") {
            try await running.desk.engine.history(ofTicket: 1).contains { $0.actor == reported.id }
        }
        #expect(E2E.requests(server, "DELETE", "/channels/\(channel)/messages/\(heard)").isEmpty, "a guest writes freely")

        await server.command("remove", options: [("member", 6, "\"\(reported.id)\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("pepe no longer sees the channel") { !sees(reported.id) }
        #expect(!E2E.requests(server, "DELETE", "/channels/\(channel)/permissions/\(reported.id)").isEmpty)
        let history = try await running.desk.engine.history(ofTicket: 1)
        #expect(history.contains { $0.kind == "add \(reported.id)" && $0.actor == E2E.ana.id })
        #expect(history.contains { $0.kind == "remove \(reported.id)" && $0.actor == E2E.ana.id })
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/reply: registered with an autocompleted option; as the handler types, Discord shows the replies the engine offers (none to another CM); the reply is posted filled in, pinging nobody")
    func cannedReplies() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let cm = [E2E.roles["cm"]!]
        let commands = try await Self.registeredCommands(server)
        let reply = try #require(commands.first { $0["name"]?.string == "reply" })
        #expect(reply["name_localizations"]?["es-ES"]?.string == "respuesta")
        let option = reply["options"]?.array?.first
        #expect(option?["type"]?.number == 3 && option?["autocomplete"] == .bool(true) && option?["name_localizations"]?["es-ES"]?.string == "respuesta")

        let channel = try await Self.ticketHeldByAna(running, saying: "Me han robado el coche")

        func suggested(_ typed: String, by person: (id: String, name: String)) async throws -> [String] {
            let interaction = await server.autocomplete("reply", option: "reply", typed: typed, in: channel, by: person, roles: cm, guild: E2E.guild)
            try await eventually("the suggestions") { server.suggestions(ofInteraction: interaction) != nil }
            return server.suggestions(ofInteraction: interaction)?.map { "\($0.name)=\($0.value)" } ?? []
        }
        #expect(try await suggested("", by: E2E.ana) == ["Pedir pruebas=pruebas", "Pedir paciencia=esperar"])
        #expect(try await suggested("prue", by: E2E.ana) == ["Pedir pruebas=pruebas"])
        #expect(try await suggested("", by: E2E.beto) == [], "Beto may not send them: nothing is suggested to him")

        await server.command("reply", options: [("reply", 3, "\"pruebas\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        func posted() -> JSONValue? {
            server.received.compactMap(E2E.body).map { $0["data"] ?? $0 }.first { $0["content"]?.string?.contains("para revisar tu caso necesitamos pruebas") == true }
        }
        try await eventually("the reply posted") { posted() != nil }
        #expect(posted()?["content"]?.string?.hasPrefix("jugador, para revisar") == true, "\(String(describing: posted()))")
        #expect(posted()?["allowed_mentions"]?["users"]?.array?.isEmpty ?? true, "nobody is pinged")
        let history = try await running.desk.engine.history(ofTicket: 1)
        #expect(history.contains { $0.kind == "reply pruebas" && $0.actor == E2E.ana.id }, "the log says which reply was sent")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/move: the categories are suggested by label as the handler types; the ticket moves to Reportes (its channel renamed, its overwrites replaced in one request, the guest kept), and Reportes' rules take over")
    func move() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let cm = [E2E.roles["cm"]!]
        let commands = try await Self.registeredCommands(server)
        let move = try #require(commands.first { $0["name"]?.string == "move" })
        #expect(move["name_localizations"]?["es-ES"]?.string == "mover" && move["options"]?.array?.first?["autocomplete"] == .bool(true))
        let reported = (id: "300000000000000077", name: "pepe")
        server.addMember(id: reported.id, name: reported.name, roles: [])
        let channel = try await Self.ticketHeldByAna(running, saying: "Pepe me insultó en el chat")
        await server.command("add", options: [("member", 6, "\"\(reported.id)\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("pepe added") { try await running.desk.engine.ticket(id: 1)?.state.guests == [reported.id] }

        let typed = await server.autocomplete("move", option: "category", typed: "repor", in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("the suggestions") { server.suggestions(ofInteraction: typed) != nil }
        #expect(server.suggestions(ofInteraction: typed)?.map(\.value) == ["reportes"])
        #expect(server.suggestions(ofInteraction: typed)?.map(\.name) == ["Reportes"])

        await server.command("move", options: [("category", 3, "\"reportes\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("the ticket is a report") { try await running.desk.engine.ticket(id: 1)?.state.category == "reportes" }
        func channelJSON() -> JSONValue? { server.guildChannels.first { $0["id"]?.string == channel } }
        try await eventually("the channel renamed") { channelJSON()?["name"]?.string == "reportes-1" }
        let patches = E2E.requests(server, "PATCH", "/channels/\(channel)").compactMap(E2E.body).filter { $0["permission_overwrites"] != nil }
        #expect(patches.count == 1, "the place and the overwrites in one request")
        let ids = patches.first?["permission_overwrites"]?.array?.compactMap { $0["id"]?.string } ?? []
        #expect(ids.contains(E2E.player.id) && ids.contains(reported.id) && ids.contains(E2E.roles["cm"]!), "the member, the guest and Reportes' rank: \(ids)")
        #expect(server.canSee(try #require(channelJSON()), member: reported.id, roles: [], guild: E2E.guild))
        try await eventually("Reportes asks for its evidence") {
            E2E.said(server, in: channel).contains { $0["content"]?.string?.contains("Tus propias pruebas") == true }
        }
        let history = try await running.desk.engine.history(ofTicket: 1)
        #expect(history.contains { $0.kind == "move to reportes" && $0.actor == E2E.ana.id })
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/priority and /topic: the levels are suggested as the handler types (none to another CM); the level's mark leads the channel's name; /topic answers with a form whose text (cut to Discord's 1,024) becomes the channel's topic; a topic form nobody showed is refused")
    func priorityAndTopic() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let cm = [E2E.roles["cm"]!]
        let commands = try await Self.registeredCommands(server)
        let priority = try #require(commands.first { $0["name"]?.string == "priority" })
        #expect(priority["name_localizations"]?["es-ES"]?.string == "prioridad" && priority["options"]?.array?.first?["autocomplete"] == .bool(true))
        let topic = try #require(commands.first { $0["name"]?.string == "topic" })
        #expect(topic["name_localizations"]?["es-ES"]?.string == "tema" && topic["options"] == nil)
        let channel = try await Self.ticketHeldByAna(running, saying: "Me han robado los objetos")

        func suggested(_ typed: String, by person: (id: String, name: String)) async throws -> [String] {
            let interaction = await server.autocomplete("priority", option: "priority", typed: typed, in: channel, by: person, roles: cm, guild: E2E.guild)
            try await eventually("the suggestions") { server.suggestions(ofInteraction: interaction) != nil }
            return server.suggestions(ofInteraction: interaction)?.map { "\($0.name)=\($0.value)" } ?? []
        }
        #expect(try await suggested("", by: E2E.ana) == ["🔴 alta=alta", "🟡 media=media", "🟢 baja=baja"])
        #expect(try await suggested("al", by: E2E.ana) == ["🔴 alta=alta"])
        #expect(try await suggested("", by: E2E.beto) == [], "Beto does not hold it: nothing is suggested to him")

        await server.command("priority", options: [("priority", 3, "\"alta\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        func channelJSON() -> JSONValue? { server.guildChannels.first { $0["id"]?.string == channel } }
        try await eventually("the channel renamed") { channelJSON()?["name"]?.string == "🔴-consultas-1" }
        #expect(try await running.desk.engine.ticket(id: 1)?.state.priority == "alta")

        let asked = await server.command("topic", in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        let modal = try await E2E.callback(server, asked)
        #expect(modal["type"]?.number == 9 && modal["data"]?["custom_id"]?.string == CustomID.form(TicketMachine.topicForm).wire)
        let long = String(repeating: "Robo de objetos del inventario. ", count: 50)
        await server.submit(CustomID.form(TicketMachine.topicForm).wire, values: ["topic": long], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("the topic set") { channelJSON()?["topic"]?.string?.hasPrefix("Robo de objetos") == true }
        #expect(channelJSON()?["topic"]?.string?.unicodeScalars.count == 1_024, "cut to Discord's limit, not refused")
        let forged = await server.submit(CustomID.form(TicketMachine.topicForm).wire, values: ["topic": "Otra cosa"], in: channel, by: E2E.beto,
                                         roles: cm, guild: E2E.guild)
        #expect(try await E2E.callback(server, forged)["data"]?["flags"]?.number == 64, "refused privately")
        #expect(channelJSON()?["topic"]?.string?.hasPrefix("Robo de objetos") == true)
        let history = try await running.desk.engine.history(ofTicket: 1)
        #expect(history.contains { $0.kind == "priority alta" && $0.actor == E2E.ana.id })
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/close_inactive: registered with Spanish names; the categories an admin may close are suggested (none to a CM); the idle ticket closes through the close path (reason said, channel deleted), the one written in stays open; the answer says how many")
    func closeInactive() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let admin = (id: "300000000000000009", name: "jefa"), adminRoles = [E2E.roles["admin"]!], cm = [E2E.roles["cm"]!]
        let commands = try await Self.registeredCommands(server)
        let command = try #require(commands.first { $0["name"]?.string == "close_inactive" })
        #expect(command["name_localizations"]?["es-ES"]?.string == "cerrar_inactivos")
        #expect(command["options"]?.array?.compactMap { $0["name_localizations"]?["es-ES"]?.string } == ["categoria", "inactivo_desde", "motivo"])

        let idle = try await Self.ticketHeldByAna(running, saying: "¿Cómo cambio mi nombre?")
        let other = (id: "300000000000000008", name: "otro")
        server.addMember(id: other.id, name: other.name, roles: [])
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: other, values: ["consultas"], guild: E2E.guild)
        let active = try await Self.ticketChannel(running, 2)
        await server.say("¿Dónde está el mapa?", in: active, by: other, guild: E2E.guild)
        try await eventually("the question taken") { try await running.desk.engine.ticket(id: 2)?.state.lastUserMessageAt != nil }
        running.clock.advance(by: 6 * 86_400)
        await server.say("¿Sigue alguien ahí?", in: active, by: other, guild: E2E.guild)
        try await eventually("the message taken") { try await running.desk.engine.ticket(id: 2)?.state.lastUserMessageAt ?? 0 > 1_767_603_600 + 86_400 }
        running.clock.advance(by: 86_400)

        func suggested(by person: (id: String, name: String), roles: [String]) async throws -> [String] {
            let interaction = await server.autocomplete("close_inactive", option: "category", typed: "consul", in: E2E.channels["panel_tickets"]!,
                                                        by: person, roles: roles, guild: E2E.guild)
            try await eventually("the suggestions") { server.suggestions(ofInteraction: interaction) != nil }
            return server.suggestions(ofInteraction: interaction)?.map(\.name) ?? []
        }
        #expect(try await suggested(by: admin, roles: adminRoles) == ["Consultas"])
        #expect(try await suggested(by: E2E.ana, roles: cm) == [], "a CM may not: nothing is suggested to her")

        func run(by person: (id: String, name: String), roles: [String]) async throws -> String {
            let interaction = await server.command("close_inactive", options: [("category", 3, "\"consultas\""), ("idle_for", 3, "\"7d\""),
                                                                               ("reason", 3, "\"Sin respuesta en una semana\"")],
                                                   in: E2E.channels["panel_tickets"]!, by: person, roles: roles, guild: E2E.guild)
            func edited() -> String? {
                E2E.requests(server, "PATCH", "/webhooks/1/token-\(interaction)/messages/@original").compactMap(E2E.body).last?["content"]?.string
            }
            try await eventually("the answer") { edited() != nil }
            return edited() ?? ""
        }
        #expect(try await run(by: E2E.ana, roles: cm).hasPrefix("Solo"))
        #expect(try await running.desk.engine.ticket(id: 1)?.state.isClosed == false)
        #expect(try await run(by: admin, roles: adminRoles) == "Tickets de «Consultas» cerrados: 1.")
        await running.desk.drainNow()
        try await eventually("the idle channel deleted") { !E2E.requests(server, "DELETE", "/channels/\(idle)").isEmpty }
        #expect(try await running.desk.engine.ticket(id: 1)?.state.closeReason == "Sin respuesta en una semana")
        #expect(try await running.desk.engine.ticket(id: 2)?.state.isClosed == false, "written in a day ago: kept open")
        #expect(E2E.requests(server, "DELETE", "/channels/\(active)").isEmpty)
        let history = try await running.desk.engine.history(ofTicket: 1)
        #expect(history.contains { $0.kind == "close inactive" && $0.actor == admin.id })
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a workflow with `webhook` lines does not start without ESCALA_WEBHOOK_SECRET: the error names the line and the variable")
    func webhooksNeedTheirSecret() async throws {
        let folder = try E2E.workflowsFolder()
        let flow = folder.appendingPathComponent("workflows/roleplay.flow")
        let text = try String(contentsOf: flow, encoding: .utf8) + "\nwebhook \"https://example.org/escala\" on closed\n"
        try text.write(to: flow, atomically: true, encoding: .utf8)
        let discord = DiscordConfiguration(token: BotToken("e2e-token"), apiBaseURL: URL(string: "http://127.0.0.1:9/api/v10")!)
        let configuration = DeskConfiguration(guild: Snowflake(E2E.guild), workflowsFolder: folder.appendingPathComponent("workflows").path,
                                              dataFolder: folder.appendingPathComponent("data").path, discord: discord)
        do {
            _ = try await EscalaApplication(configuration: configuration)
            Issue.record("started without the secret")
        } catch {
            #expect(error.description.contains("ESCALA_WEBHOOK_SECRET") && error.description.contains("roleplay.flow:"), "\(error.description)")
        }
    }

    @Test("/ticket: a member opens from the command box what the panel opens, the categories suggested by label as they type; a form when the category asks questions; a category no panel opens is refused")
    func ticketCommand() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let commands = try await Self.registeredCommands(server)
        let ticket = try #require(commands.first { $0["name"]?.string == "ticket" })
        #expect(ticket["description_localizations"]?["es-ES"]?.string == "Abre un ticket")
        #expect(ticket["options"]?.array?.first?["autocomplete"] == .bool(true))
        let lobby = E2E.channels["panel_tickets"]!

        let typed = await server.autocomplete("ticket", option: "category", typed: "REPOR", in: lobby, by: E2E.player, guild: E2E.guild)
        try await eventually("the suggestions") { server.suggestions(ofInteraction: typed) != nil }
        let suggested = try #require(server.suggestions(ofInteraction: typed))
        #expect(suggested.map(\.name) == ["Reportes"])
        let all = await server.autocomplete("ticket", option: "category", typed: "", in: lobby, by: E2E.player, guild: E2E.guild)
        try await eventually("every category") { server.suggestions(ofInteraction: all) != nil }
        #expect(server.suggestions(ofInteraction: all)?.count == 10, "the ten the panel opens")

        // Reportes asks questions: the same form as the panel's.
        await server.command("ticket", options: [("category", 3, "\"\(suggested[0].value)\"")], in: lobby, by: E2E.player, guild: E2E.guild)
        try await eventually("the opening form") { server.openModal(of: E2E.player.id) != nil }
        #expect(server.openModal(of: E2E.player.id)?.json.contains("reportado") == true)
        server.dismissModal(of: E2E.player.id)
        // Consultas asks none: the ticket opens at once.
        await server.command("ticket", options: [("category", 3, "\"consultas\"")], in: lobby, by: E2E.player, guild: E2E.guild)
        _ = try await Self.ticketChannel(running, 1)
        #expect(try await running.desk.engine.ticket(id: 1)?.state.category == "consultas")
        let refused = try await E2E.callback(server, await server.command("ticket", options: [("category", 3, "\"nada\"")], in: lobby,
                                                                          by: E2E.player, guild: E2E.guild))
        #expect(refused["data"]?["content"]?.string == "No hay ningún «nada» que abrir: elige una de las sugerencias.")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("`transcript to user`: at close the member gets the transcript by direct message; a member whose DMs are closed (50007) is not asked again, and staff are not bothered")
    func transcriptToMember() async throws {
        let folder = try E2E.workflowsFolder()
        let flow = folder.appendingPathComponent("workflows/roleplay.flow")
        let source = try String(contentsOf: flow, encoding: .utf8)
        try source.replacingOccurrences(of: "  transcript to registros\n", with: "  transcript to registros\n  transcript to user\n")
            .write(to: flow, atomically: true, encoding: .utf8)
        let running = try await E2E.start(folder: folder)
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let closed = (id: "300000000000000088", name: "cerrado")
        server.closeDirectMessages(of: closed.id)
        for member in [E2E.player, closed] {
            await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: member, values: ["consultas"], guild: E2E.guild)
        }
        _ = try await Self.ticketChannel(running, 1)
        _ = try await Self.ticketChannel(running, 2)
        // Neither says why they opened it: 15 minutes later both close.
        running.clock.advance(by: 16 * 60)
        try await eventually("both closed") {
            let first = try await running.desk.engine.ticket(id: 1)?.state.isClosed == true
            let second = try await running.desk.engine.ticket(id: 2)?.state.isClosed == true
            return first && second
        }
        try await eventually("the member's copy") { !server.directMessages(to: E2E.player.id).isEmpty }
        let copy = try #require(server.directMessages(to: E2E.player.id).first)
        #expect(copy["content"]?.string == "Consultas #1")
        #expect(copy["attachments"]?.array?.first?["filename"]?.string == "ticket-1.html")
        await running.desk.drainNow()
        running.clock.advance(by: 3_600)
        await running.desk.drainNow()
        #expect(server.directMessages(to: closed.id).isEmpty)
        let attempts = server.received.filter { $0.method == "POST" && $0.path == "/users/@me/channels" && E2E.body($0)?["recipient_id"]?.string == closed.id }
        #expect(attempts.count == 1, "asked once, never again")
        #expect(!server.messages(in: E2E.channels["registros"]!).contains { $0.content.contains("set aside") || $0.content.contains("apartad") },
                "staff are not told about a member's closed DMs")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/transcript N: a closed ticket's transcript by direct message to its member or the staff it is for; anyone else, an open ticket or a number no ticket has is told why, privately")
    func transcriptCommand() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let commands = try await Self.registeredCommands(server)
        #expect(commands.first { $0["name"]?.string == "transcript" }?["name_localizations"]?["es-ES"]?.string == "transcripcion")
        let lobby = E2E.channels["panel_tickets"]!
        await server.click("esc:menu", in: lobby, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        _ = try await Self.ticketChannel(running, 1)
        running.clock.advance(by: 16 * 60) // no reason given: closed
        try await eventually("closed") { try await running.desk.engine.ticket(id: 1)?.state.isClosed == true }
        await server.click("esc:menu", in: lobby, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        _ = try await Self.ticketChannel(running, 2)

        func ask(_ number: String, by person: (id: String, name: String), roles: [String] = []) async throws -> String {
            let interaction = await server.command("transcript", options: [("number", 4, number)], in: lobby, by: person, roles: roles, guild: E2E.guild)
            try await eventually("the answer") {
                E2E.requests(server, "PATCH", "/webhooks/1/token-\(interaction)/messages/@original").contains { E2E.body($0)?["content"] != nil }
            }
            let edit = try #require(E2E.requests(server, "PATCH", "/webhooks/1/token-\(interaction)/messages/@original").compactMap(E2E.body).last)
            return edit["content"]?.string ?? ""
        }
        #expect(try await ask("1", by: E2E.player) == "Te he enviado la transcripción del ticket #1 por mensaje directo.")
        let copy = try #require(server.directMessages(to: E2E.player.id).last)
        #expect(copy["attachments"]?.array?.first?["filename"]?.string == "ticket-1.html")
        #expect(try await ask("1", by: E2E.beto) == "Solo su miembro y el staff al que va pueden leer el ticket #1.", "another member")
        #expect(try await ask("1", by: E2E.ana, roles: [E2E.roles["cm"]!]).hasPrefix("Te he enviado"), "a CM: Consultas is for CMs")
        #expect(try await ask("2", by: E2E.player) == "El ticket #2 sigue abierto: su conversación está en su canal.")
        #expect(try await ask("9007199254740993", by: E2E.player) == "No hay ningún ticket #9007199254740993 en este servidor.")
        #expect(server.directMessages(to: E2E.beto.id).isEmpty)
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("«Reportar mensaje»: the message menu item is registered in Spanish; using it on Pepe's insult opens Reportes through its form with the message captured whole, kept after Pepe deletes it, shown by a button to the ticket's staff and its member, never to Pepe once added, nor to another member; reporting one's own message is refused")
    func reportMessage() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let commands = try await Self.registeredCommands(server)
        let item = try #require(commands.first { $0["type"]?.number == 3 })
        #expect(item["name"]?.string == "Report message" && item["name_localizations"]?["es-ES"]?.string == "Reportar mensaje")
        #expect(item["description"]?.string == "", "Discord wants a menu item's description empty")
        let cm = [E2E.roles["cm"]!]
        let pepe = (id: "300000000000000077", name: "pepe")
        server.addMember(id: pepe.id, name: pepe.name, roles: [])
        let general = "800000000000000099"
        let insult = String(repeating: "eres un inútil ", count: 200) // 3,000 characters: more than a private answer holds
        let message = await server.say(insult, in: general, by: pepe, attachments: ["captura.png"], guild: E2E.guild)

        let own = try #require(await server.useMessageMenu("Report message", on: message, in: general, by: pepe, guild: E2E.guild))
        let form = try await E2E.callback(server, own)
        #expect(form["type"]?.number == 9 && form["data"]?["custom_id"]?.string == "esc:r:roleplay:reportes:\(message)", "\(form)")
        await server.submit("esc:r:roleplay:reportes:\(message)", values: ["reportado": "yo", "hechos": "nada"], in: general, by: pepe, guild: E2E.guild)
        try await eventually("pepe refused") {
            server.received.contains { E2E.body($0)?["data"]?["content"]?.string == "No puedes reportar tu propio mensaje." }
        }

        let used = try #require(await server.useMessageMenu("Report message", on: message, in: general, by: E2E.player, guild: E2E.guild))
        _ = try await E2E.callback(server, used)
        await server.deleteMessageByHand(message, in: general)
        await server.submit("esc:r:roleplay:reportes:\(message)", values: ["reportado": "Pepe", "hechos": "Me insultó en #general"], in: general,
                            by: E2E.player, guild: E2E.guild)
        let channel = try await Self.ticketChannel(running, 1)
        let ticket = try #require(try await running.desk.engine.ticket(id: 1))
        #expect(ticket.state.category == "reportes" && ticket.state.owner == E2E.player.id)
        #expect(ticket.state.reported?.text == insult && ticket.state.reported?.author == pepe.id, "captured whole, though Pepe deleted it")
        #expect(ticket.state.reported?.link == "https://discord.com/channels/\(E2E.guild)/\(general)/\(message)")
        #expect(ticket.state.reported?.attachments.first?.hasSuffix("captura.png") == true)
        let button = CustomID.button(category: "reportes", button: TicketMachine.reportedMessageButton).wire
        try await eventually("the notice and its button in the ticket") {
            E2E.requests(server, "POST", "/channels/\(channel)/messages").compactMap(E2E.body).contains {
                $0["content"]?.string?.hasPrefix("📌 Este ticket reporta un mensaje.") == true
                    && $0["components"]?.array?.first?["components"]?.array?.first?["label"]?.string == "Ver el mensaje reportado"
            }
        }
        let posted = E2E.requests(server, "POST", "/channels/\(channel)/messages").compactMap(E2E.body).compactMap { $0["content"]?.string }
        #expect(!posted.contains { $0.contains("inútil") }, "the channel never shows the reported text")

        func pressed(by person: (id: String, name: String), roles: [String] = []) async throws -> String {
            let click = await server.click(button, in: channel, by: person, roles: roles, guild: E2E.guild)
            let answer = try await E2E.callback(server, click)
            #expect(answer["data"]?["flags"]?.number == 64, "privately")
            #expect(answer["data"]?["allowed_mentions"]?["parse"]?.array?.isEmpty ?? true)
            return answer["data"]?["content"]?.string ?? ""
        }
        let shown = try await pressed(by: E2E.ana, roles: cm)
        #expect(shown.hasPrefix("Mensaje de <@\(pepe.id)> en <#\(general)>, enviado el 2026-01-05 09:00 UTC (su comienzo"), "\(shown)")
        #expect(shown.contains("> eres un inútil") && shown.contains("captura.png") && shown.count <= 2000)
        #expect(try await pressed(by: E2E.player).hasPrefix("Mensaje de"), "the member who reported it")
        #expect(try await pressed(by: E2E.beto) == "Solo el staff de este ticket puede ver el mensaje reportado.")
        await server.say("Os dejo la captura", in: channel, by: E2E.player, attachments: ["mia.png"], guild: E2E.guild)
        await server.say("Te atiendo", in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("ana handles it") { try await running.desk.engine.ticket(id: 1)?.state.handler == E2E.ana.id }
        await server.command("add", options: [("member", 6, "\"\(pepe.id)\"")], in: channel, by: E2E.ana, roles: cm, guild: E2E.guild)
        try await eventually("pepe added to be heard") { try await running.desk.engine.ticket(id: 1)?.state.guests == [pepe.id] }
        #expect(try await pressed(by: pepe) == "Solo el staff de este ticket puede ver el mensaje reportado.", "the reported person, as a guest")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("/bloquear: registered in Spanish with its options; a CM is refused, a Moderador blocks the player for a day; the panel, /ticket, the message menu and a button of an old panel all answer the player privately with the reason and until when; after the day the panel opens; /desbloquear lifts a block without end; the audit has both")
    func blocklist() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let commands = try await Self.registeredCommands(server)
        let block = try #require(commands.first { $0["name"]?.string == "block" })
        #expect(block["name_localizations"]?["es-ES"]?.string == "bloquear")
        #expect(block["options"]?.array?.compactMap { $0["name_localizations"]?["es-ES"]?.string } == ["miembro", "motivo", "duracion"])
        #expect(commands.first { $0["name"]?.string == "unblock" }?["name_localizations"]?["es-ES"]?.string == "desbloquear")
        let lobby = E2E.channels["panel_tickets"]!
        func answer(_ interaction: String) async throws -> String {
            try await E2E.callback(server, interaction)["data"]?["content"]?.string ?? ""
        }
        let options: [(name: String, type: Int, json: String)] = [("member", 6, "\"\(E2E.player.id)\""), ("reason", 3, "\"Tickets de broma\""),
                                                                  ("duration", 3, "\"1d\"")]
        #expect(try await answer(await server.command("block", options: options, in: lobby, by: E2E.ana, roles: [E2E.roles["cm"]!],
                                                       guild: E2E.guild)).hasPrefix("Solo un Moderador"))
        let marta = (id: "300000000000000009", name: "marta")
        #expect(try await answer(await server.command("block", options: options, in: lobby, by: marta, roles: [E2E.roles["moderator"]!],
                                                       guild: E2E.guild)) == "<@\(E2E.player.id)> ya no puede abrir tickets hasta el 2026-01-06 09:00 UTC.")

        let refusal = "No puedes abrir tickets en este servidor hasta el 2026-01-06 09:00 UTC: Tickets de broma."
        #expect(try await answer(await server.click("esc:menu", in: lobby, by: E2E.player, values: ["consultas"], guild: E2E.guild)) == refusal)
        #expect(try await answer(await server.click("esc:o:consultas", in: lobby, by: E2E.player, guild: E2E.guild)) == refusal, "an old panel's button")
        #expect(try await answer(await server.command("ticket", options: [("category", 3, "\"roleplay:consultas\"")], in: lobby, by: E2E.player,
                                                       guild: E2E.guild)) == refusal)
        let message = await server.say("mira esto", in: lobby, by: E2E.ana, guild: E2E.guild)
        let menu = try #require(await server.useMessageMenu("Report message", on: message, in: lobby, by: E2E.player, guild: E2E.guild))
        _ = try await E2E.callback(server, menu) // Reportes asks its questions first
        await server.submit("esc:r:roleplay:reportes:\(message)", values: ["reportado": "ana", "hechos": "nada"], in: lobby, by: E2E.player,
                            guild: E2E.guild)
        try await eventually("the report refused") { server.received.contains { E2E.body($0)?["data"]?["content"]?.string == refusal } }
        #expect(try await running.desk.engine.tickets().isEmpty)

        running.clock.advance(by: 86_400)
        await server.click("esc:menu", in: lobby, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        _ = try await Self.ticketChannel(running, 1)

        let forever: [(name: String, type: Int, json: String)] = [("member", 6, "\"\(E2E.beto.id)\""), ("reason", 3, "\"Insultos\"")]
        #expect(try await answer(await server.command("block", options: forever, in: lobby, by: marta, roles: [E2E.roles["moderator"]!],
                                                       guild: E2E.guild)).hasSuffix("hasta que alguien lo desbloquee."))
        #expect(try await answer(await server.command("unblock", options: [("member", 6, "\"\(E2E.beto.id)\"")], in: lobby, by: marta,
                                                       roles: [E2E.roles["moderator"]!], guild: E2E.guild)) == "<@\(E2E.beto.id)> puede volver a abrir tickets.")
        let audit = try await running.desk.store.read { try $0.auditOutsideTickets(actions: nil, limit: 20) }
        #expect(audit.contains { $0.action == "blocked" && $0.actor == marta.id && $0.detail.hasPrefix("\(E2E.player.id) until 2026-01-06 09:00 UTC") })
        #expect(audit.contains { $0.action == "unblocked" && $0.detail == E2E.beto.id })
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("«Abrir ticket para…»: registered in a member's menu in Spanish; a CM is offered the categories a CM may open, picks Consultas, and the ticket opens owned by the player, who is pinged and told who opened it; a member is offered nothing; a bot is refused")
    func openForMember() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let commands = try await Self.registeredCommands(server)
        let item = try #require(commands.first { $0["type"]?.number == 2 })
        #expect(item["name"]?.string == "Open a ticket for…" && item["name_localizations"]?["es-ES"]?.string == "Abrir ticket para…")
        let lobby = E2E.channels["panel_tickets"]!
        let cm = [E2E.roles["cm"]!]
        server.addMember(id: E2E.player.id, name: E2E.player.name, roles: [])

        let offer = try await E2E.callback(server, await server.useUserMenu("Open a ticket for…", on: E2E.player, in: lobby, by: E2E.ana, roles: cm,
                                                                         guild: E2E.guild))
        #expect(offer["data"]?["flags"]?.number == 64 && offer["data"]?["content"]?.string == "¿Qué ticket abres para <@\(E2E.player.id)>?")
        let menu = offer["data"]?["components"]?.array?.first?["components"]?.array?.first
        #expect(menu?["custom_id"]?.string == "esc:for:\(E2E.player.id)")
        let values = menu?["options"]?.array?.compactMap { $0["value"]?.string } ?? []
        #expect(values.contains("roleplay:consultas") && values.contains("roleplay:reportes"))
        #expect(!values.contains("roleplay:eventos"), "Eventos goes to staff above a CM: \(values)")

        let pick = await server.click("esc:for:\(E2E.player.id)", in: lobby, by: E2E.ana, roles: cm, values: ["roleplay:consultas"], guild: E2E.guild)
        let channel = try await Self.ticketChannel(running, 1)
        let ticket = try #require(try await running.desk.engine.ticket(id: 1))
        #expect(ticket.state.owner == E2E.player.id && ticket.state.openedBy == E2E.ana.id && ticket.state.category == "consultas")
        try await eventually("the player told who opened it") {
            E2E.requests(server, "POST", "/channels/\(channel)/messages").compactMap(E2E.body).contains {
                $0["content"]?.string?.contains("<@\(E2E.ana.id)> ha abierto este ticket para <@\(E2E.player.id)>") == true
                    && $0["allowed_mentions"]?["users"]?.array?.contains(.string(E2E.player.id)) == true
            }
        }
        try await eventually("ana told where") {
            E2E.requests(server, "PATCH", "/webhooks/1/token-\(pick)/messages/@original").contains {
                E2E.body($0)?["content"]?.string == "Ticket abierto: <#\(channel)>"
            }
        }
        let overwrites = server.guildChannels.first { $0["id"]?.string == channel }?["permission_overwrites"]?.array ?? []
        #expect(overwrites.contains { $0["id"]?.string == E2E.player.id }, "the member sees their ticket")

        let none = try await E2E.callback(server, await server.useUserMenu("Open a ticket for…", on: E2E.ana, in: lobby, by: E2E.beto, guild: E2E.guild))
        #expect(none["data"]?["content"]?.string == "No hay ninguna categoría que puedas abrir para un miembro.")
        let robot = (id: "300000000000000088", name: "robot")
        server.addMember(id: robot.id, name: robot.name, roles: [], bot: true)
        let refused = await server.click("esc:for:\(robot.id)", in: lobby, by: E2E.ana, roles: cm, values: ["roleplay:consultas"], guild: E2E.guild)
        #expect(try await E2E.callback(server, refused)["data"]?["content"]?.string == "No se puede añadir un bot a un ticket.")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a member and staff whose Discord is in English read Spanish everywhere on a Spanish-only workflow")
    func oneLanguagePerTicket() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let english = "en-US"
        func answer(_ interaction: String) async throws -> JSONValue { try await E2E.callback(server, interaction) }
        let panel = E2E.channels["panel_tickets"]!
        _ = try await answer(await server.click("esc:menu", in: panel, by: E2E.player, values: ["reportes"], guild: E2E.guild, locale: english))
        let opened = await server.submit("esc:q:roleplay:reportes", values: ["reportado": "Pepe", "hechos": "Me insultó"], in: panel,
                                         by: E2E.player, guild: E2E.guild, locale: english)
        let channel = try await Self.ticketChannel(running, 1)
        try await eventually("the opening confirmed") {
            E2E.requests(server, "PATCH", "/webhooks/1/token-\(opened)/messages/@original").contains {
                E2E.body($0)?["content"]?.string == "Ticket abierto: <#\(channel)>"
            }
        }
        try await eventually("the evidence asked for") {
            E2E.requests(server, "POST", "/channels/\(channel)/messages").contains {
                E2E.body($0)?["content"]?.string?.hasPrefix("Para continuar, envía en este canal:") == true
            }
        }
        // A refusal, to the member and to staff.
        let refused = try await answer(await server.click(CustomID.button(category: "reportes", button: "a_trainee").wire, in: channel,
                                                          by: E2E.player, guild: E2E.guild, locale: english))
        #expect(refused["data"]?["content"]?.string?.hasPrefix("Solo ") == true, "\(refused)")
        await server.say("Hola", in: channel, by: E2E.player, guild: E2E.guild)
        let cm = (id: "300000000000000002", name: "ana")
        await server.say("Te atiendo", in: channel, by: cm, roles: [E2E.roles["cm"]!], guild: E2E.guild)
        try await eventually("the CM handles it") { try await running.desk.engine.ticket(id: 1)?.state.handler == cm.id }
        // A mandatory step's refusal, then the close-reason form, to staff
        // whose Discord is in English.
        let early = try await answer(await server.click(CustomID.button(category: "reportes", button: "cerrar").wire, in: channel,
                                                        by: cm, roles: [E2E.roles["cm"]!], guild: E2E.guild, locale: english))
        #expect(early["data"]?["content"]?.string == "Antes de cerrar el ticket hay que elevarlo a un Trainee.")
        _ = try await answer(await server.click(CustomID.button(category: "reportes", button: "a_trainee").wire, in: channel,
                                                by: cm, roles: [E2E.roles["cm"]!], guild: E2E.guild, locale: english))
        let trainee = (id: "300000000000000003", name: "carla")
        await server.say("Llevo yo el reporte", in: channel, by: trainee, roles: [E2E.roles["trainee"]!], guild: E2E.guild)
        try await eventually("the Trainee handles it") { try await running.desk.engine.ticket(id: 1)?.state.handler == trainee.id }
        let form = try await answer(await server.click(CustomID.button(category: "reportes", button: "cerrar").wire, in: channel,
                                                       by: trainee, roles: [E2E.roles["trainee"]!], guild: E2E.guild, locale: english))
        #expect(form["type"]?.number == 9)
        #expect(form["data"]?["title"]?.string == "Motivo del cierre")
        // A ticket's button where there is no ticket.
        let outside = try await answer(await server.click(CustomID.button(category: "reportes", button: "cerrar").wire, in: panel,
                                                          by: E2E.player, guild: E2E.guild, locale: english))
        #expect(outside["data"]?["content"]?.string == "Esto solo funciona dentro de un ticket.")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("the farewell question comes before the close: an answer keeps the ticket open, «no» closes it, silence closes it")
    func farewellWaits() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        let channel = try await Self.ticketChannel(running, 1)
        let cm = (id: "300000000000000002", name: "ana")
        await server.say("Hola, una duda", in: channel, by: E2E.player, guild: E2E.guild)
        await server.say("Te atiendo", in: channel, by: cm, roles: [E2E.roles["cm"]!], guild: E2E.guild)
        try await eventually("the CM handles it") { try await running.desk.engine.ticket(id: 1)?.state.handler == cm.id }
        func close() async throws {
            let form = await server.click(CustomID.button(category: "consultas", button: "cerrar").wire, in: channel, by: cm,
                                          roles: [E2E.roles["cm"]!], guild: E2E.guild)
            _ = try await E2E.callback(server, form)
            await server.submit(CustomID.form(TicketMachine.closeReasonForm).wire, values: ["reason": "Resuelta"], in: channel, by: cm,
                                roles: [E2E.roles["cm"]!], guild: E2E.guild)
            try await eventually("the question") { try await running.desk.engine.ticket(id: 1)?.state.pendingClose != nil }
        }
        try await close()
        // The question answers the close form (no request against the
        // global limit of its own), and pings the member.
        let questions = { E2E.said(server, in: channel).filter {
            $0["content"]?.string == "Antes de cerrar el ticket, ¿hay algo más en lo que pueda ayudarte?"
        } }
        try await eventually("the question in the channel") { questions().count == 1 }
        #expect(questions()[0]["allowed_mentions"]?["users"] == .array([.string(E2E.player.id)]))
        #expect(server.messages(in: channel).contains { $0.content.hasPrefix("Antes de cerrar el ticket") })
        // An answer keeps it open.
        await server.say("Sí, otra cosa: ¿y el coche?", in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the wait over") { try await running.desk.engine.ticket(id: 1)?.state.pendingClose == nil }
        running.clock.advance(by: 15 * 60)
        await running.desk.drainNow()
        #expect(try await running.desk.engine.ticket(id: 1)?.state.isClosed == false)
        #expect(E2E.requests(server, "DELETE", "/channels/\(channel)").isEmpty)
        // Asked again; «no» closes.
        try await close()
        try await eventually("asked twice") { questions().count == 2 }
        await server.say("No, gracias", in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the channel deleted") { !E2E.requests(server, "DELETE", "/channels/\(channel)").isEmpty }
        #expect(try await running.desk.engine.ticket(id: 1)?.state.closeReason == "Resuelta")
        #expect(server.violations == [])
        await running.stop()
    }

    @Test("a button pressed by someone not allowed gets a private refusal that says who may")
    func refusal() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        let channel = try await Self.ticketChannel(running, 1)
        let press = await server.click(CustomID.button(category: "consultas", button: "devolucion").wire, in: channel, by: E2E.player, guild: E2E.guild)
        try await eventually("the refusal") { server.received.contains { $0.path.hasPrefix("/interactions/\(press)/") } }
        let answerRequest = try #require(server.received.first { $0.path.hasPrefix("/interactions/\(press)/") })
        let answer = try #require(E2E.body(answerRequest))
        #expect(answer["type"]?.number == 4)
        #expect(answer["data"]?["flags"]?.number == 64, "only the clicker sees it")
        #expect(answer["data"]?["content"]?.string == "Solo un CM o un rango superior puede hacer esto.", "the rank by the name the workflow gives it")
        #expect(try await running.desk.engine.ticket(id: 1)?.state.assignedTo == nil)
        await running.stop()
    }

    @Test("a full Discord category (50 channels) sends the next ticket to the overflow category")
    func overflow() async throws {
        let running = try await E2E.start()
        let server = running.server
        for index in 0..<50 {
            server.addChannel(id: String(810_000_000_000_000_000 + index), name: "lleno-\(index)", parent: E2E.channels["categoria_tickets"], guild: E2E.guild)
        }
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        _ = try await Self.ticketChannel(running, 1)
        let creation = try #require(E2E.requests(server, "POST", "/guilds/\(E2E.guild)/channels").first.flatMap(E2E.body))
        #expect(creation["parent_id"]?.string == E2E.channels["categoria_tickets_2"])
        await running.stop()
    }

    @Test("after a restart the panel is edited in place, and a ticket whose channel was deleted meanwhile is closed")
    func restart() async throws {
        let folder = try E2E.workflowsFolder()
        let first = try await E2E.start(folder: folder)
        try await eventually("the gateway session") { first.server.gateway.isReady }
        await first.server.click("esc:menu", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        let channel = try await Self.ticketChannel(first, 1)
        #expect(E2E.requests(first.server, "POST", "/channels/\(E2E.channels["panel_tickets"]!)/messages").count == 1)
        await first.stop(keepingFolder: true)

        // A new process, a new (empty) server: the ticket's channel is gone.
        let second = try await E2E.start(folder: folder)
        try await eventually("the gateway session") { second.server.gateway.isReady }
        #expect(E2E.requests(second.server, "POST", "/channels/\(E2E.channels["panel_tickets"]!)/messages").isEmpty, "not posted twice")
        #expect(second.server.received.contains { $0.method == "PATCH" && $0.path.hasPrefix("/channels/\(E2E.channels["panel_tickets"]!)/messages/") })
        try await eventually("the orphaned ticket closed") { try await second.desk.engine.ticket(id: 1)?.state.isClosed == true }
        #expect(try await second.desk.engine.ticket(id: 1)?.channelID == channel)
        await second.stop()
    }

    @Test("a category in thread mode opens a private thread in its channel, with the member invited")
    func threadMode() async throws {
        let ids = ["support_agent": "710000000000000001", "moderateur": "710000000000000002", "admin": "710000000000000003",
                   "panel_support": "820000000000000001", "tickets": "820000000000000002", "appels": "820000000000000003",
                   "alertes_staff": "820000000000000004", "archives": "820000000000000005", "suggestions_publiques": "820000000000000006"]
        let running = try await E2E.start(folder: try E2E.workflowsFolder("communaute", ids: ids))
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click(CustomID.open(workflow: "communaute", category: "appel_ban").wire, in: ids["panel_support"]!, by: E2E.player, guild: E2E.guild, locale: "fr")
        try await eventually("the form") { server.received.contains { $0.path.hasPrefix("/interactions/") } }
        await server.submit("esc:q:appel_ban", values: ["pseudo": "Lea_42", "raison": "Je n'ai pas triché"], in: ids["panel_support"]!,
                            by: E2E.player, guild: E2E.guild, locale: "fr")
        let thread = try await Self.ticketChannel(running, 1)
        let creation = try #require(E2E.requests(server, "POST", "/channels/\(ids["appels"]!)/threads").first.flatMap(E2E.body))
        #expect(creation["type"]?.number == 12, "a private thread")
        #expect(creation["name"]?.string == "appel_ban-1")
        #expect(!E2E.requests(server, "PUT", "/channels/\(thread)/thread-members/\(E2E.player.id)").isEmpty, "the member is invited")
        #expect(E2E.requests(server, "POST", "/guilds/\(E2E.guild)/channels").isEmpty, "no channel under a category")
        try await eventually("the greeting in French") {
            E2E.requests(server, "POST", "/channels/\(thread)/messages").contains { E2E.body($0)?["content"]?.string?.hasPrefix("Bonjour") == true }
        }
        #expect(server.violations == [])
        await running.stop()
    }
}
