/// Turns a file's bytes into tokens.
///
/// The lexer never fails: a character it does not understand becomes a
/// diagnostic and is skipped, an unclosed string ends at the line break.
/// Whatever it returns ends with exactly one `.endOfFile`.
public struct Lexer {
    private let bytes: [UInt8]
    private var index = 0
    private var tokens: [Token] = []

    public static func tokenize(_ file: SourceFile, diagnostics: inout DiagnosticBag) -> [Token] {
        var lexer = Lexer(bytes: file.bytes)
        lexer.tokens.reserveCapacity(file.bytes.count / 4)
        lexer.run(&diagnostics)
        return lexer.tokens
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func run(_ diagnostics: inout DiagnosticBag) {
        // A UTF-8 byte order mark is invisible in editors; tolerate it.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                emit(.newline, from: index, to: index + 1)
            case UInt8(ascii: "#"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "\""):
                lexString(&diagnostics)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumberLike(&diagnostics)
            case UInt8(ascii: "{"): emit(.leftBrace, from: index, to: index + 1)
            case UInt8(ascii: "}"): emit(.rightBrace, from: index, to: index + 1)
            case UInt8(ascii: "("): emit(.leftParen, from: index, to: index + 1)
            case UInt8(ascii: ")"): emit(.rightParen, from: index, to: index + 1)
            case UInt8(ascii: ":"): emit(.colon, from: index, to: index + 1)
            case UInt8(ascii: ";"): emit(.semicolon, from: index, to: index + 1)
            case UInt8(ascii: ","): emit(.comma, from: index, to: index + 1)
            case UInt8(ascii: "<"): emit(.less, from: index, to: index + 1)
            case UInt8(ascii: ">"): emit(.greater, from: index, to: index + 1)
            case UInt8(ascii: "="): emit(.equals, from: index, to: index + 1)
            case UInt8(ascii: "-"): emit(.minus, from: index, to: index + 1)
            default:
                if Lexer.startsIdentifier(byte) {
                    lexIdentifier()
                } else {
                    let start = index
                    index += Lexer.scalarLength(byte)
                    let shown = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
                    let help: String? = switch byte {
                    case UInt8(ascii: "'"): "texts go between double quotes: \"like this\""
                    case 0xE2: "texts go between straight double quotes (\"), not curly ones"
                    default: nil
                    }
                    diagnostics.report(.invalidCharacter, "unexpected character `\(shown)`",
                                       at: SourceRange(start: start, end: index), help: help)
                }
            }
        }
        tokens.append(Token(.endOfFile, .point(bytes.count)))
    }

    private mutating func emit(_ kind: Token.Kind, from start: Int, to end: Int, text: String = "", seconds: Int? = nil) {
        tokens.append(Token(kind, SourceRange(start: start, end: end), text: text, seconds: seconds))
        index = end
    }

    private mutating func lexIdentifier() {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if Lexer.continuesIdentifier(byte) {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < bytes.count,
                      Lexer.continuesIdentifier(bytes[index + 1]), index > start {
                // Hyphens join words (`anti-cheat`, `mon-fri`) but never
                // start or end a name.
                index += 1
            } else {
                break
            }
        }
        emit(.identifier, from: start, to: index, text: String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// Numbers, durations (`15m`, `1h30m`) and times of day (`09:30`).
    private mutating func lexNumberLike(_ diagnostics: inout DiagnosticBag) {
        let start = index
        while index < bytes.count, Lexer.isDigit(bytes[index]) { index += 1 }
        // A time of day: two digits, a colon, two digits.
        if index - start <= 2, index + 2 < bytes.count, bytes[index] == UInt8(ascii: ":"),
           Lexer.isDigit(bytes[index + 1]), Lexer.isDigit(bytes[index + 2]),
           index + 3 >= bytes.count || !Lexer.isDigit(bytes[index + 3]) {
            let end = index + 3
            emit(.time, from: start, to: end, text: String(decoding: bytes[start..<end], as: UTF8.self))
            return
        }
        guard index < bytes.count, Lexer.continuesIdentifier(bytes[index]), !Lexer.isDigit(bytes[index]) else {
            emit(.number, from: start, to: index, text: String(decoding: bytes[start..<index], as: UTF8.self))
            return
        }
        // Letters follow the digits: a duration. Take the whole word so that
        // `15min` is one bad duration, not a number and a name.
        while index < bytes.count, Lexer.continuesIdentifier(bytes[index]) { index += 1 }
        let spelling = String(decoding: bytes[start..<index], as: UTF8.self)
        let seconds = Lexer.durationSeconds(spelling)
        if seconds == nil {
            let written = DurationSyntax.suggestion(spelling)
            diagnostics.report(.invalidDuration, "`\(spelling)` is not a duration",
                               at: SourceRange(start: start, end: index),
                               help: written.map { "write `\($0)`" }
                                   ?? "write a number and a unit: s (seconds), m (minutes), h (hours), d (days), w (weeks), as in `15m` or `1h30m`",
                               fix: written.map { Diagnostic.Fix(SourceRange(start: start, end: index), $0) })
        }
        emit(.duration, from: start, to: index, text: spelling, seconds: seconds)
    }

    /// `15m` → 900, `1h30m` → 5400; nil for anything else.
    static func durationSeconds(_ spelling: String) -> Int? {
        var total = 0
        var value: Int? = nil
        var sawUnit = false
        for scalar in spelling.unicodeScalars {
            if let digit = Int(String(scalar)), scalar.isASCII {
                let next = (value ?? 0).multipliedReportingOverflow(by: 10)
                guard !next.overflow, next.partialValue <= 1_000_000 else { return nil }
                value = next.partialValue + digit
                continue
            }
            guard let amount = value else { return nil }
            let unit: Int
            switch scalar {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3600
            case "d": unit = 86_400
            case "w": unit = 604_800
            default: return nil
            }
            total += amount * unit
            value = nil
            sawUnit = true
        }
        guard sawUnit, value == nil, total > 0 else { return nil }
        return total
    }

    private mutating func lexString(_ diagnostics: inout DiagnosticBag) {
        let start = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "\"") {
                emit(.string, from: start, to: index + 1)
                return
            }
            if byte == UInt8(ascii: "\n") { break }
            index += 1
        }
        diagnostics.report(.unterminatedString, "this text is never closed",
                           at: SourceRange(start: start, end: index),
                           help: "add a `\"` at the end of the text, on the same line")
        // Keep the partial string so the statement still parses.
        tokens.append(Token(.string, SourceRange(start: start, end: index)))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func startsIdentifier(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
            // Letters outside ASCII (ñ, é, ç): admins name things in Spanish
            // and French. Curly quotes and dashes are punctuation, not names.
            || (byte >= 0xC3 && byte <= 0xDF)
    }

    static func continuesIdentifier(_ byte: UInt8) -> Bool {
        startsIdentifier(byte) || isDigit(byte) || (byte >= 0x80 && byte <= 0xBF)
    }

    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}
