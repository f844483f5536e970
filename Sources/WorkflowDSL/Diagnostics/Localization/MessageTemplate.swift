/// A diagnostic's words with what varies taken out: the names in
/// backticks, the texts in quotes or «», the numbers. The English words are
/// the key of the catalogue (as `msgid` is for gettext), so a message is
/// written once, where the problem is found, and translated in one place.
///
/// A list of names (`admin`, `cm`, `trainee`) is one argument, however
/// long, so that "known names: {0}" is one entry for every list.
struct MessageTemplate: Hashable {
    /// The words, with `{0}`, `{1}`… where the arguments were.
    let key: String
    let arguments: [String]

    private enum Piece {
        case words(String)
        case argument(String)
    }

    init(_ text: String) {
        var pieces: [Piece] = []
        func add(_ character: Character) {
            if case .words(let words)? = pieces.last { pieces[pieces.count - 1] = .words(words + String(character)) } else { pieces.append(.words(String(character))) }
        }
        func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let closing: Character? = switch character {
            case "`": "`"
            case "\"": "\""
            case "«": "»"
            default: nil
            }
            if let closing, let end = characters[(index + 1)...].firstIndex(of: closing) {
                pieces.append(.argument(String(characters[index...end])))
                index = end + 1
                continue
            }
            if character.isASCII, character.isNumber, index == 0 || !isWordCharacter(characters[index - 1]) {
                var end = index
                while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
                if end == characters.count || !isWordCharacter(characters[end]) {
                    pieces.append(.argument(String(characters[index..<end])))
                    index = end
                    continue
                }
            }
            add(character)
            index += 1
        }
        // `a`, `b`, `c`: one argument.
        var merged: [Piece] = []
        for piece in pieces {
            if case .argument(let next) = piece, merged.count >= 2,
               case .words(", ") = merged[merged.count - 1], case .argument(let list) = merged[merged.count - 2] {
                merged.removeLast(2)
                merged.append(.argument(list + ", " + next))
            } else {
                merged.append(piece)
            }
        }
        var key = ""
        var arguments: [String] = []
        for piece in merged {
            switch piece {
            case .words(let words): key += words
            case .argument(let argument):
                arguments.append(argument)
                key += "{\(arguments.count - 1)}"
            }
        }
        self.key = key
        self.arguments = arguments
    }

    /// `translation` with this message's arguments in its `{n}` places.
    func filling(_ translation: String) -> String {
        var result = ""
        var rest = Substring(translation)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let number = Int(rest[afterOpen..<close]), arguments.indices.contains(number) {
                result += arguments[number]
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }
}
