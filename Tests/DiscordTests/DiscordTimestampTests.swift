import Foundation
import Testing
@testable import Discord

/// Discord's `joined_at` and message timestamps, read without a formatter.
@Suite struct DiscordTimestampTests {
    @Test func theFormsDiscordSends() {
        #expect(DiscordTimestamp.seconds("1970-01-01T00:00:00+00:00") == 0)
        #expect(DiscordTimestamp.seconds("2026-01-05T09:00:00.123456+00:00") == 1_767_603_600)
        #expect(DiscordTimestamp.seconds("2026-01-05T09:00:00+00:00") == 1_767_603_600)
        #expect(DiscordTimestamp.seconds("2026-01-05T09:00:00.5Z") == 1_767_603_600)
        // An offset is subtracted: 10:30 at +01:30 is 09:00 in UTC.
        #expect(DiscordTimestamp.seconds("2026-01-05T10:30:00+01:30") == 1_767_603_600)
        #expect(DiscordTimestamp.seconds("2024-02-29T12:00:00+00:00") == 1_709_208_000)
        #expect(DiscordTimestamp.seconds("1969-12-31T23:59:59Z") == -1)
    }

    @Test func notTimestamps() {
        for text in ["", "2026-01-05", "2026-13-05T09:00:00Z", "2025-02-29T09:00:00Z", "2026-01-05T24:00:00Z",
                     "2026-01-05T09:00:00", "2026-01-05T09:00:00.Z", "2026-01-05T09:00:00+0100", "2026-01-05T09:00:00Z trailing",
                     "２０２６-01-05T09:00:00Z"] {
            #expect(DiscordTimestamp.seconds(text) == nil, "\(text)")
        }
    }

    /// Every day of four centuries, against Foundation's own calendar.
    @Test func agreesWithFoundationOnEveryDay() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var date = calendar.date(from: DateComponents(year: 1900, month: 1, day: 1))!
        let end = calendar.date(from: DateComponents(year: 2300, month: 1, day: 1))!
        var wrong: [String] = []
        while date < end {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let text = String(format: "%04d-%02d-%02dT07:08:09.000000+00:00", parts.year!, parts.month!, parts.day!)
            if DiscordTimestamp.seconds(text) != Int64(date.timeIntervalSince1970) + 7 * 3600 + 8 * 60 + 9 { wrong.append(text) }
            date += 86_400
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}
