import Engine
import Foundation
import WorkflowDSL

/// One scenario being played: the engines on their database, the virtual
/// clock, the people, and what the last step did, for `expect` lines.
struct Play {
    let runner: ScenarioRunner
    var words: TraceWords { runner.words }
    let scenario: Scenario
    /// The engines, replaced by new ones on the same database at `restart`.
    var engine: TicketEngine
    var community: CommunityEngine
    /// Community effects of the last action or wait.
    var lastCommunity: [CommunityEffect] = []
    /// What falls due, stepped as `escala run`'s scheduler steps it.
    var clockwork: Clockwork { Clockwork(engine: engine, community: community) }
    let people: [String: Person]
    let names: [String: String]
    var report: SimulationReport
    var now = ScenarioRunner.start
    var currentTicket: Int64?
    /// Categories whose Discord places are all taken (`places of X are full`).
    var fullCategories: Set<String> = []
    /// `server is full`: Discord's 500 channels are taken.
    var serverFull = false
    var ticketsByNumber: [Int: Int64] = [:]
    /// Effects of the last action or wait, by ticket.
    var lastEffects: [(ticketID: Int64, effect: Effect)] = []
    var lastReplayed = false
    var channelNames: [Int64: String] = [:]
    var buttons: [Int64: [String]] = [:]
    var visibility: [Int64: (ranks: [Actor], people: [String])] = [:]

    init(runner: ScenarioRunner, scenario: Scenario) {
        self.runner = runner
        self.scenario = scenario
        engine = runner.engine
        let workflow = runner.engine.currentWorkflow(runner.workflowPath)
        community = CommunityEngine(store: runner.engine.store, guild: runner.guild,
                                    workflows: workflow.map { [runner.workflowPath: $0] } ?? [:])
        var people: [String: Person] = [:]
        var names: [String: String] = [:]
        for (index, character) in scenario.people.enumerated() {
            let id = String(1_000 + index + 1)
            // The engine's rule, as on Discord: a role the bot gives members
            // (an autorole) makes nobody staff.
            people[character.name] = workflow?.person(id: id, name: character.name, holding: Set(character.titles))
                ?? Person(id: id, name: character.name)
            names[id] = character.name
        }
        self.people = people
        self.names = names
        report = SimulationReport(scenario: scenario.path)
    }

    // MARK: Actions

    mutating func perform(_ step: Scenario.Step) async throws {
        let source = "\(scenario.path):\(step.line)" + (step.iteration > 0 ? "#\(step.iteration)" : "")
        switch step.action {
        case .expect(let expectation):
            try await check(expectation, line: step.line)
            return
        case .switchTicket(let number):
            guard let id = ticketsByNumber[number] else {
                fail(step.line, words("ticket {0}", number), words("no ticket #{0} was opened in this scenario", number))
                return
            }
            currentTicket = id
            return
        case .placesFull(let category, let full):
            if full { fullCategories.insert(category) } else { fullCategories.remove(category) }
            lastEffects = []
            lastCommunity = []
            try await finish(entry(step.line, full ? words("every Discord category of {0} is full", category) : words("{0} has room again", category)))
            return
        case .serverFull(let full):
            serverFull = full
            lastEffects = []
            lastCommunity = []
            try await finish(entry(step.line, words(full ? "the Discord server holds its 500 channels" : "the Discord server has room again")))
            return
        case .open(let name, let category, let answers):
            try await open(category, by: name, answers: answers, reported: nil, line: step.line, source: source)
        case .openFor(let name, let member, let category):
            try await open(category, by: member, answers: [], reported: nil, openedBy: name, line: step.line, source: source)
        case .report(let name, let author, let text, let answers):
            // What Discord's menu hands over: the message as it is now.
            guard let category = runner.engine.currentWorkflow(runner.workflowPath)?.categories.first(where: { $0.reportsMessages == true }) else { return }
            let reported = ReportedMessage(id: "m\(step.line)", channel: "general", author: people[author]!.id, authorName: author, text: text,
                                           attachments: [], link: "\(scenario.path):\(step.line)", sentAt: now)
            try await open(category.name, by: name, answers: answers, reported: reported, line: step.line, source: source)
        case .wait(let seconds):
            let end = now + Int64(seconds)
            var effects: [(Int64, Effect)] = []
            var changes: [String] = []
            var rules: [String] = []
            var communityEffects: [CommunityEffect] = []
            // The scheduler's own step (`Clockwork.tick`) at each instant
            // something falls due, as `escala run` takes it when its clock
            // gets there.
            var next = try await clockwork.nextDue()
            while let due = next, due <= end {
                now = max(now, due)
                let tick = try await clockwork.tick(now: now)
                for outcome in tick.timers.outcomes {
                    effects += outcome.effects.map { (outcome.ticket.id, $0) }
                    rules += outcome.rules.map { "#\(outcome.ticket.number) " + describe(rule: $0) }
                    if outcome.previousState != outcome.ticket.state.state {
                        changes.append("#\(outcome.ticket.number) \(outcome.previousState) → \(outcome.ticket.state.state)")
                    }
                }
                communityEffects += tick.community.effects
                next = tick.nextDue
            }
            now = end
            communityEffects += try await clockwork.tick(now: now).community.effects
            lastCommunity = communityEffects
            lastEffects = effects
            lastReplayed = false
            var entry = entry(step.line, words("wait {0}", Self.duration(seconds)))
            if !changes.isEmpty { entry.stateChange = changes.joined(separator: ", ") }
            entry.rules = rules
            try await finish(entry)
        case .join(let name, let secondsAgo):
            try await community.memberSeen(people[name]!.id, joinedAt: now - Int64(secondsAgo))
            lastEffects = []
            lastCommunity = try await community.fireDue(now: now).effects
            try await finish(entry(step.line, secondsAgo == 0 ? words("{0} joins the server", name) : words("{0} joined {1} ago", name, Self.duration(secondsAgo))))
        case .giveReputation(let name, let receiver):
            let giver = people[name]!
            // The same answer `/rep` gets on Discord, from the same engine call.
            let (answer, effects) = try await community.respond(to: .rep(member: people[receiver]!.id, memberIsBot: false), by: giver, now: now)
            var entry = entry(step.line, words("{0} runs /rep @{1}", name, receiver))
            lastEffects = []
            lastCommunity = effects
            switch answer {
            case .publicly(.repGiven(_, let points, let level)):
                entry.stateChange = words("@{0}: {1} point(s)", receiver, points) + (level.map { words(", level {0}", $0) } ?? "")
            case .privately(let notice):
                lastEffects = [(0, .refuse(person: giver.id, reason: NoticeCatalogue.text(notice, locale: locale(of: name))))]
            default:
                break
            }
            try await finish(entry)
        case .help(let name):
            try await answerPrivately(.help, by: name, line: step.line)
        case .tickets(let name):
            try await answerPrivately(.tickets(member: nil), by: name, line: step.line)
        case .block(let name, let member, let duration, let reason):
            try await answerPrivately(.block(member: people[member]!.id, reason: reason, duration: duration), by: name, line: step.line)
        case .unblock(let name, let member):
            try await answerPrivately(.unblock(member: people[member]!.id), by: name, line: step.line)
        case .closeInactive(let name, let category, let idle, let reason):
            try await closeInactive(category, idleFor: idle, reason: reason, by: name, line: step.line)
        case .react(let name, let emoji, let message, let added):
            lastEffects = []
            if added { community.count(.reactions, member: people[name]!.id, at: now) }
            lastCommunity = try await community.reaction(added: added, member: people[name]!.id, workflow: runner.workflowPath,
                                                   message: message, emoji: emoji, now: now)
            try await finish(entry(step.line, words(added ? "{0} reacts {1} to {2}" : "{0} removes the reaction {1} from {2}", name, emoji, message)))
        case .chat(let name, let count):
            for _ in 0..<count { community.count(.messages, member: people[name]!.id, at: now) }
            lastEffects = []
            lastCommunity = []
            try await finish(entry(step.line, words("{0} writes {1} message(s) in the server", name, count)))
        case .restart(let downFor):
            // A clean stop: what was counted in memory is written first, as
            // `escala run` does on SIGTERM. While down, nothing fires.
            try await community.flush()
            now += Int64(downFor)
            // The same database, a new engine and community engine: nothing
            // of the last run's memory survives, as after a real restart.
            let store = engine.store
            let restarted = try await TicketEngine(store: store)
            if let hash = engine.currentWorkflow(runner.workflowPath)?.contentHash, let kept = try await restarted.keptSource(hash: hash) {
                _ = try await restarted.load(kept, now: now)
            }
            engine = restarted
            community = CommunityEngine(store: store, guild: runner.guild,
                                        workflows: restarted.currentWorkflow(runner.workflowPath).map { [runner.workflowPath: $0] } ?? [:])
            // Starting again: what fell due while down happens now.
            let tick = try await clockwork.tick(now: now)
            lastEffects = tick.timers.outcomes.flatMap { outcome in outcome.effects.map { (outcome.ticket.id, $0) } }
            lastCommunity = tick.community.effects
            lastReplayed = false
            try await finish(entry(step.line, downFor == 0 ? words("the bot restarts") : words("the bot is down for {0}, then starts", Self.duration(downFor))))
        default:
            guard let ticketID = currentTicket else {
                fail(step.line, words("action"), words("no ticket is open yet: start with a line such as `ana opens soporte`"))
                return
            }
            let (event, text) = await event(for: step)
            guard let event else { return }
            // What Discord would not let happen cannot happen here either:
            // nobody writes, clicks or sends a form in a channel they
            // cannot see.
            if let name = step.action.actingInChannel, await sees(name, ticket: ticketID) == false {
                let shown = visibility[ticketID].map { $0.ranks.map(\.description) + $0.people.map { "@" + (names[$0] ?? $0) } } ?? []
                fail(step.line, text, shown.isEmpty ? words("{0} cannot see this channel: on Discord it is shown to its member", name)
                     : words("{0} cannot see this channel: on Discord it is shown to its member and {1}", name, shown.joined(separator: ", ")))
                return
            }
            var entry = entry(step.line, text)
            lastCommunity = []
            if let outcome = try await engine.handle(event, ticket: ticketID, sourceID: source, now: now) {
                lastEffects = outcome.effects.map { (ticketID, $0) }
                lastReplayed = false
                entry.rules = outcome.rules.map(describe(rule:))
                if outcome.previousState != outcome.ticket.state.state {
                    entry.stateChange = "\(outcome.previousState) → \(outcome.ticket.state.state)"
                }
            } else {
                lastEffects = []
                lastReplayed = true
            }
            try await finish(entry)
        }
    }

    mutating func event(for step: Scenario.Step) async -> (TicketEvent?, String) {
        switch step.action {
        case .say(let name, let text, let attachments):
            let (resolved, mentionsOwner) = await resolveMentions(text)
            let message = TicketEvent.Message(id: "m\(step.line)", author: people[name]!, text: resolved,
                                              attachments: attachments, mentionsOwner: mentionsOwner)
            return (.message(message), words("{0} says \"{1}\"", name, Self.oneLine(text)) + (attachments.isEmpty ? "" : words(" + {0} attachment(s)", attachments.count)))
        case .press(let name, let button):
            return (.button(name: button, by: people[name]!), words("{0} presses {1}", name, button))
        case .run(let name, let command):
            return (.command(name: command, by: people[name]!), words("{0} runs /{1}", name, command))
        case .submit(let name, let form, let answers):
            return (.formSubmitted(form: form, by: people[name]!, answers: Dictionary(answers, uniquingKeysWith: { _, last in last })),
                    words("{0} submits {1}", name, form))
        case .applySanction(let name, let offence, let member, let warned):
            return (.sanctionApplied(offence: offence, member: people[member]!.id, warned: warned, by: people[name]!),
                    words("{0} applies sanction {1} to {2}", name, offence, member) + (warned ? words(", warned first") : ""))
        case .chooseAppealedSanction(let name, let offence, let outsideAppliedBy?):
            return (.appealedSanctionChosen(.outside(offence: offence, sanctioner: people[outsideAppliedBy]!.id), by: people[name]!),
                    words("{0} names the appealed sanction: {1}, given outside Escala by {2}", name, offence, outsideAppliedBy))
        case .chooseAppealedSanction(let name, let offence, nil):
            // What the form's menu lists: the owner's recorded sanctions.
            // The scenario names the offence; the newest such row is the one.
            let owner = currentTicket == nil ? nil : try? await engine.ticket(id: currentTicket!)?.state.owner
            let ledger = (try? await engine.sanctions(guild: runner.guild, member: owner ?? "")) ?? []
            guard let record = ledger.last(where: { $0.entry.offence == offence }) else {
                fail(step.line, words("action"), words("the ticket's member has no recorded sanction `{0}` to appeal: apply it in an earlier ticket (`NAME chooses sanction {0} for MEMBER`), or write `{1} chooses outside sanction {0} applied by NAME`",
                                           offence, name))
                return (nil, "")
            }
            return (.appealedSanctionChosen(.recorded(id: record.id), by: people[name]!),
                    words("{0} names the appealed sanction: {1}, recorded in ticket #{2}", name, offence, record.ticketNumber.map(String.init) ?? "?"))
        case .tool(.transfer, let name, let receiver):
            return (.transferred(to: people[receiver]!, by: people[name]!), words("{0} transfers the ticket to {1}", name, receiver))
        case .tool(.add, let name, let guest):
            return (.added(.member(people[guest]!), by: people[name]!), words("{0} adds {1} to the ticket", name, guest))
        case .tool(.move, let name, let category):
            return (.moved(to: category, by: people[name]!), words("{0} moves the ticket to {1}", name, category))
        case .tool(.reply, let name, let reply):
            return (.cannedReply(reply, by: people[name]!), words("{0} sends the reply {1}", name, reply))
        case .tool(.priority, let name, let level):
            return (.prioritized(level, by: people[name]!), words("{0} sets the ticket's priority to {1}", name, level))
        case .tool(.topic, let name, _):
            return (.topicAsked(by: people[name]!), words("{0} runs /topic", name))
        case .tool(.remove, let name, let guest):
            return (.removed(people[guest]!, by: people[name]!), words("{0} removes {1} from the ticket", name, guest))
        case .leave(let name):
            return (.memberLeft, words("{0} leaves the server", name))
        case .deleteChannel:
            return (.channelDeleted, words("the channel is deleted by hand"))
        case .refuseChannel:
            // Discord refuses a channel as it is created: right after the
            // ticket opens, never once people have written in it.
            if let id = currentTicket, let history = try? await engine.history(ofTicket: id), history.count > 1 {
                fail(step.line, words("action"), words("`channel refused` plays Discord refusing a new ticket's channel: write it right after the line that opens the ticket"))
                return (nil, "")
            }
            return (.noRoomForChannel(.serverFull), words("Discord refuses the channel: the server holds its 500 channels"))
        default:
            return (nil, "")
        }
    }

    /// Whether a scenario's text names the ticket's owner (`@ana`): what
    /// the engine's silence rule needs. The text itself stays as written.
    func resolveMentions(_ text: String) async -> (String, Bool) {
        var owner: String?
        if let id = currentTicket { owner = (try? await engine.ticket(id: id))?.state.owner }
        let mentionsOwner = people.contains { name, person in person.id == owner && text.contains("@" + name) }
        return (text, mentionsOwner)
    }

    /// A panel's open, or a report's (`reported`): the same engine path.
    /// `openedBy`: the staff member who opened it for `name` («Open a ticket for…»).
    mutating func open(_ category: String, by name: String, answers: [(String, String)], reported: ReportedMessage?,
                       openedBy staff: String? = nil, line: Int, source: String) async throws {
        let person = people[name]!
        let room: ChannelRoom = serverFull ? .serverFull : fullCategories.contains(category) ? .categoriesFull : .available
        let outcome = try await engine.open(guild: runner.guild, workflow: runner.workflowPath, category: category, owner: person,
                                             locale: scenario.people.first { $0.name == name }?.locale
                                                 ?? engine.currentWorkflow(runner.workflowPath)?.locales.first ?? "en",
                                             answers: Dictionary(answers, uniquingKeysWith: { _, last in last }), reported: reported,
                                             openedBy: staff.map { people[$0]! }, sourceID: source, room: room, now: now)
        let said = reported.map { words("{0} reports a message of {1}: \"{2}\"", name, $0.authorName, Self.oneLine($0.text)) + words(", opening {0}", category) }
            ?? staff.map { words("{0} opens {1} for {2}", $0, category, name) } ?? words("{0} opens {1}", name, category)
        var entry = entry(line, said)
        switch outcome {
        case .opened(let ticket, let effects, let rules):
            select(ticket)
            lastEffects = effects.map { (ticket.id, $0) }
            lastReplayed = false
            entry = self.entry(line, said, ticket: ticket.number)
            entry.stateChange = "→ \(ticket.state.state)"
            entry.rules = rules.map(describe(rule:))
        case .refused(let reason):
            // Whoever acted hears it: the staff member who opened it for someone.
            lastEffects = [(0, .refuse(person: staff.map { people[$0]!.id } ?? person.id, reason: reason))]
            if let alert = engine.staffAlert(noRoom: room, category: category, workflow: runner.workflowPath, member: person.id, now: now) {
                lastEffects.append((0, .notify(channel: alert.channel, text: alert.text, pings: [])))
            }
            lastReplayed = false
        case .duplicate(let id):
            if let id, let ticket = try await engine.ticket(id: id) { select(ticket) }
            lastEffects = []
            lastReplayed = true
        }
        try await finish(entry)
    }

    mutating func select(_ ticket: StoredTicket) {
        currentTicket = ticket.id
        ticketsByNumber[ticket.number] = ticket.id
    }

    /// Delivers the step's effects and records what they did to the
    /// ticket's channel, then adds the trace entry.
    mutating func finish(_ entry: SimulationReport.Entry) async throws {
        var entry = entry
        for (ticketID, effect) in lastEffects {
            switch effect {
            case .createChannel(let name, let visibleTo):
                channelNames[ticketID] = name
                visibility[ticketID] = (visibleTo, [])
            case .rename(let name): channelNames[ticketID] = name
            case .send(_, let shown, _, _) where !shown.isEmpty: buttons[ticketID] = shown
            case .setVisibility(let ranks, let people):
                let seen = visibility[ticketID] ?? ([], [])
                visibility[ticketID] = (seen.ranks + ranks, seen.people + people)
            case .move(let category):
                // The new category's ranks instead of the old ones; the
                // people (guests, a sanctioner) keep their overwrites.
                let seen = visibility[ticketID] ?? ([], [])
                let receivers = engine.currentWorkflow(runner.workflowPath)?.category(named: category)?.receivers ?? []
                visibility[ticketID] = (receivers, seen.people)
            case .hide(let people):
                // A guest shown out: ranks are only ever added, as on Discord.
                let seen = visibility[ticketID] ?? ([], [])
                visibility[ticketID] = (seen.ranks, seen.people.filter { !people.contains($0) })
            default: break
            }
            if let line = describe(effect) {
                let prefix = ticketID == currentTicket || ticketID == 0 ? "" : "#\(ticketNumber(ticketID)) "
                entry.effects.append(prefix + line)
            }
        }
        entry.effects += lastCommunity.map(describe)
        report.entries.append(entry)
        // One drainer for ticket and community effects, as on Discord.
        try await OutboxDrainer(store: engine.store, executor: runner.discord).drain(now: { [now] in now })
    }

    /// A command of Escala's own answered only to whoever ran it, worded
    /// as the face words it.
    mutating func answerPrivately(_ command: CommunityCommand, by name: String, line: Int) async throws {
        let person = people[name]!
        let (answer, _) = try await community.respond(to: command, by: person, now: now)
        let language = NoticeCatalogue.language(for: locale(of: name))
        let text: RichText? = switch answer {
        case .privately(let notice): NoticeCatalogue.text(notice, locale: language)
        case .tickets(let tickets, let member, let workflows): TicketListing.text(tickets, member: member, workflows: workflows, language: language)
        default: nil
        }
        lastEffects = text.map { [(0, .tellPrivately(person: person.id, text: $0))] } ?? []
        lastCommunity = []
        try await finish(entry(line, words("{0} runs /{1}", name, command.name)))
    }

    /// `/close_inactive`, as the Discord face asks the engine: its answer
    /// told privately; the closes are in each ticket's log and state.
    mutating func closeInactive(_ category: String, idleFor idle: String, reason: String?, by name: String, line: Int) async throws {
        let person = people[name]!
        let language = NoticeCatalogue.language(for: locale(of: name))
        let answer: TicketEngine.BulkClose
        if let seconds = CommunityCommand.seconds(idle) {
            answer = try await engine.closeInactive(guild: runner.guild, workflow: runner.workflowPath, category: category, idleFor: seconds,
                                                    reason: reason ?? NoticeCatalogue.text(.inactivityReason, locale: language).plain,
                                                    by: person, sourceID: "scenario:\(line)", now: now)
        } else {
            answer = TicketEngine.BulkClose(notice: .notADuration(idle), closed: [])
        }
        lastEffects = answer.closed.flatMap { outcome in outcome.effects.map { (outcome.ticket.id, $0) } }
            + [(0, .tellPrivately(person: person.id, text: NoticeCatalogue.text(answer.notice, locale: language)))]
        lastCommunity = []
        try await finish(entry(line, words("{0} runs /{1}", name, StaffTool.closeInactive.rawValue)))
    }

    func locale(of name: String) -> String {
        scenario.people.first { $0.name == name }?.locale ?? engine.currentWorkflow(runner.workflowPath)?.locales.first ?? "en"
    }

    func describe(_ effect: CommunityEffect) -> String {
        switch effect {
        case .grantRole(let role, let member): return words("grants {0} to {1}", role, who(member))
        case .revokeRole(let role, let member): return words("revokes {0} from {1}", role, who(member))
        case .postRanking(let channel, let ranking):
            let places = ranking.entries.enumerated().map { "\($0.offset + 1). \(who($0.element.member)) (\($0.element.total))" }
            return words("posts \"{0}\" in #{1}: {2}", ranking.title, channel, places.isEmpty ? words("no activity") : places.joined(separator: ", "))
        }
    }

    func ticketNumber(_ id: Int64) -> Int {
        ticketsByNumber.first { $0.value == id }?.key ?? Int(id)
    }

    func entry(_ line: Int, _ text: String, ticket: Int? = nil) -> SimulationReport.Entry {
        SimulationReport.Entry(line: line, time: now - ScenarioRunner.start,
                               ticket: ticket ?? currentTicket.map(ticketNumber), text: text)
    }
}
