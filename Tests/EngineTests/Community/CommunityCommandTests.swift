import Engine
import Foundation
import Testing
import WorkflowDSL

/// Community commands are answered by the engine, whatever face asked: who
/// may run them, which board they read, and the refusals.
@Suite("Community commands")
struct CommunityCommandTests {
    static let workflow = """
        workflow "Comunidad de prueba"
        locales es
        ranks moderador < admin
        role conocido "Nivel conocido"
        channel soporte
        channel tops
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives moderador
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }
        reputation {
          limit 1 per member per 1d
          level conocido_nivel 1
        }
        autorole reputacion_conocido: grant conocido at reputation conocido_nivel
        activity semanal {
          count messages, reputation
          every week from mon 00:00 in "Europe/Madrid"
          top 3 in tops
        }
        """

    static let member = Person(id: "10", name: "ana")
    static let other = Person(id: "11", name: "beto")
    static let moderator = Person(id: "20", name: "mod", ranks: ["moderador"])

    func community() async throws -> CommunityEngine {
        let engine = try await TicketEngine(store: try TicketStore.temporary())
        let source = SourceFile(path: "c.flow", text: Self.workflow)
        _ = try await engine.load(source, now: 0)
        let workflow = try #require(engine.currentWorkflow("c.flow"))
        return CommunityEngine(store: engine.store, guild: "1", workflows: ["c.flow": workflow])
    }

    @Test("statistics and the role trail answer staff only")
    func staffOnly() async throws {
        let community = try await community()
        #expect(try await community.answer(.stats(days: 7), by: Self.member, now: 1_000) == .privately(.staffOnly))
        #expect(try await community.answer(.audit(member: nil), by: Self.member, now: 1_000) == .privately(.staffOnly))
        guard case .statistics = try await community.answer(.stats(days: 7), by: Self.moderator, now: 1_000) else {
            Issue.record("a moderator gets the statistics")
            return
        }
    }

    @Test("a person's number is range-checked, never multiplied into an overflow")
    func hugeNumbers() async throws {
        let community = try await community()
        for days in [0, -1, CommunityCommand.maximumDays + 1, 9_007_199_254_740_991, Int.max] {
            #expect(try await community.answer(.stats(days: days), by: Self.moderator, now: 1_000)
                == .privately(.numberOutOfRange(option: "days", minimum: 1, maximum: CommunityCommand.maximumDays)))
        }
        #expect(try await community.answer(.top(periodsAgo: Int.max), by: Self.member, now: 1_000)
            == .privately(.numberOutOfRange(option: "periods_ago", minimum: 0, maximum: CommunityCommand.maximumPeriodsAgo)))
    }

    @Test("reputation: public thanks, refused to oneself, to a bot, and past the limit; a level grants its role")
    func reputation() async throws {
        let community = try await community()
        #expect(try await community.answer(.rep(member: Self.member.id, memberIsBot: false), by: Self.member, now: 1_000) == .privately(.repToSelf))
        #expect(try await community.answer(.rep(member: "99", memberIsBot: true), by: Self.member, now: 1_000) == .privately(.repToBot))
        #expect(try await community.answer(.rep(member: Self.other.id, memberIsBot: false), by: Self.member, now: 1_000)
            == .publicly(.repGiven(to: Self.other.id, points: 1, level: "conocido_nivel")))
        #expect(try await community.holds("conocido", member: Self.other.id))
        #expect(try await community.answer(.rep(member: Self.other.id, memberIsBot: false), by: Self.member, now: 2_000)
            == .privately(.repLimit(count: 1, perMember: true, seconds: 86_400)))
    }

    @Test("/top reads the workflow's board: the running week, and none before it")
    func top() async throws {
        let community = try await community()
        community.count(.messages, member: Self.member.id, at: 1_000)
        try await community.flush()
        guard case .ranking(let ranking) = try await community.answer(.top(periodsAgo: 0), by: Self.member, now: 1_000) else {
            Issue.record("the running week has a ranking")
            return
        }
        #expect(ranking.board == "semanal")
        #expect(ranking.entries.map(\.member) == [Self.member.id])
        #expect(try await community.answer(.top(periodsAgo: 1), by: Self.member, now: 1_000) == .privately(.noRanking))
    }
}
