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
    /// The statement was abandoned for a text its line broke: recovery
    /// skips to the end of the line, past any `;`.
    var recoveringLine = false
    /// The blocks being read, innermost last.
    var openBlocks: [IndentedBlock] = []
    /// Blocks closed by a `}` after a line indentation put outside them:
    /// where a `}` may be missing, if the file ends inside a block.
    var closedAstray: [IndentedBlock] = []

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
        // What follows on the line (`; close`) is the rest of the same
        // broken statement, not a statement of its own to report again.
        recoveringLine = true
        return StatementAbandoned()
    }

    // MARK: Recovery

    /// Skips the rest of a broken statement: to the end of its line, or past
    /// a whole `{ ... }` block that belongs to it. Stops before a `}` that
    /// closes the enclosing block, so the caller's block still ends.
    mutating func recover() {
        let start = current.range.start
        let wholeLine = recoveringLine
        recoveringLine = false
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
            case .newline:
                if depth == 0 { return }
            case .semicolon:
                if depth == 0, !wholeLine { return }
            default:
                break
            }
            advance()
        }
    }

    /// Parses `{ statement* }`, calling `statement` at the start of each one.
    /// A missing `}` is reported at the opening brace of the block that lost
    /// it, where the admin will look for it: braces alone only show that the
    /// file ended inside some block; indentation shows which block it was
    /// (`IndentedBlock`).
    mutating func parseBlock(_ what: String, _ statement: (inout Parser) throws(StatementAbandoned) -> Void) throws(StatementAbandoned) {
        let open = current
        try expect(.leftBrace, "`{`", after: "to open \(what)")
        openBlocks.append(IndentedBlock(what: what, open: open.range, indentation: indentation(ofLineAt: open.range.start)))
        while true {
            skipSeparators()
            noteIndentation()
            if current.kind == .rightBrace {
                advance()
                let closed = openBlocks.removeLast()
                if closed.strayLine != nil { closedAstray.append(closed) }
                return
            }
            if current.kind == .endOfFile {
                reportNeverClosed(openBlocks.removeLast())
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

    // MARK: Blocks never closed

    /// A block being read, with what its indentation says.
    struct IndentedBlock {
        let what: String
        let open: SourceRange
        /// The leading blanks of the line that opens it.
        let indentation: [UInt8]
        /// Whether its first line was indented deeper than its opening
        /// line: only then does indentation say anything about where it ends.
        var indented: Bool?
        /// The start of its first line that indentation puts outside it: a
        /// statement no deeper than its opening line, or a `}` to its left.
        var strayLine: Int?
    }

    /// The leading blanks of the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> [UInt8] {
        let start = source.lineRange(source.location(of: offset).line).lowerBound
        var end = start
        while end < source.bytes.count, source.bytes[end] == UInt8(ascii: " ") || source.bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return Array(source.bytes[start..<end])
    }

    /// Before each statement of the innermost block: whether it begins a
    /// line indented as if the block had already ended.
    mutating func noteIndentation() {
        guard var block = openBlocks.last, block.strayLine == nil, current.kind != .endOfFile else { return }
        let lineStart = source.lineRange(source.location(of: current.range.start).line).lowerBound
        let before = source.bytes[lineStart..<current.range.start]
        guard before.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return }
        let depth = before.count, opening = block.indentation.count
        if current.kind == .rightBrace {
            if block.indented == true, depth < opening { block.strayLine = lineStart }
        } else if block.indented == nil {
            block.indented = depth > opening
        } else if block.indented == true, depth <= opening {
            block.strayLine = lineStart
        }
        openBlocks[openBlocks.count - 1] = block
    }

    /// The file ended inside `block`. The `}` missing is the one of the
    /// block, inside it or itself, whose lines indentation first shows to
    /// have ended; the fix puts it there, and only when that is certain:
    /// one `}` is missing (no other block is open) and indentation names
    /// the place. Otherwise the `}` goes at the end of the file.
    mutating func reportNeverClosed(_ block: IndentedBlock) {
        let inside = closedAstray.filter { $0.open.start > block.open.start } + (block.strayLine != nil ? [block] : [])
        if openBlocks.isEmpty, let lost = inside.min(by: { $0.strayLine! < $1.strayLine! }), let line = lost.strayLine {
            let number = source.location(of: line).line
            // Right under the block's last line, above the blank lines
            // that part it from what follows.
            var at = number
            while at > 1, source.lineText(at - 1).allSatisfy(\.isWhitespace), source.lineRange(at - 1).lowerBound > lost.open.start { at -= 1 }
            let place = source.lineRange(at).lowerBound
            diagnostics.report(.syntax, "\(lost.what) is never closed", at: lost.open,
                               help: "add a `}` before line \(number), where \(lost.what) ends",
                               fix: Diagnostic.Fix(SourceRange(start: place, end: place), String(decoding: lost.indentation, as: UTF8.self) + "}\n"))
            unclosedBlocks.append(lost.open)
            return
        }
        // At the end of the file, the `}` can only go there.
        let end = source.bytes.count
        let newline = end > 0 && source.bytes[end - 1] != UInt8(ascii: "\n") ? "\n" : ""
        diagnostics.report(.syntax, "\(block.what) is never closed", at: block.open,
                           help: "add a `}` where \(block.what) ends", fix: Diagnostic.Fix(SourceRange(start: end, end: end), newline + "}\n"))
        unclosedBlocks.append(block.open)
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
