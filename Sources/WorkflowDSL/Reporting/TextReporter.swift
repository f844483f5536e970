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
                output += render(diagnostic, in: file.source, language: file.language)
            }
        }
        output += summary(run)
        return output
    }

    public static func render(_ diagnostic: Diagnostic, in source: SourceFile, language: DiagnosticLanguage = .en) -> String {
        let record = DiagnosticRecord(diagnostic, in: source)
        var text = "\(record.file):\(record.line):\(record.column): \(record.severity.rawValue)[\(record.code)]: \(record.message)\n"
        let gutter = String(record.line)
        let pad = String(repeating: " ", count: gutter.count)
        let line = source.lineRange(record.line)
        let length = source.scalarCount(line)
        var column = record.column
        var lastColumn = record.endLine == record.line ? record.endColumn : length + 1
        var scalars: [Unicode.Scalar]
        if length > Self.window {
            // A very long line is shown as a window around the problem, so a
            // one-line megabyte file prints lines a person can read; only the
            // window's bytes are read, so a thousand problems on one long
            // line cost a thousand windows, not a thousand lines.
            let first = max(0, min(column - 1 - Self.window / 2, length - Self.window))
            let shown = Array(String(decoding: source.bytes[Self.bytes(of: first, count: Self.window, in: line, source: source,
                                                                        from: diagnostic.range.start, atColumn: column)],
                                     as: UTF8.self).unicodeScalars)
            let before: [Unicode.Scalar] = first > 0 ? ["…"] : []
            let after: [Unicode.Scalar] = first + Self.window < length ? ["…"] : []
            scalars = before + shown + after
            column = column - first + before.count
            lastColumn = min(lastColumn - first + before.count, scalars.count + 1)
        } else {
            scalars = Array(String(decoding: source.bytes[line], as: UTF8.self).unicodeScalars)
        }
        text += " \(gutter) | \(String(String.UnicodeScalarView(scalars)))\n"
        // Keep tabs in the indent so the caret lines up with the text above.
        let indent = scalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        let width = max(1, lastColumn - column)
        text += " \(pad) | \(indent)\(String(repeating: "^", count: width))\n"
        for other in record.related ?? [] where other.line <= source.lineStarts.count {
            // The other place, as rustc shows it: its line, underlined with
            // dashes and labelled.
            let otherGutter = String(other.line).padding(toLength: max(gutter.count, String(other.line).count), withPad: " ", startingAt: 0)
            let otherPad = String(repeating: " ", count: otherGutter.count)
            let otherScalars = Array(String(decoding: source.bytes[source.lineRange(other.line)], as: UTF8.self).unicodeScalars)
            guard otherScalars.count <= Self.window else { continue }
            let otherIndent = otherScalars.prefix(max(0, other.column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
            let dashes = String(repeating: "-", count: max(1, (other.endLine == other.line ? other.endColumn : otherScalars.count + 1) - other.column))
            text += " \(otherGutter) | \(String(String.UnicodeScalarView(otherScalars)))\n"
            text += " \(otherPad) | \(otherIndent)\(dashes) \(other.message)\n"
        }
        if let help = record.help { text += " \(pad) = \(DiagnosticCatalogue.helpLabel(language)): \(help)\n" }
        return text
    }

    /// The bytes of `count` scalars from scalar `first` of `line`, found by
    /// walking from a known point (`offset`, at scalar `column - 1`): at
    /// most a window's worth of bytes each way.
    static func bytes(of first: Int, count: Int, in line: Range<Int>, source: SourceFile, from offset: Int, atColumn column: Int) -> Range<Int> {
        func isLead(_ index: Int) -> Bool { source.bytes[index] & 0xC0 != 0x80 }
        var start = max(line.lowerBound, min(offset, line.upperBound))
        var back = column - 1 - first
        while back > 0, start > line.lowerBound {
            start -= 1
            if isLead(start) { back -= 1 }
        }
        var end = start, taken = 0
        while taken < count, end < line.upperBound {
            end += 1
            while end < line.upperBound, !isLead(end) { end += 1 }
            taken += 1
        }
        return start..<end
    }

    public static func summary(_ run: LintRun) -> String {
        if let words = DiagnosticCatalogue.summary(files: run.files.count, errors: run.errorCount, warnings: run.warningCount,
                                                   notes: run.noteCount, language: run.language) {
            return words + "\n"
        }
        let files = run.files.count == 1 ? "1 file" : "\(run.files.count) files"
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let notes = run.noteCount == 0 ? "" : ", " + plural(run.noteCount, "note")
        if run.errorCount == 0 && run.warningCount == 0 { return "\(files) checked: no problems\(notes)\n" }
        return "\(files) checked: \(plural(run.errorCount, "error")), \(plural(run.warningCount, "warning"))\(notes)\n"
    }
}
