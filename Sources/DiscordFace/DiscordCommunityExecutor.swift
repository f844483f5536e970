import Discord
import Engine

/// Carries community effects out on Discord: roles granted and taken back,
/// and the TOP of a window that ended.
struct DiscordCommunityExecutor: CommunityEffectExecutor {
    let desk: TicketDesk

    func execute(_ pending: PendingCommunityEffect) async throws {
        guard let bound = desk.workflows.first(where: { $0.path == pending.workflow }) else { return }
        let rest = desk.rest
        switch pending.effect {
        case .grantRole(let role, let member):
            guard let id = bound.ids[role] else { return }
            try await rest.addRole(id, to: Snowflake(member), guild: desk.guild, reason: "Escala: autorole \(role)")
        case .revokeRole(let role, let member):
            guard let id = bound.ids[role] else { return }
            do throws(DiscordError) {
                try await rest.removeRole(id, from: Snowflake(member), guild: desk.guild, reason: "Escala: \(role) revoked")
            } catch {
                guard error.isNotFound else { throw error } // the member left: nothing to take back
            }
        case .postRanking(let channel, let ranking):
            guard let id = bound.ids[channel] else { return }
            let language = NoticeCatalogue.language(for: bound.workflow.locales[0])
            let embed = CommunityEmbeds.ranking(ranking, language: language)
            _ = try await rest.createMessage(id, MessageBody(content: nil, embeds: [embed], allowedMentions: .none,
                                                             nonce: "top-\(pending.id)"))
        }
    }
}
