import Foundation

/// The sanctions ledger: appended to, never changed. A storage role: part
/// of every `StorageTransaction`, so a store implements it, and the
/// contract suite tests it, beside the others.
public protocol SanctionsLedger {
    func appendSanction(_ entry: SanctionEntry, guild: String, ticketID: Int64?, ticketNumber: Int?, category: String?,
                        at: Int64) throws -> Int64
    /// A member's recorded sanctions, oldest first.
    func sanctions(guild: String, member: String) throws -> [SanctionRecord]
}
