import Discord
import Engine

/// The engine's structured text as Discord writes it: a person is `<@id>`,
/// a channel `<#id>`, a rank its name. Whom a message may ping is decided
/// by the engine and sent as `allowed_mentions`; the markup alone never
/// pings anyone.
enum DiscordMarkup {
    static func render(_ text: RichText) -> String {
        text.rendered(person: { "<@\($0)>" }, rank: { $0 }, channel: { "<#\($0)>" })
    }

    /// A message of Escala's own catalogue, in the member's language.
    static func render(_ message: Notice, locale: String) -> String {
        render(NoticeCatalogue.text(message, locale: locale))
    }

    /// Role and user mentions as Discord writes them: `<@&role> <@user>`.
    static func pings(roles: [Snowflake], users: [Snowflake]) -> String {
        (roles.map { "<@&\($0)>" } + users.map { "<@\($0)>" }).joined(separator: " ")
    }
}
