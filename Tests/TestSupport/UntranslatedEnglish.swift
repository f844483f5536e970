/// English words left in a text meant for a Spanish or French admin: the
/// words of English sentences that are not words of either language, found
/// outside what is quoted (`code`, «texts», "texts", [states], {places})
/// because
/// names, keywords and what people wrote stay as they are.
public func untranslatedEnglish(in text: String) -> [String] {
    var plain = ""
    var closing: Character?
    for character in text {
        if let end = closing {
            if character == end { closing = nil }
            continue
        }
        switch character {
        case "`": closing = "`"
        case "«": closing = "»"
        case "\"": closing = "\""
        case "[": closing = "]"
        case "{": closing = "}"
        default: plain.append(character)
        }
    }
    let words = plain.split { !($0.isLetter || $0 == "'") }.map { $0.lowercased() }
    return words.filter(englishOnly.contains)
}

/// Common English words no Spanish or French sentence uses ("no", "a",
/// "on", "me" are words there too, so they are not here).
let englishOnly: Set<String> = [
    "the", "is", "are", "was", "were", "and", "with", "not", "of", "this", "that", "which", "found", "expected",
    "unexpected", "never", "after", "before", "must", "would", "there", "here", "to", "in", "it", "its", "has",
    "have", "be", "by", "from", "at", "cannot", "does", "for", "when", "where", "what", "who", "nobody",
    "nothing", "shows", "says", "opens", "presses", "sent", "closed", "refused", "passed", "skipped", "line",
    "state", "handler", "open", "file", "files", "checked", "problems", "bad", "fixed", "declared", "level",
    "see", "ladder", "channel", "button", "failed", "creates", "member", "closes", "notifies",
    "mentions", "tells", "privately", "wait", "server", "room", "again", "writes", "already", "formatted",
    "reformatted", "run", "them", "first", "errors", "warnings",
]
