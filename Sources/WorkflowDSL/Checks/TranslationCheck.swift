/// W601: a text lacks one of the workflow's languages; E603: a text is
/// written in a language the workflow does not declare.
///
/// Members choose their language; a text missing in theirs falls back to
/// the default language, which is what this warning makes visible.
struct TranslationCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        let declared = context.symbols.locales
        for text in context.file.texts {
            var present: Set<String> = []
            for translation in text.translations {
                let locale = translation.locale?.text ?? declared[0]
                if let name = translation.locale, !declared.contains(name.text) {
                    diagnostics.report(.undeclaredLocale, "the language `\(name.text)` is not declared", at: name.range,
                                       help: context.file.locales.isEmpty
                                           ? "declare the workflow's languages at the top: `locales es, en`"
                                           : "add it to `locales`, or remove this translation")
                }
                if !present.insert(locale).inserted {
                    diagnostics.report(.duplicateName, "the text `\(text.name.text)` has two `\(locale)` versions",
                                       at: translation.locale?.range ?? translation.text.range)
                }
            }
            let missing = declared.filter { !present.contains($0) }
            if !missing.isEmpty, !text.translations.isEmpty {
                diagnostics.report(.missingTranslation,
                                   "the text `\(text.name.text)` has no \(missing.map { "`\($0)`" }.joined(separator: ", ")) version",
                                   at: text.name.range, help: "add a line such as `\(missing[0]) \"...\"` to the text")
            }
        }
        guard declared.count > 1 else { return }
        context.forEachMessage { reference, _ in
            guard case .literal(let literal) = reference else { return }
            diagnostics.report(.missingTranslation,
                               "this text is only in `\(declared[0])`, but the workflow speaks \(declared.joined(separator: ", "))",
                               at: literal.range, help: "declare it with `text NAME { ... }` and one line per language, then use its name")
        }
    }
}
