/// `on EVENT [by WHO] [if CONDITION]: ACTIONS`, or `after DURATION ...`.
public struct Transition: Sendable {
    public let trigger: Trigger
    public let actors: [Name]
    /// `by cm only`: exactly that rank, not its superiors.
    public let actorsExact: Bool
    public let condition: Condition?
    public let actions: [Action]
    public let range: SourceRange
    /// The range of `on ...`/`after ...` up to the colon, for messages.
    public let headRange: SourceRange
}

public enum Trigger: Sendable {
    case opened
    case userMessage(pattern: StringLiteral?)
    case staffMessage
    case anyMessage
    case button(Name)
    case command(Name)
    case formSubmitted(Name)
    case evidenceComplete
    case memberLeft
    case channelDeleted
    case timer(Duration, TimerKind)

    public enum TimerKind: String, Sendable, Hashable {
        /// Since the ticket entered the state.
        case inState
        /// Since opening, while the user has not written anything.
        case withoutReason
        /// Since the last message that mentioned the user, while they stay silent.
        case userSilence
        /// Since the handler's last message.
        case handlerInactivity
    }

    /// What identifies the event, for ambiguity checks: two transitions
    /// with the same key react to the same thing.
    public var key: String {
        switch self {
        case .opened: "opened"
        case .userMessage(let pattern): pattern.map { "user message matching \($0.value)" } ?? "user message"
        case .staffMessage: "staff message"
        case .anyMessage: "message"
        case .button(let name): "button \(name.text)"
        case .command(let name): "command \(name.text)"
        case .formSubmitted(let name): "form \(name.text) submitted"
        case .evidenceComplete: "evidence complete"
        case .memberLeft: "member left"
        case .channelDeleted: "channel deleted"
        case .timer(let duration, let kind): "after \(duration.seconds)s \(kind.rawValue)"
        }
    }

    /// Whether Discord delivers this event as an interaction, the only
    /// moment a modal form can be shown.
    public var isInteraction: Bool {
        switch self {
        case .button, .command: true
        default: false
        }
    }
}

public indirect enum Condition: Sendable {
    case flag(Name)
    case contains(Name, StringLiteral)
    case matches(Name, StringLiteral)
    /// `fps_citizen is no`: the member picked that choice of the question.
    case answerIs(Name, Name)
    case handlerIs(Name)
    case sanctionIs(Name)
    /// A row of the sanctions table has been chosen, whichever it is.
    case sanctionChosen(SourceRange)
    case evidenceComplete(SourceRange)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    /// A canonical spelling, so that `if a and b` written twice compares equal.
    public var canonical: String {
        switch self {
        case .flag(let name): name.text
        case .contains(let name, let text): "\(name.text) contains \(text.value)"
        case .matches(let name, let text): "\(name.text) matches \(text.value)"
        case .answerIs(let name, let choice): "\(name.text) is \(choice.text)"
        case .handlerIs(let rank): "handler is \(rank.text)"
        case .sanctionIs(let offence): "sanction is \(offence.text)"
        case .sanctionChosen: "sanction chosen"
        case .evidenceComplete: "evidence complete"
        case .not(let inner): "not (\(inner.canonical))"
        case .and(let left, let right): "(\(left.canonical)) and (\(right.canonical))"
        case .or(let left, let right): "(\(left.canonical)) or (\(right.canonical))"
        }
    }
}

public struct Action: Sendable {
    public let kind: Kind
    public let range: SourceRange

    public enum Kind: Sendable {
        case say(TextReference)
        case ask(Name)
        case rename(StringLiteral)
        /// `notify CHANNEL TEXT [pinging RANK, ...]`.
        case notify(Name, TextReference, pinging: [Name])
        case publish(Name, TextReference)
        case mention(Name)
        case grant(Name, Duration?)
        case revoke(Name)
        case close(TextReference?)
        case transcript(Name?)
        case escalateUp
        /// `directly`: written `escalate directly to RANK`, leaving the
        /// category's chain on purpose.
        case escalateTo(Name, directly: Bool)
        case release
        case claim
        case set(Name)
        case clear(Name)
        case goTo(Name)
        /// `move to CATEGORY`: the ticket becomes one of that category (a
        /// «Consultas» that turns out to be a report), as `/move` does it.
        case moveTo(Name)
        /// `choose sanction`: staff apply a row of the table to a member,
        /// and the ledger records it.
        case chooseSanction
        /// `choose appealed sanction`: staff name the sanction an appeal is
        /// about, from the owner's recorded sanctions (or one given outside
        /// Escala, with who applied it).
        case chooseAppealedSanction
    }
}
