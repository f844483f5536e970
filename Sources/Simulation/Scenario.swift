import Engine
import WorkflowDSL
/// A scenario file: people, what they do, time passing, and what should
/// have happened, in the order it happens. The format is documented in
/// `docs/scenarios.md`.
public struct Scenario: Sendable {
    public let path: String
    public let people: [Character]
    public let steps: [Step]

    /// Someone in the scenario: a member (no rank) or staff.
    public struct Character: Sendable, Hashable {
        public let name: String
        /// Ranks and side roles, as the workflow names them.
        public let titles: [String]
        /// The Discord locale the person's client reports (`speaks en`);
        /// nil for the workflow's first language.
        public let locale: String?
        public let line: Int
    }

    public struct Step: Sendable {
        public let line: Int
        public let action: Action
        /// Which pass of a `repeat` block this is (1, 2, ...), or 0 outside
        /// one: a repeated line is a new event each time, not a re-send.
        public var iteration = 0
    }

    public enum Action: Sendable {
        case open(person: String, category: String, answers: [(String, String)])
        /// `ana reports pepe "insulto" [with q="a"]`: «Report message» on
        /// a message of Pepe's; the category that says `report messages`
        /// opens, the message captured.
        case report(person: String, author: String, text: String, answers: [(String, String)])
        /// `ana opens consultas for pepe`: «Open a ticket for…» on Pepe;
        /// Pepe owns the ticket, Ana opened it.
        case openFor(person: String, member: String, category: String)
        case say(person: String, text: String, attachments: [String])
        case press(person: String, button: String)
        case run(person: String, command: String)
        /// `ana runs /help`, `ana runs /tickets`: Escala's own commands,
        /// answered as on Discord, only to her.
        case help(person: String)
        case tickets(person: String)
        /// `ana blocks pepe [for 7d] "motivo"`, `ana unblocks pepe`:
        /// `/block` and `/unblock`, answered only to her.
        case block(person: String, member: String, duration: String?, reason: String)
        case unblock(person: String, member: String)
        /// `ana closes inactive consultas after 7d ["motivo"]`:
        /// `/close_inactive`, answered only to her.
        case closeInactive(person: String, category: String, idleFor: String, reason: String?)
        /// `ana transfers to beto`, `ana adds carla`, `ana removes carla`,
        /// `ana replies normas`: `/transfer`, `/add`, `/remove @person`,
        /// `/reply normas` in the ticket (the target is the reply's name);
        /// `ana sets priority alta`, `ana sets topic`: `/priority`, `/topic`.
        case tool(StaffTool, person: String, target: String)
        case submit(person: String, form: String, answers: [(String, String)])
        /// Staff apply a row of the table to a member: the sanction form
        /// Discord shows (offence, member, warning box).
        case applySanction(person: String, offence: String, member: String, warned: Bool)
        /// Staff name the sanction an appeal is about: the owner's recorded
        /// one for that offence, or one given outside Escala with who
        /// applied it (Discord's user picker).
        case chooseAppealedSanction(person: String, offence: String, outsideAppliedBy: String?)
        case leave(person: String)
        case deleteChannel
        /// Discord refused the ticket's channel (its 500 channels), though
        /// the server seemed to have room at the click.
        case refuseChannel
        /// Every Discord category the ticket category may use is full (or
        /// has room again): what the Discord face learns from the gateway.
        case placesFull(category: String, full: Bool)
        /// Discord's side of the whole server: it holds 500 channels.
        case serverFull(Bool)
        case wait(seconds: Int)
        case switchTicket(number: Int)
        /// The member joined the server `secondsAgo` before now.
        case join(person: String, secondsAgo: Int)
        case giveReputation(person: String, to: String)
        case react(person: String, emoji: String, message: String, added: Bool)
        /// Messages outside any ticket, for the activity counters.
        case chat(person: String, count: Int)
        /// The bot stops and starts again on the same database, after being
        /// down for `downFor` seconds (nothing fires meanwhile).
        case restart(downFor: Int)
        case expect(Expectation)

        /// Who acts inside the ticket's channel (writes, clicks, sends a
        /// form opened there): someone Discord must show the channel to.
        var actingInChannel: String? {
            switch self {
            case .say(let person, _, _), .press(let person, _), .submit(let person, _, _), .applySanction(let person, _, _, _),
                 .chooseAppealedSanction(let person, _, _), .tool(_, let person, _):
                person
            default:
                nil
            }
        }
    }

    /// What must hold after the steps above it. Effect expectations look at
    /// what the last action (or `wait`) caused.
    public enum Expectation: Sendable {
        case state(String)
        case handler(String?)
        case channel(String)
        case sent(String, negated: Bool)
        case buttons([String])
        case deleted(negated: Bool)
        case refused(String?, negated: Bool)
        /// Pinged: a rank's role or a person notified by Discord, not merely
        /// named in a text.
        case mentioned(String, negated: Bool)
        case visibleTo(String, negated: Bool)
        case notified(channel: String, text: String?, negated: Bool)
        case closed(reason: String?)
        case open
        case flag(String, negated: Bool)
        case form(String)
        case granted(String)
        case revoked(String)
        case transcript
        case sanctionsShown
        /// The member's ledger holds that offence, applied by that person.
        case sanctioned(person: String, offence: String, by: String, negated: Bool)
        case openTickets(Int)
        case reputation(person: String, points: Int)
        /// Whether the person holds a role Escala granted (and has not taken back).
        case holds(person: String, role: String, negated: Bool)
        /// The activity of a person in the running window of the first board.
        case activity(person: String, total: Int)
        /// A TOP was posted by the last step, in that channel if named.
        case topPosted(channel: String?)
        /// The last closed window's ranking starts with these people.
        case top([String])
        /// The person's role audit trail has a line containing the text.
        case audit(person: String, text: String)
        /// Ticket statistics (of a category or a staff member, or in all).
        case statistics(of: String?, [(String, Int)])
    }
}
