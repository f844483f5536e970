/// A message a member reported («Report message»), as it was when they did:
/// kept in the ticket's own record because its author may edit or delete
/// it the next minute, and the staff who judge the report must read what
/// was reported, not what is left.
public struct ReportedMessage: Sendable, Hashable, Codable {
    /// The platform's ids: the message and the channel it was in.
    public let id: String
    public let channel: String
    public let author: String
    public let authorName: String
    /// Whole, however long: what staff are shown may be cut, the record is not.
    public let text: String
    /// The files' addresses, in order.
    public let attachments: [String]
    /// Where it can be opened (Discord: `https://discord.com/channels/…`).
    public let link: String
    /// When its author sent it, in seconds.
    public let sentAt: Int64

    public init(id: String, channel: String, author: String, authorName: String, text: String, attachments: [String],
                link: String, sentAt: Int64) {
        self.id = id
        self.channel = channel
        self.author = author
        self.authorName = authorName
        self.text = text
        self.attachments = attachments
        self.link = link
        self.sentAt = sentAt
    }
}
