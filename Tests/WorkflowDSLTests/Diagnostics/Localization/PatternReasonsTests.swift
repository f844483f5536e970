import Testing
@testable import WorkflowDSL

/// PCRE2's reason for refusing a pattern, in the admin's language.
@Suite("PCRE2's reasons in Spanish and French")
struct PatternReasonsTests {
    @Test("every reason translated is one PCRE2 gives, word for word")
    func reasonsArePCRE2s() {
        let given = Set((100...200).map { Pattern.message(for: Int32($0)) })
        for reason in PatternReasons.translations.keys {
            #expect(given.contains(reason), "PCRE2 never says «\(reason)»")
        }
    }

    @Test("the commonest broken patterns are refused in the workflow's language", arguments: [
        ("(reembolso", "falta el paréntesis de cierre", "il manque la parenthèse fermante"),
        ("[abc", "falta el ] que cierra la clase de caracteres", "il manque le ] qui ferme la classe de caractères"),
        ("*hola", "el cuantificador no sigue a nada que se pueda repetir", "le quantificateur ne suit rien de répétable"),
        ("hola)", "paréntesis de cierre sin abrir", "parenthèse fermante sans ouvrante"),
    ])
    func brokenPatterns(_ pattern: String, _ spanish: String, _ french: String) throws {
        let source = SourceFile(path: "t.flow", text: """
            locales es
            ranks cm < admin
            channel soporte
            panel p "Soporte" in soporte { opens t }
            ticket t "T" {
              receives cm
              button cerrar "Cerrar"
              on button cerrar by staff: close
              on user message matching "\(pattern)": escalate to admin
            }

            """)
        let diagnostics = WorkflowCompiler.compile(source).diagnostics.filter { $0.code == .invalidPattern }
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.localized(to: .es).message.contains("«\(spanish)»"), "\(diagnostic.localized(to: .es).message)")
        #expect(diagnostic.localized(to: .fr).message.contains("«\(french)»"), "\(diagnostic.localized(to: .fr).message)")
    }
}
