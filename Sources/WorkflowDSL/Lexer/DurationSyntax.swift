/// The workflow language's durations (`15m`, `1h30m`, `2d`) for other
/// front ends, such as scenario files, so that a duration is spelled the
/// same everywhere an admin writes one.
public enum DurationSyntax {
    /// Seconds, or nil when `spelling` is not a duration.
    public static func seconds(_ spelling: String) -> Int? { Lexer.durationSeconds(spelling) }

    /// The unit people write in words (`hours`, `horas`, `heures`, `min`…)
    /// → the letter the language uses. Accents and case folded.
    static let unitWords: [String: String] = {
        let units: [(String, [String])] = [
            ("s", ["s", "sec", "secs", "second", "seconds", "segundo", "segundos", "seg", "seconde", "secondes"]),
            ("m", ["min", "mins", "minute", "minutes", "minuto", "minutos"]),
            ("h", ["h", "hr", "hrs", "hour", "hours", "hora", "horas", "heure", "heures"]),
            ("d", ["day", "days", "dia", "dias", "jour", "jours"]),
            ("w", ["week", "weeks", "semana", "semanas", "semaine", "semaines", "sem"]),
        ]
        var table: [String: String] = [:]
        for (letter, words) in units { for word in words { table[word] = letter } }
        return table
    }()

    /// `2 hours`, `2horas`, `30 min` → `2h`, `2h`, `30m`: what to write
    /// instead, when the number and the unit word are clear.
    public static func suggestion(number: String, unit: String) -> String? {
        guard Int(number) != nil, let letter = unitWords[KeywordTranslations.folded(unit)] else { return nil }
        return number + letter
    }

    /// The same for a word glued to its number (`2hours`).
    public static func suggestion(_ spelling: String) -> String? {
        let digits = spelling.prefix { $0.isASCII && $0.isNumber }
        return suggestion(number: String(digits), unit: String(spelling.dropFirst(digits.count)))
    }
}
