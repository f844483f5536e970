/// A diagnostic with its range turned into lines and columns: the shape
/// every machine format starts from. Columns count Unicode scalars, start
/// at 1, and `endColumn` is the column just after the range (as in SARIF).
public struct DiagnosticRecord: Sendable, Hashable, Codable {
    public let file: String
    public let line: Int
    public let column: Int
    public let endLine: Int
    public let endColumn: Int
    public let severity: Diagnostic.Severity
    public let code: String
    public let message: String
    public let help: String?
    /// The other places involved (`first declared here`); absent when none.
    public let related: [Related]?
    /// The certain edit (`escala lint --fix` applies it); absent when none.
    /// Its range is exact: an insertion starts and ends at one place.
    public let fix: Fix?

    public struct Fix: Sendable, Hashable, Codable {
        public let line: Int
        public let column: Int
        public let endLine: Int
        public let endColumn: Int
        public let replacement: String
    }

    public struct Related: Sendable, Hashable, Codable {
        public let line: Int
        public let column: Int
        public let endLine: Int
        public let endColumn: Int
        public let message: String
    }

    public init(_ diagnostic: Diagnostic, in source: SourceFile) {
        let (start, end) = Self.span(diagnostic.range, in: source)
        file = diagnostic.path
        line = start.line
        column = start.column
        endLine = end.line
        endColumn = end.column
        severity = diagnostic.severity
        code = diagnostic.code.rawValue
        message = diagnostic.message
        help = diagnostic.help
        related = diagnostic.related.isEmpty ? nil : diagnostic.related.map { other in
            let (start, end) = Self.span(other.range, in: source)
            return Related(line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: other.message)
        }
        fix = diagnostic.fix.map { fix in
            let start = source.location(of: fix.range.start), end = source.location(of: fix.range.end)
            return Fix(line: start.line, column: start.column, endLine: end.line, endColumn: end.column, replacement: fix.replacement)
        }
    }

    /// Where a range starts and ends, at least one character wide.
    static func span(_ range: SourceRange, in source: SourceFile) -> (start: SourceLocation, end: (line: Int, column: Int)) {
        let start = source.location(of: range.start)
        let end = source.location(of: max(range.end, range.start + (range.start < source.bytes.count ? 1 : 0)))
        return (start, (end.line, end.line == start.line ? max(end.column, start.column + 1) : end.column))
    }

    public static func records(of run: LintRun) -> [DiagnosticRecord] {
        run.files.flatMap { file in file.diagnostics.map { DiagnosticRecord($0, in: file.source) } }
    }
}
