/// What each check is about, in the languages admins read: the first
/// paragraph of `escala explain CODE --lang es`. In English it is the code's
/// `summary` and the golden file's comment; a translation says both in one
/// paragraph and keeps every name in backticks as the English writes it.
struct CheckSentences: Sendable {
    /// What comes before the mistaken example, and before the corrected
    /// one, with the language's colon (`Incorrect :`).
    let bad: String
    let fixed: String
    let sentences: [DiagnosticCode: String]

    static func words(_ language: DiagnosticLanguage) -> CheckSentences? {
        switch language {
        case .en: nil
        case .es: spanish
        case .fr: french
        }
    }
}
