import Testing
@testable import WorkflowDSL

/// A hostile or broken file cannot exhaust the parser's stack: conditions,
/// the one place it recurses on its input, stop at 256 levels with a
/// diagnostic that says so.
@Suite("Nesting limit")
struct NestingTests {
    static func workflow(condition: String) -> String {
        """
        ranks cm < admin
        channel soporte
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives cm
          flag urgente "Urgente"
          button marcar "Marcar"
          on button marcar by cm: set urgente
          button cerrar "Cerrar"
          on button cerrar by cm if \(condition): close
        }

        """
    }

    @Test("10,000 nested `not` or `(` end in one clear diagnostic, not a crash", arguments: ["not ", "("])
    func deepNesting(_ opener: String) {
        let condition = String(repeating: opener, count: 10_000) + "urgente" + (opener == "(" ? String(repeating: ")", count: 10_000) : "")
        let result = compile(Self.workflow(condition: condition))
        let nesting = result.diagnostics.filter { $0.message == "more than 256 levels of nesting in a condition" }
        #expect(nesting.count == 1)
        #expect(nesting.first?.code == .syntax)
        #expect(result.workflow == nil)
    }

    @Test("a condition nested within the limit compiles to the same guard")
    func withinTheLimit() throws {
        let condition = String(repeating: "not not ", count: 100) + "(((urgente)))"
        let result = compile(Self.workflow(condition: condition))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let workflow = try #require(result.workflow)
        let close = workflow.categories[0].sharedTransitions.first { $0.event == .button("cerrar") }
        var guardDepth = 0
        var current = close?.condition
        while case .not(let inner)? = current {
            guardDepth += 1
            current = inner
        }
        #expect(guardDepth == 200)
        #expect(current == .flag("urgente"))
    }
}
