/// The compiler-style report people read, and editors and GitHub problem
/// matchers parse: `file:line:col: error[E101]: message`, the line, a caret
/// under the range, and what to do.
public enum TextReporter {
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
        text += " \(gutter) | \(line)\n"
        let scalars = Array(line.unicodeScalars)
        // Keep tabs in the indent so the caret lines up with the text above.
        let indent = scalars.prefix(max(0, record.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let lastColumn = record.endLine == record.line ? record.endColumn : scalars.count + 1
        let width = max(1, lastColumn - record.column)
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
