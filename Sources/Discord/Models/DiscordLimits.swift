/// Discord's documented lengths. The client sends nothing longer: a text
/// Escala composed from a person's words (a close reason of 4,000
/// characters in a 2,000-character message, an answer in a channel name)
/// is cut with an ellipsis rather than refused with a 400 and lost.
public enum DiscordLimits {
    public static let messageContent = 2_000
    public static let channelName = 100
    public static let channelTopic = 1_024
    public static let modalTitle = 45
    /// A modal field's label.
    public static let labelText = 45
    public static let auditLogReason = 512

    /// `text` cut to `limit` characters as Discord counts them (Unicode
    /// scalars), on a character boundary, ending in "…" when cut.
    public static func cut(_ text: String, to limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        var kept = ""
        var used = 0
        for character in text {
            let size = character.unicodeScalars.count
            if used + size > limit - 1 { break }
            kept.append(character)
            used += size
        }
        return kept + "…"
    }
}
