import Foundation
import GRDB

/// The sanctions ledger: rows appended in the step that applied (or
/// recorded) a sanction, read back by member.
extension StoreTransaction {
    func appendSanction(_ entry: SanctionEntry, guild: String, ticketID: Int64?, ticketNumber: Int?, category: String?,
                        at: Int64) throws -> Int64 {
        let evidence = String(decoding: try JSONEncoder().encode(entry.evidence), as: UTF8.self)
        try db.cachedStatement(sql: """
            INSERT INTO sanction (guild, member, offence, sanction, applied_by, recorded_by, at, ticket_id, ticket_number, category,
                                  evidence, warned, outside_escala)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [guild, entry.member, entry.offence, entry.sanction, entry.appliedBy, entry.recordedBy, at, ticketID,
                             ticketNumber, category, evidence, entry.warned, entry.outsideEscala])
        return db.lastInsertedRowID
    }

    func sanctions(guild: String, member: String) throws -> [SanctionRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM sanction WHERE guild = ? AND member = ? ORDER BY id"),
                         arguments: [guild, member]).map { row in
            let evidence = (try? JSONDecoder().decode([String].self, from: Data((row["evidence"] as String? ?? "[]").utf8))) ?? []
            return SanctionRecord(id: row["id"], guild: row["guild"], at: row["at"], ticketNumber: row["ticket_number"],
                                  category: row["category"],
                                  entry: SanctionEntry(member: row["member"], offence: row["offence"], sanction: row["sanction"],
                                                       appliedBy: row["applied_by"], recordedBy: row["recorded_by"], evidence: evidence,
                                                       warned: row["warned"], outsideEscala: row["outside_escala"]))
        }
    }
}
