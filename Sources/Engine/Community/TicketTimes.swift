/// One ticket's times, as statistics with medians and days need them:
/// when it opened, was first answered (by whom) and closed.
public struct TicketTimes: Sendable, Hashable {
    public let category: String
    public let openedAt: Int64
    public let firstResponseAt: Int64?
    public let firstResponder: String?
    public let closedAt: Int64?
    public let handler: String?

    public init(category: String, openedAt: Int64, firstResponseAt: Int64?, firstResponder: String?, closedAt: Int64?, handler: String?) {
        self.category = category
        self.openedAt = openedAt
        self.firstResponseAt = firstResponseAt
        self.firstResponder = firstResponder
        self.closedAt = closedAt
        self.handler = handler
    }
}

/// The staff desk's statistics over a window of days: tickets opened and
/// closed each day, and per category and per staff member how many, and
/// the median and 90th percentile of the time to a first answer and to
/// the close. Computed from each ticket's times (`TicketTimes`), so that
/// a median is a median, not a mean.
public struct DeskStatistics: Sendable, Hashable {
    public struct Day: Sendable, Hashable {
        /// Days since 1970, UTC.
        public let day: Int64
        public let opened: Int
        public let closed: Int
    }

    public struct Line: Sendable, Hashable {
        /// A category's name, or a staff member's id.
        public let key: String
        public let opened: Int
        public let closed: Int
        public let firstResponseMedian: Int64?
        public let firstResponseP90: Int64?
        public let closeMedian: Int64?
        public let closeP90: Int64?
    }

    public let days: [Day]
    public let byCategory: [Line]
    /// By the staff member who answered first (opened: answered first) or
    /// closed it in their hands (closed).
    public let byStaff: [Line]

    public init(times: [TicketTimes], since: Int64, now: Int64) {
        let first = since / 86_400, last = now / 86_400
        var opened: [Int64: Int] = [:], closed: [Int64: Int] = [:]
        for ticket in times {
            opened[ticket.openedAt / 86_400, default: 0] += 1
            if let at = ticket.closedAt, at >= since { closed[at / 86_400, default: 0] += 1 }
        }
        days = first > last ? [] : (first...last).map { Day(day: $0, opened: opened[$0] ?? 0, closed: closed[$0] ?? 0) }
        byCategory = Dictionary(grouping: times, by: \.category).map { Self.line(key: $0.key, answered: $0.value, closing: $0.value) }
            .sorted { ($0.opened, $1.key) > ($1.opened, $0.key) }
        let staff = Set(times.compactMap(\.firstResponder) + times.compactMap(\.handler))
        byStaff = staff.map { who in
            Self.line(key: who, answered: times.filter { $0.firstResponder == who }, closing: times.filter { $0.handler == who })
        }.sorted { ($0.closed, $0.opened, $1.key) > ($1.closed, $1.opened, $0.key) }
    }

    /// `answered`: whose first answers count; `closing`: whose closes.
    static func line(key: String, answered: [TicketTimes], closing: [TicketTimes]) -> Line {
        let responses = answered.compactMap { ticket in ticket.firstResponseAt.map { $0 - ticket.openedAt } }.sorted()
        let closes = closing.compactMap { ticket in ticket.closedAt.map { $0 - ticket.openedAt } }.sorted()
        return Line(key: key, opened: answered.count, closed: closes.count,
                    firstResponseMedian: quantile(responses, 0.5), firstResponseP90: quantile(responses, 0.9),
                    closeMedian: quantile(closes, 0.5), closeP90: quantile(closes, 0.9))
    }

    /// The nearest-rank quantile of sorted values: one that happened.
    static func quantile(_ sorted: [Int64], _ q: Double) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((q * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
