/// A ticket category as it behaves: its own statements over the defaults,
/// with the implicit states filled in.
///
/// Checks and the compiler both work on this view, so that a rule written
/// once in `defaults` is checked in every category it applies to.
public struct EffectiveTicket: Sendable {
    public let declaration: TicketDeclaration
    public let body: TicketBody
    /// The declared states, or one implicit `open` state when there are none.
    public let states: [StateDeclaration]
    /// Names of per-ticket things, for resolution.
    public let stateNames: Set<String>
    public let buttonNames: Set<String>
    public let flagNames: Set<String>
    /// Questions and evidence: what `{answer.x}` and `x contains` may read.
    public let answerNames: Set<String>
    /// The choices of each of its questions that has them (opening form
    /// and the forms it asks).
    public let choicesByAnswer: [String: Set<String>]

    /// The state every ticket ends in; `close` goes there.
    public static let closedState = State.closed
    /// The single state of a ticket that declares none.
    public static let implicitOpenState = "open"

    /// `forms`: the file's forms. The questions of a form the ticket asks
    /// are answers of the ticket too (`{answer.motivo}` after `ask decision`).
    public init(_ ticket: TicketDeclaration, defaults: TicketBody?, forms: [FormDeclaration] = []) {
        declaration = ticket
        body = Self.merge(defaults ?? TicketBody(), under: ticket.body)
        if ticket.body.states.isEmpty {
            states = [StateDeclaration(name: Name(Self.implicitOpenState, ticket.name.range), isInitial: true,
                                       isFinal: false, transitions: [], range: ticket.name.range)]
        } else {
            states = ticket.body.states
        }
        stateNames = Set(states.map(\.name.text)).union([Self.closedState])
        buttonNames = Set(body.buttons.map(\.name.text))
        flagNames = Set(body.flags.map(\.name.text))
        var asked: Set<String> = []
        for transition in body.transitions + states.flatMap(\.transitions) {
            if case .formSubmitted(let form) = transition.trigger { asked.insert(form.text) }
            for action in transition.actions {
                if case .ask(let form) = action.kind { asked.insert(form.text) }
            }
        }
        let formAnswers = forms.filter { asked.contains($0.name.text) }.flatMap { $0.questions.map(\.name.text) }
        answerNames = Set(body.questions.map(\.name.text) + body.evidence.map(\.name.text) + formAnswers)
        choicesByAnswer = Self.choices(of: body.questions + forms.filter { asked.contains($0.name.text) }.flatMap(\.questions))
    }

    static func choices(of questions: [QuestionDeclaration]) -> [String: Set<String>] {
        var choices: [String: Set<String>] = [:]
        for question in questions where !question.choices.isEmpty {
            choices[question.name.text] = Set(question.choices.map(\.name.text))
        }
        return choices
    }

    public var name: String { declaration.name.text }

    /// The state a ticket starts in: the one marked `initial`, or the first.
    public var initialState: StateDeclaration? {
        states.first(where: \.isInitial) ?? states.first
    }

    /// Every transition that can run in `state`: its own first, then the
    /// ticket's and the defaults' (which apply in every state not final).
    public func transitions(in state: StateDeclaration) -> [Transition] {
        state.isFinal ? state.transitions : state.transitions + body.transitions
    }

    /// Every transition that applies to this ticket, each once.
    public var allTransitions: [Transition] {
        states.flatMap(\.transitions) + body.transitions
    }

    /// A ticket's own settings win; lists add up, defaults first.
    static func merge(_ base: TicketBody, under own: TicketBody) -> TicketBody {
        var merged = own
        merged.emoji = own.emoji ?? base.emoji
        merged.description = own.description ?? base.description
        if own.receivers.isEmpty { merged.receivers = base.receivers }
        if own.escalation.isEmpty {
            merged.escalation = base.escalation
            merged.escalationRange = base.escalationRange
        }
        merged.mode = own.mode ?? base.mode
        merged.place = own.place ?? base.place
        if own.overflows.isEmpty { merged.overflows = base.overflows }
        merged.limit = own.limit ?? base.limit
        merged.questions = base.questions + own.questions
        merged.evidence = base.evidence + own.evidence
        merged.greeting = own.greeting ?? base.greeting
        merged.mandatory = base.mandatory + own.mandatory
        merged.farewell = own.farewell ?? base.farewell
        merged.farewellWait = own.farewell != nil ? own.farewellWait : base.farewellWait
        merged.claim = own.claim ?? base.claim
        merged.override = own.override ?? base.override
        merged.takeover = own.takeover ?? base.takeover
        merged.userSpeaksFirst = own.userSpeaksFirst ?? base.userSpeaksFirst
        merged.reminder = own.reminder ?? base.reminder
        merged.closeReasonRequired = own.closeReasonRequired ?? base.closeReasonRequired
        merged.rating = own.rating ?? base.rating
        merged.hours = own.hours ?? base.hours
        merged.outsideHours = own.outsideHours ?? base.outsideHours
        merged.transcriptChannel = own.transcriptChannel ?? base.transcriptChannel
        merged.transcriptToUser = own.transcriptToUser ?? base.transcriptToUser
        merged.autoReplies = base.autoReplies + own.autoReplies
        // A ticket's own reply of a name replaces the defaults' one.
        merged.replies = own.replies + base.replies.filter { reply in !own.replies.contains { $0.name.text == reply.name.text } }
        // The first rule naming a tool decides it: the ticket's own first.
        merged.permissions = own.permissions + base.permissions
        merged.buttons = base.buttons + own.buttons
        merged.flags = base.flags + own.flags
        // A ticket's own transitions come first so that they take precedence
        // over a default reacting to the same event.
        merged.transitions = own.transitions + base.transitions
        return merged
    }
}
