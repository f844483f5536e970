import AsyncHTTPClient
import Foundation
import LocalDiscord
import NIOCore
import Testing
import TestSupport
@testable import Application
@testable import WebFace

/// The playground's API over HTTP, against the real Escala on the built-in
/// server with the shipped workflows: what each person sees, what the API
/// refuses (and that a refusal changes nothing), the clock, live updates.
@Suite("The playground's API", .serialized)
struct PlaygroundTests {
    static let workflows = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("workflows").path

    /// A running playground and a client for its page's API.
    final class Running: Sendable {
        let app: PlaygroundApplication
        let base: String
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let serving: Task<Void, Never>

        init() async throws {
            let data = FileManager.default.temporaryDirectory.appendingPathComponent("playground-\(UUID().uuidString)").path
            app = try await PlaygroundApplication(workflowsFolder: PlaygroundTests.workflows, dataFolder: data)
            let (ports, got) = AsyncStream.makeStream(of: Int.self)
            serving = Task { [app] in _ = try? await app.run { port in got.yield(port) } }
            var iterator = ports.makeAsyncIterator()
            base = "http://127.0.0.1:\(await iterator.next() ?? 0)"
        }

        /// Runs `body` on a started playground whose Escala is listening,
        /// and stops it however `body` ends.
        static func with(_ body: (Running) async throws -> Void) async throws {
            let running = try await Running()
            do {
                try await eventually("Escala's session is up") { try await running.view(running.person(nil))["listening"] == .bool(true) }
                try await body(running)
            } catch {
                await running.stop()
                throw error
            }
            await running.stop()
        }

        func stop() async {
            await app.stop()
            await serving.value
            try? await client.shutdown()
        }

        func person(_ plays: String?) -> String { app.playground.cast.people.first { $0.plays == plays }!.id }
        func channel(_ name: String) -> String { app.playground.guild.ids[name]! }

        func get(_ path: String) async throws -> (status: UInt, body: JSONValue) {
            let response = try await client.execute(HTTPClientRequest(url: base + path), timeout: .seconds(10))
            let bytes = try await response.body.collect(upTo: 1 << 24)
            return (response.status.code, (try? JSONValue.parse(Data(buffer: bytes))) ?? .null)
        }

        func post(_ path: String, _ body: String) async throws -> (status: UInt, body: JSONValue) {
            var request = HTTPClientRequest(url: base + path)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
            let response = try await client.execute(request, timeout: .seconds(10))
            let bytes = try await response.body.collect(upTo: 1 << 24)
            return (response.status.code, (try? JSONValue.parse(Data(buffer: bytes))) ?? .null)
        }

        func post(_ path: String, json: JSONValue) async throws -> (status: UInt, body: JSONValue) {
            try await post(path, json.serialized)
        }

        func view(_ person: String, channel: String? = nil) async throws -> JSONValue {
            try await get("/api/view?person=\(person)" + (channel.map { "&channel=\($0)" } ?? "")).body
        }

        /// Plays `scenario` on the page's replay, line by line to its end,
        /// once the panel is up: how many lines played, and each line's result.
        func replay(_ scenario: String) async throws -> (played: Int, results: [String]) {
            try await eventually("the panel is posted") {
                (try await view(person(nil), channel: channel("panel_tickets"))["channel"]?["messages"]?.array?.isEmpty == false)
            }
            #expect(try await post("/api/replay/load", json: .object(["workflow": .string("roleplay"), "text": .string(scenario)])).status == 204)
            var played = 0
            while try await post("/api/replay/next", "{}").status == 204 { played += 1 }
            let lines = try await view(person(nil))["replay"]?["lines"]?.array ?? []
            return (played, lines.map { "\($0["text"]?.string ?? ""): \($0["result"]?.string ?? "")" })
        }

        func channelNames(seenBy person: String) async throws -> [String] {
            (try await view(person)["channels"]?.array ?? []).compactMap { $0["name"]?.string }
        }
    }

    static func openConsultas(_ running: Running, _ person: String) async throws -> (status: UInt, body: JSONValue) {
        try await running.post("/api/click", json: .object([
            "person": .string(person), "channel": .string(running.channel("panel_tickets")),
            "customID": .string("esc:menu:roleplay"), "values": .array([.string("consultas")]),
        ]))
    }

    /// `person` opens Consultas once the panel is posted; the id of the
    /// ticket's channel, once they see it.
    static func openedConsultas(_ running: Running, _ person: String) async throws -> String {
        try await eventually("the panel is posted") {
            (try await running.view(person, channel: running.channel("panel_tickets"))["channel"]?["messages"]?.array?.isEmpty == false)
        }
        #expect(try await openConsultas(running, person).status == 204)
        var ticket: String?
        try await eventually("the ticket's channel") {
            ticket = (try await running.view(person)["channels"]?.array ?? []).first { $0["name"]?.string == "consultas-1" }?["id"]?.string
            return ticket != nil
        }
        return try #require(ticket)
    }

    @Test("a member opens a ticket from the panel: she and the receiving rank see its channel, another member and a side role do not")
    func whoSeesATicket() async throws {
        try await Running.with { running in
            let ana = running.person(nil), bruno = running.app.playground.cast.people[1].id
            #expect(try await running.channelNames(seenBy: ana).contains("panel_tickets"))
            #expect(!(try await running.channelNames(seenBy: ana)).contains("chat_staff"))
            try await eventually("the panel is posted") {
                (try await running.view(ana, channel: running.channel("panel_tickets"))["channel"]?["messages"]?.array?.isEmpty == false)
            }
            #expect(try await Self.openConsultas(running, ana).status == 204)
            try await eventually("Ana sees her ticket's channel") { try await running.channelNames(seenBy: ana).contains("consultas-1") }
            #expect(try await running.channelNames(seenBy: running.person("cm")).contains("consultas-1"))
            #expect(!(try await running.channelNames(seenBy: bruno)).contains("consultas-1"))
            #expect(!(try await running.channelNames(seenBy: running.person("programador"))).contains("consultas-1"), "a side role that consultas does not name")
            let panel = try await running.view(ana, channel: running.channel("panel_tickets"))
            let answer = try #require(panel["channel"]?["messages"]?.array?.last)
            #expect(answer["ephemeral"] == .bool(true), "the «ticket opened» answer is Ana's alone")
            let asBruno = try await running.view(bruno, channel: running.channel("panel_tickets"))
            #expect(asBruno["channel"]?["messages"]?.array?.contains { $0["ephemeral"] == .bool(true) } == false)
            #expect(running.app.server.violations.isEmpty, "\(running.app.server.violations)")
        }
    }

    @Test("bad input gets a clear refusal and changes nothing")
    func refusals() async throws {
        try await Running.with { running in
            let ana = running.person(nil)
            let panel = running.channel("panel_tickets")
            try await eventually("the panel is posted") {
                (try await running.view(ana, channel: panel)["channel"]?["messages"]?.array?.isEmpty == false)
            }
            let before = try await running.view(ana, channel: panel)["channel"]
            let cases: [(path: String, body: String, status: UInt, key: String)] = [
                ("/api/say", #"{"person":"nadie","channel":"\#(panel)","text":"hola"}"#, 404, "error.unknownPerson"),
                ("/api/say", #"{"person":"\#(ana)","channel":"\#(running.channel("chat_staff"))","text":"hola"}"#, 403, "error.cannotSee"),
                ("/api/say", #"{"person":"\#(ana)","channel":"\#(panel)","text":"\#(String(repeating: "a", count: 10 * 1024 * 1024))"}"#,
                 400, "error.messageTooLong"),
                ("/api/say", #"{"person":"\#(ana)","channel":"\#(panel)","text":"   "}"#, 400, "error.emptyMessage"),
                ("/api/say", #"{"person":"\#(ana)","channel":"\#(panel)","text":"log","files":[{"name":"big.zip","bytes":20000000}]}"#,
                 400, "error.fileTooLarge"),
                ("/api/click", #"{"person":"\#(ana)","channel":"\#(panel)","customID":"esc:o:roleplay:nada"}"#, 409, "error.noSuchComponent"),
                ("/api/click", #"{"person":"\#(ana)","channel":"\#(panel)","customID":"esc:menu:roleplay","values":["inventada"]}"#,
                 400, "error.noSuchOption"),
                ("/api/submit", #"{"person":"\#(ana)","answers":{"motivo":"x"}}"#, 409, "error.noModal"),
                ("/api/clock", #"{"minutes":-30}"#, 400, "error.badDuration"),
                ("/api/clock", #"{"minutes":9007199254740992}"#, 400, "error.badDuration"),
                ("/api/clock", #"{"minutes":1.5}"#, 400, "error.malformed"),
                ("/api/click", #"{"person":"\#(ana)"}"#, 400, "error.malformed"),
                ("/api/say", "not json", 400, "error.malformed"),
            ]
            let now = try await running.view(ana)["now"]?.number ?? 0
            for refused in cases {
                let answer = try await running.post(refused.path, refused.body)
                #expect(answer.status == refused.status, "\(refused.path) \(refused.body.prefix(120))")
                #expect(answer.body["error"]?.string == refused.key, "\(refused.path) \(refused.body.prefix(120)): \(answer.body.serialized)")
            }
            #expect(try await running.view(ana, channel: panel)["channel"] == before)
            #expect(running.app.server.createdChannels.isEmpty, "nothing opened")
            let later = try await running.view(ana)["now"]?.number ?? 0
            #expect(later < now + 60, "the clock did not jump")
            #expect(try await running.get("/api/view?person=nadie").status == 404)
        }
    }

    @Test("+2 h moves the engine's clock two hours ahead, and the page is told")
    func clockJumps() async throws {
        try await Running.with { running in
            let ana = running.person(nil)
            let before = try await running.view(ana)
            #expect(before["lead"]?.number == 0)
            let heard = Task { () -> Bool in
                var request = HTTPClientRequest(url: running.base + "/api/events")
                request.method = .GET
                guard let response = try? await running.client.execute(request, timeout: .seconds(20)) else { return false }
                var lines = 0
                for try await chunk in response.body {
                    lines += String(buffer: chunk).components(separatedBy: "data:").count - 1
                    if lines >= 2 { return true }
                }
                return false
            }
            // The stream's first line is sent at once; a change makes the second.
            try await eventually("the page listens") { running.app.server.changes.count > 0 }
            try await Task.sleep(for: .milliseconds(50))
            #expect(try await running.post("/api/clock", #"{"minutes":120}"#).status == 204)
            let after = try await running.view(ana)
            #expect(after["lead"]?.number == 7200)
            #expect((after["now"]?.number ?? 0) - (before["now"]?.number ?? 0) >= 7200)
            #expect(try await heard.value, "the event stream told of the change")
        }
    }

    @Test("what was played is saved as a scenario of that workflow, with a message Escala removed and the ticket's state")
    func savedAsScenario() async throws {
        try await Running.with { running in
            let ana = running.person(nil), nora = running.person("cm")
            let channel = try await Self.openedConsultas(running, ana)
            // Staff may not speak first: Escala removes it.
            #expect(try await running.post("/api/say", json: .object(["person": .string(nora), "channel": .string(channel),
                                                                        "text": .string("Hola, ¿en qué te ayudo?")])).status == 204)
            try await eventually("the CM's message is removed") { !running.app.server.removedMessages(in: channel).isEmpty }
            func told() async throws -> Int { try await running.view(ana, channel: channel)["ticket"]?["history"]?.array?.count ?? 0 }
            let before = try await told()
            #expect(try await running.post("/api/say", json: .object(["person": .string(ana), "channel": .string(channel),
                                                                        "text": .string("Hola \"Nora\", perdí mi coche")])).status == 204)
            // The clock moves only once Escala has her reason: before it, 15 minutes would close the ticket.
            try await eventually("Escala has taken Ana's words") { try await told() > before }
            #expect(try await running.post("/api/clock", #"{"minutes":30}"#).status == 204)
            let saved = try await running.client.execute(HTTPClientRequest(url: running.base + "/api/scenario?workflow=roleplay"), timeout: .seconds(10))
            let text = String(buffer: try await saved.body.collect(upTo: 1 << 20))
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.contains("member ana") && lines.contains("staff nora cm"), "\(text)")
            let played = lines.filter { !$0.hasPrefix("#") && !$0.isEmpty && !$0.hasPrefix("member") && !$0.hasPrefix("staff") }
            let ranks = try #require(running.app.playground.guild.workflows.first { $0.file == "roleplay.flow" }?.workflow.ranks)
            #expect(ranks.first == "cm")
            #expect(played == ["ana opens consultas", "nora says \"Hola, ¿en qué te ayudo?\"", "expect deleted",
                               "ana says \"Hola 'Nora', perdí mi coche\"", "wait 30m", "expect state abierta", "expect no handler"]
                        // Consultas is received by cm and the ranks above it: the built-in server shows it to every rank.
                        + ranks.map { "expect visible to \($0)" },
                    "\(text)")
            #expect(try await running.get("/api/scenario?workflow=nada").status == 404)
        }
    }

    @Test("beside a ticket: its state, the rule each timer will fire, and the rule behind each change with its line as written")
    func whyItHappened() async throws {
        try await Running.with { running in
            let ana = running.person(nil), nora = running.person("cm")
            let channel = try await Self.openedConsultas(running, ana)
            let source = try String(contentsOfFile: Self.workflows + "/roleplay.flow", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            func line(_ text: String) throws -> Int { try #require(source.firstIndex { $0.contains(text) }) + 1 }

            let opened = try #require(try await running.view(nora, channel: channel)["ticket"])
            #expect(opened["state"]?.string == "abierta")
            #expect(opened["handler"] == .null)
            let due = try #require(opened["due"]?.array?.first)
            #expect(due["rule"]?.string == "after 15m without reason")
            #expect(due["where"]?.string == "roleplay.flow:\(try line("after 15m without reason"))")
            #expect(due["source"]?.string == "after 15m without reason: close sin_motivo")

            #expect(try await running.post("/api/say", json: .object(["person": .string(nora), "channel": .string(channel),
                                                                        "text": .string("Hola, ¿en qué te ayudo?")])).status == 204)
            try await eventually("the CM's message is removed") { !running.app.server.removedMessages(in: channel).isEmpty }
            let why = try #require(try await running.view(nora, channel: channel)["ticket"])
            let last = try #require(why["history"]?.array?.last)
            #expect(last["who"]?.string == running.app.playground.cast.person(nora)?.name)
            let rule = try #require(last["rules"]?.array?.first)
            #expect(rule["refused"] == .bool(true))
            #expect(rule["where"]?.string == "roleplay.flow:\(try line("user speaks first"))")
            #expect(rule["source"]?.string == "user speaks first")
            #expect(try await running.view(ana, channel: running.channel("panel_tickets"))["ticket"] == .null, "the panel is no ticket")
        }
    }

    @Test("a scenario file loaded on the page plays line by line through the same API: its expectations the page can see are checked, the rest are said to be simulate's")
    func scenarioPlayedLineByLine() async throws {
        try await Running.with { running in
            let scenario = """
            member jugador
            staff ana cm
            staff dani admin

            jugador opens consultas
            ana says "Hola, ¿qué pasó?"
            expect deleted
            jugador says "Perdí mis objetos al reiniciar"
            ana says "Hola @jugador, lo miro"
            expect handler ana
            expect state abierta
            ana presses devolucion
            expect visible to admin
            expect mentioned admin
            expect handler dani
            wait 11h
            """
            let (played, results) = try await running.replay(scenario)
            #expect(played == 12)
            #expect(results == [
                "jugador opens consultas: played",
                "ana says \"Hola, ¿qué pasó?\": played",
                "expect deleted: held",
                "jugador says \"Perdí mis objetos al reiniciar\": played",
                "ana says \"Hola @jugador, lo miro\": played",
                "expect handler ana: held",
                "expect state abierta: held",
                "ana presses devolucion: played",
                "expect visible to admin: held",
                "expect mentioned admin: not checked here",
                "expect handler dani: failed",
                "wait 11h: played",
            ], "\(results)")
            // The scenario's people were cast as the playground's, and what they did happened on the server.
            let ticket = try #require(running.app.server.createdChannels.first?.id)
            #expect(try await running.channelNames(seenBy: running.person("admin")).contains { $0.hasPrefix("dev_obj") || $0.hasPrefix("consultas") })
            #expect(running.app.server.removedMessages(in: ticket).count == 1)
            #expect(try await running.post("/api/replay/next", "{}").body["error"]?.string == "error.replayDone")
            let bad = try await running.post("/api/replay/load", json: .object(["workflow": .string("roleplay"), "text": .string("member a\nmember b\nmember c\n")]))
            #expect(bad.status == 400, "three members: the playground has two")
        }
    }

    @Test("the anti-cheat menu in the playground: a replayed «No» is picked from the form's menu, and the CM may raise the ticket without links")
    func menuInTheOpeningForm() async throws {
        try await Running.with { running in
            let scenario = """
            member jugador
            staff ana cm

            jugador opens anticheat with ultimos_30s="Conducía", terceros="No", software="Nada", fps_citizen="no"
            expect sent "¿Instalaste hace poco archivos FPS/Citizen?: No"
            jugador says "No instalé nada"
            ana says "Hola @jugador"
            ana presses escalar
            expect visible to admin
            """
            let (_, results) = try await running.replay(scenario)
            #expect(results.first == "jugador opens anticheat with ultimos_30s=\"Conducía\", terceros=\"No\", software=\"Nada\", fps_citizen=\"no\": played",
                    "\(results)")
            #expect(results.last == "expect visible to admin: held", "\(results)")
            #expect(running.app.server.violations.isEmpty, "\(running.app.server.violations)")
        }
    }
}
