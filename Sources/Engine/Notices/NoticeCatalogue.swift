import WorkflowDSL

/// The words of every `Notice`, per language, and the one rule that picks
/// the language: the workflow's language closest to the member's
/// (`Workflow.locale(closestTo:)`), in words if the catalogue has them,
/// else English.
///
/// Each language is one file (`NoticeCatalogue+es.swift`): a table from
/// key to words, with `{name}` where an argument goes. A test requires
/// every key in every language, with the same places.
public enum NoticeCatalogue {
    /// Language code → words by key.
    public static let languages: [String: [NoticeKey: String]] = ["en": english, "es": spanish, "fr": french]

    /// The language a message is worded in for `locale` (`es-ES` → `es`).
    public static func language(for locale: String) -> String {
        let code = String(locale.prefix(2))
        return languages[code] == nil ? "en" : code
    }

    /// The message in words, for a member whose language is `locale`.
    public static func text(_ message: Notice, locale: String) -> RichText {
        let language = language(for: locale)
        return fill(words(message.key, language: language), with: message.arguments(language: language))
    }

    /// The words of a key, in English when the language lacks them (the
    /// catalogue test makes sure none does).
    static func words(_ key: NoticeKey, language: String) -> String {
        languages[language]?[key] ?? english[key] ?? key.rawValue
    }

    /// `{name}` places filled with their arguments; a place with no
    /// argument stays as written, so a mistake shows instead of vanishing.
    static func fill(_ words: String, with arguments: [String: RichText]) -> RichText {
        var result = RichText()
        var literal = ""
        var rest = Substring(words)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = arguments[String(rest[rest.index(after: open)..<close])] else {
                literal += "{"
                rest = rest[rest.index(after: open)...]
                continue
            }
            if !literal.isEmpty { result.segments.append(.text(literal)) }
            literal = ""
            result += value
            rest = rest[rest.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { result.segments.append(.text(literal)) }
        return merged(result)
    }

    /// Adjacent text segments joined, so equal texts compare equal.
    static func merged(_ text: RichText) -> RichText {
        var segments: [RichText.Segment] = []
        for segment in text.segments {
            if case .text(let next) = segment, case .text(let previous)? = segments.last {
                segments[segments.count - 1] = .text(previous + next)
            } else {
                segments.append(segment)
            }
        }
        return RichText(segments)
    }

    /// An actor as a refusal names it: "quien atiende el ticket", or a rank.
    static func name(of actor: Actor, language: String) -> RichText {
        let key: NoticeKey? = switch actor {
        case .user: .actorOwner
        case .handler: .actorHandler
        case .anyStaff: .actorStaff
        case .sanctioner: .actorSanctioner
        default: nil
        }
        return RichText(key.map { words($0, language: language) } ?? actor.description)
    }

    /// `86400` → "1 d", `3600` → "1 h": a limit's period as admins wrote it.
    static func span(_ seconds: Int, language: String) -> RichText {
        let (count, key): (Int, NoticeKey) =
            if seconds % 604_800 == 0 { (seconds / 604_800, .spanWeeks) }
            else if seconds % 86_400 == 0 { (seconds / 86_400, .spanDays) }
            else if seconds % 3_600 == 0 { (seconds / 3_600, .spanHours) }
            else { (max(1, seconds / 60), .spanMinutes) }
        return fill(words(key, language: language), with: ["count": RichText(String(count))])
    }
}
