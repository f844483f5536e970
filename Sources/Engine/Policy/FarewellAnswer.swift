/// Whether a member's answer to the farewell question («¿hay algo más en
/// lo que pueda ayudarte?») says no. Only a short answer that starts with
/// a no counts: «No, gracias» closes the ticket, «No entiendo por qué me lo
/// cerráis» keeps it open, as staff would read it.
enum FarewellAnswer {
    /// First words that decline, in the languages Escala speaks.
    static let noWords: Set<String> = [
        "no", "nop", "nope", "nada", "ninguna", "ninguno", "listo",
        "non", "rien", "merci", "nothing", "nah", "thanks", "gracias",
    ]
    /// Whole answers that decline though their first word alone does not.
    static let noPhrases: Set<String> = [
        "eso es todo", "es todo", "nada mas", "esta bien asi", "todo bien", "todo correcto",
        "c est tout", "ca ira", "tout est bon", "that s all", "all good", "i m good",
    ]

    static func declines(_ text: String) -> Bool {
        let words = fold(text).split { !$0.isLetter }.map(String.init)
        guard let first = words.first, words.count <= 4 else { return false }
        return noPhrases.contains(words.joined(separator: " ")) || (noWords.contains(first) && words.count <= 3)
    }

    /// Lower case without accents, for the few words above: «Más» is
    /// «mas», «Ça» is «ca». By hand rather than Foundation's folding, which
    /// on Linux is ICU's: every answer to the farewell went through it, and
    /// ICU's tables then stayed in the bot's memory.
    static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if (0x300...0x36F).contains(scalar.value) { return nil } // a combining accent
            return unaccented[scalar] ?? scalar
        }))
    }

    /// The accented letters of Spanish, French and English, lower case.
    private static let unaccented: [Unicode.Scalar: Unicode.Scalar] = {
        let groups: [(String, Unicode.Scalar)] = [("áàâäãå", "a"), ("éèêë", "e"), ("íìîï", "i"), ("óòôöõ", "o"), ("úùûü", "u"),
                                                  ("ýÿ", "y"), ("ñ", "n"), ("ç", "c")]
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (letters, plain) in groups {
            for letter in letters.unicodeScalars { map[letter] = plain }
        }
        return map
    }()
}
