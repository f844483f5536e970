import Foundation
import WorkflowDSL

extension Category.Hours {
    /// Whether `instant` (seconds since 1970) falls in one of the windows,
    /// read on the wall clock of the workflow's time zone, so that summer
    /// time moves the hours with the staff rather than against them.
    ///
    /// A day range may wrap around the week (`sat-mon`); the closing minute
    /// itself is already outside (`09:00-18:00` ends before 18:00).
    public func contains(_ instant: Int64) -> Bool {
        // Lint rejects unknown zones; a zone missing from this machine's
        // tz database falls back to UTC rather than closing the desk.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(instant)))
        // Calendar counts from Sunday = 1; the workflow from Monday = 0.
        let day = ((parts.weekday ?? 2) + 5) % 7
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return windows.contains { window in
            let inDays = window.firstDay <= window.lastDay
                ? (window.firstDay...window.lastDay).contains(day)
                : day >= window.firstDay || day <= window.lastDay
            return inDays && minute >= window.opensAt && minute < window.closesAt
        }
    }
}
