import Foundation

/// A moment as the day it fell on, in UTC (`2026-01-05`): how listings read
/// dates back to people, whatever their language, so a date never depends
/// on the machine's time zone or locale.
enum CalendarDay {
    static func utc(_ seconds: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(seconds)).ISO8601Format(.iso8601.year().month().day())
    }
}
