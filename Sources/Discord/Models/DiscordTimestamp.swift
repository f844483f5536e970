import Foundation

/// Discord's ISO 8601 timestamps, which carry microseconds
/// (`2026-01-05T09:00:00.123456+00:00`) or none.
public enum DiscordTimestamp {
    public static func seconds(_ text: String) -> Int64? {
        // The fraction is optional and of varying length: drop it rather
        // than teach a formatter every width.
        var trimmed = text
        if let dot = trimmed.firstIndex(of: "."),
           let zone = trimmed[dot...].firstIndex(where: { $0 == "+" || $0 == "-" || $0 == "Z" }) {
            trimmed.removeSubrange(dot..<zone)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: trimmed).map { Int64($0.timeIntervalSince1970) }
    }
}
