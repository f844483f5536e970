import Foundation

/// What `escala lint` does, as a library: find the files, compile each,
/// and keep the sources so reporters can quote them.
public struct LintRun: Sendable {
    public struct FileResult: Sendable {
        public let source: SourceFile
        public let diagnostics: [Diagnostic]
        /// The language its diagnostics are worded in.
        public let language: DiagnosticLanguage

        public init(source: SourceFile, diagnostics: [Diagnostic], language: DiagnosticLanguage = .en) {
            self.source = source
            self.diagnostics = diagnostics
            self.language = language
        }
    }

    /// A path that could not be read. `escala lint` exits 2 on these: the
    /// run did not check what it was asked to check.
    public struct InputError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public let files: [FileResult]
    /// The language of the report's own words (its last line).
    public let language: DiagnosticLanguage

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    public init(files: [FileResult], language: DiagnosticLanguage = .en) {
        self.files = files
        self.language = language
    }

    /// Lints files and folders (every `*.flow` below a folder, in name order).
    public static func lint(paths: [String]) throws(InputError) -> LintRun {
        var results: [FileResult] = []
        for path in try workflowFiles(in: paths) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(path: path, reason: "cannot be read")
            }
            let source = SourceFile(path: path, bytes: Array(data))
            results.append(FileResult(source: source, diagnostics: WorkflowCompiler.check(source)))
            let idsPath = IDBindings.path(forWorkflow: path)
            if let idsData = FileManager.default.contents(atPath: idsPath) {
                let idsSource = SourceFile(path: idsPath, bytes: Array(idsData))
                let (bindings, syntax) = IDBindings.parse(idsSource)
                let names = bindings.check(against: Parser.parse(source).file)
                results.append(FileResult(source: idsSource, diagnostics: (syntax + names).sorted { $0.range.start < $1.range.start }))
            }
        }
        return LintRun(files: results)
    }

    public static func workflowFiles(in paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, reason: "no such file or folder")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else {
                throw InputError(path: path, reason: "cannot be listed")
            }
            let found = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".flow") }.sorted()
            if found.isEmpty {
                throw InputError(path: path, reason: "no .flow files in this folder")
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            files += found.map { base + "/" + $0 }
        }
        return files
    }
}
