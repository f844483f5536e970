/// PCRE2's reasons for refusing a pattern (`pcre2_get_error_message`), in
/// the languages admins read: PCRE2 says them in English only, and an
/// E301 quotes one («missing closing parenthesis»). The commonest mistakes
/// of a hand-written pattern; a rarer reason stays as PCRE2 says it.
enum PatternReasons {
    static let translations: [String: (es: String, fr: String)] = [
        #"\ at end of pattern"#: (#"\ al final del patrón"#, #"\ à la fin du motif"#),
        #"unrecognized character follows \"#: (#"carácter no reconocido después de \"#, #"caractère non reconnu après \"#),
        "numbers out of order in {} quantifier": ("números en desorden en el cuantificador {}", "nombres dans le désordre dans le quantificateur {}"),
        "number too big in {} quantifier": ("número demasiado grande en el cuantificador {}", "nombre trop grand dans le quantificateur {}"),
        "missing terminating ] for character class": ("falta el ] que cierra la clase de caracteres", "il manque le ] qui ferme la classe de caractères"),
        "range out of order in character class": ("intervalo en desorden en la clase de caracteres", "intervalle dans le désordre dans la classe de caractères"),
        "quantifier does not follow a repeatable item": ("el cuantificador no sigue a nada que se pueda repetir", "le quantificateur ne suit rien de répétable"),
        "unrecognized character after (? or (?-": ("carácter no reconocido después de (? o (?-", "caractère non reconnu après (? ou (?-"),
        "POSIX named classes are supported only within a class": ("las clases POSIX con nombre solo valen dentro de una clase", "les classes POSIX nommées ne valent qu'à l'intérieur d'une classe"),
        "missing closing parenthesis": ("falta el paréntesis de cierre", "il manque la parenthèse fermante"),
        "reference to non-existent subpattern": ("referencia a un subpatrón que no existe", "référence à un sous-motif qui n'existe pas"),
        "missing ) after (?# comment": ("falta el ) después del comentario (?#", "il manque la ) après le commentaire (?#"),
        "unmatched closing parenthesis": ("paréntesis de cierre sin abrir", "parenthèse fermante sans ouvrante"),
        "lookbehind assertion is not fixed length": ("la aserción hacia atrás no tiene longitud fija", "l'assertion arrière n'a pas une longueur fixe"),
    ]

    /// `text` with each «reason» PCRE2 gave said in `language`.
    static func localize(_ text: String, to language: DiagnosticLanguage) -> String {
        guard language != .en, text.contains("«") else { return text }
        var text = text
        for (english, words) in translations where text.contains("«\(english)»") {
            text = text.replacingOccurrences(of: "«\(english)»", with: "«\(language == .es ? words.es : words.fr)»")
        }
        return text
    }
}
