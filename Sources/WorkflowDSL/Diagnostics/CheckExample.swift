/// One code's example for `escala explain`, docs/language.md and SARIF's
/// rule help: the golden file's mistake, what lint says about it, and the
/// mistake corrected. The example's workflow stays as the golden file
/// writes it; lint's line is the one it prints in each language.
struct CheckExample: Sendable {
    /// What is wrong in this example, in English (the golden file's comment).
    let why: String
    let bad: String
    let lint: [DiagnosticLanguage: String]
    let fixed: String
}

extension DiagnosticCode {
    /// The longer explanation in English: the code's section of
    /// docs/language.md, word for word.
    public var explanation: String { explanation(in: .en) }

    /// The explanation an admin reads in `language`: what the check is
    /// about and what is wrong in the example, then the example.
    public func explanation(in language: DiagnosticLanguage) -> String {
        let example = CheckExample.of(self)
        let words = CheckSentences.words(language)
        let about = words?.sentences[self] ?? summary + " " + example.why
        return """
            ### \(rawValue) \(title)

            \(about)

            \(words?.bad ?? "Bad:")

            ```
            \(example.bad)
            ```

            ```
            \(example.lint[language] ?? example.lint[.en] ?? "")
            ```

            \(words?.fixed ?? "Fixed:")

            ```
            \(example.fixed)
            ```
            """
    }
}
