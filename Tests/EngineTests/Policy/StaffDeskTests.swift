import Foundation
import GRDB
import Testing
import WorkflowDSL
@testable import Engine

/// Who the staff desk shows a ticket to, and its queue through the engine.
/// The desk's audience is kept on the ticket's row; these tests hold it to
/// the rules Discord applies (a ticket's channel is shown to `sees`, its
/// record read by `mayRead`), so the desk can never show more, or less,
/// than a person may see of a ticket on Discord, plus the top rank.
@Suite("The staff desk's policy")
struct StaffDeskPolicyTests {
    static let roleplay: Workflow = {
        let url = TicketHarness.repository.appendingPathComponent("workflows/roleplay.flow")
        return WorkflowCompiler.compile(SourceFile(path: "roleplay.flow", bytes: Array(try! Data(contentsOf: url)))).workflow!
    }()

    /// Everyone the audience may have to tell apart: a member, the owner,
    /// a person of each rank and side role, and one holding two.
    static func people(_ workflow: Workflow) -> [Person] {
        [Person(id: "owner"), Person(id: "stranger"), Person(id: "guest"), Person(id: "handler", ranks: ["trainee"]),
         Person(id: "sanctioner", ranks: ["moderator"]), Person(id: "both", ranks: ["cm"], roles: workflow.roles.prefix(1).map { $0 })]
            + workflow.ranks.map { Person(id: "rank-" + $0, ranks: [$0]) } + workflow.roles.map { Person(id: "role-" + $0, roles: [$0]) }
    }

    /// States of every category: as opened, handled, escalated up the
    /// chain, assigned, with a guest, sanctioned, closed.
    static func states(_ workflow: Workflow) -> [(TicketMachine, TicketState)] {
        workflow.categories.flatMap { category -> [(TicketMachine, TicketState)] in
            let machine = TicketMachine(workflow: workflow, category: category.name)!
            let opened = machine.open(number: 1, owner: Person(id: "owner"), locale: "es", answers: [:], now: 0).state
            var variants = [opened]
            var handled = opened
            handled.handler = "handler"
            handled.handlerLevel = workflow.level(of: "trainee")
            variants.append(handled)
            var escalated = handled
            escalated.escalations = category.escalation
            escalated.escalationStep = category.escalation.count
            variants.append(escalated)
            var assigned = opened
            assigned.assignedTo = .rank("moderator", exact: true)
            variants.append(assigned)
            var visited = handled
            visited.guests = ["guest"]
            visited.sanctioner = "sanctioner"
            visited.escalations = [.sanctioner]
            variants.append(visited)
            var closed = handled
            closed.closeReason = "hecho"
            variants.append(closed)
            return variants.map { (machine, $0) }
        }
    }

    @Test("The desk shows a ticket to exactly those Discord shows or lets read it, and the top rank")
    func audienceMatchesDiscord() {
        let workflow = Self.roleplay
        var checked = 0
        for (machine, state) in Self.states(workflow) {
            for person in Self.people(workflow) {
                let step = MachineStep(machine: machine, state: state, now: 0)
                let top = person.ranks.contains(workflow.ranks.last!)
                let discord = step.sees(person) || step.mayRead(person) || top
                #expect(machine.showsOnDesk(state, to: person) == discord,
                        "\(state.category) handler \(state.handler ?? "-") escalations \(state.escalations ?? []): \(person.id)")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test("A ticket's row keeps its audience, wait and priority as the machine sees them")
    func columns() {
        let machine = TicketMachine(workflow: Self.roleplay, category: "consultas")!
        var state = machine.open(number: 1, owner: Person(id: "ana"), locale: "es", answers: [:], now: 0).state
        #expect(machine.deskColumns(of: state).audience.contains(",u:ana,"))
        #expect(machine.deskColumns(of: state).audience.contains(",r:cm,"))
        #expect(machine.deskColumns(of: state).waitingSince == nil)
        state.lastUserMessageAt = 30
        state.priority = Self.roleplay.priorities.last?.name
        #expect(machine.deskColumns(of: state).waitingSince == 30)
        #expect(machine.deskColumns(of: state).priorityRank == Self.roleplay.priorities.count - 1)
        state.lastStaffMessageAt = 31
        #expect(machine.deskColumns(of: state).waitingSince == nil)
    }

    @Test("Tickets stored before the desk's columns existed are in the queue after the first read")
    func rowsFromBefore() async throws {
        let path = StoreHarness.temporaryPath()
        defer { StoreHarness.remove(path) }
        let engine = try await StoreHarness.engine(path: path)
        for member in ["ana", "bea"] {
            _ = try await engine.open(guild: "g", workflow: "w.flow", category: try #require(engine.currentWorkflow("w.flow")?.categories.first?.name),
                                      owner: Person(id: member), locale: "es", now: 1)
        }
        // As a database migrated from v12 has them.
        try await (engine.store as! TicketStore).pool.write { db in
            try db.execute(sql: "UPDATE ticket SET desk_audience = NULL, waiting_since = NULL, priority_rank = NULL")
        }
        let again = try await StoreHarness.engine(path: path)
        let rank = try #require(again.currentWorkflow("w.flow")?.ranks.first)
        let queue = try await again.deskQueue(guild: "g", people: ["w.flow": Person(id: "nora", ranks: [rank])])
        #expect(queue.entries.map(\.ticket.state.owner) == ["ana", "bea"])
        #expect(queue.matching == 2)
        let member = try await again.deskQueue(guild: "g", people: ["w.flow": Person(id: "bea")])
        #expect(member.entries.map(\.ticket.state.owner) == ["bea"])
    }
}
