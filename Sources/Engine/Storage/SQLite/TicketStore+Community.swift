import Foundation
import GRDB

/// The community tables: members, reputation, roles held and their audit,
/// activity windows and counts, the community outbox, ticket statistics.
extension StoreTransaction {
    // MARK: Members and reputation

    func recordMember(guild: String, member: String, joinedAt: Int64) throws {
        try db.cachedStatement(sql: """
            INSERT INTO member (guild, id, joined_at) VALUES (?, ?, ?)
            ON CONFLICT (guild, id) DO UPDATE SET joined_at = excluded.joined_at
            """).execute(arguments: [guild, member, joinedAt])
    }

    /// The members `m` never granted a role by a rule (`?` workflow, `?` rule):
    /// one definition for the scheduler's query and for when it is next due.
    static let neverGranted = """
        NOT EXISTS (SELECT 1 FROM role_audit a WHERE a.guild = m.guild AND a.workflow = ? AND a.rule = ?
                    AND a.member = m.id AND a.action = 'grant')
        """

    /// Members who joined at or before `joinedBy` and were never granted a
    /// role by `rule`.
    func membersWithoutGrant(guild: String, workflow: String, rule: String, joinedBy: Int64, limit: Int) throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT m.id FROM member m
            WHERE m.guild = ? AND m.joined_at <= ? AND \(Self.neverGranted)
            ORDER BY m.joined_at LIMIT ?
            """), arguments: [guild, joinedBy, workflow, rule, limit])
    }

    func firstJoinWithoutGrant(guild: String, workflow: String, rule: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT min(m.joined_at) FROM member m
            WHERE m.guild = ? AND \(Self.neverGranted)
            """), arguments: [guild, workflow, rule])
    }

    func reputationGiven(guild: String, giver: String, receiver: String?, since: Int64) throws -> Int {
        if let receiver {
            return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM reputation WHERE guild = ? AND giver = ? AND at > ? AND receiver = ?"),
                                    arguments: [guild, giver, since, receiver]) ?? 0
        }
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM reputation WHERE guild = ? AND giver = ? AND at > ?"),
                                arguments: [guild, giver, since]) ?? 0
    }

    func addReputation(guild: String, giver: String, receiver: String, at: Int64) throws {
        try db.cachedStatement(sql: "INSERT INTO reputation (guild, giver, receiver, at) VALUES (?, ?, ?, ?)").execute(arguments: [guild, giver, receiver, at])
    }

    func reputationPoints(guild: String, member: String) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM reputation WHERE guild = ? AND receiver = ?"), arguments: [guild, member]) ?? 0
    }

    // MARK: Roles

    func hasGrant(guild: String, workflow: String, member: String, role: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM role_grant WHERE guild = ? AND workflow = ? AND member = ? AND role = ?"),
                          arguments: [guild, workflow, member, role]) ?? false
    }

    func everGranted(guild: String, workflow: String, rule: String, member: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT 1 FROM role_audit WHERE guild = ? AND workflow = ? AND rule = ? AND member = ? AND action = 'grant'
            """), arguments: [guild, workflow, rule, member]) ?? false
    }

    func grantedRule(guild: String, workflow: String, member: String, role: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT rule FROM role_grant WHERE guild = ? AND workflow = ? AND member = ? AND role = ?"),
                            arguments: [guild, workflow, member, role])
    }

    func insertGrant(guild: String, workflow: String, member: String, role: String, rule: String, at: Int64, expiresAt: Int64?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO role_grant (guild, workflow, member, role, rule, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET rule = excluded.rule, granted_at = excluded.granted_at, expires_at = excluded.expires_at
            """).execute(arguments: [guild, workflow, member, role, rule, at, expiresAt])
    }

    func deleteGrant(guild: String, workflow: String, member: String, role: String) throws -> Bool {
        try db.cachedStatement(sql: "DELETE FROM role_grant WHERE guild = ? AND workflow = ? AND member = ? AND role = ?").execute(arguments: [guild, workflow, member, role])
        return db.changesCount > 0
    }

    func expiredGrants(guild: String, upTo now: Int64, limit: Int) throws -> [(workflow: String, member: String, role: String, rule: String, grantedAt: Int64)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT workflow, member, role, rule, granted_at FROM role_grant
            WHERE expires_at IS NOT NULL AND expires_at <= ? AND guild = ? ORDER BY expires_at LIMIT ?
            """), arguments: [now, guild, limit]).map { ($0["workflow"], $0["member"], $0["role"], $0["rule"], $0["granted_at"]) }
    }

    func nextGrantExpiry(guild: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(expires_at) FROM role_grant WHERE guild = ? AND expires_at IS NOT NULL"), arguments: [guild])
    }

    func appendRoleAudit(guild: String, workflow: String, at: Int64, member: String, role: String,
                         action: RoleAuditRecord.Action, rule: String?, reason: String, actor: String?) throws {
        try db.cachedStatement(sql: """
            INSERT INTO role_audit (guild, workflow, at, member, role, action, rule, reason, actor)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [guild, workflow, at, member, role, action.rawValue, rule, reason, actor])
    }

    func roleAudit(guild: String, member: String?, limit: Int) throws -> [RoleAuditRecord] {
        var sql = "SELECT * FROM role_audit WHERE guild = ?"
        var arguments: StatementArguments = [guild]
        if let member { sql += " AND member = ?"; arguments += [member] }
        sql += " ORDER BY id DESC LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            RoleAuditRecord(id: row["id"], at: row["at"], workflow: row["workflow"], member: row["member"], role: row["role"],
                            action: RoleAuditRecord.Action(rawValue: row["action"]) ?? .grant, rule: row["rule"],
                            reason: row["reason"], actor: row["actor"])
        }
    }

    func workflowPath(hash: String) throws -> String? {
        try String.fetchOne(db.cachedStatement(sql: "SELECT path FROM workflow_version WHERE hash = ?"), arguments: [hash])
    }

    // MARK: Activity

    /// The id of a board's window, created on first use.
    func windowID(guild: String, workflow: String, board: String, window: ActivityWindow) throws -> Int64 {
        try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO activity_window (guild, workflow, board, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)
            """).execute(arguments: [guild, workflow, board, window.start, window.end])
        return try Int64.fetchOne(db.cachedStatement(sql: """
            SELECT id FROM activity_window WHERE guild = ? AND workflow = ? AND board = ? AND starts_at = ?
            """), arguments: [guild, workflow, board, window.start]) ?? 0
    }

    func addCounts(windowID: Int64, member: String, messages: Int, reactions: Int, reputation: Int) throws {
        // Cached: a flush runs this once per member, tens of thousands of
        // times, and compiling the SQL each time was most of its cost.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO activity_count (window_id, member, messages, reactions, reputation) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (window_id, member) DO UPDATE SET messages = messages + excluded.messages,
                reactions = reactions + excluded.reactions, reputation = reputation + excluded.reputation
            """)
        try statement.execute(arguments: [windowID, member, messages, reactions, reputation])
    }

    /// Windows whose end has passed and whose TOP is not posted yet.
    func dueWindows(guild: String, upTo now: Int64) throws -> [(id: Int64, workflow: String, board: String, window: ActivityWindow)] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, workflow, board, starts_at, ends_at FROM activity_window
            WHERE guild = ? AND closed_at IS NULL AND ends_at <= ? ORDER BY ends_at
            """), arguments: [guild, now]).map {
            ($0["id"], $0["workflow"], $0["board"], ActivityWindow(start: $0["starts_at"], end: $0["ends_at"]))
        }
    }

    /// The members with the most of what `counters` counts, highest first;
    /// ties go to the member counted first (lowest id), so the order is stable.
    func ranking(windowID: Int64, counters: [String], limit: Int) throws -> (members: Int, entries: [ActivityRanking.Entry]) {
        let total = counters.isEmpty ? "0" : counters.joined(separator: " + ")
        let members = try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM activity_count WHERE window_id = ?"), arguments: [windowID]) ?? 0
        let entries = try Row.fetchAll(db, sql: """
            SELECT member, messages, reactions, reputation, \(total) AS total FROM activity_count
            WHERE window_id = ? AND \(total) > 0 ORDER BY total DESC, member LIMIT ?
            """, arguments: [windowID, limit]).map {
            ActivityRanking.Entry(member: $0["member"], messages: $0["messages"], reactions: $0["reactions"],
                                  reputation: $0["reputation"], total: $0["total"])
        }
        return (members, entries)
    }

    func memberTotal(windowID: Int64, member: String, counters: [String]) throws -> Int {
        let total = counters.isEmpty ? "0" : counters.joined(separator: " + ")
        return try Int.fetchOne(db, sql: "SELECT \(total) FROM activity_count WHERE window_id = ? AND member = ?",
                                arguments: [windowID, member]) ?? 0
    }

    func nextWindowEnd(guild: String) throws -> Int64? {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT min(ends_at) FROM activity_window WHERE guild = ? AND closed_at IS NULL"), arguments: [guild])
    }

    func closeWindow(id: Int64, at now: Int64, ranking: Data) throws {
        try db.cachedStatement(sql: "UPDATE activity_window SET closed_at = ?, ranking = ? WHERE id = ?").execute(arguments: [now, ranking, id])
    }

    /// A closed window's stored ranking, `back` windows before the newest closed one.
    func closedRanking(guild: String, workflow: String, board: String, back: Int) throws -> Data? {
        try Data.fetchOne(db.cachedStatement(sql: """
            SELECT ranking FROM activity_window WHERE guild = ? AND workflow = ? AND board = ? AND closed_at IS NOT NULL
            ORDER BY starts_at DESC LIMIT 1 OFFSET ?
            """), arguments: [guild, workflow, board, back])
    }

    // MARK: Community effects, in the one outbox

    /// A server's community effects share one lane: they are carried out in
    /// the order they were decided (a grant before the revocation that
    /// follows it). The key is the row's own id, known once inserted.
    func enqueue(_ effects: [CommunityEffect], guild: String, workflow: String) throws {
        for effect in effects {
            try db.cachedStatement(sql: """
                INSERT INTO outbox (lane, kind, guild, workflow, idempotency_key, effect)
                VALUES ('c' || ?1, 'community', ?1, ?2, 'community-' || ?1 || '-' || (SELECT ifnull(max(id), 0) + 1 FROM outbox), ?3)
                """).execute(arguments: [guild, workflow, try StoreCoding.encode(effect)])
            changes.signal.insert(.effects)
        }
    }

    // MARK: Ticket statistics

    func recordFirstResponse(ticketID: Int64, at: Int64, by staff: String) throws {
        try db.cachedStatement(sql: "UPDATE ticket SET first_response_at = ?, first_responder = ? WHERE id = ? AND first_response_at IS NULL").execute(arguments: [at, staff, ticketID])
    }

    func ticketStatistics(guild: String, since: Int64) throws -> TicketStatistics {
        func line(_ row: Row, key: String) -> TicketStatistics.Line {
            let response: Double? = row["first_response"], close: Double? = row["time_to_close"]
            return .init(key: key, created: row["created"], resolved: row["resolved"], pending: row["pending"],
                         firstResponse: response.map { Int($0.rounded()) }, timeToClose: close.map { Int($0.rounded()) })
        }
        let measures = """
            count(*) AS created, coalesce(sum(NOT is_open), 0) AS resolved, coalesce(sum(is_open), 0) AS pending,
            avg(first_response_at - opened_at) AS first_response,
            avg(CASE WHEN NOT is_open THEN closed_at - opened_at END) AS time_to_close
            """
        let total = try Row.fetchOne(db, sql: "SELECT \(measures) FROM ticket WHERE guild = ? AND opened_at >= ?",
                                     arguments: [guild, since]).map { line($0, key: "total") }
        let categories = try Row.fetchAll(db, sql: """
            SELECT category, \(measures) FROM ticket WHERE guild = ? AND opened_at >= ? GROUP BY category ORDER BY created DESC, category
            """, arguments: [guild, since]).map { line($0, key: $0["category"]) }
        // A staff member's line: the tickets they answered first (and how
        // fast), and the tickets in their hands (closed, still open, and how
        // long the closed ones took).
        let staff = try Row.fetchAll(db.cachedStatement(sql: """
            WITH people AS (
                SELECT first_responder AS who FROM ticket WHERE guild = ?1 AND opened_at >= ?2 AND first_responder IS NOT NULL
                UNION SELECT handler FROM ticket WHERE guild = ?1 AND opened_at >= ?2 AND handler IS NOT NULL
            )
            SELECT who,
                (SELECT count(*) FROM ticket WHERE guild = ?1 AND opened_at >= ?2 AND first_responder = who) AS created,
                (SELECT count(*) FROM ticket WHERE guild = ?1 AND opened_at >= ?2 AND handler = who AND NOT is_open) AS resolved,
                (SELECT count(*) FROM ticket WHERE guild = ?1 AND opened_at >= ?2 AND handler = who AND is_open) AS pending,
                (SELECT avg(first_response_at - opened_at) FROM ticket WHERE guild = ?1 AND opened_at >= ?2 AND first_responder = who) AS first_response,
                (SELECT avg(closed_at - opened_at) FROM ticket WHERE guild = ?1 AND opened_at >= ?2 AND handler = who AND NOT is_open) AS time_to_close
            FROM people ORDER BY resolved DESC, created DESC, who
            """), arguments: [guild, since]).map { line($0, key: $0["who"]) }
        return TicketStatistics(total: total ?? .init(key: "total", created: 0, resolved: 0, pending: 0, firstResponse: nil, timeToClose: nil),
                                byCategory: categories, byStaff: staff)
    }

    func ticketTimes(guild: String, since: Int64) throws -> [TicketTimes] {
        try Row.fetchAll(db, sql: """
            SELECT category, opened_at, first_response_at, first_responder, closed_at, handler FROM ticket
            WHERE guild = ? AND (opened_at >= ?2 OR closed_at >= ?2)
            """, arguments: [guild, since]).map {
            TicketTimes(category: $0["category"], openedAt: $0["opened_at"], firstResponseAt: $0["first_response_at"],
                        firstResponder: $0["first_responder"], closedAt: $0["closed_at"], handler: $0["handler"])
        }
    }

    // MARK: Reports

    /// A ticket's history, oldest first: who opened, claimed, escalated,
    /// decided and closed it, with the reasons given.
    func ticketAudit(guild: String, number: Int) throws -> [TicketAuditRecord]? {
        guard let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM ticket WHERE guild = ? AND number = ?"), arguments: [guild, number]) else {
            return nil
        }
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT at, actor, action, detail FROM audit WHERE ticket_id = ? ORDER BY id"), arguments: [id]).map {
            TicketAuditRecord(at: $0["at"], actor: $0["actor"], action: $0["action"], detail: $0["detail"])
        }
    }

    func auditOutsideTickets(actions: [String]?, limit: Int) throws -> [TicketAuditRecord] {
        let filter = actions.map { " AND action IN (" + $0.map { _ in "?" }.joined(separator: ", ") + ")" } ?? ""
        let arguments = StatementArguments((actions ?? []).map { $0 as any DatabaseValueConvertible } + [limit])
        return try Row.fetchAll(db.cachedStatement(sql: "SELECT at, actor, action, detail FROM audit WHERE ticket_id IS NULL\(filter) ORDER BY id DESC LIMIT ?"),
                                arguments: arguments).map {
            TicketAuditRecord(at: $0["at"], actor: $0["actor"], action: $0["action"], detail: $0["detail"])
        }
    }

    func ticketHistory(ticketID: Int64) throws -> [TicketHistoryEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT at, actor, kind, state_before, state_after, rules FROM event WHERE ticket_id = ? ORDER BY seq
            """), arguments: [ticketID]).map { row in
            let rules: [FiredRule] = try (row["rules"] as Data?).map {
                try StoreCoding.decode([FiredRule].self, from: $0, what: "the rules of an event of ticket \(ticketID)")
            } ?? []
            return TicketHistoryEntry(at: row["at"], actor: row["actor"], kind: row["kind"], stateBefore: row["state_before"],
                                      stateAfter: row["state_after"], rules: rules)
        }
    }

    /// The servers the database holds tickets or community data for.
    func guilds() throws -> [String] {
        try String.fetchAll(db.cachedStatement(sql: """
            SELECT guild FROM ticket UNION SELECT guild FROM role_audit UNION SELECT guild FROM activity_window ORDER BY 1
            """))
    }
}
