/// One line of a ticket's conversation as the engine holds it: what a
/// person wrote, as it was received, or what Escala said in the ticket.
///
/// A closed ticket's transcript is made from these, never from reading the
/// channel back: the record already has every word (messages written while
/// Escala was away are fetched into it on reconnect), reading a busy
/// channel back cost one request against Discord's global limit per 100
/// messages at every close, and a channel deleted by hand can no longer be
/// read at all.
public struct ConversationLine: Sendable, Hashable {
    /// Seconds since 1970.
    public let at: Int64
    /// Who wrote it; nil for Escala itself.
    public let author: String?
    public let text: String
    /// Links to the files the person attached.
    public let attachments: [String]

    public init(at: Int64, author: String?, text: String, attachments: [String] = []) {
        self.at = at
        self.author = author
        self.text = text
        self.attachments = attachments
    }
}
