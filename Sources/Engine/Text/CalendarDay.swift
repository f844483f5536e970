import Foundation

/// A moment as the day it fell on, in UTC (`2026-01-05`): how listings read
/// dates back to people, whatever their language, so a date never depends
/// on the machine's time zone or locale.
enum CalendarDay {
    static func utc(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(seconds)).ISO8601Format(.iso8601.year().month().day())
    }

    /// To the minute, for a moment someone may need to find again (when a
    /// reported message was sent): `2026-01-05 14:03 UTC`.
    static func utcMinute(_ seconds: Int64) -> String {
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return utc(seconds) + " " + String(format: "%02d:%02d", minutes / 60, minutes % 60) + " UTC"
    }
}
