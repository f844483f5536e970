import Foundation
import WorkflowDSL

/// One window of an activity board: `[start, end)` in seconds since 1970.
public struct ActivityWindow: Sendable, Hashable, Codable {
    public let start: Int64
    public let end: Int64
}

extension ActivityBoard {
    /// The window that holds `instant`, in the board's time zone: a week
    /// that starts Monday 00:00 in Madrid starts then whatever the server's
    /// clock says, and keeps starting then across daylight-saving changes
    /// (that week is an hour shorter or longer).
    public func window(containing instant: Int64) -> ActivityWindow {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        let date = Date(timeIntervalSince1970: TimeInterval(instant))
        let day = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
        func at(year: Int?, month: Int?, day: Int?) -> Date {
            calendar.date(from: DateComponents(year: year, month: month, day: day,
                                               hour: startMinutes / 60, minute: startMinutes % 60)) ?? date
        }
        let unit: Calendar.Component
        var start: Date
        switch period {
        case .day:
            unit = .day
            start = at(year: day.year, month: day.month, day: day.day)
        case .week:
            unit = .weekOfYear
            let today = at(year: day.year, month: day.month, day: day.day)
            // Calendar weekdays run 1 (Sunday) to 7; the language's run 0 (Monday) to 6.
            let weekday = ((day.weekday ?? 2) + 5) % 7
            let back = (weekday - (startDay ?? 0) + 7) % 7
            start = calendar.date(byAdding: .day, value: -back, to: today) ?? today
        case .month:
            unit = .month
            start = at(year: day.year, month: day.month, day: startDay ?? 1)
        }
        if start > date { start = calendar.date(byAdding: unit, value: -1, to: start) ?? start }
        let end = calendar.date(byAdding: unit, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        return ActivityWindow(start: Int64(start.timeIntervalSince1970), end: Int64(end.timeIntervalSince1970))
    }
}
