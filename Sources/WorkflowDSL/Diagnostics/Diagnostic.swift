/// One problem found in a workflow file.
///
/// A diagnostic is data: the parser and the checks record them and keep
/// going, and a reporter decides how to print them. That split is what lets
/// one `escala lint` run report every independent mistake in a file.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public let code: DiagnosticCode
    public let message: String
    public let path: String
    public let range: SourceRange
    /// What to do about it, when we know ("did you mean `trainee`?").
    public let help: String?

    public var severity: Severity { code.severity }

    public init(_ code: DiagnosticCode, _ message: String, path: String, range: SourceRange, help: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.range = range
        self.help = help
    }
}

/// Collects diagnostics for one file. Passed `inout` through the parser and
/// the checks so that no stage can throw a problem away.
public struct DiagnosticBag: Sendable {
    public let path: String
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init(path: String) { self.path = path }

    public mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange, help: String? = nil) {
        let diagnostic = Diagnostic(code, message, path: path, range: range, help: help)
        // A rule in `defaults` is checked once per ticket; say it once.
        guard seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
