import GRDB
import WorkflowDSL

/// The webhook outbox: one row per delivery owed.
extension StoreTransaction {
    func enqueueWebhook(url: String, event: LifecycleEvent, body: String, now: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO webhook_outbox (url, event, body, attempts, due_at, created_at) VALUES (?, ?, ?, 0, ?, ?)")
            .execute(arguments: [url, event.rawValue, body, now, now])
        changes.signal.insert(.webhooks)
    }

    func dueWebhooks(now: Int64, limit: Int) throws -> [WebhookDelivery] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, url, event, body, attempts FROM webhook_outbox
            WHERE set_aside_at IS NULL AND due_at <= ? ORDER BY id LIMIT ?
            """), arguments: [now, limit]).compactMap { row in
            LifecycleEvent(rawValue: row["event"]).map {
                WebhookDelivery(id: row["id"], url: row["url"], event: $0, body: row["body"], attempts: row["attempts"])
            }
        }
    }

    func nextWebhookDue() throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(due_at) FROM webhook_outbox WHERE set_aside_at IS NULL"))
    }

    func webhookDelivered(id: Int64) throws {
        try db.cachedStatement(sql: "DELETE FROM webhook_outbox WHERE id = ?").execute(arguments: [id])
    }

    func webhookFailed(id: Int64, error: String, retryAt: Int64) throws {
        try db.cachedStatement(sql: "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = ?, due_at = ? WHERE id = ?")
            .execute(arguments: [error, retryAt, id])
    }

    func webhookSetAside(id: Int64, reason: String, now: Int64) throws {
        try db.cachedStatement(sql: "UPDATE webhook_outbox SET attempts = attempts + 1, last_error = ?, set_aside_at = ? WHERE id = ?")
            .execute(arguments: [reason, now, id])
    }

    func webhookCounts() throws -> (pending: Int, setAside: Int) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT count(*) FILTER (WHERE set_aside_at IS NULL) AS pending, count(*) FILTER (WHERE set_aside_at IS NOT NULL) AS aside
            FROM webhook_outbox
            """))
        return (row?["pending"] ?? 0, row?["aside"] ?? 0)
    }
}
