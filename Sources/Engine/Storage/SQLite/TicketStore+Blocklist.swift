import GRDB

/// The blocklist: one row per blocked member of a server.
extension StoreTransaction {
    func block(_ entry: BlockEntry, guild: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO blocklist (guild, member, reason, until, blocked_by, at) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (guild, member) DO UPDATE SET reason = excluded.reason, until = excluded.until,
                blocked_by = excluded.blocked_by, at = excluded.at
            """).execute(arguments: [guild, entry.member, entry.reason, entry.until, entry.blockedBy, entry.at])
    }

    func unblock(guild: String, member: String) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM blocklist WHERE guild = ? AND member = ?").execute(arguments: [guild, member])
        return db.changesCount > 0
    }

    func block(guild: String, member: String) throws -> BlockEntry? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM blocklist WHERE guild = ? AND member = ?"),
                         arguments: [guild, member]).map(Self.blockEntry)
    }

    func blocklist(guild: String) throws -> [BlockEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM blocklist WHERE guild = ? ORDER BY at, member"),
                         arguments: [guild]).map(Self.blockEntry)
    }

    private static func blockEntry(_ row: Row) -> BlockEntry {
        BlockEntry(member: row["member"], reason: row["reason"], until: row["until"], blockedBy: row["blocked_by"], at: row["at"])
    }
}
