import Foundation
import GRDB

/// The store's operations inside one transaction. Only `TicketStore` makes
/// these, so every write here is part of a transaction that commits whole.
struct StoreTransaction: StorageTransaction {
    let db: Database
    /// What this transaction wrote that the runtime's loops act on; told to
    /// `TicketStore.commits` once the transaction has committed.
    let changes: Changes

    init(db: Database, changes: Changes = Changes()) {
        self.db = db
        self.changes = changes
    }

    /// Collected while a transaction runs, on the writer's thread only.
    final class Changes {
        var signal: CommitSignal = []
    }

    // MARK: Workflow versions

    func saveVersion(hash: String, path: String, source: [UInt8], now: Int64) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO workflow_version (hash, path, source, loaded_at) VALUES (?, ?, ?, ?)").execute(arguments: [hash, path, Data(source), now])
    }

    func versionSource(hash: String) throws -> (path: String, source: [UInt8])? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT path, source FROM workflow_version WHERE hash = ?"), arguments: [hash]) else {
            return nil
        }
        let source: Data = row["source"]
        return (row["path"], Array(source))
    }

    /// Open tickets per workflow version.
    func openTicketsByVersion() throws -> [String: Int] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT workflow_hash, count(*) AS n FROM ticket WHERE is_open GROUP BY workflow_hash"))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["workflow_hash"], $0["n"]) })
    }

    // MARK: Tickets

    func nextNumber(guild: String) throws -> Int {
        try db.cachedStatement(sql: """
            INSERT INTO server (guild, last_number) VALUES (?, 1)
            ON CONFLICT (guild) DO UPDATE SET last_number = last_number + 1
            """).execute(arguments: [guild])
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT last_number FROM server WHERE guild = ?"), arguments: [guild]) ?? 1
    }

    /// Open tickets of `owner`, in one category or in all.
    func openTicketCount(guild: String, owner: String, category: String?) throws -> Int {
        if let category {
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM ticket WHERE is_open AND guild = ? AND owner = ? AND category = ?"),
                                    arguments: [guild, owner, category]) ?? 0
        }
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM ticket WHERE is_open AND guild = ? AND owner = ?"),
                                arguments: [guild, owner]) ?? 0
    }

    func recentOpenTicket(guild: String, owner: String, category: String, since: Int64) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM ticket WHERE is_open AND guild = ? AND owner = ? AND category = ? AND opened_at >= ? ORDER BY id DESC LIMIT 1
            """), arguments: [guild, owner, category, since])
    }

    func insertTicket(guild: String, state: TicketState, desk: DeskColumns, now: Int64) throws -> Int64 {
        let snapshot = try StoreCoding.encode(state)
        try db.cachedStatement(sql: """
            INSERT INTO ticket (guild, number, category, workflow_hash, owner, state, handler, handler_level,
                                is_open, snapshot, opened_at, updated_at, closed_at, close_reason,
                                desk_audience, waiting_since, priority_rank)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [guild, state.number, state.category, state.workflowHash, state.owner, state.state,
                             state.handler, state.handlerLevel, !state.isClosed, snapshot,
                             state.openedAt, now, state.isClosed ? now : nil, state.closeReason,
                             desk.audience, desk.waitingSince, desk.priorityRank])
        let id = db.lastInsertedRowID
        DecodedSnapshots.shared.remember(state, encodedAs: snapshot, of: id)
        changes.signal.insert(.tickets)
        return id
    }

    func updateTicket(id: Int64, state: TicketState, desk: DeskColumns, wasClosed: Bool, now: Int64) throws {
        let closedAt: Int64? = state.isClosed && !wasClosed ? now : nil
        let statement = try db.cachedStatement(sql: """
            UPDATE ticket SET state = ?, category = ?, handler = ?, handler_level = ?, is_open = ?, snapshot = ?, updated_at = ?,
                              closed_at = coalesce(closed_at, ?), close_reason = ?,
                              desk_audience = ?, waiting_since = ?, priority_rank = ?
            WHERE id = ?
            """)
        let snapshot = try StoreCoding.encode(state)
        try statement.execute(arguments: [state.state, state.category, state.handler, state.handlerLevel, !state.isClosed,
                                          snapshot, now, closedAt, state.closeReason,
                                          desk.audience, desk.waitingSince, desk.priorityRank, id])
        DecodedSnapshots.shared.remember(state, encodedAs: snapshot, of: id)
        changes.signal.insert(.tickets)
    }

    func ticket(id: Int64) throws -> StoredTicket? {
        let statement = try db.cachedStatement(sql: "SELECT id, guild, channel_id, snapshot FROM ticket WHERE id = ?")
        return try Row.fetchOne(statement, arguments: [id]).map(Self.ticket(from:))
    }

    func ticket(guild: String, number: Int) throws -> StoredTicket? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, guild, channel_id, snapshot FROM ticket WHERE guild = ? AND number = ?"),
                         arguments: [guild, number]).map(Self.ticket(from:))
    }

    func ticket(channel: String) throws -> StoredTicket? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT id, guild, channel_id, snapshot FROM ticket WHERE channel_id = ?"),
                         arguments: [channel]).map(Self.ticket(from:))
    }

    func tickets(openOnly: Bool) throws -> [StoredTicket] {
        let sql = "SELECT id, guild, channel_id, snapshot FROM ticket" + (openOnly ? " WHERE is_open" : "") + " ORDER BY id"
        return try Row.fetchAll(db, sql: sql).map(Self.ticket(from:))
    }

    static func ticket(from row: Row) throws -> StoredTicket {
        let id: Int64 = row["id"]
        let snapshot: Data = row["snapshot"]
        let state = try DecodedSnapshots.shared.state(of: id, snapshot: snapshot)
        return StoredTicket(id: id, guild: row["guild"], channelID: row["channel_id"], state: state)
    }

    /// Closed tickets of one server that were in `handler`'s hands when
    /// they closed: the count a `milestone` compares with its goal.
    func closedTickets(guild: String, handler: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM ticket WHERE guild = ? AND handler = ? AND NOT is_open"),
                         arguments: [guild, handler]) ?? 0
    }

    func recordChannel(ticketID: Int64, channelID: String) throws {
        try db.cachedStatement(sql: "UPDATE ticket SET channel_id = ? WHERE id = ?").execute(arguments: [channelID, ticketID])
    }

    // MARK: The event log

    func hasEvent(sourceID: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM event WHERE source_id = ?"), arguments: [sourceID]) ?? false
    }

    func ticketMessages(ticketID: Int64) throws -> [(at: Int64, message: TicketEvent.Message)] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT at, payload FROM event WHERE ticket_id = ? AND kind IN ('message', 'staff message') ORDER BY seq
            """), arguments: [ticketID])
        return try rows.compactMap { row in
            let event = try StoreCoding.decode(TicketEvent.self, from: row["payload"], what: "an event of ticket \(ticketID)")
            guard case .message(let message) = event else { return nil }
            return (at: row["at"], message: message)
        }
    }

    func ticketConversation(ticketID: Int64) throws -> [ConversationLine] {
        // An event's own line comes before the messages it made Escala
        // send (side 0, then 1), each group in the order it was written.
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT seq AS position, 0 AS side, 0 AS id, at, payload AS body FROM event
            WHERE ticket_id = ?1 AND kind IN ('message', 'staff message')
            UNION ALL
            SELECT event_seq, 1, id, coalesce(done_at, 0), effect FROM outbox
            WHERE ticket_id = ?1 AND kind = 'ticket' AND status = 'done'
            ORDER BY position, side, id
            """), arguments: [ticketID])
        return try rows.compactMap { row -> ConversationLine? in
            let at: Int64 = row["at"]
            if row["side"] == 0 {
                let event = try StoreCoding.decode(TicketEvent.self, from: row["body"], what: "an event of ticket \(ticketID)")
                guard case .message(let message) = event else { return nil }
                return ConversationLine(at: at, author: message.author.name, text: message.text, attachments: message.attachments)
            }
            switch try StoreCoding.decode(Effect.self, from: row["body"], what: "an effect of ticket \(ticketID)") {
            case .send(let text, _, _, _), .notice(let text, _):
                return text.isEmpty ? nil : ConversationLine(at: at, author: nil, text: text.plain)
            default:
                return nil
            }
        }
    }

    func lastMessageID(ticketID: Int64) throws -> String? {
        guard let payload = try Data.fetchOne(db.cachedStatement(sql: """
            SELECT payload FROM event WHERE ticket_id = ? AND kind IN ('message', 'staff message') ORDER BY seq DESC LIMIT 1
            """), arguments: [ticketID]) else { return nil }
        guard case .message(let message) = try StoreCoding.decode(TicketEvent.self, from: payload, what: "an event of ticket \(ticketID)") else { return nil }
        return message.id
    }

    /// The ticket an already-logged event belongs to.
    func ticketID(sourceID: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT ticket_id FROM event WHERE source_id = ?"), arguments: [sourceID])
    }

    func appendEvent(ticketID: Int64?, sourceID: String?, at: Int64, actor: String?, kind: String,
                     payload: Data, stateBefore: String?, stateAfter: String?, rules: [FiredRule]) throws -> Int64 {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO event (ticket_id, source_id, at, actor, kind, payload, state_before, state_after, rules)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        // Most steps of a busy ticket are messages no rule acted on: no bytes for them.
        let rulesData = rules.isEmpty ? nil : try StoreCoding.encode(rules)
        try statement.execute(arguments: [ticketID, sourceID, at, actor, kind, payload, stateBefore, stateAfter, rulesData])
        return db.lastInsertedRowID
    }

    func appendAudit(_ entry: AuditEntry, ticketID: Int64?, eventSeq: Int64?, at: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO audit (ticket_id, event_seq, at, actor, action, detail) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [ticketID, eventSeq, at, entry.actor, entry.action, entry.detail])
    }

    // MARK: Effects and timers

    /// Timers become rows of the timer table; every other effect becomes an
    /// outbox row whose idempotency key names the event and the effect's
    /// place in it, so a retried delivery can be recognised downstream.
    func hasEffectsWaiting(ticketID: Int64) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM outbox WHERE lane = 't' || ? AND status IN ('pending', 'reply') LIMIT 1"),
                          arguments: [ticketID]) ?? false
    }

    @discardableResult
    func enqueue(_ effects: [Effect], ticketID: Int64, eventSeq: Int64, reply: (index: Int, route: String)?) throws -> Int64? {
        var replyID: Int64?
        for (index, effect) in effects.enumerated() {
            switch effect {
            case .schedule(let timer):
                try schedule(timer, ticketID: ticketID)
                changes.signal.insert(.timers)
            case .cancelTimer(let key):
                let statement = try db.cachedStatement(sql: "DELETE FROM timer WHERE ticket_id = ? AND key = ?")
                try statement.execute(arguments: [ticketID, key])
            default:
                let replying = reply?.index == index
                let statement = try db.cachedStatement(sql: """
                    INSERT INTO outbox (lane, kind, guild, ticket_id, event_seq, idempotency_key, effect, status, reply_route)
                    VALUES ('t' || ?1, 'ticket', (SELECT guild FROM ticket WHERE id = ?1), ?1, ?2, ?3, ?4, ?5, ?6)
                    """)
                try statement.execute(arguments: [ticketID, eventSeq, "\(ticketID)-\(eventSeq)-\(index)", try StoreCoding.encode(effect),
                                                  replying ? "reply" : "pending", replying ? reply?.route : nil])
                if replying { replyID = db.lastInsertedRowID }
                changes.signal.insert(.effects)
            }
        }
        return replyID
    }

    /// Sets a ticket's timer; one of the same key is replaced.
    func schedule(_ timer: TicketTimer, ticketID: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO timer (ticket_id, key, generation, due_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (ticket_id, key) DO UPDATE SET generation = excluded.generation, due_at = excluded.due_at,
                set_aside = NULL, set_aside_at = NULL
            """)
        try statement.execute(arguments: [ticketID, timer.key, timer.generation, timer.dueAt])
    }

    /// The earliest due timers, in firing order.
    func dueTimers(upTo now: Int64, limit: Int) throws -> [DueTimer] {
        let statement = try db.cachedStatement(sql: """
            SELECT ticket_id, key, generation, due_at FROM timer WHERE due_at <= ? AND set_aside IS NULL
            ORDER BY due_at, ticket_id, key LIMIT ?
            """)
        return try Row.fetchAll(statement, arguments: [now, limit]).compactMap(DueTimer.init(row:))
    }

    func timers(ticketID: Int64) throws -> [TicketTimer] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT ticket_id, key, generation, due_at FROM timer WHERE ticket_id = ? AND set_aside IS NULL ORDER BY due_at, key
            """), arguments: [ticketID]).compactMap { DueTimer(row: $0)?.timer }
    }

    func nextTimer() throws -> DueTimer? {
        try Row.fetchOne(db.cachedStatement(sql: """
            SELECT ticket_id, key, generation, due_at FROM timer WHERE set_aside IS NULL ORDER BY due_at, ticket_id, key LIMIT 1
            """))
            .flatMap(DueTimer.init(row:))
    }

    /// Deletes the timer if it is still the one that was due; false if it
    /// was rescheduled or fired meanwhile.
    func takeTimer(_ timer: DueTimer) throws -> Bool {
        let statement = try db.cachedStatement(sql: "DELETE FROM timer WHERE ticket_id = ? AND key = ? AND generation = ? AND due_at = ?")
        try statement.execute(arguments: [timer.ticketID, timer.timer.key, timer.timer.generation, timer.timer.dueAt])
        return db.changesCount > 0
    }

    func timerCount() throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM timer WHERE set_aside IS NULL")) ?? 0
    }

    func setAsideTimer(_ timer: DueTimer, reason: String, at now: Int64) throws -> Bool {
        let statement = try db.cachedStatement(sql: """
            UPDATE timer SET set_aside = ?, set_aside_at = ?
            WHERE ticket_id = ? AND key = ? AND generation = ? AND due_at = ? AND set_aside IS NULL
            """)
        try statement.execute(arguments: [reason, now, timer.ticketID, timer.timer.key, timer.timer.generation, timer.timer.dueAt])
        return db.changesCount > 0
    }

    func setAsideTimers() throws -> [SetAsideTimer] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT t.ticket_id, t.key, t.generation, t.due_at, t.set_aside, t.set_aside_at, k.guild, k.number
            FROM timer t JOIN ticket k ON k.id = t.ticket_id WHERE t.set_aside IS NOT NULL ORDER BY t.set_aside_at, t.ticket_id, t.key
            """))
        return rows.compactMap { row in
            DueTimer(row: row).map {
                SetAsideTimer(timer: $0, guild: row["guild"], ticketNumber: row["number"], reason: row["set_aside"], at: row["set_aside_at"])
            }
        }
    }

    func retrySetAsideTimers() throws -> Int {
        try db.execute(sql: "UPDATE timer SET set_aside = NULL, set_aside_at = NULL WHERE set_aside IS NOT NULL")
        return db.changesCount
    }
}

extension DueTimer {
    init?(row: Row) {
        guard let purpose = TicketTimer.Purpose(key: row["key"]) else { return nil }
        self.init(ticketID: row["ticket_id"], timer: TicketTimer(purpose: purpose, generation: row["generation"], dueAt: row["due_at"]))
    }
}
