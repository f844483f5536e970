@testable import DiscordFace
import Discord
import Foundation
import LocalDiscord
import Synchronization
import TestSupport
import Testing
import WorkflowDSL

@Suite("The gateway's work, off its reader")
struct GatewayLanesTests {
    typealias E2E = EndToEndTests

    @Test("a click is answered while READY's catch-up is stuck on a slow channel")
    func clickNotBehindCatchUp() async throws {
        let running = try await E2E.start()
        let server = running.server
        try await eventually("the gateway session") { server.gateway.isReady }
        await server.click("esc:menu:roleplay", in: E2E.channels["panel_tickets"]!, by: E2E.player, values: ["consultas"], guild: E2E.guild)
        try await eventually("the first ticket's channel") { try await running.desk.engine.ticket(id: 1)?.channelID != nil }
        let channel = try #require(try await running.desk.engine.ticket(id: 1)?.channelID)

        // A new session: READY reads what was written in open tickets
        // meanwhile, and Discord does not answer that read (yet).
        let slow = server.hold("GET", "/channels/\(channel)/messages")
        await server.gateway.sendInvalidSession(resumable: false)
        try await eventually("the catch-up's read, held") { slow.held > 0 }

        let click = await server.click("esc:menu:roleplay", in: E2E.channels["panel_tickets"]!, by: E2E.beto, values: ["consultas"],
                                       guild: E2E.guild)
        let answer = try await E2E.callback(server, click)
        #expect(answer["type"]?.number == 5, "acknowledged while the catch-up still waits")
        #expect(slow.held == 1)
        slow.release()
        await running.stop()
    }

    @Test("work in one lane goes in order; a lane that waits holds back only itself")
    func lanesOrderAndIndependence() async throws {
        let lanes = GatewayLanes()
        let done = Mutex<[String]>([])
        let (gate, open) = AsyncStream.makeStream(of: Void.self)
        let (second, secondDone) = AsyncStream.makeStream(of: Void.self)
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await lanes.run() }
            lanes.enqueue("a") {
                for await _ in gate { break } // held until the other lane is done
                done.withLock { $0.append("a1") }
            }
            lanes.enqueue("a") { done.withLock { $0.append("a2") } }
            lanes.enqueue("b") {
                done.withLock { $0.append("b1") }
                secondDone.yield()
            }
            for await _ in second { break }
            #expect(done.withLock { $0 } == ["b1"], "b went while a's first work waited; a's second did not overtake it")
            open.yield()
            lanes.finish()
        }
        #expect(done.withLock { $0 } == ["b1", "a1", "a2"])
        #expect(!lanes.enqueue("a") {}, "nothing is taken once finished")
    }
}
