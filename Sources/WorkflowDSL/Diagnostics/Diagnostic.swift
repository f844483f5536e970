/// One problem found in a workflow file.
///
/// A diagnostic is data: the parser and the checks record them and keep
/// going, and a reporter decides how to print them. That split is what lets
/// one `escala lint` run report every independent mistake in a file.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case error
        case warning
        /// Worth knowing, not wrong: fails nothing unless `--strict`.
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }
    }

    public let code: DiagnosticCode
    public let message: String
    public let path: String
    public let range: SourceRange
    /// What to do about it, when we know ("did you mean `trainee`?").
    public let help: String?
    /// Other places the problem involves: the first declaration of a name
    /// declared twice. Shown with a second caret, and as SARIF's
    /// `relatedLocations`.
    public let related: [Related]
    /// The edit that fixes it, when it is certain (a did-you-mean, a unit
    /// in words, a block left open at the end of the file): what
    /// `escala lint --fix` applies, and JSON and SARIF carry.
    public let fix: Fix?

    public struct Fix: Sendable, Hashable {
        /// The bytes replaced (empty to insert).
        public let range: SourceRange
        public let replacement: String

        public init(_ range: SourceRange, _ replacement: String) {
            self.range = range
            self.replacement = replacement
        }
    }

    public struct Related: Sendable, Hashable {
        public let range: SourceRange
        public let message: String

        public init(_ range: SourceRange, _ message: String) {
            self.range = range
            self.message = message
        }
    }

    public var severity: Severity { code.severity }

    public init(_ code: DiagnosticCode, _ message: String, path: String, range: SourceRange, help: String? = nil, related: [Related] = [],
                fix: Fix? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.range = range
        self.help = help
        self.related = related
        self.fix = fix
    }
}

/// Collects diagnostics for one file. Passed `inout` through the parser and
/// the checks so that no stage can throw a problem away.
public struct DiagnosticBag: Sendable {
    public let path: String
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init(path: String) { self.path = path }

    /// Past this many, a file's problems are not listed one by one: a
    /// mangled or hostile file would otherwise print megabytes (and take
    /// minutes) to say the same thing. The bag keeps one more, so that the
    /// report knows there were more (`WorkflowCompiler` says so).
    public static let limit = 200

    public mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange, help: String? = nil,
                                related: [Diagnostic.Related] = [], fix: Diagnostic.Fix? = nil) {
        guard diagnostics.count <= Self.limit else { return }
        let diagnostic = Diagnostic(code, message, path: path, range: range, help: help, related: related, fix: fix)
        // A rule in `defaults` is checked once per ticket; say it once.
        guard seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    /// The first `limit` of `diagnostics` (in the order given), and a last
    /// one saying that the rest are not listed, when there were more.
    public static func capped(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > limit, let first = diagnostics.first else { return diagnostics }
        let next = diagnostics[limit]
        return Array(diagnostics.prefix(limit)) + [
            Diagnostic(.syntax, "more than \(limit) problems in this file: the rest are not listed", path: first.path, range: next.range,
                       help: "fix the problems above (the first ones often cause the rest) and lint again"),
        ]
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
