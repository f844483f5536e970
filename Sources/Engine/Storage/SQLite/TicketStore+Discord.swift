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

    public func transcript(ticketID: Int64) async throws(StoreError) -> String? {
        try await readSQL { try String.fetchOne($0.db.cachedStatement(sql: "SELECT html FROM transcript WHERE ticket_id = ?"), arguments: [ticketID]) }
    }
}
