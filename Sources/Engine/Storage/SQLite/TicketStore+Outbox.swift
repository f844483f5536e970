import Foundation
import GRDB

extension TicketStore {
    /// The effects still to carry out, oldest first, at most one per lane:
    /// a lane's effects run in the order they were emitted (a ticket's
    /// channel before its first message), so only its first pending effect
    /// is offered.
    public func pendingEffects(limit: Int = 100, excludingLanes: Set<String> = []) async throws(StoreError) -> [PendingEffect] {
        guard limit > 0 else { return [] }
        return try await readSQL { transaction in
            // The lanes left out go as one JSON array, so that the query's
            // text never changes and it is prepared once (the drainer asks
            // after every effect it carries out).
            let excluded = excludingLanes.isEmpty ? "[]" : String(decoding: try JSONEncoder().encode(excludingLanes.sorted()), as: UTF8.self)
            let rows = try Row.fetchAll(transaction.db.cachedStatement(sql: """
                SELECT o.id, o.lane, o.kind, o.ticket_id, o.workflow, o.idempotency_key, o.effect, o.attempts, o.reply_route, t.channel_id
                FROM outbox o LEFT JOIN ticket t ON t.id = o.ticket_id
                WHERE o.status = 'pending' AND o.lane NOT IN (SELECT value FROM json_each(?))
                  AND o.id = (SELECT min(id) FROM outbox WHERE lane = o.lane AND status IN ('pending', 'reply'))
                ORDER BY o.id LIMIT ?
                """), arguments: [excluded, limit])
            return try rows.map { row throws(StoreError) in try Self.pendingEffect(row, channelID: row["channel_id"]) }
        }
    }

    public func effect(after effect: PendingEffect, receipt: EffectReceipt) async throws(StoreError) -> PendingEffect? {
        try await readSQL { transaction in
            let row = try Row.fetchOne(transaction.db.cachedStatement(sql: """
                SELECT o.id, o.lane, o.kind, o.status, o.ticket_id, o.workflow, o.idempotency_key, o.effect, o.attempts, o.reply_route,
                       t.channel_id
                FROM outbox o LEFT JOIN ticket t ON t.id = o.ticket_id
                WHERE o.lane = ? AND o.id > ? AND o.status IN ('pending', 'reply')
                ORDER BY o.id LIMIT 1
                """), arguments: [effect.lane, effect.id])
            guard let row, row["status"] == "pending" else { return nil }
            // The channel `effect` created is the ticket's, though not yet
            // written down.
            return try Self.pendingEffect(row, channelID: receipt.channelID ?? row["channel_id"])
        }
    }

    /// An outbox row as the drainer is offered it, in `channelID`.
    private static func pendingEffect(_ row: Row, channelID: String?) throws(StoreError) -> PendingEffect {
        PendingEffect(id: row["id"], lane: row["lane"], idempotencyKey: row["idempotency_key"],
                      work: try work(of: row, channelID: channelID), attempts: row["attempts"], replyRoute: row["reply_route"])
    }

    /// What an outbox row asks for: a community rule's effect, or a
    /// ticket's, in `channelID` when the caller knows it.
    private static func work(of row: Row, channelID: String?) throws(StoreError) -> OutboxWork {
        let id: Int64 = row["id"]
        let data: Data = row["effect"]
        if row["kind"] == "community" {
            return .community(try StoreCoding.decode(CommunityEffect.self, from: data, what: "community effect \(id)"), workflow: row["workflow"] ?? "")
        }
        return .ticket(try StoreCoding.decode(Effect.self, from: data, what: "outbox effect \(id)"), ticketID: row["ticket_id"], channelID: channelID)
    }

    /// Marks an effect done, after its executor confirmed it. A created
    /// channel is recorded on its ticket in the same transaction, so no
    /// later effect can look for the channel and miss it.
    public func complete(_ effect: PendingEffect, receipt: EffectReceipt, now: Int64) async throws(StoreError) {
        try await writeSQL { transaction in
            try transaction.db.cachedStatement(sql: "UPDATE outbox SET status = 'done', done_at = ?, attempts = attempts + 1 WHERE id = ?").execute(arguments: [now, effect.id])
            if let channel = receipt.channelID {
                try transaction.db.cachedStatement(sql: "UPDATE outbox SET result = ? WHERE id = ?").execute(arguments: [channel, effect.id])
                if case .ticket(.createChannel, let ticketID, _) = effect.work {
                    try transaction.recordChannel(ticketID: ticketID, channelID: channel)
                }
            }
        }
    }

    public func failed(_ effect: PendingEffect, error: String) async throws(StoreError) {
        try await writeSQL { transaction in
            try transaction.db.cachedStatement(sql: "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?").execute(arguments: [error, effect.id])
        }
    }

    public func setAside(_ effect: PendingEffect, reason: String, now: Int64) async throws(StoreError) {
        try await writeSQL { transaction in
            try transaction.db.cachedStatement(sql: """
                UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?, done_at = ? WHERE id = ?
                """).execute(arguments: [reason, now, effect.id])
        }
    }

    public func setAsideEffects() async throws(StoreError) -> [SetAsideEffect] {
        try await readSQL { transaction in
            let rows = try Row.fetchAll(transaction.db.cachedStatement(sql: """
                SELECT id, lane, kind, ticket_id, workflow, effect, attempts, last_error, done_at
                FROM outbox WHERE status = 'failed' ORDER BY id
                """))
            return try rows.map { row throws(StoreError) in
                SetAsideEffect(id: row["id"], lane: row["lane"], work: try Self.work(of: row, channelID: nil), reason: row["last_error"] ?? "",
                               attempts: row["attempts"], at: row["done_at"])
            }
        }
    }

    public func retrySetAside(ids: [Int64]?) async throws(StoreError) -> Int {
        let count = try await writeSQL { transaction in
            if let ids {
                try transaction.db.execute(sql: "UPDATE outbox SET status = 'pending', attempts = 0, done_at = NULL WHERE status = 'failed' AND id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                                           arguments: StatementArguments(ids))
            } else {
                try transaction.db.execute(sql: "UPDATE outbox SET status = 'pending', attempts = 0, done_at = NULL WHERE status = 'failed'")
            }
            return transaction.db.changesCount
        }
        if count > 0 { commits.tell(.effects) }
        return count
    }

    public func replyAnswered(outboxID: Int64, now: Int64) async throws(StoreError) {
        try await writeSQL { transaction in
            try transaction.db.cachedStatement(sql: "UPDATE outbox SET status = 'done', done_at = ?, attempts = attempts + 1 WHERE id = ? AND status = 'reply'")
                .execute(arguments: [now, outboxID])
            // The lane's next effects may go.
            transaction.changes.signal.insert(.effects)
        }
    }

    public func replyUnanswered(outboxID: Int64) async throws(StoreError) {
        try await writeSQL { transaction in
            try transaction.db.cachedStatement(sql: "UPDATE outbox SET status = 'pending' WHERE id = ? AND status = 'reply'")
                .execute(arguments: [outboxID])
            transaction.changes.signal.insert(.effects)
        }
    }

    public func releaseOrphanedReplies() async throws(StoreError) -> Int {
        try await writeSQL { transaction in
            try transaction.db.execute(sql: "UPDATE outbox SET status = 'pending' WHERE status = 'reply'")
            let released = transaction.db.changesCount
            if released > 0 { transaction.changes.signal.insert(.effects) }
            return released
        }
    }

    /// Outbox rows by status, for reports and tests.
    public func outboxCounts() async throws(StoreError) -> [String: Int] {
        try await readSQL { transaction in
            let rows = try Row.fetchAll(transaction.db.cachedStatement(sql: "SELECT status, count(*) AS n FROM outbox GROUP BY status"))
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["status"], $0["n"]) })
        }
    }
}
