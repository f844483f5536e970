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

    public init(_ diagnostic: Diagnostic, in source: SourceFile) {
        let start = source.location(of: diagnostic.range.start)
        let end = source.location(of: max(diagnostic.range.end, diagnostic.range.start + (diagnostic.range.start < source.bytes.count ? 1 : 0)))
        file = diagnostic.path
        line = start.line
        column = start.column
        endLine = end.line
        endColumn = end.line == start.line ? max(end.column, start.column + 1) : end.column
        severity = diagnostic.severity
        code = diagnostic.code.rawValue
        message = diagnostic.message
        help = diagnostic.help
    }

    public static func records(of run: LintRun) -> [DiagnosticRecord] {
        run.files.flatMap { file in file.diagnostics.map { DiagnosticRecord($0, in: file.source) } }
    }
}
