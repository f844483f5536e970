/// The words that start a statement in each kind of block. The parser uses
/// them to tell a misspelt statement ("did you mean `receives`?") from a
/// right statement in the wrong place ("`ranks` belongs at the top level").
public enum Keywords {
    public static let topLevel: [String] = [
        "workflow", "locales", "ranks", "role", "channel", "text", "form", "limit",
        "defaults", "panel", "ticket", "sanctions", "milestone", "message", "reputation", "autorole", "activity", "blocklist", "priority", "webhook",
    ]
    /// Blocks an admin may expect from other bots, which Escala writes
    /// another way: each gets a diagnostic that says which way (E006).
    static let writtenOtherwise: [String: String] = [
        "offers": "an offer review is a `ticket` category whose states are the review (pending, approved, rejected, changes requested): see \"Offers\" in docs/language.md",
        "offer": "an offer review is a `ticket` category whose states are the review (pending, approved, rejected, changes requested): see \"Offers\" in docs/language.md",
        "autoroles": "write one line per rule: `autorole NAME: grant ROLE after 30d in server`",
        "blacklist": "the list of members who may not open tickets is written `blocklist by moderator`: who may block and unblock with /block and /unblock",
        "statistics": "ticket statistics need no block: `/stats` and `escala stats` count every category",
    ]
    public static let ticketBody: [String] = [
        "emoji", "description", "receives", "escalation", "mode", "place", "limit", "question",
        "require", "greeting", "farewell", "claim", "override", "takeover", "user", "remind", "must",
        "close", "rating", "hours", "outside", "transcript", "report", "auto", "reply", "allow", "button", "flag", "on", "after", "state",
    ]
    public static let stateBody: [String] = ["on", "after"]
    static let reputationBody: [String] = ["limit", "level"]
    static let activityBody: [String] = ["count", "every", "top", "title", "image"]
    public static let panelBody: [String] = ["message", "menu", "buttons", "opens"]
    public static let offenceBody: [String] = ["sanction", "applied", "evidence", "warning", "blocks"]
    public static let actions: [String] = [
        "say", "ask", "rename", "notify", "publish", "mention", "grant", "revoke", "close", "transcript",
        "escalate", "release", "claim", "set", "clear", "go", "move", "choose",
    ]
    public static let triggers: [String] = [
        "opened", "user", "staff", "message", "button", "command", "form", "evidence", "member", "channel",
    ]
    /// Where a statement that is out of place belongs, for the help line.
    static func home(of word: String) -> String? {
        if topLevel.contains(word) && !ticketBody.contains(word) { return "at the top level of the file, outside any block" }
        if ticketBody.contains(word) { return "inside a `ticket` or `defaults` block" }
        if panelBody.contains(word) { return "inside a `panel` block" }
        if offenceBody.contains(word) { return "inside an `offence` block of `sanctions`" }
        return nil
    }
}
