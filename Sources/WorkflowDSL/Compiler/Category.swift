/// A ticket category, compiled: settings resolved against the defaults,
/// names resolved, one state machine.
public struct Category: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Hashable, Codable { case channel, thread }

    public let name: String
    public let label: String
    public let emoji: String?
    public let description: String?
    public let receivers: [Actor]
    public let escalation: [Actor]
    public let mode: Mode
    public let place: String?
    /// Further Discord categories, in order, once `place` holds its 50.
    public let overflows: [String]
    public let userLimit: Int?
    /// The modal shown when the ticket opens; empty for none.
    public let questions: [Question]
    public let evidence: [Evidence]
    public let greeting: LocalizedText?
    public let farewell: LocalizedText?
    /// With a wait, the farewell is a question asked before a staff close:
    /// the ticket waits for the member's answer (see `TicketMachine`).
    public let farewellWaitSeconds: Int?
    /// Steps staff cannot skip (`must escalate to trainee before close`).
    public let mandatory: [Mandatory]
    public let exclusiveClaim: Bool
    /// Who may write in a ticket someone else owns (`override by`).
    public let override: Override?
    public let takeover: Takeover?
    public let userSpeaksFirst: Bool
    public let reminder: Reminder?
    public let closeReasonRequired: Bool
    public let rating: LocalizedText?
    public let hours: Hours?
    public let outsideHours: LocalizedText?
    public let transcriptChannel: String?
    public let autoReplies: [AutoReplyRule]
    public let buttons: [Button]
    public let flags: [String]
    /// Transitions written at the ticket level or in `defaults`: they apply
    /// in every state that is not final, after the state's own.
    public let sharedTransitions: [CompiledTransition]
    public let initialState: String
    public let states: [State]
    public let location: SourceSpot
    /// Where the category's own rules were written, for the engine to name
    /// the one that acted. Nil in versions stored before it.
    public var ruleSpots: RuleSpots? = nil
    /// `allow TOOL by WHO`, the first rule for a tool deciding it; nil when
    /// the workflow says nothing (and in versions stored before it), which
    /// leaves every tool to the handler and the `override by` ranks.
    public var tools: [ToolRule]? = nil

    /// `transcript to user`: the member gets the transcript by direct
    /// message at close. Nil (no) in versions compiled before it.
    public var transcriptToUser: Bool? = nil

    /// `report messages`: what the «Report message» menu opens. Nil (no)
    /// in versions compiled before it.
    public var reportsMessages: Bool? = nil

    /// `reply NAME "Label" TEXT`, in the order written (the ticket's own
    /// first); nil when there are none.
    public var replies: [Reply]? = nil

    public struct Reply: Sendable, Hashable, Codable {
        public let name: String
        public let label: String
        public let text: LocalizedText
        /// Where the `reply` line is: the rule the log names when it is sent.
        public let location: SourceSpot
    }

    /// Who may use `tool`, when the workflow says.
    public func rule(for tool: StaffTool) -> ToolRule? { tools?.first { $0.tool == tool } }

    public func state(named name: String) -> State? { states.first { $0.name == name } }

    /// The transitions tried in `state`, in order: the first whose event,
    /// people and condition match fires.
    public func transitions(in state: State) -> [CompiledTransition] {
        state.isFinal ? state.transitions : state.transitions + sharedTransitions
    }

    public struct Mandatory: Sendable, Hashable, Codable {
        public enum Requirement: Sendable, Hashable, Codable {
            case escalation(Actor)
            case evidenceComplete
            case sanctionChosen
        }
        public enum Gate: Sendable, Hashable, Codable {
            case close
            case escalation(Actor)
        }
        public let requirement: Requirement
        public let gate: Gate
    }

    public struct Evidence: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// A written answer: the member's next message that is neither a file nor a link.
            case text
            /// An image or file attached to a message.
            case attachment
            /// A link, matching `pattern` when there is one.
            case link
            /// Several items, one per line of a message.
            case list
        }
        public let kind: Kind
        public let name: String
        public let label: String
        public let pattern: String?
        /// Who gives it, when not the member (`from cm`): staff attach the
        /// proofs they gathered. Nil keeps older compiled workflows' bytes.
        public var from: Actor? = nil

        /// Whether the member is the one asked for it.
        public var isMembers: Bool { from == nil }
    }

    /// Where each rule that is a setting rather than a transition was
    /// written (transitions carry their own `location`): the line the
    /// playground shows and the event log names when one of them acts.
    public struct RuleSpots: Sendable, Hashable, Codable {
        public var userSpeaksFirst: SourceSpot?
        public var claim: SourceSpot?
        public var takeover: SourceSpot?
        public var override: SourceSpot?
        public var reminder: SourceSpot?
        /// In the order of `mandatory`.
        public var mandatory: [SourceSpot] = []
        /// In the order of `autoReplies`.
        public var autoReplies: [SourceSpot] = []

        public init() {}
    }

    /// Who may always write in a ticket someone else owns. Writing only:
    /// who owns a ticket is the claim's and the takeover's to say, so an
    /// override never makes the owner someone the ticket is not for.
    public enum Override: Sendable, Hashable, Codable {
        /// `override by admin`: that rank and the ranks above it.
        case rank(String)
        /// `override by higher rank`: any rank above the handler's.
        case aboveHandler
    }

    /// The two answers shown as buttons on the farewell question of a
    /// `farewell TEXT wait …`: a member clicks rather than writes, so «No,
    /// eso es todo» is never misread. Added by the compiler to the
    /// category's buttons, in the workflow's first language.
    public enum FarewellAnswer: String, Sendable, CaseIterable {
        case close = "farewell_close"
        case more = "farewell_more"

        public var style: Button.Style { self == .close ? .success : .secondary }

        public func label(in locale: String) -> String {
            switch (self, locale.prefix(2)) {
            case (.close, "es"): "No, gracias: cerrar"
            case (.more, "es"): "Sí, tengo otra consulta"
            case (.close, "fr"): "Non merci : fermer"
            case (.more, "fr"): "Oui, j’ai une autre question"
            case (.close, _): "No, thanks: close"
            case (.more, _): "Yes, I have another question"
            }
        }
    }

    public struct Takeover: Sendable, Hashable, Codable {
        public let afterSeconds: Int
        public let allowsPeers: Bool
    }

    public struct Reminder: Sendable, Hashable, Codable {
        public let beforeSeconds: Int
        public let text: LocalizedText
    }

    public struct Hours: Sendable, Hashable, Codable {
        public struct Window: Sendable, Hashable, Codable {
            /// 0 is Monday.
            public let firstDay: Int
            public let lastDay: Int
            /// Minutes since midnight.
            public let opensAt: Int
            public let closesAt: Int
        }
        public let windows: [Window]
        public let timeZone: String
    }

    public struct AutoReplyRule: Sendable, Hashable, Codable {
        public let pattern: String
        public let text: LocalizedText
    }

    public struct Button: Sendable, Hashable, Codable {
        /// The colours a platform may give a button; each face maps them.
        public enum Style: String, Sendable, Hashable, Codable, CaseIterable {
            case primary, secondary, success, danger
        }
        public let name: String
        public let label: String
        public let style: Style
        public let customID: String
    }
}

public struct State: Sendable, Hashable, Codable {
    /// The state every ticket ends in: `close` goes there, and nothing
    /// leaves it.
    public static let closed = "closed"

    public let name: String
    public let isFinal: Bool
    /// The state's own transitions; see `Category.transitions(in:)` for
    /// all that apply.
    public let transitions: [CompiledTransition]
    /// The buttons a ticket in this state shows, in order.
    public let buttons: [String]
}

public struct CompiledTransition: Sendable, Hashable, Codable {
    /// When a timed transition's clock starts.
    public enum TimerStart: String, Sendable, Hashable, Codable, CaseIterable {
        /// When the ticket entered the state.
        case inState
        /// At opening, while the member has written nothing.
        case withoutReason
        /// At the last message that mentioned the member, while they stay silent.
        case userSilence
        /// At the handler's last message.
        case handlerInactivity
    }

    public enum Event: Sendable, Hashable, Codable {
        case opened
        case userMessage(pattern: String?)
        case staffMessage
        case anyMessage
        case button(String)
        case command(String)
        case formSubmitted(String)
        case evidenceComplete
        case memberLeft
        case channelDeleted
        case timer(seconds: Int, since: TimerStart)
    }

    public indirect enum Guard: Sendable, Hashable, Codable {
        case flag(String)
        case contains(answer: String, text: String)
        case matches(answer: String, pattern: String)
        /// The member picked `choice` of the question `answer`.
        case answerIs(answer: String, choice: String)
        case handlerIs(String)
        case sanctionIs(String)
        case sanctionChosen
        case evidenceComplete
        case not(Guard)
        case and(Guard, Guard)
        case or(Guard, Guard)
    }

    public enum Step: Sendable, Hashable, Codable {
        case say(LocalizedText)
        case ask(String)
        case rename(Template)
        case notify(channel: String, LocalizedText, pings: [Actor])
        case publish(channel: String, LocalizedText)
        case mention(Actor)
        case grant(String, seconds: Int?)
        case revoke(String)
        case close(LocalizedText?)
        case transcript(String?)
        case escalateUp
        case escalateTo(Actor)
        case release
        case claim
        case set(String)
        case clear(String)
        case goTo(String)
        /// The ticket to another category of the workflow; what comes after
        /// it in the rule is the new category's to decide.
        case moveTo(String)
        case chooseSanction
        case chooseAppealedSanction
    }

    public let event: Event
    /// Empty: anyone.
    public let actors: [Actor]
    public let condition: Guard?
    public let steps: [Step]
    public let target: String?
    public let location: SourceSpot
}
