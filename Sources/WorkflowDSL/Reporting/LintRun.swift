import Foundation

/// What `escala lint` does, as a library: find the files, compile each,
/// and keep the sources so reporters can quote them.
public struct LintRun: Sendable {
    public struct FileResult: Sendable {
        public let source: SourceFile
        public let diagnostics: [Diagnostic]
        /// The language its diagnostics are worded in.
        public let language: DiagnosticLanguage
        /// A workflow's `locales`, when lint read them already; nil when
        /// not known (an `.ids` file, a result made elsewhere).
        public let locales: [String]?

        public init(source: SourceFile, diagnostics: [Diagnostic], language: DiagnosticLanguage = .en, locales: [String]? = nil) {
            self.source = source
            self.diagnostics = diagnostics
            self.language = language
            self.locales = locales
        }
    }

    /// A path that could not be read. `escala lint` exits 2 on these: the
    /// run did not check what it was asked to check.
    public struct InputError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    public let files: [FileResult]
    /// The language of the report's own words (its last line).
    public let language: DiagnosticLanguage

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var noteCount: Int { diagnostics.filter { $0.severity == .note }.count }

    public init(files: [FileResult], language: DiagnosticLanguage = .en) {
        self.files = files
        self.language = language
    }

    /// Lints files and folders (every `*.flow` below a folder, in name order).
    /// `idsOptional`: the workflows are templates for other servers, whose
    /// ids are filled in there: their missing ids are not noted.
    public static func lint(paths: [String], idsOptional: Bool = false) throws(InputError) -> LintRun {
        var results: [FileResult] = []
        var members: [SharedCategoryCheck.Member] = []
        for path in try workflowFiles(in: paths) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InputError(path: path, reason: "cannot be read")
            }
            let source = SourceFile(path: path, bytes: Array(data))
            let idsPath = IDBindings.path(forWorkflow: path)
            let ids = FileManager.default.contents(atPath: idsPath).map { SourceFile(path: idsPath, bytes: Array($0)) }
            let (checked, file) = check(source, ids: ids, idsOptional: idsOptional)
            results.append(contentsOf: checked)
            members.append(SharedCategoryCheck.Member(source: source, file: file))
        }
        let shared = SharedCategoryCheck.check(members)
        results = results.map { result in
            guard let more = shared[result.source.path] else { return result }
            return FileResult(source: result.source, diagnostics: (result.diagnostics + more).sorted { $0.range.start < $1.range.start },
                              language: result.language, locales: result.locales)
        }
        return LintRun(files: results)
    }

    /// A workflow and its ids file (nil when it has none).
    static func check(_ source: SourceFile, ids idsSource: SourceFile?, idsOptional: Bool) -> (results: [FileResult], file: WorkflowFile) {
        var (file, diagnostics) = WorkflowCompiler.checkKeepingFile(source)
        let locales = file.locales.map(\.text)
        guard let idsSource else {
            // A workflow with errors is not ready to run: its ids can wait.
            if !idsOptional, !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics = MissingIDs.noFile(for: file, idsPath: IDBindings.path(forWorkflow: source.path)) + diagnostics
            }
            return ([FileResult(source: source, diagnostics: diagnostics, locales: locales)], file)
        }
        let (bindings, syntax) = IDBindings.parse(idsSource)
        var idsDiagnostics = syntax + bindings.check(against: file)
        if !idsOptional { idsDiagnostics += MissingIDs.unset(in: bindings, for: file) }
        return ([FileResult(source: source, diagnostics: diagnostics, locales: locales),
                 FileResult(source: idsSource, diagnostics: idsDiagnostics.sorted { $0.range.start < $1.range.start })], file)
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
