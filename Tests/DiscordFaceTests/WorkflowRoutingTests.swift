import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import TestSupport
import Testing
import WorkflowDSL

/// One server runs every workflow of its folder: a panel's click opens a
/// ticket of the panel's own workflow, never of another file that has a
/// category of the same name.
@Suite("Workflows of one folder, each its own clicks")
struct WorkflowRoutingTests {
    typealias E2E = EndToEndTests
    static let ranks = ["cm": "700000000000000001", "admin": "700000000000000004"]
    static let panelA = "800000000000000011"
    static let panelB = "800000000000000012"

    /// Two workflows with a category `reportes` each, received by different
    /// ranks. `escala lint` refuses such a folder; the desk must not route
    /// by the name even so.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-routing-\(UUID().uuidString)")
        let workflows = folder.appendingPathComponent("workflows")
        try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        for (name, rank, channel, id) in [("a", "cm", "soporte_a", panelA), ("b", "admin", "soporte_b", panelB)] {
            try """
                ranks cm < admin
                channel \(channel)
                panel p "Soporte \(name)" in \(channel) { opens reportes }
                ticket reportes "Reportes \(name)" {
                  receives \(rank)
                  button cerrar "Cerrar"
                  on button cerrar by staff: close
                }

                """.write(to: workflows.appendingPathComponent("\(name).flow"), atomically: true, encoding: .utf8)
            let ids = ranks.merging([channel: id]) { first, _ in first }.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
            try (ids.joined(separator: "\n") + "\n").write(to: workflows.appendingPathComponent("\(name).ids"), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func panelButton(_ server: LocalDiscord, in channel: String) throws -> String? {
        let posted = E2E.requests(server, "POST", "/channels/\(channel)/messages").first
        return try #require(posted.flatMap(E2E.body))["components"]?.array?.first?["components"]?.array?.first?["custom_id"]?.string
    }

    @Test("a click on the second workflow's panel opens that workflow's ticket, seen by its own rank")
    func clickReachesItsWorkflow() async throws {
        let running = try await E2E.start(folder: try Self.folder())
        let server = running.server
        try await eventually("both panels") {
            !E2E.requests(server, "POST", "/channels/\(Self.panelA)/messages").isEmpty
                && !E2E.requests(server, "POST", "/channels/\(Self.panelB)/messages").isEmpty
        }
        #expect(try Self.panelButton(server, in: Self.panelA) == "esc:o:a:reportes")
        let button = try #require(try Self.panelButton(server, in: Self.panelB))
        #expect(button == "esc:o:b:reportes")
        try await eventually("the gateway session") { server.gateway.isReady }

        await server.click(button, in: Self.panelB, by: E2E.player, guild: E2E.guild)
        try await eventually("the ticket's channel") { try await running.desk.engine.ticket(id: 1)?.channelID != nil }
        let ticket = try #require(try await running.desk.engine.ticket(id: 1))
        #expect(running.desk.engine.workflowPath(of: ticket.state)?.hasSuffix("/b.flow") == true)
        let creation = try #require(E2E.requests(server, "POST", "/guilds/\(E2E.guild)/channels").first.flatMap(E2E.body))
        let roles = (creation["permission_overwrites"]?.array ?? []).compactMap { $0["id"]?.string }
        #expect(roles.contains(Self.ranks["admin"]!), "b's receiving rank sees the ticket")
        #expect(!roles.contains(Self.ranks["cm"]!), "a's receiving rank does not")
        await running.stop()
    }

    @Test("a panel id that names no workflow opens nothing when two workflows have the category")
    func ambiguousOldIDOpensNothing() async throws {
        let running = try await E2E.start(folder: try Self.folder())
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        let click = await server.click("esc:o:reportes", in: Self.panelB, by: E2E.player, guild: E2E.guild)
        let answer = try await E2E.callback(server, click)
        #expect(answer["type"]?.number == 6, "acknowledged, nothing opened")
        #expect(try await running.desk.engine.tickets().isEmpty)
        await running.stop()
    }
}
