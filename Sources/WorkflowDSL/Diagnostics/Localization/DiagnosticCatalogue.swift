/// Every diagnostic's words in the languages admins write in. A check
/// writes its message once, in English, where it finds the problem; the
/// catalogue words it for the admin when it is reported. The English
/// template (`MessageTemplate.key`) is the entry's key, so a new message
/// without a translation shows in English and the catalogue test names it.
public enum DiagnosticCatalogue {
    /// The words of one language.
    struct Words: Sendable {
        /// Whole messages and help lines, by English template.
        let messages: [String: String]
        /// The parts of "expected WHAT CONTEXT, found FOUND": what was
        /// expected, where, and what was there, by English template.
        let phrases: [String: String]
        /// How those parts make a sentence: `{what}`, `{context}`, `{found}`.
        let expected: String
        /// The word a help's example writes where the admin's own label
        /// goes (`button reabrir "Label"`): an example in the admin's
        /// language is copied as it is.
        let label: String
        /// The report's own words.
        let help: String
        let related: String
        /// The last line of a report, from the files checked, the errors,
        /// the warnings and the notes.
        let summary: @Sendable (Int, Int, Int, Int) -> String
    }

    static func words(_ language: DiagnosticLanguage) -> Words? {
        switch language {
        case .en: nil
        case .es: spanish
        case .fr: french
        }
    }

    /// `text` (a message, help or related line) in `language`; the English
    /// text when the catalogue does not word it.
    public static func localized(_ text: String, to language: DiagnosticLanguage) -> String {
        translation(of: text, to: language) ?? text
    }

    /// Nil when the catalogue has no words for `text` in `language`.
    static func translation(of text: String, to language: DiagnosticLanguage) -> String? {
        guard let words = words(language) else { return text }
        let template = MessageTemplate(text)
        if let translated = words.messages[template.key] {
            let filled = template.filling(translated).replacingOccurrences(of: "\"Label\"`", with: "\"\(words.label)\"`")
            return PatternReasons.localize(filled, to: language)
        }
        return expectation(text, words)
    }

    /// "expected a rank after `escalate to`, found the end of the line":
    /// the parser says this for each place a word is missing, with a
    /// phrase for what and one for where; each is translated, then put
    /// together in the language's order.
    static func expectation(_ text: String, _ words: Words) -> String? {
        guard text.hasPrefix("expected "), let comma = text.range(of: ", found ", options: .backwards) else { return nil }
        let middle = String(text[text.index(text.startIndex, offsetBy: "expected ".count)..<comma.lowerBound])
        guard let found = phrase(String(text[comma.upperBound...]), words) else { return nil }
        func sentence(_ what: String, _ context: String) -> String? {
            var what = what
            var quoted = ""
            if what.hasSuffix(" in double quotes") {
                what.removeLast(" in double quotes".count)
                guard let inQuotes = words.phrases["in double quotes"] else { return nil }
                quoted = " " + inQuotes
            }
            guard let whatWords = phrase(what, words), let contextWords = context.isEmpty ? "" : phrase(context, words) else { return nil }
            return words.expected.replacingOccurrences(of: "{what}", with: whatWords + quoted)
                .replacingOccurrences(of: " {context}", with: contextWords.isEmpty ? "" : " " + contextWords)
                .replacingOccurrences(of: "{found}", with: found)
        }
        if let whole = sentence(middle, "") { return whole }
        // Where the phrase for "what" ends: at one of the words a place
        // starts with, trying the last first ("a text in quotes after `say`").
        var candidates: [String.Index] = []
        for starter in [" after ", " in ", " inside ", " before ", " between ", " to "] {
            var searchRange = middle.startIndex..<middle.endIndex
            while let found = middle.range(of: starter, range: searchRange) {
                candidates.append(found.lowerBound)
                searchRange = found.upperBound..<middle.endIndex
            }
        }
        for split in candidates.sorted(by: >) {
            let what = String(middle[..<split])
            let context = String(middle[middle.index(after: split)...])
            if let done = sentence(what, context) { return done }
        }
        return nil
    }

    static func phrase(_ text: String, _ words: Words) -> String? {
        let template = MessageTemplate(text)
        if template.key == "{0}" { return text } // a name in backticks says itself
        return words.phrases[template.key].map(template.filling)
    }

    /// The report's last line in `language`.
    public static func summary(files: Int, errors: Int, warnings: Int, notes: Int, language: DiagnosticLanguage) -> String? {
        words(language)?.summary(files, errors, warnings, notes)
    }

    /// The word before a help line (`= help:`).
    public static func helpLabel(_ language: DiagnosticLanguage) -> String {
        words(language)?.help ?? "help"
    }
}
