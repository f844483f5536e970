import Foundation
import Discord
import Engine
import WorkflowDSL

/// Clicks, menu choices, forms and slash commands. Each is answered within
/// Discord's 3 seconds: a form, a private refusal, or a silent
/// acknowledgement; the ticket's effects follow from the outbox.
extension TicketDesk {
    /// When the interaction being handled was taken from its lane: its
    /// answer's latency is counted from there (`escala_interaction_ack_seconds`).
    @TaskLocal static var interactionTaken: ContinuousClock.Instant?

    func handle(_ interaction: Interaction) async {
        await Self.$interactionTaken.withValue(.now) { await handleTaken(interaction) }
    }

    private func handleTaken(_ interaction: Interaction) async {
        let data = interaction.data
        let customID = data?.customID ?? ""
        do {
            switch (interaction.type, CustomID(wire: customID)) {
            case (.messageComponent, .panelMenu(let workflow)?):
                try await openFromPanel(workflow: workflow, category: data?.values?.first ?? "", interaction)
            case (.messageComponent, .open(let workflow, let category)?):
                try await openFromPanel(workflow: workflow, category: category, interaction)
            case (.messageComponent, .openFor(let member)?):
                let chosen = Directory.chosenCategory(data?.values?.first ?? "")
                try await openForMember(member, workflow: chosen.workflowKey, category: chosen.category, interaction)
            case (.messageComponent, .button(_, let button)?):
                try await act(interaction) { .button(name: button, by: $0) }
            case (.messageComponent, _):
                try await respond(interaction, .deferredUpdate)
            case (.modalSubmit, .openingForm(let workflow, let category)?):
                try await open(workflow: workflow, category: category, answers: data?.submittedValues ?? [:], interaction)
            case (.modalSubmit, .reportForm(let workflow, let category, let message)?):
                // Captured when the menu was used; lost only if Escala
                // restarted while the member filled the form in.
                guard let user = interaction.actor, let reported = try await store.pendingReport(message: message, reporter: user.id.rawValue) else {
                    let language = directory.language(forMember: interaction.locale)
                    return try await respond(interaction, .ephemeral(DiscordMarkup.render(.reportLost, locale: language)))
                }
                try await open(workflow: workflow, category: category, answers: data?.submittedValues ?? [:], reported: reported, interaction)
            case (.modalSubmit, .sanctionForm?):
                let answers = data?.submittedValues ?? [:]
                try await act(interaction) {
                    .sanctionApplied(offence: answers[Components.SanctionField.offence] ?? "",
                                     member: answers[Components.SanctionField.member] ?? "",
                                     warned: answers[Components.SanctionField.warned] == "true", by: $0)
                }
            case (.modalSubmit, .appealedSanctionForm?):
                let answers = data?.submittedValues ?? [:]
                let choice = answers[Components.SanctionField.record] ?? ""
                let appealed: AppealedSanction = if let id = Int64(choice) {
                    .recorded(id: id)
                } else {
                    .outside(offence: answers[Components.SanctionField.outsideOffence],
                             sanctioner: answers[Components.SanctionField.outsideApplier])
                }
                try await act(interaction) { .appealedSanctionChosen(appealed, by: $0) }
            case (.modalSubmit, .form(let form)?):
                try await act(interaction) { .formSubmitted(form: form, by: $0, answers: data?.submittedValues ?? [:]) }
            case (.applicationCommandAutocomplete, _):
                try await suggest(interaction)
            case (.applicationCommand, _) where data?.targetMessage != nil:
                try await report(interaction)
            case (.applicationCommand, _) where data?.type == 2:
                try await offerToOpenFor(interaction)
            case (.applicationCommand, _) where data?.name == CommandWords.transcript:
                try await sendTranscript(interaction)
            case (.applicationCommand, _) where data?.name == CommandWords.openTicket:
                let (key, name) = Directory.chosenCategory(data?.option("category") ?? "")
                guard directory.opening(workflowKey: key, category: name) != nil else {
                    let language = directory.language(forMember: interaction.locale)
                    return try await respond(interaction, .ephemeral(DiscordMarkup.render(NoticeCatalogue.text(.noCategoryToOpen(name), locale: language))))
                }
                try await openFromPanel(workflow: key, category: name, interaction)
            case (.applicationCommand, _) where StaffTool(rawValue: data?.name ?? "") != nil:
                try await useTool(StaffTool(rawValue: data?.name ?? "")!, interaction)
            case (.applicationCommand, _) where CommunityCommand.names.contains(data?.name ?? ""):
                try await handleCommunityCommand(interaction)
            case (.applicationCommand, _):
                try await act(interaction) { .command(name: data?.name ?? "", by: $0) }
            default:
                break
            }
        } catch {
            logger.warning("interaction not handled", metadata: ["custom_id": "\(customID)", "error": "\(error)"])
        }
    }

    private func respond(_ interaction: Interaction, _ response: InteractionResponse) async throws {
        try await rest.respond(to: interaction, response)
        if let taken = Self.interactionTaken { FaceMetrics.interactionAck.recordInterval(since: taken) }
    }

    /// A panel's button or menu: the category's questions as a form when it
    /// has any, else the ticket opens at once. `reported`: the message a
    /// «Report message» captured, which its form's id names.
    private func openFromPanel(workflow key: String?, category name: String, reported: ReportedMessage? = nil,
                               _ interaction: Interaction) async throws {
        guard let (bound, category) = opening(workflow: key, category: name) else {
            logger.notice("a click names no category that one workflow has", metadata: ["workflow": "\(key ?? "-")", "category": "\(name)"])
            return try await respond(interaction, .deferredUpdate)
        }
        if !category.questions.isEmpty {
            let workflow = CustomID.workflowKey(path: bound.path)
            var form = CustomID.openingForm(workflow: workflow, category: name)
            if let reported, let user = interaction.actor {
                try await store.keepPendingReport(reported, reporter: user.id.rawValue, now: now())
                form = .reportForm(workflow: workflow, category: name, message: reported.id)
            }
            try await respond(interaction, Components.form(form.wire, title: String(category.label.prefix(45)), questions: category.questions))
            return
        }
        try await open(workflow: key, category: name, answers: [:], reported: reported, interaction)
    }

    /// «Open a ticket for…» on a member: the categories this staff member
    /// may open for them, as a menu only they see.
    private func offerToOpenFor(_ interaction: Interaction) async throws {
        guard let data = interaction.data, let target = data.targetID, let user = interaction.actor else { return }
        let language = directory.language(forMember: interaction.locale)
        let roles = interaction.member?.roles ?? [], nick = interaction.member?.nick
        let offered = directory.openableForMembers { entry in
            bound(path: entry.path)?.person(user, roles: roles, nick: nick) ?? Person(id: user.id.rawValue, name: user.username)
        }
        guard !offered.isEmpty else {
            return try await respond(interaction, .ephemeral(DiscordMarkup.render(.nothingToOpenFor, locale: language)))
        }
        let options = offered.map { Component.SelectOption(label: String($0.category.label.prefix(100)), value: $0.value,
                                                           description: $0.category.description.map { String($0.prefix(100)) }) }
        let menu = Component.actionRow([.select(CustomID.openFor(member: target).wire, placeholder: nil, options: options)])
        try await respond(interaction, .ephemeral(DiscordMarkup.render(.openTicketFor(member: target), locale: language), components: [menu]))
    }

    /// The category chosen: the ticket opens with the member as its owner,
    /// on the engine's word (whether this staff member may, the member's
    /// limits and blocklist), without the category's questions, which are
    /// the member's to answer in the ticket.
    private func openForMember(_ member: String, workflow key: String?, category name: String, _ interaction: Interaction) async throws {
        guard let (bound, _) = opening(workflow: key, category: name), let user = interaction.actor else {
            return try await respond(interaction, .deferredUpdate)
        }
        guard let data = interaction.data else { return }
        let (found, absent) = await self.member(member, resolved: data)
        guard let found, let account = found.user, account.bot != true, !absent else {
            let language = directory.language(forMember: interaction.locale)
            let notice: Notice = .addRefused(member, absent ? .absent : .bot)
            return try await respond(interaction, .ephemeral(DiscordMarkup.render(notice, locale: language)))
        }
        let owner = bound.person(account, roles: found.roles, nick: found.nick)
        let staff = bound.person(user, roles: interaction.member?.roles ?? [], nick: interaction.member?.nick)
        try await open(workflow: key, category: name, answers: [:], owner: owner, openedBy: staff, interaction)
    }

    /// «Report message» on someone's message: the message captured now,
    /// whole (its author may delete it the next minute), and the report
    /// category's path from there, as its panel would take it.
    private func report(_ interaction: Interaction) async throws {
        guard let message = interaction.data?.targetMessage, let author = message.author else { return }
        guard let (entry, category) = directory.reportCategory else {
            let language = directory.language(forMember: interaction.locale)
            return try await respond(interaction, .ephemeral(DiscordMarkup.render(.noReportCategory, locale: language)))
        }
        let reported = ReportedMessage(
            id: message.id.rawValue, channel: message.channelID.rawValue, author: author.id.rawValue,
            authorName: message.member?.nick ?? author.globalName ?? author.username, text: message.content,
            attachments: (message.attachments ?? []).map(\.url),
            link: "https://discord.com/channels/\(guild.rawValue)/\(message.channelID.rawValue)/\(message.id.rawValue)",
            sentAt: message.timestamp.flatMap(DiscordTimestamp.seconds) ?? now())
        try await openFromPanel(workflow: entry.key, category: category.name, reported: reported, interaction)
    }

    /// The workflow and category a panel's click or opening form means
    /// (`Directory.opening`), with its Discord ids.
    private func opening(workflow key: String?, category name: String) -> (BoundWorkflow, Category)? {
        guard let entry = directory.opening(workflowKey: key, category: name), let bound = bound(path: entry.path),
              let category = bound.workflow.category(named: name) else { return nil }
        return (bound, category)
    }

    /// `owner`: the member a staff member (`openedBy`) opens it for; else
    /// the person who clicked.
    private func open(workflow key: String?, category name: String, answers: [String: String], reported: ReportedMessage? = nil,
                      owner named: Person? = nil, openedBy staff: Person? = nil, _ interaction: Interaction) async throws {
        guard let (bound, category) = opening(workflow: key, category: name), let clicker = interaction.actor else {
            return try await respond(interaction, .deferredUpdate)
        }
        let owner = named ?? bound.person(clicker, roles: interaction.member?.roles ?? [], nick: interaction.member?.nick)
        let user = User(id: Snowflake(owner.id), username: owner.name)
        // A place in a category is promised before the ticket exists,
        // counted from the gateway: a member is told at once when there is
        // none, rather than left with a ticket no channel can hold, and a
        // burst of opens cannot promise the same last place twice.
        // Before the commit: the outbox may create the channel at once.
        let counted = category.mode == .channel && guildChannels.isKnown
        let places = counted ? bound.places(of: category) : []
        let claimant = GuildChannels.Claimant(member: user.id.rawValue, category: name)
        let promised = !places.isEmpty && guildChannels.promise(among: places, to: claimant)
        let room: ChannelRoom = !counted || promised ? .available : guildChannels.room(among: places)
        var kept = false
        defer { if promised, !kept { guildChannels.withdrawPromise(of: claimant) } }
        // Committed first, acknowledged after: once Discord tells the member
        // their click was taken, the ticket exists in the database, whatever
        // happens to this process next (the step takes milliseconds of the
        // 3 seconds).
        let outcome = try await engine.open(guild: guild.rawValue, workflow: bound.source.path, category: name, owner: owner,
                                      locale: interaction.locale ?? bound.workflow.locales[0], answers: answers, reported: reported,
                                      openedBy: staff, sourceID: "interaction:\(interaction.id)", room: room, now: now())
        if case .refused(let reason) = outcome {
            try await respond(interaction, .ephemeral(DiscordMarkup.render(reason)))
            await tellStaffNoRoom(room, category: name, bound: bound, member: user.id)
            return
        }
        var language = bound.workflow.language(forMember: interaction.locale)
        let id: Int64
        switch outcome {
        case .refused:
            return
        case .opened(let ticket, _, _):
            id = ticket.id
            language = engine.language(of: ticket.state)
            kept = true
        case .duplicate(let existing):
            guard let existing else { return try await respond(interaction, .deferredEphemeral) }
            id = existing
        }
        // Waiting from before the click is answered: a channel Discord
        // refuses within that answer's round trip is heard here, in the
        // click's own answer, and not by direct message.
        async let waited = channel(of: id)
        try await respond(interaction, .deferredEphemeral)
        let text = switch await waited {
        case .channel(let channel): DiscordMarkup.render(.ticketOpened(channel: channel), locale: language)
        case .refused(let saying): saying
        case nil: DiscordMarkup.render(.ticketBeingCreated, locale: language)
        }
        try await rest.editOriginalResponse(interaction, MessageBody(content: text, allowedMentions: .none))
    }

    /// A click, form or command inside a ticket, by the person who made it.
    private func act(_ interaction: Interaction, _ event: (Person) -> TicketEvent) async throws {
        try await act(interaction) { person, _ in event(person) }
    }

    /// `/transfer`, `/add`, `/remove @person` in a ticket: the named
    /// person as the ticket's workflow sees them (their roles from
    /// Discord's resolved data, else asked of Discord), handed to the
    /// engine, which decides. Only the face can tell a bot, or someone who
    /// is not in the server (Discord resolves a user but no member, and
    /// answers 404 for the member).
    private func useTool(_ tool: StaffTool, _ interaction: Interaction) async throws {
        switch tool {
        // /reply, /move and /priority name a reply, a category or a
        // level, not a member; /topic asks with a form.
        case .reply: try await act(interaction) { .cannedReply(interaction.data?.option("reply") ?? "", by: $0) }
        case .move: try await act(interaction) { .moved(to: interaction.data?.option("category") ?? "", by: $0) }
        case .priority: try await act(interaction) { .prioritized(interaction.data?.option("priority") ?? "", by: $0) }
        case .topic: try await act(interaction) { .topicAsked(by: $0) }
        case .closeInactive: try await closeInactive(interaction)
        case .transfer: try await actOnNamedMember(interaction) { named, _, person in .transferred(to: named, by: person) }
        case .remove: try await actOnNamedMember(interaction) { named, _, person in .removed(named, by: person) }
        case .add: try await actOnNamedMember(interaction) { _, invitee, person in .added(invitee, by: person) }
        case .open: try await respond(interaction, .deferredUpdate) // from a member's menu, never typed
        }
    }

    /// The member a tool's `member` option names, as the ticket's workflow
    /// sees them (and as `/add` must tell them apart), handed to `event`.
    private func actOnNamedMember(_ interaction: Interaction,
                                  _ event: (Person, TicketEvent.Invitee, Person) -> TicketEvent) async throws {
        guard let data = interaction.data, let id = data.option("member") else { return try await respond(interaction, .deferredUpdate) }
        let found = await self.member(id, resolved: data)
        let user = data.resolvedUser(id) ?? found.member?.user ?? User(id: Snowflake(id), username: id)
        let roles = found.member?.roles ?? []
        let nick = found.member?.nick
        try await act(interaction) { person, bound in
            let named = bound.person(user, roles: roles, nick: nick)
            let invitee: TicketEvent.Invitee = user.bot == true ? .bot(named.id) : found.absent ? .absent(named.id) : .member(named)
            return event(named, invitee, person)
        }
    }

    /// What Discord shows under `/ticket` as a member types: the
    /// categories panels open (`Directory.openable`). Under `/reply` and
    /// `/move` as staff type: the
    /// engine's offer for that person in that ticket (nothing outside a
    /// ticket, nothing to whoever may not use the tool), each by its label.
    private func suggest(_ interaction: Interaction) async throws {
        let typed = interaction.data?.options?.first { $0.focused == true }?.value ?? ""
        if interaction.data?.name == CommandWords.openTicket {
            return try await respond(interaction, .suggestions(directory.openable(typed: typed).map { .init(name: $0.category.label, value: $0.value) }))
        }
        if interaction.data?.name == StaffTool.closeInactive.rawValue, let user = interaction.actor {
            let roles = interaction.member?.roles ?? [], nick = interaction.member?.nick
            let offered = directory.bulkClosable(typed: typed) { entry in
                bound(path: entry.path)?.person(user, roles: roles, nick: nick) ?? Person(id: user.id.rawValue, name: user.username)
            }
            return try await respond(interaction, .suggestions(offered.map { .init(name: $0.category.label, value: $0.value) }))
        }
        guard let channel = interaction.channelID, let user = interaction.actor,
              let ticket = try await engine.ticket(channel: channel.rawValue), let bound = bound(of: ticket.state) else {
            return try await respond(interaction, .suggestions([]))
        }
        let person = bound.person(user, roles: interaction.member?.roles ?? [], nick: interaction.member?.nick)
        let offered: [InteractionResponse.CallbackData.Choice] = switch StaffTool(rawValue: interaction.data?.name ?? "") {
        case .reply?: engine.replies(offeredTo: person, in: ticket, typed: typed).map { .init(name: $0.label, value: $0.name) }
        case .move?: engine.destinations(offeredTo: person, in: ticket, typed: typed).map { .init(name: $0.label, value: $0.name) }
        case .priority?: engine.priorities(offeredTo: person, in: ticket, typed: typed).map {
            .init(name: [$0.mark, $0.name].compactMap { $0 }.joined(separator: " "), value: $0.name)
        }
        default: []
        }
        try await respond(interaction, .suggestions(offered))
    }

    /// `/close_inactive`: answered at once (it may close many tickets), then
    /// told how many the engine closed, or why none.
    private func closeInactive(_ interaction: Interaction) async throws {
        guard let data = interaction.data, let user = interaction.actor else { return }
        let language = directory.language(forMember: interaction.locale)
        let (key, name) = Directory.chosenCategory(data.option("category") ?? "")
        guard let entry = directory.opening(workflowKey: key, category: name), let bound = bound(path: entry.path) else {
            return try await respond(interaction, .ephemeral(DiscordMarkup.render(.noCategoryToCloseInBulk(String(name.prefix(100))), locale: language)))
        }
        let typed = data.option("idle_for") ?? ""
        guard let seconds = CommunityCommand.seconds(typed) else {
            return try await respond(interaction, .ephemeral(DiscordMarkup.render(.notADuration(String(typed.prefix(100))), locale: language)))
        }
        try await respond(interaction, .deferredEphemeral)
        let person = bound.person(user, roles: interaction.member?.roles ?? [], nick: interaction.member?.nick)
        let reason = data.option("reason").flatMap { $0.isEmpty ? nil : String($0.prefix(CommunityCommand.longestReason)) }
            ?? NoticeCatalogue.text(.inactivityReason, locale: language).plain
        let answer = try await engine.closeInactive(guild: guild.rawValue, workflow: entry.path, category: name, idleFor: seconds, reason: reason,
                                                    by: person, sourceID: "interaction:\(interaction.id)", now: now())
        try await rest.editOriginalResponse(interaction, MessageBody(content: DiscordMarkup.render(answer.notice, locale: language), allowedMentions: .none))
    }

    /// `/transcript N`: the engine says whether the reader may have ticket
    /// N's transcript; it goes by direct message (a file is no private
    /// answer), and the answer says it went, or why not.
    private func sendTranscript(_ interaction: Interaction) async throws {
        guard let user = interaction.actor else { return }
        let number = interaction.data?.option("number").flatMap(Int.init) ?? 0
        var language = directory.language(forMember: interaction.locale)
        try await respond(interaction, .deferredEphemeral)
        func answer(_ notice: Notice) async throws {
            try await rest.editOriginalResponse(interaction, MessageBody(content: DiscordMarkup.render(NoticeCatalogue.text(notice, locale: language)),
                                                                         allowedMentions: AllowedMentions.none))
        }
        // The reader as the workflows know them: a ticket's workflow judges them once found.
        var person = person(user, member: interaction.member)
        if let found = number > 0 ? try await engine.ticket(guild: guild.rawValue, number: number) : nil, let bound = bound(of: found.state) {
            person = bound.person(user, roles: interaction.member?.roles ?? [], nick: interaction.member?.nick)
            language = bound.workflow.language(forMember: interaction.locale)
        }
        switch try await engine.transcriptRequest(guild: guild.rawValue, number: number, by: person) {
        case .failure(let refusal):
            try await answer(refusal.notice)
        case .success(let ticket):
            guard let category = engine.workflow(of: ticket.state)?.category(named: ticket.state.category) else { return try await answer(.transcriptNoTicket(number)) }
            let (title, html) = try await TranscriptRenderer.page(of: ticket, category: category, engine: engine, escala: bot.name)
            let refused = await rest.sendPrivately(title, file: (name: "ticket-\(ticket.number).html", data: Data(html.utf8), contentType: "text/html"),
                                                   to: user.id.rawValue)
            try await answer(refused == nil ? .transcriptSent(number) : .transcriptDirectMessagesClosed)
        }
    }

    /// A member an option names: from the interaction's resolved data,
    /// else asked of Discord; `absent` when Discord says they are not in
    /// the server.
    private func member(_ id: String, resolved data: Interaction.Data) async -> (member: GuildMember?, absent: Bool) {
        if let member = data.resolvedMember(id) { return (member, false) }
        do { return (try await rest.guildMember(guild: guild, user: Snowflake(id)), false) } catch { return (nil, error.isNotFound) }
    }

    private func act(_ interaction: Interaction, _ event: (Person, BoundWorkflow) -> TicketEvent) async throws {
        guard let channel = interaction.channelID, let user = interaction.actor,
              let ticket = try await engine.ticket(channel: channel.rawValue), let bound = bound(of: ticket.state) else {
            return try await respond(interaction, .ephemeral(DiscordMarkup.render(.notATicket, locale: directory.language(forMember: interaction.locale))))
        }
        let person = bound.person(user, roles: interaction.member?.roles ?? [], nick: interaction.member?.nick)
        guard let outcome = try await engine.handle(event(person, bound), ticket: ticket.id, sourceID: "interaction:\(interaction.id)",
                                                    replyRoute: InteractionRoute(interaction).stored, now: now()) else {
            return try await respond(interaction, .deferredUpdate) // Discord re-sent it: already taken
        }
        let response = try await answer(to: outcome.effects, for: person, ticket: ticket, bound: bound)
        guard let reply = outcome.reply else { return try await respond(interaction, response) }
        // The step's first message answers the click: one request fewer
        // against Discord's global limit. The outbox holds it until we say
        // whether it went.
        guard response.type == InteractionResponse.deferredUpdate.type,
              let category = bound.workflow.category(named: ticket.state.category),
              let body = MessageBody.ticket(reply.effect, of: outcome.ticket, bound: bound, category: category,
                                            language: engine.language(of: outcome.ticket.state), nonce: nil) else {
            try await engine.replyUnanswered(reply)
            return try await respond(interaction, response)
        }
        do {
            // An earlier answer may not have been this one (a deferred
            // answer to the same interaction delivered twice): if so, the
            // outbox asks Discord before posting it.
            try await rest.respond(to: interaction, .message(body), earlierAnswerIsOurs: false)
        } catch {
            try await engine.replyUnanswered(reply)
            throw error
        }
        try await engine.replyAnswered(reply, now: now())
    }

    /// What the clicker sees at once: a refusal, a form, a sanction form,
    /// or nothing (the click is taken; the ticket changes follow).
    private func answer(to effects: [Effect], for person: Person, ticket: StoredTicket, bound: BoundWorkflow) async throws -> InteractionResponse {
        for effect in effects {
            switch effect {
            case .refuse(person.id, let reason), .showPrivately(person.id, let reason):
                return .ephemeral(DiscordMarkup.render(reason))
            case .showForm(let name, person.id):
                guard let form = engine.form(name, for: ticket.state) else { continue }
                return Components.form(CustomID.form(name).wire, title: String(form.title.prefix(45)), questions: form.questions)
            case .showSanctions(person.id):
                guard let workflow = engine.workflow(of: ticket.state) else { continue }
                return Components.sanctionForm(workflow, language: engine.language(of: ticket.state))
            case .showAppealedSanctions(person.id):
                guard let workflow = engine.workflow(of: ticket.state) else { continue }
                let ledger = try await engine.sanctions(guild: ticket.guild, member: ticket.state.owner)
                return Components.appealedSanctionForm(workflow, ledger: ledger, language: engine.language(of: ticket.state))
            default:
                continue
            }
        }
        return .deferredUpdate
    }

    /// Staff hear that members are turned away for want of room, when the
    /// engine says so.
    private func tellStaffNoRoom(_ room: ChannelRoom, category: String, bound: BoundWorkflow, member: Snowflake) async {
        guard let alert = engine.staffAlert(noRoom: room, category: category, workflow: bound.source.path, member: member.rawValue, now: now()),
              let channel = bound.ids[alert.channel] else { return }
        logger.warning("a ticket was refused: no room for its channel", metadata: ["category": "\(category)", "room": "\(room)"])
        _ = try? await rest.createMessage(channel, MessageBody(content: DiscordMarkup.render(alert.text), allowedMentions: .none))
    }
}
