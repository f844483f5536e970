import Discord
import Engine
import WorkflowDSL

extension MessageBody {
    /// A ticket's message as Discord gets it: posted to the channel by the
    /// outbox, or given as the answer to the click or form that caused it
    /// (`StepReply`). One rendering for both, so the two ways say the same
    /// words, with the same buttons, pinging the same people. Nil for an
    /// effect that is no message, or a mention of no one bound here.
    static func ticket(_ effect: Effect, of ticket: StoredTicket, bound: BoundWorkflow, category: Category, language: String,
                       nonce: String?) -> MessageBody? {
        let owner = ticket.state.owner
        switch effect {
        case .send(let text, let buttons, _, let answers):
            let embeds = answers.map { [TicketEmbeds.openingAnswers($0, language: language)] }
            return MessageBody(content: text.isEmpty ? nil : DiscordMarkup.render(text),
                               components: buttons.isEmpty ? nil : Components.rows(buttons, of: category, language: language),
                               embeds: embeds, allowedMentions: bound.allowedMentions(for: effect, owner: owner), nonce: nonce)
        case .notice(let text, _):
            return MessageBody(content: DiscordMarkup.render(text), allowedMentions: bound.allowedMentions(for: effect, owner: owner), nonce: nonce)
        case .mention:
            // The pings alone; none when no one it names is bound here.
            let mentions = bound.allowedMentions(for: effect, owner: owner)
            guard !mentions.roles.isEmpty || !mentions.users.isEmpty else { return nil }
            return MessageBody(content: DiscordMarkup.pings(roles: mentions.roles, users: mentions.users), allowedMentions: mentions, nonce: nonce)
        default:
            return nil
        }
    }
}
