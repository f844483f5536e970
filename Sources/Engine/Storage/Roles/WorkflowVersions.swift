import Foundation

/// The source of every workflow version a ticket has run on. A storage
/// role: part of every `StorageTransaction`, so a store implements it, and
/// the contract suite tests it, beside the others.
public protocol WorkflowVersions {
    func saveVersion(hash: String, path: String, source: [UInt8], now: Int64) throws
    func versionSource(hash: String) throws -> (path: String, source: [UInt8])?
    func openTicketsByVersion() throws -> [String: Int]
    func workflowPath(hash: String) throws -> String?
}
