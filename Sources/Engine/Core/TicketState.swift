import WorkflowDSL

/// Everything the engine knows about one ticket: a value, saved whole after
/// every event, so that the step function needs nothing else to continue.
public struct TicketState: Sendable, Hashable, Codable {
    /// Per-server sequential number.
    public let number: Int
    /// Changed only by `/move`, within the workflow.
    public internal(set) var category: String
    /// The workflow version the ticket started with.
    public let workflowHash: String
    public let owner: String
    public let ownerName: String
    /// The owner's Discord locale; texts use it when the workflow has it.
    public let locale: String
    public internal(set) var state: String
    public internal(set) var enteredStateAt: Int64
    /// Bumped at every state change; timers carry it so that a timer set in
    /// an earlier visit of a state is recognised as stale and ignored.
    public internal(set) var generation: Int = 0
    /// The staff member who owns the ticket, with their level when they
    /// took it.
    public internal(set) var handler: String?
    public internal(set) var handlerLevel: Int?
    /// Who may see and take the ticket now: an index into the escalation
    /// chain, or a rank named by `escalate to`.
    public internal(set) var assignedTo: Actor?
    public internal(set) var escalationStep: Int = 0
    public internal(set) var flags: [String] = []
    public internal(set) var answers: [String: String] = [:]
    public internal(set) var evidence: [String: [String]] = [:]
    public internal(set) var sanction: String?
    public internal(set) var sanctioner: String?
    public internal(set) var userHasSpoken = false
    public internal(set) var openedAt: Int64
    public internal(set) var lastUserMessageAt: Int64?
    public internal(set) var lastHandlerMessageAt: Int64?
    public internal(set) var lastUserMentionAt: Int64?
    public internal(set) var closeReason: String?
    /// The forms and sanction tables the engine has put in front of someone
    /// and not yet had answered. An answer is taken only from the person it
    /// was offered to: a member who sends a close-reason form or a sanction
    /// choice Escala never showed them is refused, whatever face it came
    /// through. Optional so that tickets stored before it still decode.
    public internal(set) var offers: [Offer]?
    /// Handlers the ticket was taken from by `release` (the member asked
    /// for another staff member, or the doubt went unanswered): they may
    /// still write, but do not win the ticket back by writing first.
    /// Optional so that tickets stored before it still decode.
    public internal(set) var releasedHandlers: [String]?
    /// The written evidence item the bot last asked for by name: the
    /// member's next message (without a file or link) answers it, and no
    /// other message does. Optional so that older tickets decode.
    public internal(set) var awaitingEvidence: String?
    /// Staff closed the ticket and the farewell question is waiting for the
    /// member's answer (`farewell TEXT wait 10m`). Optional so that older
    /// tickets decode.
    public internal(set) var pendingClose: PendingClose?
    /// The member answered the farewell question with more to say: when,
    /// and who asked it; cleared once they are reminded. Optional so that
    /// older tickets decode.
    public internal(set) var farewellAnswered: FarewellAnswered?
    /// The last message of any staff member that stood.
    public internal(set) var lastStaffMessageAt: Int64?

    public struct FarewellAnswered: Sendable, Hashable, Codable {
        public let at: Int64
        public let askedBy: String?
    }
    /// Every rank, role or sanctioner the ticket was escalated to, in
    /// order: what `must escalate to RANK before close` looks at.
    /// Optional so that older tickets decode.
    public internal(set) var escalations: [Actor]?
    /// The files and links the member and staff have posted, oldest
    /// first: the evidence a sanction with `evidence required` needs, and
    /// what its ledger row cites. Optional so that older tickets decode.
    public internal(set) var attachments: [String]?
    /// The ledger row the ticket's appeal is about. Optional so that
    /// older tickets decode.
    public internal(set) var appealedSanction: Int64?

    public struct PendingClose: Sendable, Hashable, Codable {
        /// The close reason staff gave, used when it closes.
        public let reason: String?
        /// When silence closes it.
        public let until: Int64
        /// Who asked to close: the one asked if the member has more to
        /// say and nobody answers. Optional so that older rows decode.
        public var askedBy: String? = nil
    }

    /// People `/add` let into the ticket, in the order added: they read and
    /// write, and are neither its member nor its staff. Optional so that
    /// older tickets decode.
    public internal(set) var guests: [String]?

    /// The message the ticket was opened to report, captured at the
    /// report: its staff read it (`TicketMachine.reportedMessageButton`),
    /// nobody else in the ticket does. Optional so that older tickets decode.
    public internal(set) var reported: ReportedMessage?

    /// The staff member who opened it for its member («Open a ticket
    /// for…»); nil when the member opened it. Optional so that older
    /// tickets decode.
    public internal(set) var openedBy: String?

    /// The `priority` level staff gave it (`/priority`), by name: the
    /// channel's name shows its mark, the desk's queue sorts by it. Nil
    /// until set; optional so that older tickets decode.
    public internal(set) var priority: String?
    /// What the ticket is about, in staff's words (`/topic`): the channel's
    /// topic on Discord. Optional so that older tickets decode.
    public internal(set) var topic: String?

    public var isClosed: Bool { closeReason != nil || state == State.closed }

    public init(number: Int, category: String, workflowHash: String, owner: String, ownerName: String,
                locale: String, state: String, now: Int64) {
        self.number = number
        self.category = category
        self.workflowHash = workflowHash
        self.owner = owner
        self.ownerName = ownerName
        self.locale = locale
        self.state = state
        self.enteredStateAt = now
        self.openedAt = now
    }
}

/// Something the engine asked one person to answer.
public enum Offer: Sendable, Hashable, Codable {
    case form(String, to: String)
    case sanctions(to: String)
    case appealedSanctions(to: String)
}
