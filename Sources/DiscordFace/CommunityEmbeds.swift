import Discord
import Engine
import Foundation

/// How community figures look in Discord: one embed each, readable at a
/// glance (medals, one line per member, the window's dates).
enum CommunityEmbeds {
    static let gold = 0xF1C40F
    static let blue = 0x3498DB
    static let grey = 0x95A5A6

    static func ranking(_ ranking: ActivityRanking, language: String) -> Embed {
        let medals = ["🥇", "🥈", "🥉"]
        let lines = ranking.entries.enumerated().map { place, entry in
            let badge = place < medals.count ? medals[place] : "**\(place + 1).**"
            return "\(badge) <@\(entry.member)> — **\(entry.total)**  (💬 \(entry.messages) · 😀 \(entry.reactions) · ⭐ \(entry.reputation))"
        }
        let empty = DiscordMarkup.render(.rankingEmpty, locale: language)
        let members = DiscordMarkup.render(.rankingMembers(ranking.members), locale: language)
        return Embed(title: ranking.title, description: lines.isEmpty ? empty : lines.joined(separator: "\n"),
                     color: gold, footer: .init(text: "\(dates(ranking.window, zone: ranking.timeZone, language: language)) · \(members)"),
                     image: ranking.image.map { .init(url: $0) })
    }

    /// `5 Jan 2026 – 11 Jan 2026`, in the board's time zone and language.
    static func dates(_ window: ActivityWindow, zone: String, language: String) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: zone)
        formatter.locale = Locale(identifier: language == "en" ? "en_GB" : language)
        formatter.dateFormat = "d MMM yyyy"
        // The window ends at the first instant of the next one: its last day
        // is the day before.
        let last = Date(timeIntervalSince1970: TimeInterval(window.end - 1))
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(window.start))) + " – " + formatter.string(from: last)
    }

    static func statistics(_ statistics: TicketStatistics, language: String) -> Embed {
        func line(_ line: TicketStatistics.Line, name: String) -> Embed.Field {
            let figures = [
                "🆕 \(line.created)", "✅ \(line.resolved)", "⏳ \(line.pending)",
                "⚡ " + (line.firstResponse?.spokenDuration ?? "—"), "🏁 " + (line.timeToClose?.spokenDuration ?? "—"),
            ]
            return .init(name: name, value: figures.joined(separator: " · "), inline: false)
        }
        let legend = DiscordMarkup.render(.statisticsLegend, locale: language)
        var fields = [line(statistics.total, name: "Total")]
        fields += statistics.byCategory.prefix(10).map { line($0, name: $0.key) }
        fields += statistics.byStaff.prefix(13).map { line($0, name: "Staff: <@\($0.key)>") }
        // A field's name cannot mention: staff are named in the value instead.
        fields = fields.map { field in
            guard field.name.hasPrefix("Staff: <@") else { return field }
            let id = field.name.dropFirst("Staff: <@".count).dropLast()
            return .init(name: "Staff", value: "<@\(id)> " + field.value, inline: false)
        }
        return Embed(title: "📊 Tickets", description: legend, color: blue, fields: fields)
    }

    static func audit(_ records: [RoleAuditRecord], title: String) -> Embed {
        let lines = records.map { record in
            "<t:\(record.at):f> " + (record.action == .grant ? "➕" : "➖") + " **\(record.role)** <@\(record.member)> — \(record.reason)"
                + (record.actor.map { " (<@\($0)>)" } ?? "")
        }
        return Embed(title: title, description: lines.isEmpty ? "—" : lines.joined(separator: "\n"), color: grey)
    }
}
