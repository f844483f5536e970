import AsyncHTTPClient
import Engine
import Foundation
import LocalDiscord
import NIOCore
import Testing
import TestSupport
@testable import Application
@testable import WebFace

/// Starting again: the page's reset (afresh), and a saved workflow file
/// (shown with its diagnostics when it does not lint clean, served when it
/// does, over the same server and database).
@Suite("The playground starts afresh", .serialized)
struct PlaygroundSessionsTests {
    @Test("reset from the page: a new server, no tickets, the same port; a broken save shows its diagnostics and changes nothing; a clean save is served, and open tickets keep their version")
    func resetAndReload() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playground-flows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in try FileManager.default.contentsOfDirectory(atPath: PlaygroundTests.workflows)
        where file.hasSuffix(".flow") || file.hasSuffix(".ids") {
            try FileManager.default.copyItem(atPath: PlaygroundTests.workflows + "/" + file, toPath: folder.appendingPathComponent(file).path)
        }
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("playground-\(UUID().uuidString)").path
        let sessions = PlaygroundSessions(workflowsFolder: folder.path, dataFolder: data)
        let (ports, got) = AsyncStream.makeStream(of: Int.self)
        let serving = Task { try? await sessions.run { port, _ in got.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        let port = await iterator.next() ?? 0
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        func get(_ path: String) async throws -> JSONValue {
            let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)" + path), timeout: .seconds(10))
            return (try? JSONValue.parse(Data(buffer: try await response.body.collect(upTo: 1 << 24)))) ?? .null
        }
        func post(_ path: String, _ body: String) async throws -> UInt {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)" + path)
            request.method = .POST
            request.body = .bytes(ByteBuffer(string: body))
            return try await client.execute(request, timeout: .seconds(10)).status.code
        }
        func app() throws -> PlaygroundApplication { try #require(sessions.current) }
        func listening() async -> Bool {
            guard let app = sessions.current, let ana = app.playground.cast.people.first?.id else { return false }
            return (try? await get("/api/view?person=\(ana)")["listening"]) == .bool(true)
        }
        do {
            try await eventually("Escala is listening") { await listening() }
            let ana = try app().playground.cast.people[0].id
            let panel = try app().playground.guild.ids["panel_tickets"]!
            func openConsultas(_ name: String, as person: String? = nil) async throws {
                let person = person ?? ana
                try await eventually("the panel is posted") {
                    (try await get("/api/view?person=\(person)&channel=\(panel)")["channel"]?["messages"]?.array?.isEmpty == false)
                }
                #expect(try await post("/api/click", #"{"person":"\#(person)","channel":"\#(panel)","customID":"esc:menu:roleplay","values":["consultas"]}"#) == 204)
                try await eventually("the ticket \(name) is open") { try app().server.createdChannels.contains { $0.name == name } }
            }
            try await openConsultas("consultas-1")

            #expect(try await post("/api/reset", "") == 202)
            try await eventually("a second run listens") {
                guard sessions.runs == 2 else { return false }
                return await listening()
            }
            #expect(try app().server.createdChannels.isEmpty, "the new server has no ticket")
            #expect(try await app().playground.engine.tickets().isEmpty, "nor the new database")
            try await openConsultas("consultas-1")
            try await eventually("its channel recorded") { try await app().playground.engine.tickets().first?.channelID != nil }
            let opened = try #require(try await app().playground.engine.tickets().first)

            let roleplay = folder.appendingPathComponent("roleplay.flow")
            let original = try String(contentsOf: roleplay, encoding: .utf8)
            try (original + "\nticket roto \"Roto\" {\n  receives nadie\n").write(to: roleplay, atomically: true, encoding: .utf8)
            try await eventually("the page shows the diagnostics") {
                (try await get("/api/view?person=\(ana)")["diagnostics"]?.string ?? "").contains("roleplay.flow")
            }
            #expect(sessions.runs == 2, "a save with errors does not restart")

            try original.replacingOccurrences(of: "\"Dudas sobre el servidor\"", with: "\"Preguntas sobre el servidor\"")
                .write(to: roleplay, atomically: true, encoding: .utf8)
            try await eventually("a clean save is served") {
                guard sessions.runs == 3 else { return false }
                return await listening()
            }
            let reloaded = try await get("/api/view?person=\(ana)")
            #expect(reloaded["diagnostics"] == .null)
            #expect(reloaded["reloaded"]?["keeping"]?.number == 1, "the page says one open ticket keeps its version")
            let served = try #require(try app().playground.guild.workflows.first { $0.file == "roleplay.flow" }?.workflow)
            #expect(served.category(named: "consultas")?.description == "Preguntas sobre el servidor")
            // As `escala run` restarts: the open ticket, its channel and who sees it are as they were, on the version it started with.
            #expect((reloaded["channels"]?.array ?? []).contains { $0["name"]?.string == "consultas-1" }, "Ana still sees her ticket")
            let kept = try #require(try await app().playground.engine.tickets().first { $0.id == opened.id })
            #expect(kept.state.workflowHash == opened.state.workflowHash && kept.channelID == opened.channelID)
            // A second Consultas of Ana within a minute would be taken as her first clicked again: Bruno opens the next.
            try await openConsultas("consultas-2", as: app().playground.cast.people[1].id)
            let new = try #require(try await app().playground.engine.tickets().first { $0.number == 2 })
            #expect(new.state.workflowHash != opened.state.workflowHash, "a new ticket takes the saved version")
        } catch {
            await sessions.stop()
            _ = await serving.value
            try? await client.shutdown()
            throw error
        }
        await sessions.stop()
        _ = await serving.value
        try? await client.shutdown()
    }
}
