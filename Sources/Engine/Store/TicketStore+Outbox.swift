import Foundation
import GRDB

/// An effect waiting in the outbox, with what its executor needs: the key
/// that makes a retried delivery recognisable, and the ticket's channel.
public struct PendingEffect: Sendable, Hashable {
    public let id: Int64
    public let ticketID: Int64
    public let idempotencyKey: String
    public let effect: Effect
    /// The ticket's channel, once its creation has been confirmed.
    public let channelID: String?
    /// Deliveries tried before this one.
    public let attempts: Int
}

/// What the executor reports back when Discord has confirmed an effect.
public struct EffectReceipt: Sendable, Hashable {
    /// The channel or thread created by a `createChannel` effect.
    public var channelID: String?

    public init(channelID: String? = nil) {
        self.channelID = channelID
    }
}

extension TicketStore {
    /// The effects still to carry out, oldest first, at most one chain per
    /// ticket: effects of a ticket run in the order the engine emitted them
    /// (its channel before its first message), so only the first pending
    /// effect of each ticket is offered.
    public func pendingEffects(limit: Int = 100) throws(StoreError) -> [PendingEffect] {
        try read { transaction in
            let rows = try Row.fetchAll(transaction.db, sql: """
                SELECT o.id, o.ticket_id, o.idempotency_key, o.effect, o.attempts, t.channel_id
                FROM outbox o JOIN ticket t ON t.id = o.ticket_id
                WHERE o.status = 'pending'
                  AND o.id = (SELECT min(id) FROM outbox WHERE ticket_id = o.ticket_id AND status = 'pending')
                ORDER BY o.id LIMIT ?
                """, arguments: [limit])
            return try rows.map { row throws(StoreError) in
                let data: Data = row["effect"]
                let id: Int64 = row["id"]
                return PendingEffect(id: id, ticketID: row["ticket_id"], idempotencyKey: row["idempotency_key"],
                                     effect: try StoreCoding.decode(Effect.self, from: data, what: "outbox effect \(id)"),
                                     channelID: row["channel_id"], attempts: row["attempts"])
            }
        }
    }

    /// Marks an effect done, after its executor confirmed it. A created
    /// channel is recorded on its ticket in the same transaction, so no
    /// later effect can look for the channel and miss it.
    public func complete(_ effect: PendingEffect, receipt: EffectReceipt, now: Int64) throws(StoreError) {
        try transaction { transaction in
            try transaction.db.execute(sql: "UPDATE outbox SET status = 'done', done_at = ?, attempts = attempts + 1 WHERE id = ?",
                                       arguments: [now, effect.id])
            if let channel = receipt.channelID {
                try transaction.db.execute(sql: "UPDATE outbox SET result = ? WHERE id = ?", arguments: [channel, effect.id])
                if case .createChannel = effect.effect {
                    try transaction.recordChannel(ticketID: effect.ticketID, channelID: channel)
                }
            }
        }
    }

    /// Records a failed delivery; after `giveUpAfter` attempts the effect is
    /// set aside as failed (and the ticket's later effects may proceed)
    /// rather than blocking the ticket forever.
    public func failed(_ effect: PendingEffect, error: String, giveUpAfter: Int = 10) throws(StoreError) {
        try recordFailure(in: "outbox", id: effect.id, error: error, giveUpAfter: giveUpAfter)
    }

    /// One failed delivery of an outbox row (the tickets' or the
    /// community's): counted, and set aside as failed after `giveUpAfter`.
    func recordFailure(in table: String, id: Int64, error: String, giveUpAfter: Int) throws(StoreError) {
        try transaction { transaction in
            try transaction.db.execute(sql: """
                UPDATE \(table) SET attempts = attempts + 1, last_error = ?,
                       status = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'pending' END
                WHERE id = ?
                """, arguments: [error, giveUpAfter, id])
        }
    }

    /// Outbox rows by status, for reports and tests.
    public func outboxCounts() throws(StoreError) -> [String: Int] {
        try read { transaction in
            let rows = try Row.fetchAll(transaction.db, sql: "SELECT status, count(*) AS n FROM outbox GROUP BY status")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["status"], $0["n"]) })
        }
    }
}
