import WorkflowDSL

/// What happens to a ticket, as the engine sees it: Discord's events after
/// the adapter has resolved who the people are.
public enum TicketEvent: Sendable, Hashable, Codable {
    /// `reported`: the message a «Report message» opened it for.
    case opened(by: Person, answers: [String: String], reported: ReportedMessage? = nil)
    case message(Message)
    case button(name: String, by: Person)
    case command(name: String, by: Person)
    case formSubmitted(form: String, by: Person, answers: [String: String])
    /// Staff applied a row of the sanctions table to a member, saying
    /// whether the member was warned first (Discord: the sanction form's
    /// offence menu, member picker and warning checkbox).
    case sanctionApplied(offence: String, member: String, warned: Bool, by: Person)
    /// Staff named the sanction an appeal is about.
    case appealedSanctionChosen(AppealedSanction, by: Person)
    case timerFired(TicketTimer)
    case memberLeft
    case channelDeleted
    /// Discord refused the ticket's channel for want of room (the server's
    /// 500 channels, or every category's 50, fuller than the face counted):
    /// the ticket closes without a channel, and the member and staff are told.
    case noRoomForChannel(ChannelRoom)
    /// `/transfer @staff`: the handler hands the ticket to a named staff
    /// member (Discord: the command's member option, resolved with roles).
    case transferred(to: Person, by: Person)
    /// `/add @person`: someone let into the ticket, as the face found them.
    case added(Invitee, by: Person)
    /// `/remove @person`: a guest shown out.
    case removed(Person, by: Person)
    /// `/reply NAME`: one of the category's canned replies, by name (what
    /// Discord's suggestion put in the option; anything may arrive).
    case cannedReply(String, by: Person)
    /// `/move CATEGORY`: the ticket to another category of its workflow,
    /// by name (what Discord's suggestion put in the option).
    case moved(to: String, by: Person)
    /// `/priority LEVEL`: one of the workflow's levels, by name (what
    /// Discord's suggestion put in the option; anything may arrive).
    case prioritized(String, by: Person)
    /// `/topic`: staff asked to write the ticket's topic; the form's answer
    /// comes back as `formSubmitted(TicketMachine.topicForm)`.
    case topicAsked(by: Person)
    /// `/close_inactive`: closed with `reason` if nobody has acted in it for
    /// `idleFor` seconds, as judged at its own step.
    case closedForInactivity(idleFor: Int64, reason: String, by: Person)

    /// Who `/add` named: the engine refuses a bot and someone not in the
    /// server, which only the face can tell.
    public enum Invitee: Sendable, Hashable, Codable {
        case member(Person)
        case bot(String)
        case absent(String)

        public var id: String {
            switch self {
            case .member(let person): person.id
            case .bot(let id), .absent(let id): id
            }
        }
    }

    public struct Message: Sendable, Hashable, Codable {
        public let id: String
        public let author: Person
        public let text: String
        public let attachments: [String]
        /// Whether the message mentions the ticket's owner.
        public let mentionsOwner: Bool

        public init(id: String, author: Person, text: String, attachments: [String] = [], mentionsOwner: Bool = false) {
            self.id = id
            self.author = author
            self.text = text
            self.attachments = attachments
            self.mentionsOwner = mentionsOwner
        }
    }
}

/// A timer as the engine schedules it. The key is unique per ticket and
/// purpose, so scheduling again replaces; `generation` ties it to one visit
/// of a state.
public struct TicketTimer: Sendable, Hashable, Codable {
    public enum Purpose: Sendable, Hashable, Codable {
        /// The `index`-th timed transition that applies in the state.
        case transition(index: Int)
        /// The warning `remind ... before close` for that transition.
        case reminder(index: Int)
        /// The end of the wait for the member's answer to the farewell.
        case farewell
        /// The same wait after the member answered with more to say: if
        /// nobody has written since, staff are asked once.
        case farewellAnswered
    }

    public let purpose: Purpose
    public let generation: Int
    public let dueAt: Int64

    public var key: String { purpose.key }

    public init(purpose: Purpose, generation: Int, dueAt: Int64) {
        self.purpose = purpose
        self.generation = generation
        self.dueAt = dueAt
    }
}

extension TicketTimer.Purpose {
    /// Unique per ticket and purpose: scheduling the same key replaces.
    public var key: String {
        switch self {
        case .transition(let index): "t" + String(index)
        case .reminder(let index): "r" + String(index)
        case .farewell: "farewell"
        case .farewellAnswered: "farewell-answered"
        }
    }
}

extension TicketTimer.Purpose {
    /// The inverse of `key`: the store keeps only the key.
    public init?(key: String) {
        if key == "farewell" { self = .farewell; return }
        if key == "farewell-answered" { self = .farewellAnswered; return }
        guard let kind = key.first, let index = Int(key.dropFirst()) else { return nil }
        switch kind {
        case "t": self = .transition(index: index)
        case "r": self = .reminder(index: index)
        default: return nil
        }
    }
}
