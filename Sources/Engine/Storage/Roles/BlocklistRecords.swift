/// The members kept from opening tickets, one row each. A storage role:
/// part of every `StorageTransaction`, so an open reads it in the same
/// transaction that would create the ticket, and a block that races an
/// open is either before it or after it.
public protocol BlocklistRecords {
    /// Blocks `entry.member`, replacing an earlier block of theirs.
    func block(_ entry: BlockEntry, guild: String) throws
    /// Whether there was a block to lift.
    func unblock(guild: String, member: String) throws -> Bool
    func block(guild: String, member: String) throws -> BlockEntry?
    /// Every row, lifted-by-time ones too, oldest first.
    func blocklist(guild: String) throws -> [BlockEntry]
}
