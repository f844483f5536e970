import Foundation

/// `--format json`: an array of records, one per diagnostic.
public enum JSONReporter {
    public static func render(_ run: LintRun) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(DiagnosticRecord.records(of: run))) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// `--format github`: workflow commands that GitHub Actions turns into
/// annotations on the pull request's lines.
public enum GitHubReporter {
    public static func render(_ run: LintRun) -> String {
        DiagnosticRecord.records(of: run).map { record in
            let command = switch record.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            let properties = [
                "file=\(escapeProperty(record.file))", "line=\(record.line)", "col=\(record.column)",
                "endLine=\(record.endLine)", "endColumn=\(record.endColumn)", "title=\(escapeProperty("escala \(record.code)"))",
            ].joined(separator: ",")
            let message = record.message + (record.help.map { "\n\($0)" } ?? "")
            return "::\(command) \(properties)::\(escapeData(message))\n"
        }.joined()
    }

    /// GitHub's own escaping for a command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Properties also escape the separators `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
