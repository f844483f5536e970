import WorkflowDSL

/// Every workflow version the engine has loaded, by content hash.
///
/// A running ticket keeps the version it started with, so a reload never
/// changes the rules under a ticket mid-way: new tickets get the current
/// version of their workflow, old ones find theirs here by hash. The
/// catalog only grows while the process runs; the store keeps the hashes
/// of open tickets, which is what decides which versions are still needed.
public struct WorkflowCatalog: Sendable {
    /// Hash → compiled workflow.
    public private(set) var versions: [String: Workflow] = [:]
    /// Workflow file path → hash of its current version.
    public private(set) var current: [String: String] = [:]
    /// Hash → the file it was read from: a ticket belongs to its workflow
    /// by the version it was opened with, never by its category's name.
    public private(set) var paths: [String: String] = [:]

    public init() {}

    /// What a reload did to one file.
    public enum Change: Sendable, Equatable {
        case added(hash: String)
        case unchanged(hash: String)
        case replaced(old: String, new: String)
        /// The new text has errors: the previous version stays current.
        case rejected(keeping: String?, errors: [Diagnostic])
    }

    /// Compiles `source` and makes it the current version of its path,
    /// unless it has errors, in which case nothing changes.
    @discardableResult
    public mutating func load(_ source: SourceFile) -> Change {
        let result = WorkflowCompiler.compile(source)
        let previous = current[source.path]
        guard let workflow = result.workflow else {
            return .rejected(keeping: previous, errors: result.diagnostics.filter { $0.severity == .error })
        }
        versions[workflow.contentHash] = workflow
        paths[workflow.contentHash] = source.path
        current[source.path] = workflow.contentHash
        switch previous {
        case nil: return .added(hash: workflow.contentHash)
        case workflow.contentHash?: return .unchanged(hash: workflow.contentHash)
        case let old?: return .replaced(old: old, new: workflow.contentHash)
        }
    }

    /// Brings back a version that running tickets use, from the source the
    /// store kept, without making it current. It is registered under the
    /// hash the tickets recorded, even if this build of the compiler would
    /// hash it differently, since those tickets ran on exactly that source.
    /// Returns the errors if the source no longer compiles.
    @discardableResult
    public mutating func restore(_ source: SourceFile, as hash: String) -> [Diagnostic] {
        let result = WorkflowCompiler.compile(source)
        guard let workflow = result.workflow else { return result.diagnostics.filter { $0.severity == .error } }
        versions[hash] = workflow
        paths[hash] = source.path
        return []
    }

    /// The version a ticket started with.
    public func workflow(hash: String) -> Workflow? { versions[hash] }

    /// The file a version was read from.
    public func path(hash: String) -> String? { paths[hash] }

    /// Of the given open-ticket counts per version, those on versions that
    /// are no longer current: after a reload, what the operator is told is
    /// still running old rules.
    public func outdated(_ ticketsByVersion: [String: Int]) -> [String: Int] {
        let currentHashes = Set(current.values)
        return ticketsByVersion.filter { !currentHashes.contains($0.key) }
    }
}
