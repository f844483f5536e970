/// The language `escala lint` speaks to an admin. Codes (`E101`) are the
/// same in every language, so a search for one finds its explanation
/// whatever language the admin reads.
public enum DiagnosticLanguage: String, Sendable, Hashable, CaseIterable {
    case en, es, fr

    /// A language from a locale as people and systems write it: `es`,
    /// `es-ES`, `es_ES.UTF-8`, `fr_CA`. Nil for one Escala does not speak
    /// (and for `C` or `POSIX`, which name no language at all).
    public init?(locale: String) {
        let code = locale.prefix { $0.isLetter }.lowercased()
        guard let language = DiagnosticLanguage(rawValue: code) else { return nil }
        self = language
    }

    /// The language for one file: the one asked for (`--lang`), else the
    /// system's (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them),
    /// else the workflow's first locale, else English.
    public static func resolve(asked: String?, environment: [String: String], workflowLocales: [String]) -> DiagnosticLanguage {
        chosen(asked: asked, environment: environment) ?? workflowLocales.lazy.compactMap(DiagnosticLanguage.init(locale:)).first ?? .en
    }

    /// The language the person or the system chose, if either did; nil
    /// leaves it to each workflow.
    public static func chosen(asked: String?, environment: [String: String]) -> DiagnosticLanguage? {
        if let asked, let language = DiagnosticLanguage(locale: asked) { return language }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            // The first variable set decides; one that names no language
            // (`C.UTF-8`) hands over to the workflow.
            return DiagnosticLanguage(locale: value)
        }
        return nil
    }

    /// The language most of `languages` are (a report's own words for
    /// files in several): a tie goes to the one that comes first.
    public static func most(of languages: [DiagnosticLanguage]) -> DiagnosticLanguage? {
        var counts: [DiagnosticLanguage: Int] = [:]
        for language in languages { counts[language, default: 0] += 1 }
        return languages.first { counts[$0] == counts.values.max() }
    }
}
