import WorkflowDSL

/// What the engine wants done, as data. Texts are `RichText`: people,
/// ranks and channels as segments that each face renders its own way.
/// The store commits effects with the
/// event that caused them, and the outbox hands them to the Discord adapter;
/// nothing here performs I/O.
public enum Effect: Sendable, Hashable, Codable {
    /// Create the ticket's private channel (or thread), visible to the owner
    /// and to `visibleTo`.
    case createChannel(name: String, visibleTo: [Actor])
    /// Post in the ticket. `pings` lists who may be pinged; user text never
    /// pings anyone else (`allowed_mentions` is built from it). `answers`:
    /// the opening form's questions and what the member answered, shown
    /// with the ticket's first message so that staff read them at once
    /// (an embed on Discord). Optional so that rows stored before it read.
    case send(text: RichText, buttons: [String], pings: [Actor], answers: [OpeningAnswer]? = nil)
    /// A rule notice the engine writes itself, pinging exactly the staff it
    /// addresses ("@beto, this ticket is @ana's"), and nobody else.
    case notice(text: RichText, pinging: [String])
    case deleteMessage(id: String)
    case rename(String)
    /// The ticket's topic (`/topic`): the channel's topic on Discord; a
    /// thread has none, and the notice in it says it.
    case setTopic(String)
    /// Change who can see the ticket (escalation): ranks and roles, plus
    /// people by id (the staff member who applied a sanction).
    case setVisibility(ranks: [Actor], people: [String])
    /// The ticket moved to another category (`/move`): its channel goes
    /// under that category's Discord place, seen by that category's ranks
    /// (with the member, the guests and the bot) instead of the old ones.
    case move(category: String)
    /// Take the ticket away from people `setVisibility` showed it to (a
    /// guest `/remove` shows out).
    case hide(people: [String])
    /// Ping ranks, roles or people in the ticket.
    case mention(ranks: [Actor], people: [String])
    case notify(channel: String, text: RichText, pings: [Actor])
    case publish(channel: String, text: RichText)
    /// A private answer to whoever clicked, saying why nothing happened.
    case refuse(person: String, reason: RichText)
    /// A private word to a person no ticket channel can reach (the ticket
    /// has none): on Discord the answer to their click while it still
    /// waits, else a direct message.
    case tellPrivately(person: String, text: RichText)
    /// Shown to the person who asked, as the answer to their click, and
    /// to nobody else (the reported message, to its staff).
    case showPrivately(person: String, text: RichText)
    case showForm(String, to: String)
    /// The sanction form: which row of the table, to which member, and
    /// whether they were warned.
    case showSanctions(to: String)
    /// The appealed-sanction form: one of the owner's recorded sanctions,
    /// or one given outside Escala and who applied it.
    case showAppealedSanctions(to: String)
    /// A row for the sanctions ledger. The engine appends it in the step's
    /// own transaction; it is never sent anywhere.
    case recordSanction(SanctionEntry)
    case grantRole(String, to: String, forSeconds: Int?)
    case revokeRole(String, from: String)
    case transcript(channel: String?)
    /// The transcript to a person by direct message: the member at close
    /// (`transcript to user`), or whoever asked with `/transcript`. Their
    /// direct messages may be closed: that is said, never retried.
    case transcriptTo(person: String)
    case close(reason: String?)
    /// After closing, ask the owner to rate the help (a DM or the ticket).
    case askRating(text: RichText, to: String)
    case schedule(TicketTimer)
    case cancelTimer(key: String)

    /// Whether the effect goes to the outbox: a ledger row is kept by the
    /// step itself.
    /// A timer set or cancelled: kept by the engine, never carried out.
    var isTimer: Bool {
        switch self {
        case .schedule, .cancelTimer: true
        default: false
        }
    }

    public var isSent: Bool {
        if case .recordSanction = self { false } else { true }
    }
}
