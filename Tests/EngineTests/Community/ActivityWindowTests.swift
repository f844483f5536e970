import Engine
import Foundation
import Testing
import WorkflowDSL

/// `activity … every …` windows on the board's wall clock, and what the
/// community engine does at their edges.
@Suite("Activity windows")
struct ActivityWindowTests {
    /// Monday 2026-01-05 09:00 UTC, 10:00 in Madrid.
    static let mondayMorningUTC: Int64 = 1_767_603_600
    static let hour: Int64 = 3_600
    static let day: Int64 = 86_400

    static func workflow(_ every: String) -> Workflow {
        let file = """
        workflow "A"
        ranks cm < admin
        channel panel
        channel tops
        role veterano
        panel p "P" in panel { opens t }
        ticket t "T" {
          receives cm
          button cerrar "Cerrar"
          on button cerrar by cm: close
        }
        autorole antiguedad: grant veterano after 30d in server
        activity semanal {
          count messages, reactions
          \(every)
          top 3 in tops
        }
        """
        let result = WorkflowCompiler.compile(SourceFile(path: "a.flow", bytes: Array(file.utf8)))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return result.workflow!
    }

    @Test("a week from Monday 00:00 in Madrid starts at 23:00 UTC on Sunday")
    func weekInMadrid() {
        let board = Self.workflow(#"every week from mon 00:00 in "Europe/Madrid""#).activities[0]
        let window = board.window(containing: Self.mondayMorningUTC)
        #expect(window.start == Self.mondayMorningUTC - 10 * Self.hour) // Sunday 4 Jan, 23:00 UTC
        #expect(window.end == window.start + 7 * Self.day)
        // The last second of the week belongs to it; the next to the next week.
        #expect(board.window(containing: window.end - 1) == window)
        #expect(board.window(containing: window.end).start == window.end)
    }

    @Test("the week that holds the change to summer time is an hour shorter, and the next starts at midnight again")
    func summerTime() {
        let board = Self.workflow(#"every week from mon 00:00 in "Europe/Madrid""#).activities[0]
        // Sunday 29 March 2026: clocks go from 02:00 to 03:00 in Madrid.
        let week = board.window(containing: 1_774_800_000) // 2026-03-29 16:00 UTC
        #expect(week.end - week.start == 7 * Self.day - Self.hour)
        let next = board.window(containing: week.end)
        #expect(next.start == 1_774_821_600) // Monday 30 March 00:00 in Madrid = Sunday 22:00 UTC
    }

    @Test("a day and a month window, each on its stated start")
    func dayAndMonth() {
        let daily = Self.workflow(#"every day from 06:00 in "UTC""#).activities[0]
        let today = daily.window(containing: Self.mondayMorningUTC)
        #expect(today.start == Self.mondayMorningUTC - 3 * Self.hour)
        #expect(today.end == today.start + Self.day)
        #expect(daily.window(containing: Self.mondayMorningUTC - 4 * Self.hour).end == today.start, "05:00 is still the day before")
        let monthly = Self.workflow(#"every month from 15 00:00 in "UTC""#).activities[0]
        let month = monthly.window(containing: Self.mondayMorningUTC)
        #expect(month.start == 1_765_756_800) // 15 December 2025
        #expect(month.end == 1_768_435_200) // 15 January 2026
    }

    @Test("a window closes once, with its ranking; the next starts from zero; counts written before a crash survive")
    func closeOnce() async throws {
        let workflow = Self.workflow(#"every week from mon 00:00 in "Europe/Madrid""#)
        let store = try TicketStore.temporary()
        let community = CommunityEngine(store: store, guild: "g", workflows: ["a.flow": workflow])
        for _ in 0..<5 { community.count(.messages, member: "ana", at: Self.mondayMorningUTC) }
        community.count(.reactions, member: "beto", at: Self.mondayMorningUTC)
        community.count(.reputation, member: "beto", at: Self.mondayMorningUTC) // not counted by this board
        try await community.flush()

        // A new engine on the same file (a restart) sees the written counts.
        let restarted = CommunityEngine(store: try TicketStore(path: store.path), guild: "g", workflows: ["a.flow": workflow])
        let end = workflow.activities[0].window(containing: Self.mondayMorningUTC).end
        #expect(try await restarted.fireDue(now: end - 1).closedWindows.isEmpty)
        let pass = try await restarted.fireDue(now: end)
        #expect(pass.closedWindows.map { $0.entries.map(\.member) } == [["ana", "beto"]])
        #expect(pass.closedWindows.first?.entries.map(\.total) == [5, 1])
        #expect(try await restarted.fireDue(now: end + 60).closedWindows.isEmpty, "closed once")
        #expect(try await restarted.activity(of: "ana", board: "semanal", workflow: "a.flow", now: end) == 0)
        #expect(try await restarted.ranking(workflow: "a.flow", board: "semanal", back: 1, now: end)?.entries.first?.member == "ana")
        let pending = try await store.pendingEffects()
        #expect(pending.count == 1, "one TOP to post")
        #expect(pending.first?.lane == "cg", "in the server's community lane of the one outbox")
        if case .community(.postRanking(let channel, _), "a.flow")? = pending.first?.work {
            #expect(channel == "tops")
        } else {
            Issue.record("the TOP is a community effect of a.flow: \(pending)")
        }
    }

    @Test("seniority is granted once, by the scheduler, when it falls due, and audited")
    func seniorityOnce() async throws {
        let workflow = Self.workflow(#"every week from mon 00:00 in "UTC""#)
        let community = CommunityEngine(store: try TicketStore.temporary(), guild: "g", workflows: ["a.flow": workflow])
        try await community.memberSeen("ana", joinedAt: Self.mondayMorningUTC - 29 * Self.day)
        #expect(try await community.fireDue(now: Self.mondayMorningUTC).effects.isEmpty)
        #expect(try await community.nextDue() == Self.mondayMorningUTC + Self.day, "the scheduler knows when ana reaches 30 days")
        let granted = try await community.fireDue(now: Self.mondayMorningUTC + Self.day).effects
        #expect(granted == [.grantRole(role: "veterano", member: "ana")])
        #expect(try await community.fireDue(now: Self.mondayMorningUTC + 2 * Self.day).effects.isEmpty)
        let audit = try await community.audit(member: "ana")
        #expect(audit.map(\.reason) == ["30d in the server"])
        #expect(audit.first?.actor == nil, "the scheduler acted, not a person")
    }
}
