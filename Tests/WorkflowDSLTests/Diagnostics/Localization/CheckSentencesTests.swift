import Testing
@testable import WorkflowDSL

/// `escala explain` in Spanish and French: every code has its paragraph,
/// which keeps the names of the English one, and lint's line as lint prints
/// it in that language.
@Suite("Check explanations in Spanish and French")
struct CheckSentencesTests {
    static func quoted(_ text: String) -> Set<String> {
        Set(text.matches(of: #/`[^`]+`/#).map { String($0.output) })
    }

    @Test("each code is explained in Spanish and French, with every name in backticks of the English", arguments: [DiagnosticLanguage.es, .fr])
    func everyCode(_ language: DiagnosticLanguage) throws {
        let words = try #require(CheckSentences.words(language))
        for code in DiagnosticCode.allCases {
            let english = code.summary + " " + CheckExample.of(code).why
            guard let sentence = words.sentences[code] else { Issue.record("\(language.rawValue): no paragraph for \(code.rawValue)"); continue }
            #expect(Self.quoted(english).isSubset(of: Self.quoted(sentence)), "\(language.rawValue) \(code.rawValue): \(sentence)")
            let explanation = code.explanation(in: language)
            #expect(explanation.contains(sentence) && !explanation.contains(english))
            #expect(explanation.contains(words.bad + "\n") && explanation.contains(words.fixed + "\n"))
            let lint = try #require(CheckExample.of(code).lint[language])
            #expect(explanation.contains(lint) && lint != CheckExample.of(code).lint[.en], "\(code.rawValue): lint's line is translated")
        }
    }
}
