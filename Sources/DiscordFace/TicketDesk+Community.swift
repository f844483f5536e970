import Discord
import Engine
import Foundation
import WorkflowDSL

/// Community operations on Discord: activity counted from messages and
/// reactions, reaction roles, member joins for seniority, `/rep`, `/top`,
/// `/stats` and `/audit`, and the community outbox carried out.
extension TicketDesk {
    func communityCommands() -> [RESTClient.SlashCommand] {
        typealias Option = RESTClient.SlashCommand.Option
        // Which commands exist is the engine's (`CommunityCommand.offered`);
        // here, what Discord's form of each takes. Their words, in every
        // language the workflows speak, are the engine's `CommandWords`.
        let options: [String: [Option]] = [
            "tickets": [.init(name: "member", description: "", type: .user)],
            "stats": [.init(name: "days", description: "", type: .integer)],
            "audit": [.init(name: "member", description: "", type: .user)],
            "sanctions": [.init(name: "member", description: "", type: .user, required: true)],
            "rep": [.init(name: "member", description: "", type: .user, required: true)],
            "top": [.init(name: "periods_ago", description: "", type: .integer)],
            "block": [.init(name: "member", description: "", type: .user, required: true),
                      .init(name: "reason", description: "", type: .string, required: true),
                      .init(name: "duration", description: "", type: .string)],
            "unblock": [.init(name: "member", description: "", type: .user, required: true)],
        ]
        let languages = serverLanguages
        // Each staff tool names one member, but /reply and /move, which
        // name a reply or a category from the suggestions the engine offers.
        let tools = directory.ticketTools.compactMap { tool in
            let option: Option? = switch tool {
            case .reply: .init(name: "reply", description: "", type: .string, required: true, autocomplete: true)
            case .move: .init(name: "category", description: "", type: .string, required: true, autocomplete: true)
            case .priority: .init(name: "priority", description: "", type: .string, required: true, autocomplete: true)
            case .topic, .closeInactive: nil
            case .add, .remove, .transfer, .open: .init(name: "member", description: "", type: .user, required: true)
            }
            return CommandWords.ticketTools[tool].map {
                CommandLocalizations.worded(RESTClient.SlashCommand(name: tool.rawValue, description: "", options: option.map { [$0] }), $0, languages: languages)
            }
        }
        let opening = !directory.opensByCommand ? [] : [CommandLocalizations.worded(
            RESTClient.SlashCommand(name: CommandWords.openTicket, description: "",
                                    options: [.init(name: "category", description: "", type: .string, required: true, autocomplete: true)]),
            CommandWords.openTicketWords, languages: languages)]
        let closing = !directory.closesInBulk ? [] : [CommandLocalizations.worded(
            RESTClient.SlashCommand(name: StaffTool.closeInactive.rawValue, description: "", options: [
                .init(name: "category", description: "", type: .string, required: true, autocomplete: true),
                .init(name: "idle_for", description: "", type: .string, required: true),
                .init(name: "reason", description: "", type: .string),
            ]), CommandWords.closeInactiveWords, languages: languages)]
        let transcript = CommandLocalizations.worded(
            RESTClient.SlashCommand(name: CommandWords.transcript, description: "",
                                    options: [.init(name: "number", description: "", type: .integer, required: true)]),
            CommandWords.transcriptWords, languages: languages)
        // A message's menu item, where a category takes reports: its name
        // is what members read in the menu, in their Discord's language.
        let reporting = directory.reportCategory == nil ? [] : [RESTClient.SlashCommand.menuItem(
            .message, name: CommandWords.reportMessage,
            nameLocalizations: CommandLocalizations.localizations(CommandWords.reportMessageWords, languages).0)]
        // A member's menu item, for staff: the choice of category follows.
        let openingFor = [RESTClient.SlashCommand.menuItem(
            .user, name: CommandWords.openTicketFor,
            nameLocalizations: CommandLocalizations.localizations(CommandWords.openTicketForWords, languages).0)]
        return reporting + openingFor + opening + closing + [transcript] + directory.communityCommands.compactMap { name in
            CommandWords.community[name].map {
                CommandLocalizations.worded(RESTClient.SlashCommand(name: name, description: "", options: options[name]), $0, languages: languages)
            }
        } + tools
    }

    /// Every language the server's workflows declare, first ones first.
    var serverLanguages: [String] {
        var languages: [String] = []
        for locale in workflows.flatMap(\.workflow.locales) where !languages.contains(locale) { languages.append(locale) }
        return languages
    }

    /// A member's person in the first workflow that knows them as staff, or
    /// in the first workflow: staff-only commands look at `isStaff`.
    func person(_ user: User, member: GuildMember?) -> Person {
        let people = workflows.map { $0.person(user, roles: member?.roles ?? [], nick: member?.nick) }
        return people.first(where: \.isStaff) ?? people[0]
    }

    // MARK: Commands

    /// A community command: read from Discord's payload, answered by the
    /// engine, rendered here.
    func handleCommunityCommand(_ interaction: Interaction) async throws {
        guard let data = interaction.data, let name = data.name, let user = interaction.actor else { return }
        let person = person(user, member: interaction.member)
        let locale = workflows[0].workflow.language(forMember: interaction.locale)
        if let joined = interaction.member?.joinedAtSeconds { try await community.memberSeen(user.id.rawValue, joinedAt: joined) }
        /// A number option as typed; one that is not a whole number at
        /// all (past Int64) is as out of range as one too large.
        func number(_ option: String) -> Int? {
            data.option(option).map { Int($0) ?? .max }
        }
        let command: CommunityCommand
        switch name {
        case "rep":
            guard let receiver = data.option("member") else { return try await rest.respond(to: interaction, .deferredUpdate) }
            let isBot = receiver == bot.userID?.rawValue || data.resolvedUser(receiver)?.bot == true
            command = .rep(member: receiver, memberIsBot: isBot)
        case "help": command = .help
        case "tickets": command = .tickets(member: data.option("member"))
        case "top": command = .top(periodsAgo: number("periods_ago") ?? 0)
        case "stats": command = .stats(days: number("days"))
        case "audit": command = .audit(member: data.option("member"))
        case "sanctions":
            guard let member = data.option("member") else { return try await rest.respond(to: interaction, .deferredUpdate) }
            command = .sanctions(member: member)
        case "block":
            guard let member = data.option("member") else { return try await rest.respond(to: interaction, .deferredUpdate) }
            command = .block(member: member, reason: data.option("reason") ?? "—", duration: data.option("duration").flatMap { $0.isEmpty ? nil : $0 })
        case "unblock":
            guard let member = data.option("member") else { return try await rest.respond(to: interaction, .deferredUpdate) }
            command = .unblock(member: member)
        default: return try await rest.respond(to: interaction, .deferredUpdate)
        }
        let response: InteractionResponse
        switch try await community.answer(command, by: person, now: now()) {
        case .privately(let notice):
            response = .ephemeral(DiscordMarkup.render(notice, locale: locale))
        case .publicly(let notice):
            response = .visible(DiscordMarkup.render(notice, locale: locale))
        case .ranking(let ranking):
            response = .visible(embeds: [CommunityEmbeds.ranking(ranking, language: NoticeCatalogue.language(for: locale))])
        case .statistics(let statistics):
            response = .ephemeral(embeds: [CommunityEmbeds.statistics(statistics, language: NoticeCatalogue.language(for: locale))])
        case .audit(let records, let member):
            response = .ephemeral(embeds: [CommunityEmbeds.audit(records, title: "🧾 Audit" + (member.map { " · <@\($0)>" } ?? ""))])
        case .sanctions(let records, let member, let table):
            response = .ephemeral(DiscordMarkup.render(SanctionListing.text(records, member: member, workflow: table,
                                                                            language: NoticeCatalogue.language(for: locale))))
        case .tickets(let tickets, let member, let workflows):
            response = .ephemeral(DiscordMarkup.render(TicketListing.text(tickets, member: member, workflows: workflows,
                                                                          language: NoticeCatalogue.language(for: locale))))
        }
        try await rest.respond(to: interaction, response)
    }

    // MARK: Gateway events

    /// Every message of a member counts for activity, in tickets or not.
    func countActivity(of message: Message) async throws {
        guard let author = message.author, author.bot != true else { return }
        if let joined = message.member?.joinedAtSeconds { try await community.memberSeen(author.id.rawValue, joinedAt: joined) }
        community.count(.messages, member: author.id.rawValue, at: now())
    }

    func handleReaction(_ reaction: GatewayEvent.Reaction, added: Bool) async throws {
        guard reaction.userID != bot.userID, reaction.member?.user?.bot != true else { return }
        let member = reaction.userID.rawValue
        if added { community.count(.reactions, member: member, at: now()) }
        for bound in workflows {
            for message in bound.workflow.messages where bound.ids[message] == reaction.messageID {
                _ = try await community.reaction(added: added, member: member, workflow: bound.path, message: message,
                                                  emoji: reaction.emojiText, now: now())
            }
        }
    }

    func handleMemberAdd(_ member: GuildMember) async throws {
        guard let user = member.user, user.bot != true else { return }
        try await community.memberSeen(user.id.rawValue, joinedAt: member.joinedAtSeconds ?? now())
    }
}
