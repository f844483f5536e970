import WorkflowDSL

/// The engine's core: one ticket category's rules as a pure function.
///
/// `step(state, event, now)` returns the next state and the effects to
/// carry out, and does nothing else: no clock (time is the `now` argument,
/// in seconds), no I/O, no randomness, no dictionary iteration order in the
/// output. The same workflow, events and times give the same states and
/// effects, byte for byte, which is what lets the store replay and the
/// simulator predict.
public struct TicketMachine: Sendable {
    /// Everything derived from the workflow once, shared by reference: a
    /// step copies one pointer, not a dozen arrays and dictionaries.
    final class Tables: Sendable {
        let workflow: Workflow
        let category: Category
        /// Patterns of the category compiled once, by source.
        let patterns: [String: Pattern]
        /// Per state, every transition that applies there, in order.
        let transitionsByState: [String: [CompiledTransition]]
        let statesByName: [String: State]
        /// Rank name → level, for permission checks.
        let levels: [String: Int]

        init(workflow: Workflow, category: Category, patterns: [String: Pattern]) {
            self.workflow = workflow
            self.category = category
            self.patterns = patterns
            statesByName = Dictionary(category.states.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            transitionsByState = statesByName.mapValues { category.transitions(in: $0) }
            levels = Dictionary(workflow.ranks.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    let tables: Tables
    public var workflow: Workflow { tables.workflow }
    public var category: Category { tables.category }
    var levels: [String: Int] { tables.levels }

    /// The name of the built-in form that asks for a close reason when the
    /// category requires one and the workflow's `close` gives none.
    public static let closeReasonForm = "close_reason"
    /// The button under a reported message's notice: not a name a workflow
    /// can write (`-`), so no rule of theirs can take it.
    public static let reportedMessageButton = "reported-message"
    /// Its one answer.
    public static let closeReasonAnswer = "reason"
    /// The built-in form `/topic` shows, and its one answer.
    public static let topicForm = "topic"
    public static let topicAnswer = "topic"

    public init?(workflow: Workflow, category name: String) {
        guard let category = workflow.category(named: name) else { return nil }
        var sources = category.autoReplies.map(\.pattern) + category.evidence.compactMap(\.pattern)
        for state in category.states {
            for transition in category.transitions(in: state) {
                if case .userMessage(let pattern?) = transition.event { sources.append(pattern) }
                sources += Self.patterns(in: transition.condition)
            }
        }
        var compiled: [String: Pattern] = [:]
        for source in sources where compiled[source] == nil {
            // The workflow was linted; a pattern that fails here cannot match.
            compiled[source] = try? Pattern(source)
        }
        tables = Tables(workflow: workflow, category: category, patterns: compiled)
    }

    func level(of person: Person) -> Int? {
        var best: Int?
        for rank in person.ranks {
            if let level = levels[rank], level > (best ?? -1) { best = level }
        }
        return best
    }

    private static func patterns(in condition: CompiledTransition.Guard?) -> [String] {
        switch condition {
        case .matches(_, let pattern)?: [pattern]
        case .not(let inner)?: patterns(in: inner)
        case .and(let left, let right)?, .or(let left, let right)?: patterns(in: left) + patterns(in: right)
        default: []
        }
    }

    // MARK: Opening

    /// A new ticket: its first state, the channel, the greeting, its timers
    /// and whatever the workflow does `on opened`.
    public func open(number: Int, owner: Person, locale: String, answers: [String: String], reported: ReportedMessage? = nil,
                     openedBy staff: Person? = nil, now: Int64) -> MachineOutcome {
        var state = TicketState(number: number, category: category.name, workflowHash: workflow.contentHash,
                                owner: owner.id, ownerName: owner.name, locale: locale,
                                state: category.initialState, now: now)
        state.answers = category.questions.accepted(answers)
        var run = MachineStep(machine: self, state: state, now: now)
        run.rules.append(FiredRule(location: category.location, rule: "ticket \(category.name)"))
        run.effects.append(.createChannel(name: run.channelName, visibleTo: category.receivers))
        // The answers travel with the first message, so the staff who
        // come to the ticket read what the member said before anything else.
        let opening = category.openingAnswers(state.answers)
        if let greeting = category.greeting {
            run.effects.append(.send(text: run.render(greeting), buttons: run.buttons(), pings: [.user], answers: opening.isEmpty ? nil : opening))
        } else if !opening.isEmpty {
            run.effects.append(.send(text: "", buttons: run.buttons(), pings: [], answers: opening))
        } else {
            run.showButtons()
        }
        if let reported { run.capture(reported) }
        if let staff {
            // The member did not ask: the first words say who did, and ping them.
            run.state.openedBy = staff.id
            run.effects.append(.send(text: NoticeCatalogue.text(.openedFor(member: owner.id, by: staff.id), locale: run.locale),
                                     buttons: [], pings: [.user]))
        }
        let asked = category.evidence.filter(\.isMembers)
        if !asked.isEmpty {
            let needed = NoticeCatalogue.text(.evidenceNeeded(asked.map(\.label)), locale: run.locale)
            run.effects.append(.send(text: needed, buttons: [], pings: []))
        }
        run.scheduleTimers()
        let outsideHours = category.hours.map { !$0.contains(now) } ?? false
        if outsideHours, let notice = category.outsideHours {
            run.effects.append(.send(text: run.render(notice), buttons: [], pings: []))
        }
        let beforeOpened = run.effects.count
        run.fire(.opened, by: owner)
        if outsideHours {
            // Nobody is on duty: the ticket waits for the morning without
            // waking the staff whose rank `on opened` would ping.
            run.effects[beforeOpened...].removeAll { if case .mention(let ranks, _) = $0 { !ranks.isEmpty } else { false } }
        }
        return finished(run)
    }

    // MARK: Events

    /// `ledger`: the owner's recorded sanctions, which an appeal chooses
    /// from; the store reads them for that event only.
    public func step(_ state: TicketState, _ event: TicketEvent, now: Int64, ledger: [SanctionRecord] = []) -> MachineOutcome {
        guard !state.isClosed else { return MachineOutcome(state: state, effects: [], rules: []) }
        var run = MachineStep(machine: self, state: state, now: now)
        switch event {
        case .opened:
            break // Handled by `open`; a repeat is ignored.
        case .message(let message):
            run.message(message)
        case .button(let name, let person):
            run.interaction(.button(name), by: person)
        case .command(let name, let person):
            run.interaction(.command(name), by: person)
        case .formSubmitted(let form, let person, let answers):
            run.formSubmitted(form, by: person, answers: answers)
        case .sanctionApplied(let offence, let member, let warned, let staff):
            run.applySanction(offence, to: member, warned: warned, by: staff)
        case .appealedSanctionChosen(let appealed, let staff):
            run.chooseAppealedSanction(appealed, ledger: ledger, by: staff)
        case .timerFired(let timer):
            run.timerFired(timer)
        case .memberLeft:
            run.fire(.memberLeft, by: nil)
        case .channelDeleted:
            if !run.fire(.channelDeleted, by: nil) {
                run.close(reason: "channel deleted")
            }
        case .noRoomForChannel(let room):
            run.closeUnplaced(room)
        case .transferred(let target, let person):
            run.transfer(to: target, by: person)
        case .added(let invitee, let person):
            run.add(invitee, by: person)
        case .removed(let guest, let person):
            run.remove(guest, by: person)
        case .cannedReply(let name, let person):
            run.sendReply(name, by: person)
        case .prioritized(let priority, let person):
            run.prioritize(priority, by: person)
        case .topicAsked(let person):
            run.askTopic(by: person)
        case .closedForInactivity(let seconds, let reason, let person):
            run.closeForInactivity(idleFor: seconds, reason: reason, by: person)
        case .moved(let target, let person):
            guard let destination = run.departure(to: target, by: person) else { break }
            return arrival(of: run, in: destination, movedBy: person)
        }
        return finished(run)
    }

    /// The step's outcome, once a rule's `move to` has carried the ticket
    /// to its new category, when one did.
    func finished(_ run: MachineStep) -> MachineOutcome {
        guard let move = run.pendingMove, let destination = TicketMachine(workflow: workflow, category: move) else {
            return MachineOutcome(run)
        }
        // The rule moved it, not a person: its notice names no one.
        return arrival(of: run, in: destination, movedBy: nil)
    }

    private func arrival(of run: MachineStep, in destination: TicketMachine, movedBy person: Person?) -> MachineOutcome {
        var arrival = MachineStep(machine: destination, state: run.state, now: run.now)
        arrival.effects = run.effects
        arrival.rules = run.rules
        arrival.arrive(from: category, movedBy: person)
        return MachineOutcome(arrival)
    }
}

/// What one step of the machine comes to: the next state, the effects to
/// carry out, and the written rules that made it so.
public struct MachineOutcome: Sendable, Hashable {
    public var state: TicketState
    public var effects: [Effect]
    public var rules: [FiredRule]

    public init(state: TicketState, effects: [Effect], rules: [FiredRule]) {
        self.state = state
        self.effects = effects
        self.rules = rules
    }

    init(_ run: MachineStep) {
        self.init(state: run.state, effects: run.effects, rules: run.rules)
    }
}

extension TicketMachine {
    /// The notice of the workflow's milestone reached when `state`, just
    /// closed, is its handler's `handled`-th closed ticket, if any. Texts are
    /// rendered against that ticket, so `{handler}` is the staff member.
    public func milestoneNotice(closing state: TicketState, handled: Int) -> Effect? {
        guard let milestone = workflow.milestones.first(where: { $0.count == handled }) else { return nil }
        var run = MachineStep(machine: self, state: state, now: 0)
        run.perform(milestone.notice, by: nil)
        return run.effects.first
    }

    func matches(_ pattern: String, _ text: String) -> Bool {
        tables.patterns[pattern]?.matches(text) ?? false
    }
}

extension Workflow {
    /// The workflow's language nearest to a member's locale (`es-ES` →
    /// `es`), or its first language: the one rule for every text a member
    /// reads, the workflow's and Escala's own.
    public func locale(closestTo requested: String) -> String {
        locales.contains(requested) ? requested : locales.first { requested.hasPrefix($0) } ?? locales[0]
    }
}

extension String {
    /// The string without any of `set`'s characters at either end.
    func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension Actor {
    /// Whom a ping names: a rank alone, never the ladder above it (which
    /// may see the ticket, and is not called).
    var pingedExactly: Actor {
        if case .rank(let name, _) = self { .rank(name, exact: true) } else { self }
    }
}
