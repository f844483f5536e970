import Simulation
import Testing

@Suite("Scenario files")
struct ScenarioParserTests {
    @Test("an expect line with words left over is an error that shows them, not a check that ignores them")
    func trailingWords() {
        let (_, errors) = ScenarioParser.parse("""
            member ana
            ana opens caso
            expect mentioned admin manager
            expect state nuevo ya
            expect refused "Solo un admin" otra
            expect not visible to trainee moderator
            expect closed
            expect mentioned admin
            """, path: "extra.scenario")
        #expect(errors.map(\.line) == [3, 4, 5, 6])
        #expect(errors[0].message.hasPrefix("unexpected `manager` at the end: an `expect` line checks one thing"))
        #expect(errors[2].message.hasPrefix("unexpected `otra` at the end"))
        #expect(errors[3].message.hasPrefix("unexpected `moderator` at the end"))
    }

    @Test("the negatives read as people write them, and say how when they are half written")
    func negatives() {
        let (scenario, errors) = ScenarioParser.parse("""
            member ana
            ana opens caso
            expect not visible to admin
            expect not mentioned trainee
            expect not refused
            expect not notified chat_staff
            expect not notified chat_staff "Devolución"
            expect not visible admin
            expect not mentioned
            """, path: "neg.scenario")
        #expect(errors.map(\.line) == [8, 9])
        #expect(errors[0].message == "write `expect not visible to RANK` (or a person's name)")
        let expectations = scenario.steps.compactMap { step -> String? in
            guard case .expect(let expectation) = step.action else { return nil }
            return switch expectation {
            case .visibleTo(let rank, negated: true): "not visible to \(rank)"
            case .mentioned(let name, negated: true): "not mentioned \(name)"
            case .refused(nil, negated: true): "not refused"
            case .notified(let channel, let text, negated: true): "not notified \(channel) \(text ?? "")"
            default: "other"
            }
        }
        #expect(expectations == ["not visible to admin", "not mentioned trainee", "not refused", "not notified chat_staff ",
                                 "not notified chat_staff Devolución"])
    }
}
