/// The message of a step that answers the person whose action caused it.
///
/// On Discord, a click or a form is answered within three seconds by the
/// interaction's own callback, which does not count against the bot's
/// global limit of 50 requests a second; a message posted to the channel
/// does. So the first message a person's action makes Escala say in the
/// ticket (the farewell question after the close form, a claim's notice)
/// is delivered as that answer instead of as a second request, exactly as
/// written and pinging whom it pings. Which message that is, is decided
/// here, for every face alike: the step's first effect when it is a
/// message and nothing of the ticket's is still waiting to go before it
/// (the answer goes at once and must not overtake them); none when the
/// step already answers the person another way (a refusal only they see,
/// a form to fill in).
public struct StepReply: Sendable, Hashable {
    /// The effect's row in the outbox, where it waits as the reply until
    /// the face says whether it delivered it.
    public let outboxID: Int64
    public let effect: Effect

    public init(outboxID: Int64, effect: Effect) {
        self.outboxID = outboxID
        self.effect = effect
    }

    /// The index, in a step's sent effects, of the message that answers
    /// `actor`'s action, if one does.
    static func index(in effects: [Effect], answering actor: String?) -> Int? {
        for effect in effects {
            switch effect {
            case .refuse(let person, _), .showPrivately(let person, _), .showForm(_, let person), .showSanctions(let person),
                 .showAppealedSanctions(let person):
                if person == actor { return nil } // the person is answered by that
            default:
                continue
            }
        }
        // Only the step's first effect on Discord: an answer goes at once,
        // and must not overtake what the step does before it.
        guard let first = effects.firstIndex(where: { !$0.isTimer }) else { return nil }
        switch effects[first] {
        case .send, .notice, .mention: return first
        default: return nil
        }
    }
}
