import Testing
@testable import WorkflowDSL

@Suite("Parser recovery")
struct ParserTests {
    @Test("mistakes in separate statements are each reported, in one run")
    func reportsEveryStatement() {
        let text = """
        ranks cm < trainee
        channel soporte
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives
          emoji 3
          mode
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }
        """
        let result = compile(text)
        #expect(result.diagnostics.map(\.code) == [.syntax, .syntax, .syntax])
        let source = SourceFile(path: "", text: text)
        #expect(result.diagnostics.map { source.location(of: $0.range.start).line } == [5, 6, 7])
    }

    @Test("a block that is never closed is reported at its opening brace")
    func unclosedBlock() {
        let text = minimalWorkflow + "ticket u \"U\" {\n  receives cm\n"
        let diagnostics = compile(text).diagnostics.filter { $0.code == .syntax }
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("never closed") == true)
        let source = SourceFile(path: "t", text: text)
        #expect(source.location(of: diagnostics[0].range.start).line == 9)
    }

    @Test("a stray closing brace does not hide the statements after it")
    func strayBrace() {
        let diagnostics = compile(minimalWorkflow + "}\nranks x < y\n").diagnostics
        #expect(diagnostics.map(\.code).contains(.syntax))
        #expect(diagnostics.map(\.code).contains(.duplicateName), "the second `ranks` line is still read")
    }

    @Test("a misspelt statement gets a suggestion")
    func misspeltStatement() {
        let diagnostics = compile(minimalWorkflow.replacingOccurrences(of: "receives cm", with: "recieves cm")).diagnostics
        #expect(diagnostics.first?.code == .syntax)
        #expect(diagnostics.first?.help == "did you mean `receives`?")
    }

    @Test("a statement in the wrong block says where it belongs")
    func misplaced() {
        let diagnostics = compile("receives cm\n" + minimalWorkflow).diagnostics
        #expect(diagnostics.first?.code == .misplacedStatement)
        #expect(diagnostics.first?.help?.contains("inside a `ticket`") == true)
    }

    @Test("actions after a colon, separated by semicolons, or in a block")
    func actionForms() throws {
        let text = minimalWorkflow.replacingOccurrences(of: "  on button cerrar by staff: close\n", with: """
          on opened: say "Hola"; rename "t-{ticket.number}"
          on button cerrar by staff {
            say "Adiós"
            close "Resuelto"
          }

        """)
        let workflow = try #require(compile(text).workflow)
        let transitions = try #require(workflow.categories.first?.sharedTransitions)
        #expect(transitions.map(\.steps.count) == [2, 2])
        #expect(transitions[1].target == "closed")
    }
}

@Suite("Names inside a ticket")
struct LocalNamesTests {
    @Test("two buttons, flags or answers with one name are reported")
    func duplicates() {
        let text = minimalWorkflow.replacingOccurrences(of: "  receives cm\n", with: """
          receives cm
          button cerrar "Otra vez"
          flag f
          flag f
          question motivo "¿Por qué?"
          require text motivo "Motivo"

        """)
        let found = compile(text).diagnostics.filter { $0.code == .duplicateName }.map(\.message)
        #expect(found.count == 3, "\(found)")
        #expect(found.contains { $0.contains("button `cerrar`") })
        #expect(found.contains { $0.contains("flag `f`") })
        #expect(found.contains { $0.contains("question or evidence item `motivo`") })
    }
}

@Suite("One error per mistake")
struct CascadeTests {
    @Test("a ticket never closed is one error: the categories it swallowed are not also reported as undeclared")
    func missingBrace() {
        let text = """
            locales es
            ranks cm < admin
            channel soporte
            text hola "Hola"
            panel p "S" in soporte { opens t, u }
            ticket t "T" {
              receives cm
              greeting hola
              button cerrar "Cerrar"
              on button cerrar by staff: close

            ticket u "U" {
              receives cm
              button cerrar "Cerrar"
              on button cerrar by staff: close
            }
            """
        let diagnostics = compile(text).diagnostics
        #expect(diagnostics.map(\.code) == [.syntax], "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.message == "the ticket `t` is never closed")
    }

    /// The file after `escala lint --fix`, and what lint says of it then.
    static func fixed(_ text: String) -> (text: String, diagnostics: [Diagnostic]) {
        let fixes = compile(text).diagnostics.compactMap(\.fix)
        let bytes = Diagnostic.Fix.apply(fixes, to: Array(text.utf8)).bytes
        let after = String(decoding: bytes, as: UTF8.self)
        return (after, compile(after).diagnostics)
    }

    static let head = """
        ranks cm < admin
        channel soporte
        panel p "S" in soporte { opens t, u }
        ticket t "T" {
          receives cm
          button cerrar "Cerrar"
          button pasar "Pasar"

        """

    @Test("a state's `}` missing in the middle of a ticket is blamed on that state, and --fix puts it where the state ends: one error, then none",
          arguments: [
            // The next state starts at the state's own indentation (line 11).
            ("""
               state abierta initial {
                 on button pasar by cm: go to esperando

               state esperando {
                 on button cerrar by cm: close
               }
             }
             ticket u "U" {
               receives cm
               button cerrar "Cerrar"
               on button cerrar by cm: close
             }

             """, 11),
            // The ticket's `}` (line 11) closed the state; the next ticket was swallowed.
            ("""
               state abierta initial {
                 on button pasar by cm: close
                 on button cerrar by cm: close
             }

             ticket u "U" {
               receives cm
               button cerrar "Cerrar"
               on button cerrar by cm: close
             }

             """, 11),
          ])
    func missingStateBrace(body: String, line: Int) {
        let text = Self.head + body
        let diagnostics = compile(text).diagnostics
        #expect(diagnostics.map(\.message) == ["the state `abierta` is never closed"], "\(text)")
        #expect(diagnostics.first?.help == "add a `}` before line \(line), where the state `abierta` ends")
        let (after, remaining) = Self.fixed(text)
        #expect(remaining.filter { $0.severity == .error }.isEmpty, "\(remaining.map(\.message))\n\(after)")
        #expect(after.filter { $0 == "}" }.count == text.filter { $0 == "}" }.count + 1, "one `}` added, not three")
    }

    @Test("an unescaped quote is one error: the actions after it on the line (`; close`) are not read again as statements")
    func unescapedQuoteCascade() {
        let text = minimalWorkflow.replacingOccurrences(of: "on button cerrar by staff: close",
                                                        with: "on button cerrar by staff: say \"Dijo \"hola\" y se fue\"; close")
        let diagnostics = compile(text).diagnostics.filter { $0.severity == .error }
        #expect(diagnostics.map(\.message) == ["the text ends here: a `\"` inside a text must be written `\\\"`"], "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.fix != nil)
    }

    @Test("two blocks never closed: no place is certain, so each `}` goes at the end of the file")
    func twoMissingBraces() {
        let text = minimalWorkflow + "ticket u \"U\" {\n  receives cm\n  state a initial {\n    on button cerrar by cm: close\n"
        let diagnostics = compile(text).diagnostics.filter { $0.code == .syntax }
        #expect(Set(diagnostics.map(\.message)) == ["the state `a` is never closed", "the ticket `u` is never closed"])
        #expect(diagnostics.allSatisfy { $0.fix?.range.start == text.utf8.count })
    }

    @Test("Spanish and French keywords are suggested like typos, wherever a keyword goes")
    func translatedKeywords() {
        for (line, keyword) in [("  estado nuevo initial {}", "state"), ("  recibe cm", "receives"), ("  botón otro \"Otro\"", "button"),
                                ("  on button cerrar by staff: fermer", "close"), ("  cuando button cerrar by staff: close", "on")] {
            let text = """
                ranks cm < admin
                channel soporte
                panel p "S" in soporte { opens t }
                ticket t "T" {
                  receives cm
                  button cerrar "Cerrar"
                  on button cerrar by staff: close
                \(line)
                }
                """
            let help = compile(text).diagnostics.first?.help ?? ""
            #expect(help.hasPrefix("did you mean `\(keyword)`? Escala's keywords are English"), "\(line): \(help)")
        }
    }
}
