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
        let pieces = parsed[language]?[message.key] ?? parsed["en"]?[message.key] ?? [.words(message.key.rawValue)]
        return fill(pieces, with: message.arguments(language: language))
    }

    /// A catalogue entry cut once into words and `{places}`: notices are
    /// written on every refusal and rule notice, so the words are not
    /// scanned each time.
    enum Piece: Sendable {
        case words(String)
        case place(String)
    }

    static let parsed: [String: [NoticeKey: [Piece]]] = languages.mapValues { $0.mapValues(pieces) }

    static func pieces(_ words: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(words)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.words(String(rest[..<open]))) }
            pieces.append(.place(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.words(String(rest))) }
        return pieces
    }

    /// The pieces with their places filled; a place with no argument stays
    /// as written, so a mistake shows instead of vanishing.
    static func fill(_ pieces: [Piece], with arguments: [String: RichText]) -> RichText {
        var result = RichText()
        for piece in pieces {
            switch piece {
            case .words(let words): result.segments.append(.text(words))
            case .place(let name): result += arguments[name] ?? RichText("{\(name)}")
            }
        }
        return merged(result)
    }

    /// The words of a key, in English when the language lacks them (the
    /// catalogue test makes sure none does).
    static func words(_ key: NoticeKey, language: String) -> String {
        languages[language]?[key] ?? english[key] ?? key.rawValue
    }

    /// `{name}` places of `words` filled with their arguments.
    static func fill(_ words: String, with arguments: [String: RichText]) -> RichText {
        fill(pieces(words), with: arguments)
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

    /// An actor as a refusal names it: «quien atiende el ticket», «un
    /// Trainee o un rango superior» (a rank by the workflow's name for it).
    static func name(of actor: Actor, language: String, displayNames: [String: String] = [:], amongOthers: Bool = false) -> RichText {
        switch actor {
        case .user: RichText(words(.actorOwner, language: language))
        case .handler: RichText(words(.actorHandler, language: language))
        case .anyStaff: RichText(words(.actorStaff, language: language))
        case .sanctioner: RichText(words(.actorSanctioner, language: language))
        case .rank(let rank, let exact):
            fill(words(exact ? .actorRank : amongOthers ? .actorRankOrAboveAmongOthers : .actorRankOrAbove, language: language),
                 with: ["rank": RichText(displayNames[rank] ?? rank)])
        case .role(let role): fill(words(.actorRank, language: language), with: ["rank": RichText(displayNames[role] ?? role)])
        }
    }

    /// What a mandatory step asks for, as the refusal says it.
    static func requirement(_ requirement: Category.Mandatory.Requirement, language: String, displayNames: [String: String]) -> RichText {
        switch requirement {
        case .evidenceComplete: RichText(words(.requirementEvidence, language: language))
        case .sanctionChosen: RichText(words(.requirementSanction, language: language))
        case .escalation(let actor):
            fill(words(.requirementEscalation, language: language),
                 with: ["who": name(of: actor.pingedExactly, language: language, displayNames: displayNames)])
        }
    }

    /// «a, b o c»: each named once, in the order given.
    static func either(_ actors: [Actor], language: String, displayNames: [String: String]) -> RichText {
        var seen: Set<Actor> = []
        let actors = actors.filter { seen.insert($0).inserted }
        let names = actors.map { name(of: $0, language: language, displayNames: displayNames, amongOthers: actors.count > 1) }
        guard names.count > 1 else { return names.first ?? RichText() }
        let head = names.dropLast().map(\.plain).joined(separator: ", ")
        return fill(words(.eitherOr, language: language), with: ["first": RichText(head), "last": names[names.count - 1]])
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
