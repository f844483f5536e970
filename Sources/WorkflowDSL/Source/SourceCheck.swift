/// What makes a file unreadable as a workflow before a single statement is
/// read: too big, not UTF-8, lines that end with a lone CR, nothing in it.
/// Each is one diagnostic at the place it starts, instead of a cascade of
/// "unexpected character" for every byte after it.
enum SourceCheck {
    /// Real workflows are tens of kilobytes; a file past this is not one.
    static let maximumBytes = 4 << 20

    static func problem(_ source: SourceFile) -> Diagnostic? {
        let bytes = source.bytes
        func report(_ message: String, code: DiagnosticCode = .syntax, at offset: Int, help: String) -> Diagnostic {
            Diagnostic(code, message, path: source.path, range: SourceRange(start: offset, end: min(bytes.count, offset + 1)), help: help)
        }
        if bytes.count > maximumBytes {
            return report("this file has \(bytes.count / (1 << 20)) MB; a workflow file holds at most \(maximumBytes >> 20) MB", at: 0,
                          help: "split it into several .flow files in the same folder")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return report("this file is not UTF-8 text: the byte 0x\(hex) cannot start or continue a character here",
                          code: .invalidCharacter, at: bad, help: "save the file as UTF-8 in your editor (in VS Code: \"Save with Encoding\", UTF-8)")
        }
        if let cr = bytes.firstIndex(of: UInt8(ascii: "\r")), !bytes.contains(UInt8(ascii: "\n")) {
            return report("the lines of this file end with a lone CR (old Mac line endings)", at: cr,
                          help: "save it with LF or CRLF line endings")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let statements = text.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            return !trimmed.isEmpty && !trimmed.hasPrefix("#")
        }
        if !statements {
            return report("this file has no statements: a workflow needs at least `ranks` and a `ticket`", at: 0,
                          help: "start from the example in docs/language.md, or remove the file")
        }
        return nil
    }

    /// The offset of the first byte that is not valid UTF-8 (RFC 3629:
    /// no overlong forms, no surrogates, nothing past U+10FFFF).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            for offset in 1..<length {
                guard index + offset < bytes.count else { return index } // cut short at the end of the file
                let byte = bytes[index + offset]
                let (min, max) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard byte >= min, byte <= max else { return index + offset }
            }
            index += length
        }
        return nil
    }
}
