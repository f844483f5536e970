import Foundation
import GRDB

/// What the Discord adapter keeps beside the tickets: where each panel was
/// posted, and each closed ticket's transcript.
extension TicketStore {
    public func panelMessage(guild: String, workflow: String, panel: String) async throws(StoreError) -> (channelID: String, messageID: String)? {
        try await readSQL { transaction in
            try Row.fetchOne(transaction.db.cachedStatement(sql: """
                SELECT channel_id, message_id FROM panel_message WHERE guild = ? AND workflow_path = ? AND panel = ?
                """), arguments: [guild, workflow, panel]).map { ($0["channel_id"], $0["message_id"]) }
        }
    }

    public func recordPanelMessage(guild: String, workflow: String, panel: String, channelID: String, messageID: String) async throws(StoreError) {
        try await writeSQL { transaction in
            try transaction.db.cachedStatement(sql: """
                INSERT INTO panel_message (guild, workflow_path, panel, channel_id, message_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (guild, workflow_path, panel) DO UPDATE SET channel_id = excluded.channel_id, message_id = excluded.message_id
                """).execute(arguments: [guild, workflow, panel, channelID, messageID])
        }
    }

    /// Keeps a ticket's transcript; a second one for the same ticket (a
    /// retried delivery) replaces the first.
    public func saveTranscript(ticketID: Int64, html: String, now: Int64) async throws(StoreError) {
        try await writeSQL { transaction in
            try transaction.db.cachedStatement(sql: "INSERT OR REPLACE INTO transcript (ticket_id, html, created_at) VALUES (?, ?, ?)").execute(arguments: [ticketID, html, now])
        }
    }

    /// The form's answer may come minutes later, or after a restart; a
    /// day is longer than any form stays open on Discord (15 minutes for
    /// its interaction), so older rows are dropped as new ones come.
    public func keepPendingReport(_ message: ReportedMessage, reporter: String, now: Int64) async throws(StoreError) {
        try await writeSQL { transaction in
            let json = try StoreCoding.encode(message)
            try transaction.db.cachedStatement(sql: "DELETE FROM pending_report WHERE kept_at < ?").execute(arguments: [now - 86_400])
            try transaction.db.cachedStatement(sql: """
                INSERT OR REPLACE INTO pending_report (reporter, message_id, message, kept_at) VALUES (?, ?, ?, ?)
                """).execute(arguments: [reporter, message.id, json, now])
        }
    }

    /// Left in place: a form Discord delivers twice finds it again, and the
    /// engine's de-duplication opens one ticket.
    public func pendingReport(message: String, reporter: String) async throws(StoreError) -> ReportedMessage? {
        let json = try await readSQL {
            try Data.fetchOne($0.db.cachedStatement(sql: "SELECT message FROM pending_report WHERE reporter = ? AND message_id = ?"),
                             arguments: [reporter, message])
        }
        guard let json else { return nil }
        return try StoreCoding.decode(ReportedMessage.self, from: json, what: "the reported message \(message)")
    }

    public func transcript(ticketID: Int64) async throws(StoreError) -> String? {
        try await readSQL { try String.fetchOne($0.db.cachedStatement(sql: "SELECT html FROM transcript WHERE ticket_id = ?"), arguments: [ticketID]) }
    }
}
