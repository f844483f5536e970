/// Whether a member's written answer to the farewell question («¿hay algo
/// más en lo que pueda ayudarte?») says no: the fallback when they write
/// instead of clicking one of the question's buttons.
///
/// An answer declines when it starts with a no (or a thanks) and the rest
/// is only the words people close with: «No, eso es todo», «No tengo más
/// preguntas, gracias», «Non merci, c'est tout», «No, that's all». Anything
/// else keeps the ticket open, as staff would read it: a question, a "but",
/// «No sé», «No entiendo por qué me lo cerráis», «Gracias, tengo otra duda».
enum FarewellAnswer {
    /// First words that say no.
    static let negations: Set<String> = ["no", "nop", "nope", "nah", "nada", "ninguna", "ninguno", "non", "rien", "nothing"]
    /// First words that thank, which close too when nothing follows that asks for more.
    static let thanks: Set<String> = ["gracias", "listo", "merci", "thanks", "thank", "vale", "ok", "okay", "perfecto", "parfait", "perfect"]
    /// Words people close with, after the first.
    static let closingWords: Set<String> = [
        // es
        "gracias", "muchas", "mil", "eso", "es", "era", "todo", "nada", "bien", "asi", "esta", "estoy", "listo", "perfecto",
        "genial", "vale", "ok", "de", "por", "ahora", "hace", "falta", "resuelto", "solucionado", "un", "saludo",
        "saludos", "buen", "buenas", "dia", "tarde", "noches", "correcto", "ya", "esta", "todo", "no", "tu", "ayuda", "la",
        // fr
        "merci", "beaucoup", "c", "est", "tout", "rien", "d", "autre", "ca", "ira", "bon", "bonne", "journee", "soiree", "parfait",
        "pour", "le", "resolu", "regle", "non", "votre", "aide", "cela", "me", "va",
        // en
        "thanks", "thank", "you", "that", "s", "all", "i", "m", "good", "nothing", "else", "fine", "okay", "for", "now", "it", "is",
        "resolved", "a", "nice", "day", "great", "perfect", "set", "done", "your", "help", "so", "much", "very",
    ]
    /// After a no only: «no tengo más preguntas» declines, «gracias, tengo
    /// más preguntas» does not.
    static let afterNegation: Set<String> = [
        "tengo", "necesito", "mas", "momento", "moment", "otra", "pregunta", "preguntas", "consulta", "consultas", "duda", "dudas",
        "j", "ai", "besoin", "plus", "question", "questions", "pas",
        "have", "need", "more", "any", "other", "questions", "question",
    ]
    /// Words that turn an answer into more to say.
    static let contrast: Set<String> = ["pero", "aunque", "embargo", "but", "however", "though", "mais", "sauf", "cependant", "pourtant"]

    static func declines(_ text: String) -> Bool {
        let folded = fold(text)
        guard !folded.contains("?") else { return false }
        let words = folded.split { !$0.isLetter }.map(String.init)
        guard let first = words.first, words.count <= 10, !words.contains(where: contrast.contains) else { return false }
        let rest = words.dropFirst()
        if negations.contains(first) { return rest.allSatisfy { closingWords.contains($0) || afterNegation.contains($0) } }
        if thanks.contains(first) { return rest.allSatisfy { closingWords.contains($0) } }
        // «Eso es todo», «C'est tout», «That's all», «Todo bien».
        return words.count <= 4 && words.allSatisfy { closingWords.contains($0) } && !words.allSatisfy { ["es", "est", "is", "it", "s"].contains($0) }
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
