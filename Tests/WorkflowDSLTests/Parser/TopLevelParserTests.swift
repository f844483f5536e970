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

    static func antiCheat(_ question: String, _ rule: String) -> WorkflowCompiler.Result {
        compile("""
            locales es
            ranks cm < admin
            channel soporte
            panel p "Soporte" in soporte { opens t }
            ticket t "T" {
              receives cm
              question fps "¿Instalaste archivos FPS?" \(question)
              question que "¿Qué pasó?" long
              button escalar "Escalar"
              on button escalar by cm if \(rule): escalate to admin
              on button escalar by cm: say "Faltan los enlaces"
              button cerrar "Cerrar"
              on button cerrar by staff: close
            }
            """)
    }

    @Test("a question with choices is a menu; `ANSWER is CHOICE` reads the choice by name")
    func choices() throws {
        let result = Self.antiCheat(#"choice si "Sí", no "No", nose "No lo sé""#, "fps is no")
        let workflow = try #require(result.workflow, "\(result.diagnostics)")
        let question = try #require(workflow.category(named: "t")?.questions.first)
        #expect(question.choices?.map(\.name) == ["si", "no", "nose"])
        #expect(question.shown("nose") == "No lo sé" && question.shown("otra cosa") == "otra cosa")
        #expect(workflow.category(named: "t")?.questions.last?.choices == nil, "a written question has none")
    }

    @Test("a choice the question does not have, a written question read as a choice, a menu marked long: each says what to write")
    func wrongChoices() {
        let misspelt = Self.antiCheat(#"choice si "Sí", no "No""#, "fps is noo")
        #expect(misspelt.diagnostics.map(\.code) == [.undefinedName])
        #expect(misspelt.diagnostics.first?.message == "no choice of `fps` named `noo` in this ticket")
        #expect(misspelt.diagnostics.first?.fix?.replacement == "no")
        let written = Self.antiCheat("", "que is no")
        #expect(written.diagnostics.map(\.code) == [.undefinedName])
        #expect(written.diagnostics.first?.help?.contains("`que` is written, not chosen") == true, "\(written.diagnostics)")
        let long = Self.antiCheat(#"long choice si "Sí", no "No""#, "fps is no")
        #expect(long.diagnostics.first?.message == "a question with choices is a menu, never `long`")
        for result in [misspelt, written, long] {
            for diagnostic in result.diagnostics {
                for text in [diagnostic.message] + (diagnostic.help.map { [$0] } ?? []) {
                    #expect(DiagnosticCatalogue.translation(of: text, to: .es) != nil, "not in Spanish: \(text)")
                    #expect(DiagnosticCatalogue.translation(of: text, to: .fr) != nil, "not in French: \(text)")
                }
            }
        }
    }
}
