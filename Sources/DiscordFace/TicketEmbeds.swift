import Discord
import Engine

/// How a ticket's own cards look in Discord.
enum TicketEmbeds {
    /// The opening form's answers under the ticket's first message: one
    /// field a question, in the form's order. Embeds never ping, whatever
    /// the member wrote in them.
    static func openingAnswers(_ answers: [OpeningAnswer], language: String) -> Embed {
        Embed(title: DiscordMarkup.render(.openingAnswers, locale: language), color: CommunityEmbeds.blue,
              fields: answers.map { Embed.Field(name: $0.question, value: $0.answer) }).withinLimits
    }
}
