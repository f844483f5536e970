import WorkflowDSL

/// The words of a name's hover (`**button** `cerrar` of `soporte``) in the
/// workflow's language. The kinds are the ones `DocumentIndex` declares.
enum HoverWords {
    static func kind(_ kind: String, _ language: DiagnosticLanguage) -> String {
        guard language != .en, let words = kinds[kind] else { return kind }
        return language == .es ? words.es : words.fr
    }

    private static let kinds: [String: (es: String, fr: String)] = [
        "rank": ("rango", "rang"), "role": ("rol", "rôle"), "channel": ("canal", "salon"), "text": ("texto", "texte"),
        "form": ("formulario", "formulaire"), "ticket": ("categoría de tickets", "catégorie de tickets"),
        "panel": ("panel", "panneau"), "offence": ("infracción", "infraction"), "locale": ("idioma", "langue"),
        "message": ("mensaje", "message"), "level": ("nivel de reputación", "niveau de réputation"),
        "autorole": ("autorrol", "autorôle"), "activity": ("tablón de actividad", "tableau d'activité"),
        "state": ("estado", "état"), "button": ("botón", "bouton"), "flag": ("indicador", "indicateur"),
        "question": ("pregunta", "question"), "evidence": ("prueba", "preuve"),
    ]

    /// ` of `soporte``: the ticket category a state or button belongs to.
    static func of(_ ticket: String, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: " of `\(ticket)`"
        case .es: " de `\(ticket)`"
        case .fr: " de `\(ticket)`"
        }
    }

    static func level(_ level: Int, of count: Int, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: ", level \(level) of \(count) of the ladder"
        case .es: ", nivel \(level) de \(count) de la escala"
        case .fr: ", niveau \(level) sur \(count) de l'échelle"
        }
    }

    static func declared(onLine line: Int, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "declared on line \(line)"
        case .es: "declarado en la línea \(line)"
        case .fr: "déclaré à la ligne \(line)"
        }
    }

    static func seeTheDocs(_ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "See `docs/language.md`."
        case .es: "Más en `docs/language.md`."
        case .fr: "Plus dans `docs/language.md`."
        }
    }
}
