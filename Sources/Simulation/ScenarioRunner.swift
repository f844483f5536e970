import Engine
import Foundation
import WorkflowDSL

/// Plays a scenario against the real engine and store with a virtual clock.
///
/// Each action is a real event through `TicketEngine` (one transaction),
/// each `wait` fires the timers that fall due in it, in time order, and the
/// outbox is drained into a `SimulatedDiscord` after every step. Events
/// carry the scenario line as their source id, so playing a scenario again
/// on the same database (after a crash) skips what was already applied.
public struct ScenarioRunner: Sendable {
    public let engine: TicketEngine
    public let workflowPath: String
    public let discord: SimulatedDiscord
    public let guild: String
    /// The virtual clock's start: Monday 5 January 2026, 09:00 UTC.
    public static let start: Int64 = 1_767_603_600

    public init(engine: TicketEngine, workflowPath: String, discord: SimulatedDiscord, guild: String = "simulation") {
        self.engine = engine
        self.workflowPath = workflowPath
        self.discord = discord
        self.guild = guild
    }

    /// Checks the scenario against the workflow before anything runs: every
    /// name it uses must exist there.
    public func validate(_ scenario: Scenario) -> [ScenarioError] {
        guard let workflow = engine.currentWorkflow(workflowPath) else { return [] }
        var errors: [ScenarioError] = []
        func error(_ line: Int, _ message: String) { errors.append(ScenarioError(path: scenario.path, line: line, message: message)) }
        for person in scenario.people {
            for title in person.titles where !workflow.ranks.contains(title) && !workflow.roles.contains(title) {
                error(person.line, "`\(title)` is neither a rank nor a role of the workflow (ranks: \(workflow.ranks.joined(separator: ", "))"
                      + (workflow.roles.isEmpty ? "" : "; roles: \(workflow.roles.joined(separator: ", "))") + ")")
            }
        }
        let declared = Set(scenario.people.map(\.name))
        let buttons = Set(workflow.categories.flatMap { $0.buttons.map(\.name) })
        let forms = Set(workflow.forms.keys).union([TicketMachine.closeReasonForm])
        for step in scenario.steps {
            switch step.action {
            case .open(_, let category, _) where workflow.category(named: category) == nil,
                 .placesFull(let category, _) where workflow.category(named: category) == nil:
                error(step.line, "the workflow has no ticket category `\(category)` (it has: \(workflow.categories.map(\.name).joined(separator: ", ")))")
            case .press(_, let button) where !buttons.contains(button):
                error(step.line, "no category of the workflow has a button `\(button)`" + suggestion(button, among: buttons))
            case .submit(_, let form, _) where !forms.contains(form):
                error(step.line, "the workflow has no form `\(form)`" + suggestion(form, among: forms))
            case .applySanction(_, let offence, _, _) where !workflow.offences.contains(where: { $0.name == offence }),
                 .chooseAppealedSanction(_, let offence, _) where !workflow.offences.contains(where: { $0.name == offence }),
                 .expect(.sanctioned(_, let offence, _, _)) where !workflow.offences.contains(where: { $0.name == offence }):
                error(step.line, "the sanctions table has no offence `\(offence)`"
                      + suggestion(offence, among: Set(workflow.offences.map(\.name))))
            case .giveReputation(_, let receiver) where !declared.contains(receiver),
                 .expect(.reputation(let receiver, _)) where !declared.contains(receiver),
                 .expect(.activity(let receiver, _)) where !declared.contains(receiver),
                 .expect(.audit(let receiver, _)) where !declared.contains(receiver),
                 .expect(.holds(let receiver, _, _)) where !declared.contains(receiver),
                 .applySanction(_, _, let receiver, _) where !declared.contains(receiver),
                 .chooseAppealedSanction(_, _, let receiver?) where !declared.contains(receiver),
                 .expect(.sanctioned(let receiver, _, _, _)) where !declared.contains(receiver),
                 .expect(.sanctioned(_, _, let receiver, _)) where !declared.contains(receiver):
                error(step.line, "`\(receiver)` is not declared: add `member \(receiver)` above")
            case .react(_, _, let message, _) where !workflow.messages.contains(message):
                error(step.line, "the workflow declares no message `\(message)`" + suggestion(message, among: Set(workflow.messages)))
            case .expect(.holds(_, let role, _)) where !workflow.roles.contains(role):
                error(step.line, "`\(role)` is not a role of the workflow" + suggestion(role, among: Set(workflow.roles)))
            default: break
            }
        }
        return errors
    }

    private func suggestion(_ name: String, among names: Set<String>) -> String {
        names.isEmpty ? "" : " (known: \(names.sorted().joined(separator: ", ")))"
    }

    public func run(_ scenario: Scenario) async throws -> SimulationReport {
        var play = Play(runner: self, scenario: scenario)
        for step in scenario.steps {
            try await play.perform(step)
        }
        return play.report
    }
}

/// One run of a scenario in progress.
private struct Play {
    let runner: ScenarioRunner
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
                fail(step.line, "ticket \(number)", "no ticket #\(number) was opened in this scenario")
                return
            }
            currentTicket = id
            return
        case .placesFull(let category, let full):
            if full { fullCategories.insert(category) } else { fullCategories.remove(category) }
            lastEffects = []
            lastCommunity = []
            try await finish(entry(step.line, full ? "every Discord category of \(category) is full" : "\(category) has room again"))
            return
        case .open(let name, let category, let answers):
            let person = people[name]!
            let hasRoom = !fullCategories.contains(category)
            let outcome = try await engine.open(guild: runner.guild, workflow: runner.workflowPath, category: category, owner: person,
                                                 locale: scenario.people.first { $0.name == name }?.locale
                                                     ?? engine.currentWorkflow(runner.workflowPath)?.locales.first ?? "en",
                                                 answers: Dictionary(answers, uniquingKeysWith: { _, last in last }),
                                                 sourceID: source, hasRoom: hasRoom, now: now)
            var entry = entry(step.line, "\(name) opens \(category)")
            switch outcome {
            case .opened(let ticket, let effects):
                select(ticket)
                lastEffects = effects.map { (ticket.id, $0) }
                lastReplayed = false
                entry = self.entry(step.line, "\(name) opens \(category)", ticket: ticket.number)
                entry.stateChange = "→ \(ticket.state.state)"
            case .refused(let reason):
                lastEffects = [(0, .refuse(person: person.id, reason: reason))]
                if !hasRoom, let alert = engine.staffAlert(placesFullFor: category, workflow: runner.workflowPath, member: person.id, now: now) {
                    lastEffects.append((0, .notify(channel: alert.channel, text: alert.text, pings: [])))
                }
                lastReplayed = false
            case .duplicate(let id):
                if let id, let ticket = try await engine.ticket(id: id) { select(ticket) }
                lastEffects = []
                lastReplayed = true
            }
            try await finish(entry)
        case .wait(let seconds):
            let end = now + Int64(seconds)
            var effects: [(Int64, Effect)] = []
            var changes: [String] = []
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
            var entry = entry(step.line, "wait \(Self.duration(seconds))")
            if !changes.isEmpty { entry.stateChange = changes.joined(separator: ", ") }
            try await finish(entry)
        case .join(let name, let secondsAgo):
            try await community.memberSeen(people[name]!.id, joinedAt: now - Int64(secondsAgo))
            lastEffects = []
            lastCommunity = try await community.fireDue(now: now).effects
            try await finish(entry(step.line, secondsAgo == 0 ? "\(name) joins the server" : "\(name) joined \(Self.duration(secondsAgo)) ago"))
        case .giveReputation(let name, let receiver):
            let giver = people[name]!
            // The same answer `/rep` gets on Discord, from the same engine call.
            let (answer, effects) = try await community.respond(to: .rep(member: people[receiver]!.id, memberIsBot: false), by: giver, now: now)
            var entry = entry(step.line, "\(name) runs /rep @\(receiver)")
            lastEffects = []
            lastCommunity = effects
            switch answer {
            case .publicly(.repGiven(_, let points, let level)):
                entry.stateChange = "@\(receiver): \(points) point(s)" + (level.map { ", level \($0)" } ?? "")
            case .privately(let notice):
                lastEffects = [(0, .refuse(person: giver.id, reason: NoticeCatalogue.text(notice, locale: locale(of: name))))]
            default:
                break
            }
            try await finish(entry)
        case .react(let name, let emoji, let message, let added):
            lastEffects = []
            if added { community.count(.reactions, member: people[name]!.id, at: now) }
            lastCommunity = try await community.reaction(added: added, member: people[name]!.id, workflow: runner.workflowPath,
                                                   message: message, emoji: emoji, now: now)
            try await finish(entry(step.line, "\(name) \(added ? "reacts" : "removes the reaction") \(emoji) \(added ? "to" : "from") \(message)"))
        case .chat(let name, let count):
            for _ in 0..<count { community.count(.messages, member: people[name]!.id, at: now) }
            lastEffects = []
            lastCommunity = []
            try await finish(entry(step.line, "\(name) writes \(count) message(s) in the server"))
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
            try await finish(entry(step.line, downFor == 0 ? "the bot restarts" : "the bot is down for \(Self.duration(downFor)), then starts"))
        default:
            guard let ticketID = currentTicket else {
                fail(step.line, "action", "no ticket is open yet: start with a line such as `ana opens soporte`")
                return
            }
            let (event, text) = await event(for: step)
            guard let event else { return }
            var entry = entry(step.line, text)
            lastCommunity = []
            if let outcome = try await engine.handle(event, ticket: ticketID, sourceID: source, now: now) {
                lastEffects = outcome.effects.map { (ticketID, $0) }
                lastReplayed = false
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
            return (.message(message), "\(name) says \"\(Self.oneLine(text))\"" + (attachments.isEmpty ? "" : " + \(attachments.count) attachment(s)"))
        case .press(let name, let button):
            return (.button(name: button, by: people[name]!), "\(name) presses \(button)")
        case .run(let name, let command):
            return (.command(name: command, by: people[name]!), "\(name) runs /\(command)")
        case .submit(let name, let form, let answers):
            return (.formSubmitted(form: form, by: people[name]!, answers: Dictionary(answers, uniquingKeysWith: { _, last in last })),
                    "\(name) submits \(form)")
        case .applySanction(let name, let offence, let member, let warned):
            return (.sanctionApplied(offence: offence, member: people[member]!.id, warned: warned, by: people[name]!),
                    "\(name) applies sanction \(offence) to \(member)" + (warned ? ", warned first" : ""))
        case .chooseAppealedSanction(let name, let offence, let outsideAppliedBy?):
            return (.appealedSanctionChosen(.outside(offence: offence, sanctioner: people[outsideAppliedBy]!.id), by: people[name]!),
                    "\(name) names the appealed sanction: \(offence), given outside Escala by \(outsideAppliedBy)")
        case .chooseAppealedSanction(let name, let offence, nil):
            // What the form's menu lists: the owner's recorded sanctions.
            // The scenario names the offence; the newest such row is the one.
            let owner = currentTicket == nil ? nil : try? await engine.ticket(id: currentTicket!)?.state.owner
            let ledger = (try? await engine.sanctions(guild: runner.guild, member: owner ?? "")) ?? []
            guard let record = ledger.last(where: { $0.entry.offence == offence }) else {
                fail(step.line, "action", "the ticket's member has no recorded sanction `\(offence)` to appeal: apply it in an earlier ticket "
                     + "(`NAME chooses sanction \(offence) for MEMBER`), or write `\(name) chooses outside sanction \(offence) applied by NAME`")
                return (nil, "")
            }
            return (.appealedSanctionChosen(.recorded(id: record.id), by: people[name]!),
                    "\(name) names the appealed sanction: \(offence), recorded in ticket #\(record.ticketNumber.map(String.init) ?? "?")")
        case .leave(let name):
            return (.memberLeft, "\(name) leaves the server")
        case .deleteChannel:
            return (.channelDeleted, "the channel is deleted by hand")
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
                // Permissions are only ever added, as on Discord.
                let seen = visibility[ticketID] ?? ([], [])
                visibility[ticketID] = (seen.ranks + ranks, seen.people + people)
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

    func locale(of name: String) -> String {
        scenario.people.first { $0.name == name }?.locale ?? engine.currentWorkflow(runner.workflowPath)?.locales.first ?? "en"
    }

    func describe(_ effect: CommunityEffect) -> String {
        switch effect {
        case .grantRole(let role, let member): return "grants \(role) to \(who(member))"
        case .revokeRole(let role, let member): return "revokes \(role) from \(who(member))"
        case .postRanking(let channel, let ranking):
            let places = ranking.entries.enumerated().map { "\($0.offset + 1). \(who($0.element.member)) (\($0.element.total))" }
            return "posts \"\(ranking.title)\" in #\(channel): " + (places.isEmpty ? "no activity" : places.joined(separator: ", "))
        }
    }

    func ticketNumber(_ id: Int64) -> Int {
        ticketsByNumber.first { $0.value == id }?.key ?? Int(id)
    }

    func entry(_ line: Int, _ text: String, ticket: Int? = nil) -> SimulationReport.Entry {
        SimulationReport.Entry(line: line, time: now - ScenarioRunner.start,
                               ticket: ticket ?? currentTicket.map(ticketNumber), text: text)
    }

    // MARK: Expectations

    mutating func check(_ expectation: Scenario.Expectation, line: Int) async throws {
        var ticket: StoredTicket?
        if let id = currentTicket { ticket = try await engine.ticket(id: id) }
        let effects = lastEffects.filter { $0.ticketID == currentTicket || $0.ticketID == 0 }.map(\.effect)
        // The opening answers count as said: they are in the first message.
        let texts = effects.compactMap(Self.text(of:)).map(humanize)
            + effects.flatMap { effect -> [String] in
                guard case .send(_, _, _, let answers?) = effect else { return [] }
                return answers.map { "\($0.question): \($0.answer)" }
            }
        var description = ""
        var holds: Bool?
        var detail: String?
        var skipped = false
        func needTicket() -> TicketState? {
            if ticket == nil { detail = "no ticket is open yet" }
            return ticket?.state
        }
        /// Effect expectations cannot be judged on a step replayed after a
        /// restart: its effects were produced by the earlier run.
        func judgeEffects(_ result: Bool, _ failure: @autoclosure () -> String) {
            if lastReplayed { skipped = true; detail = "skipped: the step was applied before a restart"; return }
            holds = result
            if !result { detail = failure() }
        }
        let saidNothing = texts.isEmpty ? "nothing was said" : "said: " + texts.map { "\"\(Self.oneLine($0))\"" }.joined(separator: "; ")
        switch expectation {
        case .state(let name):
            description = "state \(name)"
            if let state = needTicket() { holds = state.state == name; if holds == false { detail = "the state is \(state.state)" } }
        case .handler(let name):
            description = name.map { "handler \($0)" } ?? "no handler"
            if let state = needTicket() {
                holds = state.handler == name.flatMap { people[$0]?.id }
                if holds == false { detail = "the handler is " + (state.handler.map { "@" + (names[$0] ?? $0) } ?? "nobody") }
            }
        case .channel(let name):
            description = "channel \(name)"
            let actual = currentTicket.flatMap { channelNames[$0] }
            holds = actual == name
            if holds == false { detail = "the channel is " + (actual ?? "not created") }
        case .sent(let text, let negated):
            description = (negated ? "not sent \"" : "sent \"") + text + "\""
            let found = texts.contains { $0.localizedCaseInsensitiveContains(text) }
            judgeEffects(found != negated, negated ? "it was sent" : saidNothing)
        case .buttons(let expected):
            description = "buttons " + expected.joined(separator: ", ")
            let actual = currentTicket.flatMap { buttons[$0] } ?? []
            holds = actual == expected
            if holds == false { detail = "the buttons are " + (actual.isEmpty ? "none" : actual.joined(separator: ", ")) }
        case .deleted(let negated):
            description = negated ? "not deleted" : "deleted"
            let deleted = effects.contains { if case .deleteMessage = $0 { true } else { false } }
            judgeEffects(deleted != negated, negated ? "the message was deleted" : "no message was deleted")
        case .refused(let text, let negated):
            description = (negated ? "not refused" : "refused") + (text.map { " \"\($0)\"" } ?? "")
            let reasons = effects.compactMap { if case .refuse(_, let reason) = $0 { humanize(reason) } else { nil } }
            let refused = reasons.contains { text == nil || $0.localizedCaseInsensitiveContains(text!) }
            judgeEffects(refused != negated, negated ? "refused: " + reasons.joined(separator: "; ")
                                                     : reasons.isEmpty ? "nothing was refused" : "refused: " + reasons.joined(separator: "; "))
        case .mentioned(let name, let negated):
            description = (negated ? "not mentioned " : "mentioned ") + name
            var owner: String?
            if let id = currentTicket { owner = try await engine.ticket(id: id)?.state.owner }
            // Who the engine says Discord notifies, as the face sends it.
            let pinged = engine.currentWorkflow(runner.workflowPath).map { effects.pinged(in: $0, owner: owner ?? "") } ?? Pinged()
            let mentioned = pinged.ranksAndRoles.contains(name) || pinged.people.contains(people[name]?.id ?? "")
            judgeEffects(mentioned != negated, negated ? "\(name) was pinged" : pinged.isEmpty ? "nobody was pinged"
                : "pinged: " + (Set(pinged.ranksAndRoles).sorted() + Set(pinged.people).map { "@" + (names[$0] ?? $0) }.sorted()).joined(separator: ", "))
        case .visibleTo(let name, let negated):
            description = (negated ? "not visible to " : "visible to ") + name
            let seen = currentTicket.flatMap { visibility[$0] }
            // A channel visible to cm+ is visible to a trainee: the ladder,
            // as Discord's overwrites give it.
            let ladder = engine.currentWorkflow(runner.workflowPath).map { workflow in Set(seen?.ranks.flatMap(workflow.ranksAndRoles(standingFor:)) ?? []) } ?? []
            let visible = seen.map { ladder.contains(name) || $0.ranks.contains { Self.names($0, name) } || $0.people.contains(people[name]?.id ?? "") } ?? false
            holds = visible != negated
            if holds == false { detail = "visible to " + (seen.map { ($0.ranks.map(\.description) + $0.people.map { "@" + (names[$0] ?? $0) }).joined(separator: ", ") } ?? "nobody") }
        case .notified(let channel, let text, let negated):
            description = (negated ? "not notified " : "notified ") + channel + (text.map { " \"\($0)\"" } ?? "")
            let notes = effects.compactMap { effect -> String? in
                if case .notify(channel, let said, _) = effect { humanize(said) } else { nil }
            }
            let notified = notes.contains { text == nil || $0.localizedCaseInsensitiveContains(text!) }
            judgeEffects(notified != negated, negated ? "\(channel) was notified: " + notes.joined(separator: "; ") : "\(channel) was not notified")
        case .closed(let reason):
            description = "closed" + (reason.map { " \"\($0)\"" } ?? "")
            if let state = needTicket() {
                holds = state.isClosed && (reason == nil || (state.closeReason ?? "").localizedCaseInsensitiveContains(reason!))
                if holds == false { detail = state.isClosed ? "closed with reason \"\(state.closeReason ?? "")\"" : "the ticket is open, in state \(state.state)" }
            }
        case .open:
            description = "open"
            if let state = needTicket() { holds = !state.isClosed; if holds == false { detail = "closed: \(state.closeReason ?? "")" } }
        case .flag(let flag, let negated):
            description = (negated ? "no flag " : "flag ") + flag
            if let state = needTicket() { holds = state.flags.contains(flag) != negated; if holds == false { detail = "flags: " + state.flags.joined(separator: ", ") } }
        case .form(let form):
            description = "form \(form)"
            judgeEffects(effects.contains { if case .showForm(form, _) = $0 { true } else { false } }, "the form \(form) was not shown")
        case .granted(let role):
            description = "granted \(role)"
            judgeEffects(effects.contains { if case .grantRole(role, _, _) = $0 { true } else { false } }
                         || lastCommunity.contains { if case .grantRole(role, _) = $0 { true } else { false } }, "\(role) was not granted")
        case .revoked(let role):
            description = "revoked \(role)"
            judgeEffects(effects.contains { if case .revokeRole(role, _) = $0 { true } else { false } }
                         || lastCommunity.contains { if case .revokeRole(role, _) = $0 { true } else { false } }, "\(role) was not revoked")
        case .holds(let name, let role, let negated):
            description = (negated ? "no role " : "role ") + "\(name) \(role)"
            let held = try await community.holds(role, member: people[name]?.id ?? name)
            holds = held != negated
            if holds == false { detail = held ? "\(name) holds \(role)" : "\(name) does not hold \(role)" }
        case .reputation(let name, let points):
            description = "reputation \(name) \(points)"
            let actual = try await community.reputation(of: people[name]?.id ?? name).points
            holds = actual == points
            if holds == false { detail = "\(name) has \(actual) point(s)" }
        case .activity(let name, let total):
            description = "activity \(name) \(total)"
            let board = engine.currentWorkflow(runner.workflowPath)?.activities.first
            let actual = try await community.activity(of: people[name]?.id ?? name, board: board?.name ?? "", workflow: runner.workflowPath, now: now)
            holds = actual == total
            if holds == false { detail = board == nil ? "the workflow has no `activity` board" : "\(name) has \(actual) in this window" }
        case .topPosted(let channel):
            description = "top posted" + (channel.map { " in \($0)" } ?? "")
            judgeEffects(lastCommunity.contains { if case .postRanking(let posted, _) = $0 { channel == nil || posted == channel } else { false } },
                         "no TOP was posted" + (channel.map { " in \($0)" } ?? ""))
        case .top(let expected):
            description = "top " + expected.joined(separator: " ")
            let board = engine.currentWorkflow(runner.workflowPath)?.activities.first
            var ranking: ActivityRanking?
            if let board { ranking = try await community.ranking(workflow: runner.workflowPath, board: board.name, back: 1, now: now) }
            let actual = (ranking?.entries ?? []).map { names[$0.member] ?? $0.member }
            holds = Array(actual.prefix(expected.count)) == expected
            if holds == false { detail = ranking == nil ? "no window has closed yet" : "the TOP is " + (actual.isEmpty ? "empty" : actual.joined(separator: " ")) }
        case .audit(let name, let text):
            description = "audit \(name) \"\(text)\""
            let lines = try await community.audit(member: people[name]?.id ?? name).map { "\($0.action.rawValue) \($0.role): \($0.reason)" }
            holds = lines.contains { $0.localizedCaseInsensitiveContains(text) }
            if holds == false { detail = lines.isEmpty ? "no audit line for \(name)" : "audit: " + lines.joined(separator: "; ") }
        case .statistics(let subject, let figures):
            description = "stats " + (subject.map { $0 + " " } ?? "") + figures.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            let statistics = try await community.ticketStatistics()
            let line: TicketStatistics.Line? = switch subject {
            case nil: statistics.total
            case let name?: statistics.byCategory.first { $0.key == name } ?? statistics.byStaff.first { $0.key == people[name]?.id }
            }
            let actual: [String: Int] = line.map { ["created": $0.created, "resolved": $0.resolved, "pending": $0.pending] } ?? [:]
            holds = figures.allSatisfy { actual[$0.0] == $0.1 }
            if holds == false {
                detail = line == nil ? "no statistics for \(subject ?? "")" : actual.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            }
        case .transcript:
            description = "transcript"
            judgeEffects(effects.contains { if case .transcript = $0 { true } else { false } }, "no transcript was posted")
        case .sanctionsShown:
            description = "sanctions shown"
            judgeEffects(effects.contains {
                switch $0 {
                case .showSanctions, .showAppealedSanctions: true
                default: false
                }
            }, "the sanctions table was not shown")
        case .sanctioned(let name, let offence, let staff, let negated):
            description = (negated ? "not " : "") + "sanctioned \(name) \(offence) by \(staff)"
            let ledger = try await engine.sanctions(guild: runner.guild, member: people[name]?.id ?? name)
            let found = ledger.contains { $0.entry.offence == offence && $0.entry.appliedBy == people[staff]?.id }
            holds = found != negated
            if holds == false {
                detail = ledger.isEmpty ? "\(name) has no recorded sanction"
                    : "the ledger of \(name): " + ledger.map { "\($0.entry.offence) by \(who($0.entry.appliedBy))" }.joined(separator: "; ")
            }
        case .openTickets(let count):
            description = "open tickets \(count)"
            let actual = try await engine.tickets(openOnly: true).count
            holds = actual == count
            if holds == false { detail = "\(actual) open" }
        }
        var entry = entry(line, "expect " + description)
        // Not judged means failed (e.g. no ticket yet), unless skipped.
        entry.passed = skipped ? nil : (holds ?? false)
        entry.detail = detail
        report.entries.append(entry)
    }

    mutating func fail(_ line: Int, _ text: String, _ detail: String) {
        var entry = entry(line, text)
        entry.passed = false
        entry.detail = detail
        report.entries.append(entry)
    }

    static func names(_ actor: Actor, _ name: String) -> Bool {
        switch actor {
        case .rank(let rank, _): rank == name
        case .role(let role): role == name
        default: false
        }
    }

    // MARK: Describing effects

    static func text(of effect: Effect) -> RichText? {
        switch effect {
        case .send(let text, _, _, _) where !text.isEmpty: text
        case .notice(let text, _): text
        case .notify(_, let text, _), .publish(_, let text), .askRating(let text, _): text
        default: nil
        }
    }

    /// The engine's text as the scenario's people read it: `@name`.
    func humanize(_ text: RichText) -> String {
        text.rendered(person: who, channel: { "#" + $0 })
    }

    func who(_ id: String) -> String { "@" + (names[id] ?? id) }

    func describe(_ effect: Effect) -> String? {
        switch effect {
        case .createChannel(let name, let visibleTo):
            return "creates channel \(name), visible to the member and \(visibleTo.map(\.description).joined(separator: ", "))"
        case .send(let text, let buttons, _, let answers):
            let shown = buttons.isEmpty ? "" : " [" + buttons.joined(separator: "] [") + "]"
            let answered = (answers ?? []).map { " {\($0.question) → \(Self.oneLine($0.answer))}" }.joined()
            return (text.isEmpty ? (buttons.isEmpty ? "shows the answers" : "shows buttons") + shown : "says \"\(Self.oneLine(humanize(text)))\"" + shown) + answered
        case .notice(let text, _):
            return "says \"\(Self.oneLine(humanize(text)))\""
        case .deleteMessage(let id):
            let line = Int(id.dropFirst()) ?? 0
            let author: String? = scenario.steps.first { $0.line == line }.flatMap {
                if case .say(let name, _, _) = $0.action { name } else { nil }
            }
            return "deletes the message" + (author.map { " of @\($0)" } ?? "")
        case .rename(let name): return "renames the channel to \(name)"
        case .setVisibility(let ranks, let people):
            return "shows the channel to " + (ranks.map(\.description) + people.map(who)).joined(separator: ", ")
        case .mention(let ranks, let people):
            return "mentions " + (ranks.map(\.description) + people.map(who)).joined(separator: ", ")
        case .notify(let channel, let text, let pings):
            return "notifies #\(channel): \"\(Self.oneLine(humanize(text)))\""
                + (pings.isEmpty ? "" : ", pinging " + pings.map(\.description).joined(separator: ", "))
        case .publish(let channel, let text): return "publishes in #\(channel): \"\(Self.oneLine(humanize(text)))\""
        case .refuse(let person, let reason): return "refuses \(who(person)): \"\(humanize(reason))\""
        case .showForm(let form, let person): return "shows the form \(form) to \(who(person))"
        case .showSanctions(let person): return "shows the sanction form to \(who(person))"
        case .showAppealedSanctions(let person): return "shows \(who(person)) the member's recorded sanctions"
        case .recordSanction(let entry):
            return "records in the ledger: \(entry.offence) for \(who(entry.member)), applied by \(who(entry.appliedBy))"
                + (entry.outsideEscala ? " (given outside Escala, recorded by \(who(entry.recordedBy)))" : "")
                + (entry.warned ? ", warned first" : "") + (entry.evidence.isEmpty ? "" : ", \(entry.evidence.count) piece(s) of evidence")
        case .grantRole(let role, let person, let seconds):
            return "grants \(role) to \(who(person))" + (seconds.map { " for \(Self.duration($0))" } ?? "")
        case .revokeRole(let role, let person): return "revokes \(role) from \(who(person))"
        case .transcript(let channel): return "posts the transcript" + (channel.map { " in #\($0)" } ?? "")
        case .close(let reason): return "closes the ticket" + (reason.map { ": \($0)" } ?? "")
        case .askRating(let text, let person): return "asks \(who(person)) for a rating: \"\(Self.oneLine(humanize(text)))\""
        case .schedule, .cancelTimer: return nil
        }
    }

    static func oneLine(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return flat.count > 120 ? String(flat.prefix(119)) + "…" : flat
    }

    static func duration(_ seconds: Int) -> String {
        var parts: [String] = []
        var rest = seconds
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        return parts.joined(separator: " ")
    }
}
