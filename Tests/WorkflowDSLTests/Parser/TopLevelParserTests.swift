import Testing
@testable import WorkflowDSL

@Suite("Top-level statements")
struct TopLevelParserTests {
    static func ladder(_ ranks: String) -> WorkflowCompiler.Result {
        compile("""
            locales es
            \(ranks)
            role programador "PROGRAMADOR NASH"
            channel soporte
            panel p "Soporte" in soporte { opens t }
            ticket t "T" {
              receives cm
              button cerrar "Cerrar"
              on button cerrar by staff: close
            }
            """)
    }

    @Test("ranks and roles carry the names people call them by; a long ladder goes on after a `<`")
    func displayNames() throws {
        let result = Self.ladder("""
            ranks cm "CM" < trainee "Trainee"
                < moderator < admin "Administrador"
            """)
        let workflow = try #require(result.workflow, "\(result.diagnostics)")
        #expect(workflow.ranks == ["cm", "trainee", "moderator", "admin"])
        #expect(workflow.displayName(of: "trainee") == "Trainee")
        #expect(workflow.displayName(of: "moderator") == "moderator", "no name given: the workflow's own")
        #expect(workflow.displayName(of: "programador") == "PROGRAMADOR NASH")
    }

    @Test("a name in quotes where a rank belongs is a syntax error that says what to write")
    func labelWithoutRank() {
        let result = Self.ladder(#"ranks "CM" < trainee"#)
        #expect(result.workflow == nil)
        #expect(result.diagnostics.first?.message.contains("expected a rank name after `ranks`") == true, "\(result.diagnostics)")
    }
}
