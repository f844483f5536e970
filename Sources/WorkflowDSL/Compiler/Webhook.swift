/// `webhook "URL" [on EVENT, …]`: an address that hears of tickets' lives.
public struct Webhook: Sendable, Hashable, Codable {
    public let url: String
    /// What it is sent for; every event when the line names none.
    public let events: [LifecycleEvent]
    public let location: SourceSpot

    /// https anywhere; plain http only on this machine, where nothing
    /// listens between the two ends (a local relay, a test's receiver).
    public static func acceptsAddress(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon].lowercased(), rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//"), rest.count > 2, !rest.contains(where: \.isWhitespace) else { return false }
        if scheme == "https" { return true }
        guard scheme == "http" else { return false }
        let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        return host == "127.0.0.1" || host == "localhost" || rest.dropFirst(2).hasPrefix("[::1]")
    }
}

/// The moments of a ticket's life a webhook is told of.
public enum LifecycleEvent: String, Sendable, Hashable, Codable, CaseIterable {
    case opened, claimed, escalated, moved, closed, sanctioned
}
