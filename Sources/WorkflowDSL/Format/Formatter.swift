/// `escala fmt`: the one layout of a workflow file. Two spaces a block
/// level, one space between words, none before `,` `;` `:`, one blank line
/// at most (and one after each top-level block), comments kept on their
/// lines. Only whitespace changes: the tokens come out in the same order
/// with the same spelling, which `FormatterTests` checks on every file it
/// formats, so a formatted workflow compiles to the same rules.
public enum Formatter {
    public enum Outcome: Sendable, Equatable {
        case formatted(String)
        /// The file has errors: formatting a statement lint cannot read
        /// could move what the admin meant; fix them first.
        case refused([Diagnostic])
    }

    public static let indentUnit = "  "

    public static func format(_ source: SourceFile) -> Outcome {
        let errors = WorkflowCompiler.check(source).filter { $0.severity == .error }
        guard errors.isEmpty else { return .refused(errors) }
        var bag = DiagnosticBag(path: source.path)
        let tokens = Lexer.tokenize(source, diagnostics: &bag)
        var byLine: [[Token]] = Array(repeating: [], count: source.lineStarts.count + 1)
        for token in tokens where token.kind != .newline && token.kind != .endOfFile {
            byLine[source.location(of: token.range.start).line].append(token)
        }
        var lines: [String] = []
        var depth = 0
        var closedTopLevelBlock = false
        for number in 1...max(1, source.lineStarts.count) {
            let lineTokens = byLine[number]
            let comment = Comments.range(onLine: number, after: lineTokens.last, in: source).map(source.text)
            if lineTokens.isEmpty && comment == nil {
                lines.append("")
                continue
            }
            let opens = lineTokens.filter { $0.kind == .leftBrace }.count
            let closes = lineTokens.filter { $0.kind == .rightBrace }.count
            var level = depth
            if lineTokens.first?.kind == .rightBrace { level -= 1 }
            // A ladder continued on the next line (`< trainee "Trainee"`).
            if let first = lineTokens.first?.kind, first == .less || first == .greater { level += 1 }
            if closedTopLevelBlock, !(lines.last ?? "").isEmpty { lines.append("") }
            closedTopLevelBlock = false
            var text = String(repeating: indentUnit, count: max(0, level)) + render(lineTokens, in: source)
            if let comment { text += (lineTokens.isEmpty ? "" : " ") + comment }
            lines.append(text)
            let before = depth
            depth = max(0, depth + opens - closes)
            if before > 0, depth == 0 { closedTopLevelBlock = true }
        }
        return .formatted(layOut(lines))
    }

    /// The words of one line, spaced the one way.
    static func render(_ tokens: [Token], in source: SourceFile) -> String {
        var text = ""
        for (index, token) in tokens.enumerated() {
            if index > 0 {
                let previous = tokens[index - 1]
                let adjacent = previous.range.end == token.range.start
                switch (previous.kind, token.kind) {
                case (_, .comma), (_, .semicolon), (_, .colon), (_, .rightParen), (.leftParen, _): break
                case (.comma, _), (.semicolon, _), (.colon, _): text += " "
                case (_, .leftBrace), (_, .rightBrace), (.leftBrace, _), (_, .less), (.less, _), (_, .greater), (.greater, _),
                     (_, .equals), (.equals, _):
                    text += " "
                default:
                    // `mon-fri`, `09:00-18:00`: written together, kept together.
                    if !adjacent { text += " " }
                }
            }
            text += source.text(token.range)
        }
        return text
    }

    /// Blank lines: at most one in a row, none just inside a block's
    /// braces, none at the start or the end of the file.
    static func layOut(_ lines: [String]) -> String {
        var kept: [String] = []
        for line in lines {
            if line.isEmpty {
                guard let last = kept.last, !last.isEmpty, !last.hasSuffix("{") else { continue }
            } else if line.trimmingPrefix(" ").hasPrefix("}"), kept.last == "" {
                kept.removeLast()
            }
            kept.append(line)
        }
        while kept.last == "" { kept.removeLast() }
        return kept.joined(separator: "\n") + "\n"
    }
}
