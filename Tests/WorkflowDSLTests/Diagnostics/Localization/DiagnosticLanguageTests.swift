import Testing
@testable import WorkflowDSL

@Suite("The language of diagnostics")
struct DiagnosticLanguageTests {
    @Test("--lang first, then the system's language, then the workflow's first locale, then English")
    func resolution() {
        #expect(DiagnosticLanguage.resolve(asked: "fr", environment: ["LANG": "es_ES.UTF-8"], workflowLocales: ["es"]) == .fr)
        #expect(DiagnosticLanguage.resolve(asked: nil, environment: ["LANG": "es_ES.UTF-8"], workflowLocales: ["fr"]) == .es)
        #expect(DiagnosticLanguage.resolve(asked: nil, environment: ["LC_ALL": "fr_CA.UTF-8", "LANG": "es_ES.UTF-8"], workflowLocales: []) == .fr)
        #expect(DiagnosticLanguage.resolve(asked: nil, environment: ["LANG": "C.UTF-8"], workflowLocales: ["es", "en"]) == .es,
                "a system with no language leaves it to the workflow")
        #expect(DiagnosticLanguage.resolve(asked: nil, environment: [:], workflowLocales: ["de"]) == .en)
        #expect(DiagnosticLanguage(locale: "pt-BR") == nil)
    }

    @Test("a folder of Spanish and French workflows: each file in its own language, the last line in the one its problems are in")
    func mixedFolder() {
        func workflow(_ path: String, _ locale: String, _ receives: String) -> SourceFile {
            SourceFile(path: path, text: """
                locales \(locale)
                ranks cm < admin
                channel soporte
                panel p "Soporte" in soporte { opens t }
                ticket t "T" {
                  receives \(receives)
                  button cerrar "Cerrar"
                  on button cerrar by staff: close
                }

                """)
        }
        // The French file comes first and is clean; the Spanish one has two problems.
        let files = [workflow("a.flow", "fr", "cm"), workflow("b.flow", "es", "cn"), workflow("c.flow", "es", "admn")]
        let run = LintRun(files: files.map { LintRun.check($0, ids: nil, idsOptional: true).results }.flatMap { $0 })
            .localized(asked: nil, environment: ["LANG": "C.UTF-8"])
        #expect(run.files.map(\.language) == [.fr, .es, .es])
        #expect(TextReporter.render(run).hasSuffix("3 archivos revisados: 2 errores, 0 avisos\n"), "\(TextReporter.render(run))")
        // With no problem at all, the language most files are in.
        let clean = LintRun(files: [files[0], workflow("d.flow", "es", "cm"), workflow("e.flow", "es", "admin")]
            .flatMap { LintRun.check($0, ids: nil, idsOptional: true).results }).localized(asked: nil, environment: [:])
        #expect(TextReporter.render(clean).hasSuffix("3 archivos revisados: ningún problema\n"), "\(TextReporter.render(clean))")
    }
}
