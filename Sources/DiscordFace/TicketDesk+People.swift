import Discord
import Engine

/// Who a member of the server is to each workflow, asked of Discord: the
/// staff desk's view of a person signed in on the web, made by the same
/// rule as a click's (`BoundWorkflow.person`, then `Workflow.person`).
extension TicketDesk {
    /// By workflow path; nil when Discord says they are not a member.
    public func people(ofMember id: String) async throws(DiscordError) -> [String: Person]? {
        let member: GuildMember
        do {
            member = try await rest.guildMember(guild: guild, user: Snowflake(id))
        } catch {
            if error.isNotFound { return nil }
            throw error
        }
        let user = member.user ?? User(id: Snowflake(id), username: id)
        return Dictionary(workflows.map { ($0.path, $0.person(user, roles: member.roles, nick: member.nick)) }, uniquingKeysWith: { first, _ in first })
    }

    /// A member's name as the server shows it (nickname, else global
    /// name, else username); nil when they are not a member.
    public func displayName(ofMember id: String) async throws(DiscordError) -> String? {
        do {
            let member = try await rest.guildMember(guild: guild, user: Snowflake(id))
            return member.nick ?? member.user?.globalName ?? member.user?.username
        } catch {
            if error.isNotFound { return nil }
            throw error
        }
    }
}
