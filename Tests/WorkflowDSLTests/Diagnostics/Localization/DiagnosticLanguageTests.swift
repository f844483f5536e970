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
}
