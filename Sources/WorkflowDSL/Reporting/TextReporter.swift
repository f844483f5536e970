/// The compiler-style report people read, and editors and GitHub problem
/// matchers parse: `file:line:col: error[E101]: message`, the line, a caret
/// under the range, and what to do.
public enum TextReporter {
    /// The most characters of a source line shown under a diagnostic.
    static let window = 160

    public static func render(_ run: LintRun) -> String {
        var output = ""
        for file in run.files {
            for diagnostic in file.diagnostics {
                output += render(diagnostic, in: file.source)
            }
        }
        output += summary(run)
        return output
    }

    public static func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        let record = DiagnosticRecord(diagnostic, in: source)
        var text = "\(record.file):\(record.line):\(record.column): \(record.severity.rawValue)[\(record.code)]: \(record.message)\n"
        let line = source.lineText(record.line)
        let gutter = String(record.line)
        let pad = String(repeating: " ", count: gutter.count)
        var scalars = Array(line.unicodeScalars)
        var column = record.column
        var lastColumn = record.endLine == record.line ? record.endColumn : scalars.count + 1
        // A very long line is shown as a window around the problem, so a
        // one-line megabyte file prints lines a person can read.
        if scalars.count > Self.window {
            let first = max(0, min(column - 1 - Self.window / 2, scalars.count - Self.window))
            let shown = Array(scalars[first..<min(scalars.count, first + Self.window)])
            let before: [Unicode.Scalar] = first > 0 ? ["…"] : []
            let after: [Unicode.Scalar] = first + Self.window < scalars.count ? ["…"] : []
            scalars = before + shown + after
            column = column - first + before.count
            lastColumn = min(lastColumn - first + before.count, scalars.count + 1)
        }
        text += " \(gutter) | \(String(String.UnicodeScalarView(scalars)))\n"
        // Keep tabs in the indent so the caret lines up with the text above.
        let indent = scalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let width = max(1, lastColumn - column)
        text += " \(pad) | \(indent)\(String(repeating: "^", count: width))\n"
        if let help = record.help { text += " \(pad) = help: \(help)\n" }
        return text
    }

    public static func summary(_ run: LintRun) -> String {
        let files = run.files.count == 1 ? "1 file" : "\(run.files.count) files"
        if run.errorCount == 0 && run.warningCount == 0 { return "\(files) checked: no problems\n" }
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(files) checked: \(plural(run.errorCount, "error")), \(plural(run.warningCount, "warning"))\n"
    }
}
