/// Reads tokens into a `WorkflowFile`.
///
/// The parser never gives up on a file. When a statement goes wrong it
/// records one diagnostic, skips to the end of that statement (keeping
/// braces balanced) and carries on, so that one run reports every
/// independent mistake. Inside a statement, the first problem aborts that
/// statement only: a second error there would nearly always be noise.
public struct Parser {
    let source: SourceFile
    let tokens: [Token]
    var position = 0
    var diagnostics: DiagnosticBag
    /// How deep the condition being read is nested (`not`, `(`): the one
    /// place the parser recurses on its input, so the one place a hostile
    /// file could exhaust the stack. Bounded by `maximumNesting`.
    var nesting = 0
    static let maximumNesting = 256

    /// Thrown inside a statement after its diagnostic was recorded; caught
    /// by the statement loop, which recovers. Never escapes the parser.
    struct StatementAbandoned: Error {}

    public static func parse(_ source: SourceFile) -> (file: WorkflowFile, diagnostics: [Diagnostic]) {
        if let problem = SourceCheck.problem(source) { return (WorkflowFile(source: source), [problem]) }
        var bag = DiagnosticBag(path: source.path)
        let tokens = Lexer.tokenize(source, diagnostics: &bag)
        var parser = Parser(source: source, tokens: tokens, diagnostics: bag)
        var file = parser.parseFile()
        file.unclosedBlocks = parser.unclosedBlocks
        file.skippedRanges = parser.skippedRanges
        return (file, parser.diagnostics.diagnostics)
    }

    /// Blocks reported as never closed, for the compiler to leave out what
    /// follows from them.
    var unclosedBlocks: [SourceRange] = []
    /// What `recover` skipped.
    var skippedRanges: [SourceRange] = []

    init(source: SourceFile, tokens: [Token], diagnostics: DiagnosticBag) {
        self.source = source
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    // MARK: Cursor

    var current: Token { tokens[position] }

    func peek(_ distance: Int = 1) -> Token {
        tokens[min(position + distance, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func isKeyword(_ word: String) -> Bool {
        current.kind == .identifier && current.text == word
    }

    mutating func consumeKeyword(_ word: String) -> Bool {
        guard isKeyword(word) else { return false }
        advance()
        return true
    }

    mutating func consume(_ kind: Token.Kind) -> Bool {
        guard current.kind == kind else { return false }
        advance()
        return true
    }

    /// The range from a start offset to the end of the last consumed token.
    func range(from start: Int) -> SourceRange {
        let last = position > 0 ? tokens[position - 1].range.end : start
        return SourceRange(start: start, end: max(start, last))
    }

    var atStatementEnd: Bool {
        switch current.kind {
        case .newline, .semicolon, .rightBrace, .endOfFile: true
        default: false
        }
    }

    mutating func skipSeparators() {
        while current.kind == .newline || current.kind == .semicolon { advance() }
    }

    // MARK: Expectations

    mutating func fail(_ message: String, code: DiagnosticCode = .syntax, at range: SourceRange? = nil, help: String? = nil,
                       fix: String? = nil) -> StatementAbandoned {
        let range = range ?? current.range
        diagnostics.report(code, message, at: range, help: help, fix: fix.map { Diagnostic.Fix(range, $0) })
        return StatementAbandoned()
    }

    mutating func expectKeyword(_ word: String, after context: String) throws(StatementAbandoned) {
        guard consumeKeyword(word) else {
            let typo = current.kind == .identifier && Suggestions.closest(to: current.text, among: [word]) != nil
            throw fail("expected `\(word)` \(context), found \(current.spelling)",
                       help: typo ? "did you mean `\(word)`?" : nil, fix: typo ? word : nil)
        }
    }

    mutating func expect(_ kind: Token.Kind, _ what: String, after context: String) throws(StatementAbandoned) {
        guard consume(kind) else {
            throw fail("expected \(what) \(context), found \(current.spelling)")
        }
    }

    mutating func expectName(_ what: String, after context: String, help: String? = nil) throws(StatementAbandoned) -> Name {
        guard current.kind == .identifier else {
            throw fail("expected \(what) \(context), found \(current.spelling)", help: help)
        }
        let token = advance()
        return Name(token.text, token.range)
    }

    mutating func expectString(_ what: String, after context: String, help: String? = nil) throws(StatementAbandoned) -> StringLiteral {
        guard current.kind == .string else {
            throw fail("expected \(what) in double quotes \(context), found \(current.spelling)",
                       help: help ?? "write it between double quotes, like \"this\"")
        }
        return decodeString(advance())
    }

    mutating func expectNumber(_ what: String, after context: String) throws(StatementAbandoned) -> (Int, SourceRange) {
        guard current.kind == .number else {
            throw fail("expected \(what) \(context), found \(current.spelling)")
        }
        let token = advance()
        guard let value = Int(token.text), value <= 1_000_000 else {
            throw fail("`\(token.text)` is too large for \(what)", code: .invalidValue, at: token.range)
        }
        return (value, token.range)
    }

    mutating func expectDuration(after context: String) throws(StatementAbandoned) -> Duration {
        guard current.kind == .duration || current.kind == .number else {
            throw fail("expected a duration such as `15m` or `2h` \(context), found \(current.spelling)")
        }
        let token = advance()
        guard token.kind == .duration else {
            // `2 hours`, `2 horas`, `30 min`: the unit in words, after a space.
            if current.kind == .identifier, let written = DurationSyntax.suggestion(number: token.text, unit: current.text) {
                let unit = advance()
                throw fail("`\(token.text) \(unit.text)` is not a duration", code: .invalidDuration,
                           at: token.range.union(unit.range), help: "write `\(written)`", fix: written)
            }
            throw fail("`\(token.text)` needs a unit", code: .invalidDuration, at: token.range,
                       help: "add s, m, h, d or w: `\(token.text)m` is \(token.text) minutes")
        }
        // The lexer already reported a badly spelled duration.
        guard let seconds = token.seconds else { throw StatementAbandoned() }
        return Duration(seconds: seconds, range: token.range)
    }

    /// A text in quotes, or the name of a declared text.
    mutating func expectTextReference(after context: String) throws(StatementAbandoned) -> TextReference {
        switch current.kind {
        case .string: return .literal(decodeString(advance()))
        case .identifier:
            let token = advance()
            return .named(Name(token.text, token.range))
        default:
            throw fail("expected a text in quotes or the name of a `text` \(context), found \(current.spelling)")
        }
    }

    /// Comma-separated names: `receives cm, trainee`.
    mutating func expectNameList(_ what: String, after context: String, help: String? = nil) throws(StatementAbandoned) -> [Name] {
        var names = [try expectName(what, after: context, help: help)]
        while consume(.comma) {
            names.append(try expectName(what, after: "after `,`"))
        }
        return names
    }

    /// Ends a statement: anything left on the line is a mistake.
    mutating func finishStatement(_ what: String) throws(StatementAbandoned) {
        guard atStatementEnd else {
            if let quote = unescapedQuote() { throw quote }
            throw fail("unexpected \(current.spelling) after \(what)",
                       help: "put each statement on its own line, or separate them with `;`")
        }
    }

    /// `"Di "hola" al staff"`: a `"` meant inside a text ended it. Said as
    /// such, at the quote that ended it, with the text to write instead.
    mutating func unescapedQuote() -> StatementAbandoned? {
        guard position > 0, tokens[position - 1].kind == .string else { return nil }
        let opening = tokens[position - 1]
        var last = position
        while tokens[last].kind != .newline, tokens[last].kind != .endOfFile, tokens[last].kind != .semicolon { last += 1 }
        guard let closing = tokens[position..<last].last(where: { $0.kind == .string }) else { return nil }
        let written = source.text(SourceRange(start: opening.range.start, end: closing.range.end))
        var inner = ""
        var previous: Character = " "
        for character in written.dropFirst().dropLast() {
            inner += character == "\"" && previous != "\\" ? "\\\"" : String(character)
            previous = character
        }
        let quoted = SourceRange(start: opening.range.start, end: closing.range.end)
        diagnostics.report(.syntax, "the text ends here: a `\"` inside a text must be written `\\\"`",
                           at: SourceRange(start: opening.range.end - 1, end: opening.range.end), help: "write `\"\(inner)\"`",
                           fix: Diagnostic.Fix(quoted, "\"\(inner)\""))
        return StatementAbandoned()
    }

    // MARK: Recovery

    /// Skips the rest of a broken statement: to the end of its line, or past
    /// a whole `{ ... }` block that belongs to it. Stops before a `}` that
    /// closes the enclosing block, so the caller's block still ends.
    mutating func recover() {
        let start = current.range.start
        defer {
            let end = position > 0 ? tokens[position - 1].range.end : start
            if end > start { skippedRanges.append(SourceRange(start: start, end: end)) }
        }
        var depth = 0
        while current.kind != .endOfFile {
            switch current.kind {
            case .leftBrace:
                depth += 1
            case .rightBrace:
                if depth == 0 { return }
                depth -= 1
                if depth == 0 {
                    advance()
                    return
                }
            case .newline, .semicolon:
                if depth == 0 { return }
            default:
                break
            }
            advance()
        }
    }

    /// Parses `{ statement* }`, calling `statement` at the start of each one.
    /// A missing `}` is reported at the opening brace, where the admin will
    /// look for it.
    mutating func parseBlock(_ what: String, _ statement: (inout Parser) throws(StatementAbandoned) -> Void) throws(StatementAbandoned) {
        let open = current
        try expect(.leftBrace, "`{`", after: "to open \(what)")
        while true {
            skipSeparators()
            if current.kind == .rightBrace {
                advance()
                return
            }
            if current.kind == .endOfFile {
                // At the end of the file, the `}` can only go there.
                let end = source.bytes.count
                let newline = end > 0 && source.bytes[end - 1] != UInt8(ascii: "\n") ? "\n" : ""
                diagnostics.report(.syntax, "\(what) is never closed", at: open.range,
                                   help: "add a `}` where \(what) ends", fix: Diagnostic.Fix(SourceRange(start: end, end: end), newline + "}\n"))
                unclosedBlocks.append(open.range)
                return
            }
            let before = position
            do {
                try statement(&self)
            } catch {
                recover()
            }
            // A statement that consumed nothing would loop forever.
            if position == before { advance() }
        }
    }

    // MARK: Strings

    /// Decodes `\"`, `\\`, `\n` and `\t`; any other backslash stays as it
    /// is, so patterns such as `"\d+"` need no doubling.
    func decodeString(_ token: Token) -> StringLiteral {
        let bytes = source.bytes
        var value: [UInt8] = []
        var offsets: [Int] = []
        let start = token.range.start + 1
        var end = token.range.end
        if end > start, end - 1 < bytes.count, bytes[end - 1] == UInt8(ascii: "\""), end - 1 >= start { end -= 1 }
        value.reserveCapacity(end - start)
        offsets.reserveCapacity(end - start)
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                let next = bytes[index + 1]
                let decoded: UInt8? = switch next {
                case UInt8(ascii: "\""): UInt8(ascii: "\"")
                case UInt8(ascii: "\\"): UInt8(ascii: "\\")
                case UInt8(ascii: "n"): UInt8(ascii: "\n")
                case UInt8(ascii: "t"): UInt8(ascii: "\t")
                default: nil
                }
                if let decoded {
                    value.append(decoded)
                    offsets.append(index)
                    index += 2
                    continue
                }
            }
            value.append(byte)
            offsets.append(index)
            index += 1
        }
        return StringLiteral(value: String(decoding: value, as: UTF8.self), range: token.range, sourceOffsets: offsets)
    }
}
