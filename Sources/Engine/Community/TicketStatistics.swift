/// Counts and times of tickets, per category and per staff member, as
/// `/stats` and `escala stats` show them.
public struct TicketStatistics: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        /// A category's name, or a staff member's id.
        public let key: String
        public let created: Int
        /// Closed, whatever the reason (a staff decision or a timeout).
        public let resolved: Int
        public let pending: Int
        /// Mean seconds from opening to the first staff message; nil
        /// before any ticket was answered.
        public let firstResponse: Int?
        /// Mean seconds from opening to closing.
        public let timeToClose: Int?
    }

    public let total: Line
    public let byCategory: [Line]
    /// Per staff member: `created` counts the tickets they answered first,
    /// `resolved` and `pending` the tickets in their hands.
    public let byStaff: [Line]
}

extension Int {
    /// `3725` → `1h 2m`: durations in statistics, readable at a glance.
    public var spokenDuration: String {
        let days = self / 86_400, hours = self % 86_400 / 3_600, minutes = self % 3_600 / 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return "\(minutes)m" }
        return "\(self)s"
    }
}
