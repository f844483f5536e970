import Foundation
import GRDB

/// The staff desk's queue in SQL: which open tickets a viewer may see is a
/// test on the row's `desk_audience` (`instr`, not `LIKE`, since names may
/// hold `_`), the order is the `ticket_desk_queue` index's, and only the
/// page asked for is decoded.
extension StoreTransaction {
    func deskTickets(guild: String, viewers: [DeskViewer], owner: String?, filter: DeskFilter, offset: Int, limit: Int) throws -> [StoredTicket] {
        guard var (condition, arguments) = Self.visible(guild: guild, viewers: viewers) else { return [] }
        for (column, value) in [("owner", owner), ("category", filter.category), ("handler", filter.handler), ("state", filter.state)] {
            guard let value else { continue }
            condition += " AND \(column) = ?"
            arguments += [value]
        }
        arguments += [max(0, limit), max(0, offset)]
        // The page's ids first, then their rows: ordering the rows with
        // their snapshots would carry every visible ticket's state through
        // the sort.
        // A member's few by the owner's index; else the queue's order's.
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM ticket \(owner == nil ? "INDEXED BY ticket_desk_queue" : "INDEXED BY ticket_open_by_owner")
            WHERE \(condition)
            ORDER BY guild, waiting_since IS NULL, waiting_since, priority_rank IS NULL, priority_rank, opened_at, number
            LIMIT ? OFFSET ?
            """, arguments: arguments)
        return try ids.compactMap { try ticket(id: $0) }
    }

    func deskClosedTickets(guild: String, viewers: [DeskViewer], owner: String?, offset: Int, limit: Int) throws -> [StoredTicket] {
        guard let (visible, visibleArguments) = Self.visible(guild: guild, viewers: viewers) else { return [] }
        // The same test on closed rows; a member's own go by the owner's index.
        var condition = visible.replacingOccurrences(of: "is_open AND guild = ?", with: "NOT is_open AND guild = ?")
        var arguments = visibleArguments
        if let owner {
            condition += " AND owner = ?"
            arguments += [owner]
        }
        arguments += [max(0, limit), max(0, offset)]
        let ids = try Int64.fetchAll(db, sql: """
            SELECT id FROM ticket \(owner == nil ? "INDEXED BY ticket_desk_closed" : "INDEXED BY ticket_closed_by_owner")
            WHERE \(condition) ORDER BY closed_at DESC, number DESC LIMIT ? OFFSET ?
            """, arguments: arguments)
        return try ids.compactMap { try ticket(id: $0) }
    }

    func deskFacets(guild: String, viewers: [DeskViewer]) throws -> [DeskFacet] {
        guard let (condition, arguments) = Self.visible(guild: guild, viewers: viewers) else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT category, state, handler, count(*) AS tickets FROM ticket WHERE \(condition)
            GROUP BY category, state, handler
            """, arguments: arguments).map { DeskFacet(category: $0["category"], state: $0["state"], handler: $0["handler"], count: $0["tickets"]) }
    }

    func openTicketsWithoutDeskColumns(limit: Int) throws -> [StoredTicket] {
        try Row.fetchAll(db, sql: "SELECT id, guild, channel_id, snapshot FROM ticket WHERE is_open AND desk_audience IS NULL LIMIT ?",
                         arguments: [limit]).map(Self.ticket(from:))
    }

    func recordDeskColumns(ticketID: Int64, _ columns: DeskColumns) throws {
        try db.cachedStatement(sql: "UPDATE ticket SET desk_audience = ?, waiting_since = ?, priority_rank = ? WHERE id = ?")
            .execute(arguments: [columns.audience, columns.waitingSince, columns.priorityRank, ticketID])
    }

    /// The condition "open, of `guild`, and visible to one of `viewers`",
    /// with its arguments; nil when no viewer could see anything.
    static func visible(guild: String, viewers: [DeskViewer]) -> (String, StatementArguments)? {
        var alternatives: [String] = []
        var arguments: StatementArguments = [guild]
        for viewer in viewers where !viewer.versions.isEmpty && !viewer.tokens.isEmpty {
            let versions = Array(repeating: "?", count: viewer.versions.count).joined(separator: ", ")
            let tokens = Array(repeating: "instr(desk_audience, ?) > 0", count: viewer.tokens.count).joined(separator: " OR ")
            alternatives.append("(workflow_hash IN (\(versions)) AND (\(tokens)))")
            arguments += StatementArguments(viewer.versions)
            arguments += StatementArguments(viewer.tokens.map { "," + $0 + "," })
        }
        guard !alternatives.isEmpty else { return nil }
        return ("is_open AND guild = ? AND (" + alternatives.joined(separator: " OR ") + ")", arguments)
    }
}
