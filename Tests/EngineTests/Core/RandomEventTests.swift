import Engine
import Foundation
import Testing
import WorkflowDSL
import WorkflowFuzzing

/// Random event sequences against every category of the shipped
/// workflows, through the pure step function: whatever people, timers and
/// Discord do, the machine's invariants hold. `make test` plays 3,000
/// events; `ESCALA_EVENTS=N swift test --filter RandomEvent` more.
@Suite("Random events keep the ticket machine's invariants")
struct RandomEventTests {
    static let eventCount = Int(ProcessInfo.processInfo.environment["ESCALA_EVENTS"] ?? "") ?? 3_000

    static func workflows() throws -> [Workflow] {
        let folder = TicketHarness.repository.appendingPathComponent("workflows")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".flow") }.sorted().compactMap { name in
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            return WorkflowCompiler.compile(SourceFile(path: name, bytes: bytes)).workflow
        }
    }

    @Test("one handler at most and never the member; the state is always one of the category's; a closed ticket never acts; a refusal changes nothing")
    func invariantsHold() throws {
        var random = SystemRandomNumberGenerator()
        var seed = UInt64.random(in: 0...UInt64.max, using: &random)
        if let fixed = ProcessInfo.processInfo.environment["ESCALA_EVENTS_SEED"].flatMap(UInt64.init) { seed = fixed }
        var generator = Mutator.Generator(state: seed)
        let workflows = try Self.workflows()
        try #require(!workflows.isEmpty)
        let tickets = workflows.flatMap { workflow in workflow.categories.map { (workflow, $0) } }
        var played = 0, closed = 0
        while played < Self.eventCount {
            let (workflow, category) = tickets[Int(generator.next() % UInt64(tickets.count))]
            let owner = Person(id: "100", name: "Miembro")
            let staff = workflow.ranks.enumerated().map { Person(id: "2\($0.offset)", name: $0.element, ranks: [$0.element]) }
            let roles = workflow.roles.enumerated().map { Person(id: "3\($0.offset)", name: $0.element, roles: [$0.element]) }
            let people = [owner, owner] + staff + roles
            var ticket = TicketHarness(workflow, category: category.name, owner: owner,
                                       answers: Dictionary(uniqueKeysWithValues: category.questions.map { ($0.name, "respuesta") }))
            let states = Set(category.states.map(\.name) + [State.closed])
            for _ in 0..<40 {
                let person = people[Int(generator.next() % UInt64(people.count))]
                let before = ticket.state
                let event: TicketEvent
                switch generator.next() % 12 {
                case 0...3: event = .message(.init(id: "m\(played)", author: person, text: ["hola", "@", "-", "listo"][Int(generator.next() % 4)],
                                                   attachments: generator.next() % 4 == 0 ? ["https://cdn/x.png"] : [],
                                                   mentionsOwner: generator.next() % 3 == 0))
                case 4...6: event = .button(name: category.buttons.isEmpty ? "x" : category.buttons[Int(generator.next() % UInt64(category.buttons.count))].name, by: person)
                case 7: event = .formSubmitted(form: [TicketMachine.closeReasonForm, workflow.forms.keys.sorted().first ?? "f"][Int(generator.next() % 2)],
                                               by: person, answers: ["reason": "motivo"])
                case 8: event = generator.next() % 2 == 0
                    ? .sanctionApplied(offence: workflow.offences.first?.name ?? "x", member: "999", warned: generator.next() % 2 == 0, by: person)
                    : .appealedSanctionChosen(.outside(offence: workflow.offences.first?.name, sanctioner: "998"), by: person)
                case 9: event = .command(name: "cerrar", by: person)
                case 10:
                    ticket.wait(Int64(generator.next() % 50_000))
                    played += 1
                    continue
                default: event = generator.next() % 8 == 0 ? .channelDeleted : .memberLeft
                }
                let effects = ticket.send(event)
                played += 1
                let after = ticket.state
                #expect(states.contains(after.state), "\(workflow.title) \(category.name): unknown state \(after.state) (seed \(seed))")
                #expect(after.handler != owner.id, "the member became their own handler (seed \(seed))")
                if let handler = after.handler { #expect(people.contains { $0.id == handler && $0.id != owner.id }, "seed \(seed)") }
                if before.isClosed {
                    #expect(effects.isEmpty && after == before, "a closed ticket acted on \(event) (seed \(seed))")
                }
                if effects.contains(where: { if case .refuse = $0 { true } else { false } }) {
                    #expect(after.state == before.state && after.handler == before.handler && after.sanction == before.sanction,
                            "a refused \(event) changed the ticket (seed \(seed))")
                }
                if after.isClosed { closed += 1; break }
            }
        }
        #expect(closed > 0, "random traffic closes some tickets: otherwise the invariants were barely exercised")
    }
}

