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
    /// Its one answer.
    public static let closeReasonAnswer = "reason"

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
    public func open(number: Int, owner: Person, locale: String, answers: [String: String], now: Int64) -> (TicketState, [Effect]) {
        var state = TicketState(number: number, category: category.name, workflowHash: workflow.contentHash,
                                owner: owner.id, ownerName: owner.name, locale: locale,
                                state: category.initialState, now: now)
        state.answers = answers
        var run = Run(machine: self, state: state, now: now)
        run.effects.append(.createChannel(name: "\(category.name)-\(number)", visibleTo: category.receivers))
        // The answers travel with the first message, so the staff who
        // come to the ticket read what the member said before anything else.
        let opening = category.openingAnswers(answers)
        if let greeting = category.greeting {
            run.effects.append(.send(text: run.render(greeting), buttons: run.buttons(), pings: [.user], answers: opening.isEmpty ? nil : opening))
        } else if !opening.isEmpty {
            run.effects.append(.send(text: "", buttons: run.buttons(), pings: [], answers: opening))
        } else {
            run.showButtons()
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
        return (run.state, run.effects)
    }

    // MARK: Events

    /// `ledger`: the owner's recorded sanctions, which an appeal chooses
    /// from; the store reads them for that event only.
    public func step(_ state: TicketState, _ event: TicketEvent, now: Int64, ledger: [SanctionRecord] = []) -> (TicketState, [Effect]) {
        guard !state.isClosed else { return (state, []) }
        var run = Run(machine: self, state: state, now: now)
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
        }
        return (run.state, run.effects)
    }
}

/// One step in progress: the state being changed and the effects so far.
private struct Run {
    let machine: TicketMachine
    var state: TicketState
    let now: Int64
    var effects: [Effect] = []
    /// States entered in this step: a chain of states that each act on
    /// arrival stops rather than loops.
    var entered = 0
    /// A state entered during this step already acted on the complete
    /// evidence: the message that completed it does not fire it twice.
    var evidenceCompleteActed = false

    init(machine: TicketMachine, state: TicketState, now: Int64) {
        self.machine = machine
        self.state = state
        self.now = now
    }

    var category: Category { machine.category }
    var workflow: Workflow { machine.workflow }
    var currentState: State? { machine.tables.statesByName[state.state] }
    var transitions: [CompiledTransition] { machine.tables.transitionsByState[state.state] ?? [] }

    // MARK: Messages

    mutating func message(_ message: TicketEvent.Message) {
        let author = message.author
        if author.id == state.owner {
            userMessage(message)
        } else if author.isStaff {
            staffMessage(message)
        } else {
            fire(.anyMessage, by: author)
        }
    }

    mutating func userMessage(_ message: TicketEvent.Message) {
        keepAttachments(message.attachments)
        if answerFarewell(message) { return }
        state.userHasSpoken = true
        state.lastUserMessageAt = now
        state.lastUserMentionAt = nil
        let wasComplete = evidenceComplete
        collectEvidence(from: message)
        if let reply = category.autoReplies.first(where: { machine.matches($0.pattern, message.text) }) {
            effects.append(.send(text: render(reply.text), buttons: [], pings: []))
        }
        let fired = fire(.userMessage(pattern: nil), by: message.author, text: message.text)
        if !fired { fire(.anyMessage, by: message.author) }
        if !wasComplete && evidenceComplete && !state.isClosed && !evidenceCompleteActed {
            fire(.evidenceComplete, by: message.author)
        }
    }

    mutating func staffMessage(_ message: TicketEvent.Message) {
        let author = message.author
        if category.userSpeaksFirst && !state.userHasSpoken {
            effects.append(.deleteMessage(id: message.id))
            effects.append(.notice(text: NoticeCatalogue.text(.userSpeaksFirst(staff: author.id), locale: locale), pinging: [author.id]))
            return
        }
        if category.exclusiveClaim {
            guard receives(author) else {
                // Sees the channel for some other reason (a side role, a
                // server administrator): a third party to this ticket.
                effects.append(.deleteMessage(id: message.id))
                effects.append(.notice(text: NoticeCatalogue.text(.notReceiving(staff: author.id), locale: locale), pinging: [author.id]))
                return
            }
            guard claimOrIntervene(author) else {
                effects.append(.deleteMessage(id: message.id))
                effects.append(.notice(text: NoticeCatalogue.text(.ticketOwned(staff: author.id, handler: state.handler ?? ""), locale: locale),
                                       pinging: [author.id]))
                return
            }
        } else if state.handler == nil, mayTake(author) {
            take(author)
        }
        keepAttachments(message.attachments)
        let wasComplete = evidenceComplete
        collectStaffEvidence(from: message)
        if state.handler == author.id {
            state.lastHandlerMessageAt = now
            scheduleTimers()
        }
        if message.mentionsOwner {
            state.lastUserMentionAt = now
            scheduleTimers()
        }
        let fired = fire(.staffMessage, by: author)
        if !fired { fire(.anyMessage, by: author) }
        if !wasComplete && evidenceComplete && !state.isClosed && !evidenceCompleteActed {
            fire(.evidenceComplete, by: author)
        }
    }

    /// The exclusive-claim rule of seed 001: the first staff member to answer
    /// owns the ticket; superiors (from `override by`) may always write; a
    /// peer (or only a superior) takes over after the owner's inactivity.
    /// Returns whether the author may write.
    mutating func claimOrIntervene(_ author: Person) -> Bool {
        guard let handler = state.handler, handler != author.id else {
            if state.handler == nil, mayTake(author) { take(author) }
            return true
        }
        let level = machine.level(of: author)
        if let overrideRank = category.overrideRank, let minimum = machine.levels[overrideRank],
           let level, level >= minimum {
            return true
        }
        if let takeover = category.takeover {
            let lastActive = state.lastHandlerMessageAt ?? state.enteredStateAt
            let handlerLevel = state.handlerLevel ?? -1
            let rankAllows = takeover.allowsPeers ? (level ?? -1) >= handlerLevel : (level ?? -1) > handlerLevel
            // "más de dos horas": more than the time written, so at 2 h 00
            // exactly the handler still holds the ticket.
            if now - lastActive > Int64(takeover.afterSeconds), rankAllows {
                take(author)
                return true
            }
        }
        return false
    }

    /// Whether `person` becomes the owner by answering an unowned ticket.
    /// Once escalated, only the rank (or role, or sanctioner) it went to
    /// may take it: the CM who escalated may still write, in support, but
    /// does not win the ticket back by doing so. Nor does a handler the
    /// ticket was released from («otro miembro del staff»).
    func mayTake(_ person: Person) -> Bool {
        guard receives(person), !(state.releasedHandlers ?? []).contains(person.id) else { return false }
        guard let assigned = state.assignedTo else { return true }
        return allows([assigned], person)
    }

    /// Whether the ticket is `person`'s to handle at all: the ranks that
    /// receive it, those of its escalation chain, the rank it went to and
    /// the override rank. Seeing the channel is not enough.
    func receives(_ person: Person) -> Bool {
        var actors = category.receivers + category.escalation + (state.assignedTo.map { [$0] } ?? [])
        if let overrideRank = category.overrideRank { actors.append(.rank(overrideRank, exact: false)) }
        return actors.isEmpty ? person.isStaff : allows(actors, person)
    }

    mutating func take(_ person: Person) {
        state.handler = person.id
        state.handlerLevel = machine.level(of: person)
        state.lastHandlerMessageAt = now
    }

    // MARK: Evidence

    /// The files the member and staff posted, kept for a sanction's
    /// `evidence required` and its ledger row; the newest 25 are enough
    /// to cite, and the row must stay small.
    mutating func keepAttachments(_ urls: [String]) {
        guard !urls.isEmpty else { return }
        state.attachments = Array(((state.attachments ?? []) + urls).suffix(25))
    }

    var evidenceComplete: Bool {
        !category.evidence.isEmpty && category.evidence.allSatisfy { !(state.evidence[$0.name] ?? []).isEmpty }
    }

    /// One message answers one kind of request: a file or a link fills the
    /// items that ask for them, and only a message that gave neither counts
    /// as a written answer, so that "my photo" sent with the photo does not
    /// become the member's description.
    ///
    /// A written item is answered only after the bot has asked for it by
    /// name: the member's reply to the greeting is a reply, not silently
    /// the first item. After each message that gave something, or that gave
    /// nothing while nothing was asked, the bot says what it received, what
    /// is still missing, and which written item it expects next.
    mutating func collectEvidence(from message: TicketEvent.Message) {
        let asked = category.evidence.filter(\.isMembers)
        guard !asked.isEmpty, !asked.allSatisfy({ !(state.evidence[$0.name] ?? []).isEmpty }) else { return }
        var received = fillFilesAndLinks(asked, from: message)
        let gaveFileOrLink = !received.isEmpty
        if !gaveFileOrLink, !message.text.trimming(" \t\n").isEmpty, let awaited = state.awaitingEvidence,
           let item = category.evidence.first(where: { $0.name == awaited }), (state.evidence[item.name] ?? []).isEmpty {
            if item.kind == .list {
                let lines = message.text.split(whereSeparator: \.isNewline).map { String($0).trimming(" -•*\t") }.filter { !$0.isEmpty }
                if !lines.isEmpty { state.evidence[item.name] = lines }
            } else {
                state.evidence[item.name] = [message.text]
            }
            if !(state.evidence[item.name] ?? []).isEmpty {
                received.append(item.label)
                state.awaitingEvidence = nil
            }
        }
        let missing = asked.filter { (state.evidence[$0.name] ?? []).isEmpty }
        var next: Category.Evidence?
        if let awaited = state.awaitingEvidence, let item = missing.first(where: { $0.name == awaited }) {
            next = received.isEmpty ? nil : item // asked already: named again only beside news
        } else if let item = missing.first(where: { $0.kind == .text || $0.kind == .list }) {
            state.awaitingEvidence = item.name
            next = item
        }
        guard !received.isEmpty || next != nil else { return }
        let progress = Notice.evidenceProgress(received: received, missing: missing.map(\.label), next: next?.label)
        effects.append(.send(text: NoticeCatalogue.text(progress, locale: locale), buttons: [], pings: []))
    }

    /// The items staff give (`from cm`): a file or a link from someone the
    /// item names; what the member sends never fills them.
    mutating func collectStaffEvidence(from message: TicketEvent.Message) {
        let items = category.evidence.filter { item in item.from.map { allows([$0], message.author) } ?? false }
        let received = fillFilesAndLinks(items, from: message)
        guard !received.isEmpty else { return }
        let missing = category.evidence.filter { (state.evidence[$0.name] ?? []).isEmpty }.map(\.label)
        let progress = Notice.evidenceProgress(received: received, missing: missing, next: nil)
        effects.append(.send(text: NoticeCatalogue.text(progress, locale: locale), buttons: [], pings: []))
    }

    /// Fills the file and link items among `items` that `message` gives;
    /// returns their labels.
    mutating func fillFilesAndLinks(_ items: [Category.Evidence], from message: TicketEvent.Message) -> [String] {
        var received: [String] = []
        for item in items where (state.evidence[item.name] ?? []).isEmpty {
            switch item.kind {
            case .attachment where !message.attachments.isEmpty:
                state.evidence[item.name] = message.attachments
                received.append(item.label)
            case .link:
                let links = message.text.split(whereSeparator: \.isWhitespace).map(String.init)
                    .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
                    .filter { link in item.pattern.map { machine.matches($0, link) } ?? true }
                if !links.isEmpty {
                    state.evidence[item.name] = links
                    received.append(item.label)
                }
            case .attachment, .text, .list:
                continue
            }
        }
        return received
    }

    // MARK: Interactions

    mutating func interaction(_ event: CompiledTransition.Event, by person: Person) {
        let candidates = transitions.filter { $0.event == event }
        guard !candidates.isEmpty else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return
        }
        // The refusal names who could act now: a rule whose condition does
        // not hold (a sanction reserved to admins when the reported person is
        // staff) must not make the button look open to everyone it lists.
        let applicable = candidates.filter { $0.condition.map(holds) ?? true }
        guard !applicable.isEmpty else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return
        }
        guard applicable.contains(where: { allows($0.actors, person) }) else {
            let who = applicable.flatMap(\.actors)
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notAllowed(who: who, displayNames: workflow.displayNames),
                                                                                   locale: locale)))
            return
        }
        if !fire(event, by: person) {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
        }
    }

    mutating func formSubmitted(_ form: String, by person: Person, answers: [String: String]) {
        guard takeOffer(.form(form, to: person.id)) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.notNow, locale: locale)))
            return
        }
        if form == TicketMachine.closeReasonForm {
            closeAskingFirst(reason: answers[TicketMachine.closeReasonAnswer].flatMap { $0.isEmpty ? nil : $0 } ?? "—", by: person)
            return
        }
        for (key, value) in answers { state.answers[key] = value }
        fire(.formSubmitted(form), by: person)
    }

    // MARK: Sanctions

    /// A row of the table applied to a member: the row's demands are
    /// checked, the ledger gets the sanction, and whoever applied it is the
    /// ticket's sanctioner. A refusal leaves the form on offer, so staff
    /// can fix what was missing and send it again.
    mutating func applySanction(_ name: String, to member: String, warned: Bool, by staff: Person) {
        guard let offence = workflow.offences.first(where: { $0.name == name }), !member.isEmpty,
              (state.offers ?? []).contains(.sanctions(to: staff.id)) else {
            return refuse(staff, .notNow)
        }
        let appliers: [Actor] = offence.appliedBy.map { workflow.ranks.contains($0) ? .rank($0, exact: false) : .role($0) }
        if let refusal = SanctionRules.refusal(applying: offence, rankAllows: allows(appliers, staff),
                                               ticketHasEvidence: !(state.attachments ?? []).isEmpty, warned: warned,
                                               displayNames: workflow.displayNames) {
            return refuse(staff, refusal)
        }
        _ = takeOffer(.sanctions(to: staff.id))
        state.sanction = offence.name
        state.sanctioner = staff.id
        effects.append(.recordSanction(SanctionEntry(member: member, offence: offence.name, sanction: offence.sanction,
                                                     appliedBy: staff.id, recordedBy: staff.id, evidence: state.attachments ?? [],
                                                     warned: warned, outsideEscala: false)))
        let said = Notice.sanctionRecorded(offence: offence.label, sanction: offence.sanction ?? "—", member: member, staff: staff.id)
        effects.append(.send(text: NoticeCatalogue.text(said, locale: locale), buttons: [], pings: []))
    }

    /// The sanction an appeal is about: one of the owner's recorded
    /// sanctions, whose applier becomes the sanctioner, or one given
    /// outside Escala, recorded now with who named its applier.
    mutating func chooseAppealedSanction(_ appealed: AppealedSanction, ledger: [SanctionRecord], by staff: Person) {
        guard (state.offers ?? []).contains(.appealedSanctions(to: staff.id)) else { return refuse(staff, .notNow) }
        let offence: Offence
        let sanctioner: String
        switch appealed {
        case .recorded(let id):
            guard let record = ledger.first(where: { $0.id == id && $0.entry.member == state.owner }),
                  let row = workflow.offences.first(where: { $0.name == record.entry.offence }) else {
                return refuse(staff, .notNow)
            }
            offence = row
            sanctioner = record.entry.appliedBy
            state.appealedSanction = id
        case .outside(let name, let applier):
            guard let name, let row = workflow.offences.first(where: { $0.name == name }), let applier, !applier.isEmpty else {
                return refuse(staff, .outsideSanctionIncomplete)
            }
            offence = row
            sanctioner = applier
            effects.append(.recordSanction(SanctionEntry(member: state.owner, offence: row.name, sanction: row.sanction,
                                                         appliedBy: applier, recordedBy: staff.id, evidence: state.attachments ?? [],
                                                         warned: false, outsideEscala: true)))
        }
        _ = takeOffer(.appealedSanctions(to: staff.id))
        state.sanction = offence.name
        state.sanctioner = sanctioner
        let said = Notice.appealedSanctionNamed(offence: offence.label, staff: sanctioner)
        effects.append(.send(text: NoticeCatalogue.text(said, locale: locale), buttons: [], pings: []))
    }

    mutating func refuse(_ person: Person, _ notice: Notice) {
        effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(notice, locale: locale)))
    }

    /// Records that `offer` is now in front of its person; showing the same
    /// form again replaces, it does not stack.
    mutating func offer(_ offer: Offer) {
        var offers = state.offers ?? []
        if !offers.contains(offer) { offers.append(offer) }
        state.offers = offers
    }

    /// Whether `offer` was made, using it up if so.
    mutating func takeOffer(_ offer: Offer) -> Bool {
        guard var offers = state.offers, let index = offers.firstIndex(of: offer) else { return false }
        offers.remove(at: index)
        state.offers = offers.isEmpty ? nil : offers
        return true
    }

    // MARK: Timers

    /// The timed transitions of the current state (by index) with when each
    /// is due, or nil when its clock is not running (a silence timer with no
    /// mention yet).
    func timerSchedule() -> [(index: Int, due: Int64?)] {
        var schedule: [(index: Int, due: Int64?)] = []
        let all = transitions
        for index in all.indices {
            guard case .timer(let seconds, let since) = all[index].event else { continue }
            let delay = Int64(seconds)
            let due: Int64? = switch since {
            case .withoutReason: state.userHasSpoken ? nil : state.openedAt + delay
            case .userSilence: state.lastUserMentionAt.map { $0 + delay }
            case .handlerInactivity: state.handler == nil ? nil : (state.lastHandlerMessageAt ?? state.enteredStateAt) + delay
            case .inState: state.enteredStateAt + delay
            }
            schedule.append((index, due))
        }
        return schedule
    }

    func closes(_ index: Int) -> Bool {
        transitions[index].steps.contains { if case .close = $0 { true } else { false } }
    }

    /// (Re)schedules every timer of the current state; a timer whose clock
    /// stopped is cancelled.
    mutating func scheduleTimers() {
        for (index, due) in timerSchedule() {
            guard let due else {
                effects.append(.cancelTimer(key: TicketTimer.Purpose.transition(index: index).key))
                continue
            }
            effects.append(.schedule(TicketTimer(purpose: .transition(index: index), generation: state.generation, dueAt: max(due, now))))
            if let reminder = category.reminder, due - Int64(reminder.beforeSeconds) > now, closes(index) {
                effects.append(.schedule(TicketTimer(purpose: .reminder(index: index), generation: state.generation,
                                                     dueAt: due - Int64(reminder.beforeSeconds))))
            }
        }
    }

    mutating func cancelTimers() {
        for (index, _) in timerSchedule() {
            effects.append(.cancelTimer(key: TicketTimer.Purpose.transition(index: index).key))
            effects.append(.cancelTimer(key: TicketTimer.Purpose.reminder(index: index).key))
        }
    }

    mutating func timerFired(_ timer: TicketTimer) {
        switch timer.purpose {
        case .farewell:
            // Silence after the farewell question: the close staff asked
            // for. Not tied to a visit of the state, so no generation.
            if let pending = state.pendingClose, pending.until <= now { close(reason: pending.reason) }
        case .reminder(let index):
            // A timer from an earlier visit of a state, or one whose clock
            // was reset (the user answered, the handler wrote), does nothing.
            guard timer.generation == state.generation,
                  let entry = timerSchedule().first(where: { $0.index == index }), let due = entry.due,
                  let reminder = category.reminder, due - Int64(reminder.beforeSeconds) <= now, due > now else { return }
            effects.append(.send(text: render(reminder.text), buttons: [], pings: [.user]))
        case .transition(let index):
            guard timer.generation == state.generation,
                  let entry = timerSchedule().first(where: { $0.index == index }), let due = entry.due, due <= now else { return }
            let transition = transitions[index]
            if let condition = transition.condition, !holds(condition) { return }
            run(transition, by: nil)
        }
    }

    // MARK: Transitions

    /// Runs the first transition of the current state that matches the
    /// event, the person and its condition. Returns whether one ran.
    @discardableResult
    mutating func fire(_ event: CompiledTransition.Event, by person: Person?, text: String = "") -> Bool {
        let candidates = transitions
        for index in candidates.indices where matches(candidates[index].event, event, text: text) {
            if let person, !allows(candidates[index].actors, person) { continue }
            if person == nil, !candidates[index].actors.isEmpty { continue }
            if let condition = candidates[index].condition, !holds(condition) { continue }
            // A step the category makes mandatory is not skipped by staff,
            // whichever rule (a close inherited from `defaults` included)
            // would skip it. The member withdrawing and timers are not held.
            if let person, person.id != state.owner, let step = skippedMandatoryStep(candidates[index]) {
                let notice = Notice.mandatoryStep(step.requirement, beforeClose: step.gate == .close, displayNames: workflow.displayNames)
                effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(notice, locale: locale)))
                return true
            }
            run(candidates[index], by: person)
            return true
        }
        return false
    }

    /// The first mandatory step `transition` would skip: it closes (or
    /// escalates to the gated rank) while the requirement is unmet.
    func skippedMandatoryStep(_ transition: CompiledTransition) -> Category.Mandatory? {
        category.mandatory.first { step in
            let gated = transition.steps.contains { action in
                switch (step.gate, action) {
                case (.close, .close): true
                case (.escalation(let target), .escalateTo(let actor)): target.sameRankOrRole(as: actor)
                case (.escalation(let target), .escalateUp):
                    category.escalation.indices.contains(state.escalationStep + 1)
                        && target.sameRankOrRole(as: category.escalation[state.escalationStep + 1])
                default: false
                }
            }
            return gated && !met(step.requirement)
        }
    }

    func met(_ requirement: Category.Mandatory.Requirement) -> Bool {
        switch requirement {
        case .evidenceComplete: evidenceComplete
        case .sanctionChosen: state.sanction != nil
        case .escalation(.rank(let rank, _)):
            (state.escalations ?? []).contains { reached in
                guard case .rank(let other, _) = reached else { return false }
                return (machine.levels[other] ?? -1) >= (machine.levels[rank] ?? .max)
            }
        case .escalation(let actor): (state.escalations ?? []).contains { $0.sameRankOrRole(as: actor) }
        }
    }

    func matches(_ declared: CompiledTransition.Event, _ event: CompiledTransition.Event, text: String) -> Bool {
        if case .userMessage(let pattern?) = declared, case .userMessage = event {
            return machine.matches(pattern, text)
        }
        return declared == event
    }

    mutating func run(_ transition: CompiledTransition, by person: Person?) {
        for step in transition.steps {
            guard !state.isClosed else { return }
            perform(step, by: person)
        }
        if let target = transition.target, target != State.closed, target != state.state, !state.isClosed {
            enter(target)
        }
    }

    mutating func enter(_ target: String) {
        cancelTimers()
        state.state = target
        state.enteredStateAt = now
        state.generation += 1
        if machine.tables.statesByName[target]?.isFinal == true {
            close(reason: nil)
            return
        }
        showButtons()
        scheduleTimers()
        // The evidence was completed in an earlier state: this state's own
        // `on evidence complete` acts on arrival, rather than wait for an
        // event that already happened (the ticket would be stuck).
        entered += 1
        guard evidenceComplete, entered <= 16, let own = machine.tables.statesByName[target]?.transitions else { return }
        if let rule = own.first(where: { $0.event == .evidenceComplete && $0.actors.isEmpty && ($0.condition.map(holds) ?? true) }) {
            evidenceCompleteActed = true
            run(rule, by: nil)
        }
    }

    mutating func perform(_ step: CompiledTransition.Step, by person: Person?) {
        switch step {
        case .say(let text):
            effects.append(.send(text: render(text), buttons: [], pings: [.user]))
        case .ask(let form):
            if let person {
                offer(.form(form, to: person.id))
                effects.append(.showForm(form, to: person.id))
            }
        case .rename(let template):
            effects.append(.rename(render(template).plain))
        case .notify(let channel, let text, let pings):
            // `pinging moderator` calls the Moderator role, not every rank
            // above it, as an escalation's ping does.
            effects.append(.notify(channel: channel, text: render(text), pings: pings.map(\.pingedExactly)))
        case .publish(let channel, let text):
            effects.append(.publish(channel: channel, text: render(text)))
        case .mention(let actor):
            mention(actor)
        case .grant(let role, let seconds):
            effects.append(.grantRole(role, to: state.owner, forSeconds: seconds))
        case .revoke(let role):
            effects.append(.revokeRole(role, from: state.owner))
        case .close(let reason):
            if reason == nil, category.closeReasonRequired, let person, person.id != state.owner {
                offer(.form(TicketMachine.closeReasonForm, to: person.id))
                effects.append(.showForm(TicketMachine.closeReasonForm, to: person.id))
                return
            }
            closeAskingFirst(reason: reason.map { render($0).plain } ?? "—", by: person)
        case .transcript(let channel):
            effects.append(.transcript(channel: channel ?? category.transcriptChannel))
        case .escalateUp:
            let next = min(state.escalationStep + 1, category.escalation.count - 1)
            guard next >= 0, next < category.escalation.count, next != state.escalationStep || state.assignedTo == nil else { return }
            state.escalationStep = next
            assign(category.escalation[next])
        case .escalateTo(let actor):
            if let index = category.escalation.firstIndex(of: actor) { state.escalationStep = index }
            assign(actor)
        case .release:
            if let handler = state.handler, !(state.releasedHandlers ?? []).contains(handler) {
                state.releasedHandlers = (state.releasedHandlers ?? []) + [handler]
            }
            state.handler = nil
            state.handlerLevel = nil
            scheduleTimers()
        case .claim:
            if let person, receives(person) { take(person) }
        case .set(let flag):
            if !state.flags.contains(flag) { state.flags.append(flag); state.flags.sort() }
        case .clear(let flag):
            state.flags.removeAll { $0 == flag }
        case .goTo:
            break // Applied after the steps, by `run`.
        case .chooseSanction:
            if let person {
                offer(.sanctions(to: person.id))
                effects.append(.showSanctions(to: person.id))
            }
        case .chooseAppealedSanction:
            if let person {
                offer(.appealedSanctions(to: person.id))
                effects.append(.showAppealedSanctions(to: person.id))
            }
        }
    }

    /// Escalation: the ticket goes to `actor`, the previous handler lets go,
    /// and the new rank is shown the channel and pinged.
    mutating func assign(_ actor: Actor) {
        state.assignedTo = actor
        state.escalations = (state.escalations ?? []) + [actor]
        state.handler = nil
        state.handlerLevel = nil
        let people = actor == .sanctioner ? [state.sanctioner].compactMap { $0 } : []
        let ranks = actor == .sanctioner ? [] : [actor]
        // Shown to whoever cannot see it yet: the ranks that receive the
        // ticket, and those above them, saw it from the start, so an
        // escalation up their ladder changes no permission on Discord.
        let seeing = Set(category.receivers.flatMap(workflow.ranksAndRoles(standingFor:)))
        let newcomers = ranks.filter { !Set(workflow.ranksAndRoles(standingFor: $0)).isSubset(of: seeing) }
        if !newcomers.isEmpty || !people.isEmpty {
            effects.append(.setVisibility(ranks: newcomers, people: people))
        }
        // Seen by the rank and those above it; pinged: the rank itself
        // (`escalate to trainee` pings the Trainee role, not seven).
        effects.append(.mention(ranks: ranks.map(\.pingedExactly), people: people))
    }

    mutating func mention(_ actor: Actor) {
        switch actor {
        case .user: effects.append(.mention(ranks: [], people: [state.owner]))
        case .handler: effects.append(.mention(ranks: [], people: [state.handler].compactMap { $0 }))
        case .sanctioner: effects.append(.mention(ranks: [], people: [state.sanctioner].compactMap { $0 }))
        default: effects.append(.mention(ranks: [actor.pingedExactly], people: []))
        }
        if actor == .user {
            state.lastUserMentionAt = now
            scheduleTimers()
        }
    }

    /// A close asked for by staff, when the farewell is a question with a
    /// wait: the question first, and the ticket closes when the member says
    /// no or stays silent; any other answer keeps it open. A member who
    /// never wrote, a member closing their own ticket and a timer close at
    /// once.
    mutating func closeAskingFirst(reason: String?, by person: Person?) {
        guard let wait = category.farewellWaitSeconds, let farewell = category.farewell,
              let person, person.id != state.owner, state.userHasSpoken else {
            return close(reason: reason)
        }
        guard state.pendingClose == nil else { return } // asked already: the wait runs
        effects.append(.send(text: render(farewell), buttons: [], pings: [.user]))
        state.pendingClose = .init(reason: reason, until: now + Int64(wait))
        effects.append(.schedule(TicketTimer(purpose: .farewell, generation: state.generation, dueAt: now + Int64(wait))))
    }

    /// The member's message while the farewell question waits: "no" closes,
    /// anything else keeps the ticket open. Returns whether it closed.
    mutating func answerFarewell(_ message: TicketEvent.Message) -> Bool {
        guard let pending = state.pendingClose else { return false }
        state.pendingClose = nil
        effects.append(.cancelTimer(key: TicketTimer.Purpose.farewell.key))
        guard FarewellAnswer.declines(message.text) else { return false }
        close(reason: pending.reason)
        return true
    }

    mutating func close(reason: String?) {
        cancelTimers()
        // A farewell with a wait was asked before (or on purpose not at
        // all); one without is a goodbye, not said to a member who never
        // wrote.
        if let farewell = category.farewell, category.farewellWaitSeconds == nil, state.userHasSpoken {
            effects.append(.send(text: render(farewell), buttons: [], pings: [.user]))
        }
        state.pendingClose = nil
        state.closeReason = reason ?? "—"
        if category.transcriptChannel != nil {
            effects.append(.transcript(channel: category.transcriptChannel))
        }
        effects.append(.close(reason: reason))
        if let rating = category.rating {
            effects.append(.askRating(text: render(rating), to: state.owner))
        }
        state.state = State.closed
        state.generation += 1
    }

    // MARK: Judging people and conditions

    func allows(_ actors: [Actor], _ person: Person) -> Bool {
        guard !actors.isEmpty else { return true }
        return actors.contains { actor in
            switch actor {
            case .user: person.id == state.owner
            case .anyStaff: person.isStaff
            case .handler: person.id == state.handler
            case .sanctioner: person.id == state.sanctioner
            case .role(let role): person.roles.contains(role)
            case .rank(let rank, let exact):
                exact ? person.ranks.contains(rank)
                    : (machine.level(of: person) ?? -1) >= (machine.levels[rank] ?? .max)
            }
        }
    }

    func holds(_ condition: CompiledTransition.Guard) -> Bool {
        switch condition {
        case .flag(let flag): state.flags.contains(flag)
        case .contains(let answer, let text): self.answer(answer).lowercased().contains(text.lowercased())
        case .matches(let answer, let pattern): machine.matches(pattern, self.answer(answer))
        case .handlerIs(let rank): (state.handlerLevel ?? -1) >= (machine.levels[rank] ?? .max)
        case .sanctionIs(let offence): state.sanction == offence
        case .sanctionChosen: state.sanction != nil
        case .evidenceComplete: evidenceComplete
        case .not(let inner): !holds(inner)
        case .and(let left, let right): holds(left) && holds(right)
        case .or(let left, let right): holds(left) || holds(right)
        }
    }

    func answer(_ name: String) -> String {
        state.answers[name] ?? (state.evidence[name] ?? []).joined(separator: "\n")
    }

    // MARK: Texts

    var locale: String { workflow.locale(closestTo: state.locale) }

    func buttons() -> [String] { currentState?.buttons ?? [] }

    /// Posts the current state's buttons. A state without buttons posts
    /// nothing: Discord refuses a message with neither text nor components.
    mutating func showButtons() {
        let buttons = buttons()
        if !buttons.isEmpty { effects.append(.send(text: "", buttons: buttons, pings: [])) }
    }

    func render(_ text: LocalizedText) -> RichText {
        guard let template = text.template(for: locale, default: workflow.locales[0]) else { return RichText() }
        return render(template)
    }

    /// A workflow text with its variables filled in: `{user}` and
    /// `{handler}` are people, for each face to render; the rest is words.
    func render(_ template: Template) -> RichText {
        var text = RichText()
        for segment in template.segments {
            switch segment {
            case .literal(let words): text.segments.append(.text(words))
            case .variable("user"): text.segments.append(.person(state.owner))
            case .variable("handler"): text.segments.append(state.handler.map { .person($0) } ?? .text("—"))
            case .variable(let name): text.segments.append(.text(value(of: name)))
            }
        }
        return NoticeCatalogue.merged(text)
    }

    /// A variable as words (a channel name, a condition's subject).
    func value(of variable: String) -> String {
        switch variable {
        case "ticket.number": return String(state.number)
        case "ticket.category": return category.name
        case "ticket.label": return category.label
        case "user": return state.ownerName
        case "user.name": return state.ownerName
        case "handler": return state.handler ?? "—"
        case "rank": return state.assignedTo.map(\.description) ?? category.receivers.map(\.description).joined(separator: ", ")
        case "reason": return state.closeReason ?? ""
        case "sanction": return state.sanction.flatMap { name in workflow.offences.first { $0.name == name }?.label } ?? ""
        case "server": return workflow.title
        default:
            if variable.hasPrefix(Template.answerPrefix) {
                return answer(String(variable.dropFirst(Template.answerPrefix.count)))
            }
            return "{\(variable)}"
        }
    }
}

extension TicketMachine {
    /// The notice of the workflow's milestone reached when `state`, just
    /// closed, is its handler's `handled`-th closed ticket, if any. Texts are
    /// rendered against that ticket, so `{handler}` is the staff member.
    public func milestoneNotice(closing state: TicketState, handled: Int) -> Effect? {
        guard let milestone = workflow.milestones.first(where: { $0.count == handled }) else { return nil }
        var run = Run(machine: self, state: state, now: 0)
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

private extension String {
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
