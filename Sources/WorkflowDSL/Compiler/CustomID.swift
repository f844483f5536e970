/// The `custom_id` Escala puts on Discord components.
///
/// It names the category and the button, not the ticket: the ticket is the
/// channel the click came from. That keeps ids short (Discord allows 100
/// characters) and valid across restarts, since nothing in them is
/// generated at run time.
public enum CustomID {
    public static let prefix = "esc"
    public static let limit = 100

    /// A button inside a ticket: `esc:b:<category>:<button>`.
    public static func button(category: String, button: String) -> String {
        "\(prefix):b:\(category):\(button)"
    }

    /// A panel's button (or menu option) that opens a category: `esc:o:<category>`.
    public static func open(category: String) -> String {
        "\(prefix):o:\(category)"
    }

    /// Parses an id back into its parts; nil for ids Escala did not make.
    public static func parse(_ id: String) -> (kind: Character, category: String, button: String?)? {
        let parts = id.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == prefix, let kind = parts[1].first, parts[1].count == 1 else { return nil }
        switch (kind, parts.count) {
        case ("b", 4): return (kind, parts[2], parts[3])
        case ("o", 3): return (kind, parts[2], nil)
        default: return nil
        }
    }
}
