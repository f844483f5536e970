import Foundation
import WorkflowDSL

/// One open workflow, read once per change: its tokens, the names it
/// declares (global ones, and those of each ticket: states, buttons,
/// flags, questions, evidence), and conversions between the parser's byte
/// offsets and LSP's lines and UTF-16 columns.
struct DocumentIndex {
    struct Declaration: Hashable {
        let name: String
        /// `rank`, `state`, `button`… as the workflow calls it.
        let kind: String
        let range: SourceRange
        /// The ticket a local name belongs to; nil for a file-wide name.
        let scope: SourceRange?
        let ticket: String?
    }

    let source: SourceFile
    let file: WorkflowFile
    /// What `escala lint` says of it, from the same reading.
    let diagnostics: [Diagnostic]
    let tokens: [Token]
    let declarations: [Declaration]
    let ranks: [String]

    init(uri: String, text: String) {
        source = SourceFile(path: DocumentIndex.path(of: uri), text: text)
        (file, diagnostics) = WorkflowCompiler.checkKeepingFile(source)
        var bag = DiagnosticBag(path: source.path)
        tokens = Lexer.tokenize(source, diagnostics: &bag).filter { $0.kind != .newline && $0.kind != .endOfFile }
        let symbols = SymbolTable(file: file, diagnostics: &bag)
        ranks = symbols.ranks.map(\.text)
        var declarations = symbols.declarations.values.map {
            Declaration(name: $0.name.text, kind: $0.kind.rawValue, range: $0.name.range, scope: nil, ticket: nil)
        }
        func locals(_ body: TicketBody, scope: SourceRange?, ticket: String?) -> [Declaration] {
            body.states.map { Declaration(name: $0.name.text, kind: "state", range: $0.name.range, scope: scope, ticket: ticket) }
                + body.buttons.map { Declaration(name: $0.name.text, kind: "button", range: $0.name.range, scope: scope, ticket: ticket) }
                + body.flags.map { Declaration(name: $0.name.text, kind: "flag", range: $0.name.range, scope: scope, ticket: ticket) }
                + body.questions.map { Declaration(name: $0.name.text, kind: "question", range: $0.name.range, scope: scope, ticket: ticket) }
                + body.evidence.map { Declaration(name: $0.name.text, kind: "evidence", range: $0.name.range, scope: scope, ticket: ticket) }
        }
        for ticket in file.tickets { declarations += locals(ticket.body, scope: ticket.range, ticket: ticket.name.text) }
        if let defaults = file.defaults { declarations += locals(defaults, scope: nil, ticket: nil) }
        self.declarations = declarations.sorted { $0.range.start < $1.range.start }
    }

    /// `file:///a/b.flow` → `/a/b.flow`, as lint names files.
    static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        return String(uri.dropFirst("file://".count)).removingPercentEncoding ?? String(uri.dropFirst("file://".count))
    }

    // MARK: Positions

    func position(_ offset: Int) -> Position { source.position(offset) }
    func range(_ range: SourceRange) -> Range { source.range(range) }
    func offset(_ position: Position) -> Int { source.offset(position) }

    // MARK: Names

    /// The word under the cursor (an identifier token), if any.
    func word(at offset: Int) -> Token? {
        tokens.first { $0.kind == .identifier && $0.range.start <= offset && offset <= $0.range.end }
    }

    /// What `name` means at `offset`: the ticket's own name first, then the
    /// file's.
    func declaration(of name: String, at offset: Int) -> Declaration? {
        let candidates = declarations.filter { $0.name == name }
        return candidates.first { $0.scope.map { $0.start <= offset && offset <= $0.end } ?? false }
            ?? candidates.first { $0.scope == nil }
    }

    /// Where a name is written: its declaration and each use, within its
    /// ticket for a local name, in the whole file otherwise.
    func occurrences(of declaration: Declaration) -> [SourceRange] {
        tokens.filter { token in
            guard token.kind == .identifier, token.text == declaration.name else { return false }
            if let scope = declaration.scope { return scope.start <= token.range.start && token.range.end <= scope.end }
            // A file-wide name is not a ticket's local name spelled the same.
            return self.declaration(of: token.text, at: token.range.start) == declaration
        }.map(\.range)
    }

    /// The `# …` comments of the file, for highlighting.
    func comments() -> [SourceRange] {
        var found: [SourceRange] = []
        var index = 0
        for number in 1...max(1, source.lineStarts.count) {
            let line = source.lineRange(number)
            let onLine = tokens[index...].prefix { $0.range.start < line.upperBound }
            index += onLine.count
            if let comment = Comments.range(onLine: number, after: onLine.last, in: source) { found.append(comment) }
        }
        return found
    }
}

/// LSP's positions (lines from 0, UTF-16 columns) for the parser's byte
/// offsets, in any file the server reads: a workflow or its `.ids` file.
extension SourceFile {
    func position(_ offset: Int) -> Position {
        let location = self.location(of: offset)
        let line = lineRange(location.line)
        let prefix = bytes[line.lowerBound..<min(max(line.lowerBound, offset), line.upperBound)]
        return Position(line: location.line - 1, character: String(decoding: prefix, as: UTF8.self).utf16.count)
    }

    func range(_ range: SourceRange) -> Range {
        Range(start: position(range.start), end: position(range.end))
    }

    func offset(_ position: Position) -> Int {
        let line = lineRange(position.line + 1)
        var units = 0
        var offset = line.lowerBound
        let text = String(decoding: bytes[line], as: UTF8.self)
        for scalar in text.unicodeScalars {
            if units >= position.character { break }
            units += scalar.utf16.count
            offset += scalar.utf8.count
        }
        return offset
    }
}
