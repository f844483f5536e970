import Foundation
import Synchronization
import WorkflowDSL

/// The engine as the bot and the simulator use it: compiled workflows, the
/// pure ticket machines, and the store, put together so that every event is
/// one transaction.
///
/// Time is always an argument (`now`, in seconds since 1970): the bot passes
/// the wall clock, `escala simulate` a virtual one, and the engine never
/// reads a clock of its own.
public final class TicketEngine: Sendable, StoreBacked {
    public let store: any TicketStorage
    private let memory: Mutex<Memory>
    /// Whether the open tickets' desk columns were checked for rows
    /// written before they existed (once a process).
    let deskColumnsFilled = Mutex(false)

    private struct Memory {
        var catalog = WorkflowCatalog()
        /// Built machines by "hash/category": building one compiles the
        /// category's patterns, which is worth doing once.
        var machines: [String: TicketMachine] = [:]
        /// When staff were last told a category is full, by "path/category".
        var placesFullAlerts: [String: Int64] = [:]
    }

    /// Whether staff should hear now that a category is full; if so,
    /// counts this as the telling.
    func placesFullAlertDue(_ key: String, now: Int64) -> Bool {
        memory.withLock { memory in
            if let last = memory.placesFullAlerts[key], now - last < Self.placesFullQuiet { return false }
            memory.placesFullAlerts[key] = now
            return true
        }
    }

    /// Opens the engine on a store, bringing back the workflow versions its
    /// open tickets run on (the current versions are loaded with `load`).
    public init(store: any TicketStorage) async throws(EngineError) {
        self.store = store
        var catalog = WorkflowCatalog()
        do {
            let kept = try await store.read { transaction in
                try transaction.openTicketsByVersion().keys.sorted().compactMap { hash in
                    try transaction.versionSource(hash: hash).map { (hash, SourceFile(path: $0.path, bytes: $0.source)) }
                }
            }
            for (hash, source) in kept { catalog.restore(source, as: hash) }
        } catch {
            throw .store(error)
        }
        memory = Mutex(Memory(catalog: catalog))
    }

    // MARK: Workflows

    /// What a reload did, and which tickets still run on older versions.
    public struct ReloadReport: Sendable, Equatable {
        public let path: String
        public let change: WorkflowCatalog.Change
        /// Open tickets per version that is no longer current.
        public let ticketsOnOldVersions: [String: Int]
    }

    /// Loads (or reloads) a workflow file. A version with errors changes
    /// nothing; a new version applies to tickets opened from now on, and its
    /// source is kept in the database so that its tickets survive restarts
    /// even after the file changes again.
    public func load(_ source: SourceFile, now: Int64) async throws(EngineError) -> ReloadReport {
        let change = memory.withLock { $0.catalog.load(source) }
        switch change {
        case .added(let hash), .replaced(_, let hash), .unchanged(let hash):
            try await write { try $0.saveVersion(hash: hash, path: source.path, source: source.bytes, now: now) }
        case .rejected:
            break
        }
        return ReloadReport(path: source.path, change: change, ticketsOnOldVersions: try await outdatedTickets())
    }

    /// Open tickets per workflow version that is no longer current.
    public func outdatedTickets() async throws(EngineError) -> [String: Int] {
        let counts = try await read { try $0.openTicketsByVersion() }
        return memory.withLock { $0.catalog.outdated(counts) }
    }

    /// The source of a workflow version as the database keeps it: what a
    /// restart loads when the file has changed since.
    public func keptSource(hash: String) async throws(EngineError) -> SourceFile? {
        try await read { try $0.versionSource(hash: hash) }.map { SourceFile(path: $0.path, bytes: $0.source) }
    }

    /// The current version of a workflow file.
    /// The workflow files loaded, in name order.
    public var workflowPaths: [String] { memory.withLock { $0.catalog.current.keys.sorted() } }

    public func currentWorkflow(_ path: String) -> Workflow? {
        memory.withLock { memory in memory.catalog.current[path].flatMap { memory.catalog.workflow(hash: $0) } }
    }

    /// The version of the workflow a ticket runs on (its buttons, texts,
    /// bindings' names), which may be older than the file's current one.
    public func workflow(of ticket: TicketState) -> Workflow? {
        memory.withLock { $0.catalog.workflow(hash: ticket.workflowHash) }
    }

    /// The workflow file a ticket belongs to: the one its version was read
    /// from (a category of the same name in another file is another
    /// workflow's).
    /// Every version the catalog holds, by the file it was read from.
    func workflowVersionsByPath() -> [String: [String]] {
        memory.withLock { memory in Dictionary(grouping: memory.catalog.paths, by: \.value).mapValues { $0.map(\.key) } }
    }

    public func workflowPath(of ticket: TicketState) -> String? {
        memory.withLock { $0.catalog.path(hash: ticket.workflowHash) }
    }

    func machine(hash: String, category: String) -> TicketMachine? {
        memory.withLock { memory in
            let key = hash + "/" + category
            if let machine = memory.machines[key] { return machine }
            guard let workflow = memory.catalog.workflow(hash: hash),
                  let machine = TicketMachine(workflow: workflow, category: category) else { return nil }
            memory.machines[key] = machine
            return machine
        }
    }

    // MARK: Opening

    /// How long a second open of the same category by the same member is
    /// taken as the first one clicked again.
    public static let repeatedOpenWindow: Int64 = 60

    public enum OpenOutcome: Sendable, Equatable {
        /// `rules`: the written rules the opening followed.
        case opened(StoredTicket, effects: [Effect], rules: [FiredRule])
        /// The member may not open this ticket now; tell them why.
        case refused(reason: RichText)
        /// This open request (same `sourceID`) was already taken: the
        /// ticket it opened, if it opened one.
        case duplicate(ticketID: Int64?)
    }

    /// Opens a ticket, unless the member's limits forbid it, or the face
    /// says there is no room for its channel (`room`: every Discord
    /// category it may go in is full, or the server holds its 500
    /// channels; a thread needs neither). The limit check,
    /// the number and the ticket are one transaction, which holds the write
    /// lock from its first read: two opens at the same instant are
    /// serialised, and the second sees the first.
    public func open(guild: String, workflow path: String, category name: String, owner: Person, locale: String,
                     answers: [String: String] = [:], reported: ReportedMessage? = nil, openedBy staff: Person? = nil,
                     sourceID: String? = nil, room: ChannelRoom = .available, now: Int64) async throws(EngineError) -> OpenOutcome {
        guard let workflow = currentWorkflow(path) else { throw .unknownWorkflow(path) }
        guard let category = workflow.category(named: name),
              let machine = machine(hash: workflow.contentHash, category: name) else {
            throw .unknownCategory(name, workflow: path)
        }
        let language = workflow.locale(closestTo: locale)
        return try await write { transaction in
                if let sourceID, try transaction.hasEvent(sourceID: sourceID) {
                    return .duplicate(ticketID: try transaction.ticketID(sourceID: sourceID))
                }
                // A member whose click was taken but never answered (the
                // process died before the acknowledgement; Discord said
                // "interaction failed") clicks again, with the same
                // answers: that is the same ticket, not a second one. A
                // report of another message is another ticket.
                if let recent = try transaction.recentOpenTicket(guild: guild, owner: owner.id, category: name,
                                                                 since: now - Self.repeatedOpenWindow),
                   let earlier = try transaction.ticket(id: recent)?.state,
                   earlier.answers == answers, earlier.reported?.id == reported?.id {
                    return .duplicate(ticketID: recent)
                }
                var refusal: RichText?
                if let staff, !workflow.mayOpen(category, forMemberBy: staff) {
                    // Told to the staff member, who asked; in the workflow's language.
                    refusal = NoticeCatalogue.text(.notAllowed(who: workflow.openers(of: category), displayNames: workflow.displayNames),
                                                   locale: workflow.locales[0])
                } else if let block = try transaction.block(guild: guild, member: owner.id), block.holds(at: now) {
                    refusal = NoticeCatalogue.text(.blockedFromOpening(reason: block.reason, until: block.until), locale: language)
                } else if let reported, reported.author == owner.id {
                    refusal = NoticeCatalogue.text(.reportOwnMessage, locale: language)
                } else if category.mode == .channel, room != .available {
                    refusal = NoticeCatalogue.text(room.memberNotice(category: category.label), locale: language)
                } else if let limit = workflow.userLimit, try transaction.openTicketCount(guild: guild, owner: owner.id) >= limit {
                    refusal = NoticeCatalogue.text(.limitReached(limit), locale: language)
                } else if let limit = category.userLimit,
                          try transaction.openTicketCount(guild: guild, owner: owner.id, category: name) >= limit {
                    refusal = NoticeCatalogue.text(.categoryLimitReached(limit, category: category.label), locale: language)
                }
                let event = TicketEvent.opened(by: owner, answers: answers, reported: reported)
                if let refusal {
                    let seq = try transaction.appendEvent(ticketID: nil, sourceID: sourceID, at: now, actor: owner.id,
                                                          kind: "open refused", payload: try StoreCoding.encode(event),
                                                          stateBefore: nil, stateAfter: nil, rules: [])
                    try transaction.appendAudit(AuditEntry(actor: owner.id, action: "refused", detail: "\(name): \(refusal.plain)"),
                                                ticketID: nil, eventSeq: seq, at: now)
                    return .refused(reason: refusal)
                }
                let number = try transaction.nextNumber(guild: guild)
                let opening = machine.open(number: number, owner: owner, locale: locale, answers: answers, reported: reported, openedBy: staff, now: now)
                let (state, effects) = (opening.state, opening.effects)
                let id = try transaction.insertTicket(guild: guild, state: state, desk: machine.deskColumns(of: state), now: now)
                let seq = try transaction.appendEvent(ticketID: id, sourceID: sourceID, at: now, actor: owner.id, kind: event.kind,
                                                      payload: try StoreCoding.encode(event), stateBefore: nil, stateAfter: state.state,
                                                      rules: opening.rules)
                try transaction.enqueue(effects, ticketID: id, eventSeq: seq, reply: nil)
                // Who acted: the staff member who opened it for its member, if one did.
                for entry in AuditEntry.entries(actor: (staff ?? owner).id, before: nil, after: state, effects: effects) {
                    try transaction.appendAudit(entry, ticketID: id, eventSeq: seq, at: now)
                }
                try self.enqueueWebhooks(guild: guild, before: nil, after: state, effects: effects, actor: (staff ?? owner).id, now: now,
                                         workflow: machine.workflow, in: transaction)
                EngineMetrics.eventsApplied.increment()
                return .opened(StoredTicket(id: id, guild: guild, channelID: nil, state: state), effects: effects, rules: opening.rules)
        }
    }

    // MARK: Events

    public struct StepOutcome: Sendable, Equatable {
        public let ticket: StoredTicket
        public let effects: [Effect]
        /// The state before the event.
        public let previousState: String
        /// The written rules that made the step what it is, in order.
        public var rules: [FiredRule] = []
        /// The step's message the face is to deliver as its answer to the
        /// person's action, when the event came with a `replyRoute`.
        public var reply: StepReply? = nil
    }

    /// Applies one event to one ticket. Returns nil when the event was
    /// already taken (same `sourceID`, e.g. Discord re-sent it on resume).
    ///
    /// `replyRoute`: the event is a person's action the face can answer
    /// with a message in the ticket (a Discord interaction, whose answer
    /// does not count against the bot's global limit). The step's first
    /// message in the ticket is then kept for the face to deliver
    /// (`StepOutcome.reply`); the face tells `replyAnswered` or
    /// `replyUnanswered`.
    @discardableResult
    public func handle(_ event: TicketEvent, ticket id: Int64, sourceID: String? = nil, replyRoute: String? = nil,
                       now: Int64) async throws(EngineError) -> StepOutcome? {
        let outcome = try await step(event, ticket: id, sourceID: sourceID, replyRoute: replyRoute, now: now)
        if outcome != nil { EngineMetrics.eventsApplied.increment() }
        return outcome
    }

    private func step(_ event: TicketEvent, ticket id: Int64, sourceID: String?, replyRoute: String?,
                      now: Int64) async throws(EngineError) -> StepOutcome? {
        try await write { transaction -> Result<StepOutcome?, EngineError> in
            if let sourceID, try transaction.hasEvent(sourceID: sourceID) { return .success(nil) }
            guard let stored = try transaction.ticket(id: id) else { return .failure(.unknownTicket(id)) }
            // Discord tells of every deleted channel, the ones the close
            // itself deleted too: nothing to record.
            if stored.state.isClosed, case .channelDeleted = event { return .success(nil) }
            return try self.apply(event, to: stored, sourceID: sourceID, replyRoute: replyRoute, now: now, in: transaction)
        }.get()
    }

    /// The face delivered the step's reply.
    public func replyAnswered(_ reply: StepReply, now: Int64) async throws(EngineError) {
        do { try await store.replyAnswered(outboxID: reply.outboxID, now: now) } catch { throw .store(error) }
    }

    /// The face could not deliver it: the outbox will.
    public func replyUnanswered(_ reply: StepReply) async throws(EngineError) {
        do { try await store.replyUnanswered(outboxID: reply.outboxID) } catch { throw .store(error) }
    }

    /// The event's step, saved: the log line, the new state, the timers and
    /// effects, and the audit trail, all in the caller's transaction.
    private func apply(_ event: TicketEvent, to stored: StoredTicket, sourceID: String?, replyRoute: String? = nil, now: Int64,
                       in transaction: any StorageTransaction) throws -> Result<StepOutcome?, EngineError> {
        guard let machine = machine(hash: stored.state.workflowHash, category: stored.state.category) else {
            return .failure(.missingVersion(hash: stored.state.workflowHash, ticket: stored.id))
        }
        let before = stored.state
        var ledger: [SanctionRecord] = []
        if case .appealedSanctionChosen = event {
            ledger = try transaction.sanctions(guild: stored.guild, member: before.owner)
        }
        let step = machine.step(before, event, now: now, ledger: ledger)
        var (after, effects) = (step.state, step.effects)
        let seq = try transaction.appendEvent(ticketID: stored.id, sourceID: sourceID, at: now, actor: event.actorID, kind: event.kind,
                                              payload: try StoreCoding.encode(event), stateBefore: before.state, stateAfter: after.state,
                                              rules: step.rules)
        if after != before {
            // A move puts the ticket under another category's rules.
            let deskMachine = after.category == before.category ? machine : self.machine(hash: after.workflowHash, category: after.category) ?? machine
            try transaction.updateTicket(id: stored.id, state: after, desk: deskMachine.deskColumns(of: after), wasClosed: before.isClosed, now: now)
        }
        if after.isClosed, !before.isClosed, let handler = after.handler,
           let notice = machine.milestoneNotice(closing: after, handled: try transaction.closedTickets(guild: stored.guild, handler: handler)) {
            effects.append(notice)
        }
        // The ledger row is written in the step that applied the sanction;
        // it is a record, not something to send.
        for case .recordSanction(let entry) in effects {
            _ = try transaction.appendSanction(entry, guild: stored.guild, ticketID: stored.id, ticketNumber: after.number,
                                               category: after.category, at: now)
            // `blocks tickets for 7d`: the row's block, in the same
            // transaction, with its audit line as /block writes it.
            if !entry.outsideEscala, let offence = machine.workflow.offences.first(where: { $0.name == entry.offence }),
               let seconds = offence.blocksTicketsForSeconds {
                let block = BlockEntry(member: entry.member, reason: offence.label, until: now + Int64(seconds), blockedBy: entry.appliedBy, at: now)
                try transaction.block(block, guild: stored.guild)
                try transaction.appendAudit(AuditEntry(actor: entry.appliedBy, action: "blocked",
                                                       detail: "\(entry.member) until \(CalendarDay.utcMinute(now + Int64(seconds))): sanction \(offence.name)"),
                                            ticketID: stored.id, eventSeq: seq, at: now)
            }
        }
        let sent = effects.filter(\.isSent)
        // The outbox is asked only when the step has a message to answer with.
        var reply: (index: Int, route: String)?
        if let replyRoute, stored.channelID != nil, let index = StepReply.index(in: sent, answering: event.actorID),
           !(try transaction.hasEffectsWaiting(ticketID: stored.id)) {
            reply = (index, replyRoute)
        }
        let replyID = try transaction.enqueue(sent, ticketID: stored.id, eventSeq: seq, reply: reply)
        for entry in AuditEntry.entries(actor: event.actorID, before: before, after: after, effects: effects) {
            try transaction.appendAudit(entry, ticketID: stored.id, eventSeq: seq, at: now)
        }
        // A moved ticket answers to its new category's workflow version,
        // which is the same file: its webhooks are the machine's.
        try enqueueWebhooks(guild: stored.guild, before: before, after: after, effects: effects, actor: event.actorID, now: now,
                            workflow: machine.workflow, in: transaction)
        switch event {
        case .message(let message) where message.author.isStaff && message.author.id != before.owner:
            try transaction.recordFirstResponse(ticketID: stored.id, at: now, by: message.author.id)
        case .formSubmitted(let form, let person, let answers) where form != TicketMachine.closeReasonForm:
            // A decision's "why" (an offer rejected, changes asked) is the
            // form staff filled in: it belongs in the ticket's history.
            try transaction.appendAudit(AuditEntry.answered(form: form, by: person.id, answers: answers),
                                        ticketID: stored.id, eventSeq: seq, at: now)
        default:
            break
        }
        try recordRoles(effects, ticket: after, guild: stored.guild, actor: event.actorID, now: now, in: transaction)
        return .success(StepOutcome(ticket: StoredTicket(id: stored.id, guild: stored.guild, channelID: stored.channelID, state: after),
                                    effects: effects, previousState: before.state, rules: step.rules,
                                    reply: reply.flatMap { reply in replyID.map { StepReply(outboxID: $0, effect: sent[reply.index]) } }))
    }

    /// A ticket's `grant`/`revoke` goes to the role audit trail like an
    /// autorole's, and a `grant ROLE for 7d` to the roles the community
    /// scheduler takes back when their time is up.
    private func recordRoles(_ effects: [Effect], ticket: TicketState, guild: String, actor: String?, now: Int64,
                             in transaction: any StorageTransaction) throws {
        let roleEffects = effects.filter {
            switch $0 {
            case .grantRole, .revokeRole: true
            default: false
            }
        }
        guard !roleEffects.isEmpty else { return }
        let path = try transaction.workflowPath(hash: ticket.workflowHash) ?? ticket.workflowHash
        let rule = "ticket #\(ticket.number)"
        for effect in roleEffects {
            switch effect {
            case .grantRole(let role, let member, let seconds):
                try transaction.insertGrant(guild: guild, workflow: path, member: member, role: role, rule: rule, at: now,
                                            expiresAt: seconds.map { now + Int64($0) })
                try transaction.appendRoleAudit(guild: guild, workflow: path, at: now, member: member, role: role, action: .grant, rule: rule,
                                                reason: "\(ticket.category) #\(ticket.number)" + (seconds.map { ", for \($0.spokenDuration)" } ?? ""),
                                                actor: actor)
            case .revokeRole(let role, let member):
                _ = try transaction.deleteGrant(guild: guild, workflow: path, member: member, role: role)
                try transaction.appendRoleAudit(guild: guild, workflow: path, at: now, member: member, role: role, action: .revoke,
                                                rule: rule, reason: "\(ticket.category) #\(ticket.number)", actor: actor)
            default:
                break
            }
        }
    }

    // MARK: Timers

    /// What one pass over the due timers did.
    public struct TimerPass: Sendable, Equatable {
        public var outcomes: [StepOutcome] = []
        /// Timers that fell due and could not fire (their ticket's
        /// workflow version is not loaded): kept, with why, for
        /// `escala outbox` to list and retry.
        public var setAside: [SetAsideTimer] = []
    }

    /// Fires every timer due at or before `now`, in due order, each in its
    /// own transaction with the event it causes: a timer is deleted in the
    /// same commit that applies it, so it fires exactly once, even across a
    /// crash. A timer whose step cannot be taken is set aside in its own
    /// commit, never deleted, and the others still fire. After a restart
    /// the first call fires what fell due meanwhile.
    @discardableResult
    public func fireDueTimers(now: Int64) async throws(EngineError) -> TimerPass {
        var pass = TimerPass()
        // A bound, not a loop forever: a workflow whose timer keeps
        // re-arming at `now` must not hang the process.
        for _ in 0..<1_000 {
            let due = try await read { try $0.dueTimers(upTo: now, limit: 256) }
            if due.isEmpty { break }
            for timer in due {
                switch try await fire(timer, now: now) {
                case .fired(let outcome): pass.outcomes.append(outcome)
                case .setAside(let kept): pass.setAside.append(kept)
                case .nothing: break
                }
            }
        }
        return pass
    }

    private enum Firing: Sendable {
        case fired(StepOutcome)
        case setAside(SetAsideTimer)
        case nothing
    }

    private func fire(_ timer: DueTimer, now: Int64) async throws(EngineError) -> Firing {
        try await write { transaction -> Firing in
            guard let stored = try transaction.ticket(id: timer.ticketID) else { return .nothing }
            // Checked before the timer is taken: a step that cannot be
            // taken must not commit the timer's deletion.
            guard self.machine(hash: stored.state.workflowHash, category: stored.state.category) != nil else {
                let reason = EngineError.missingVersion(hash: stored.state.workflowHash, ticket: stored.id).description
                guard try transaction.setAsideTimer(timer, reason: reason, at: now) else { return .nothing }
                return .setAside(SetAsideTimer(timer: timer, guild: stored.guild, ticketNumber: stored.state.number, reason: reason, at: now))
            }
            guard try transaction.takeTimer(timer) else { return .nothing }
            switch try self.apply(.timerFired(timer.timer), to: stored, sourceID: nil, now: now, in: transaction) {
            case .success(let outcome?): return .fired(outcome)
            case .success(nil): return .nothing
            // Thrown, so that the whole transaction (the timer's deletion
            // with it) rolls back.
            case .failure(let error): throw error
            }
        }
    }

    /// The timers set aside, oldest first.
    public func setAsideTimers() async throws(EngineError) -> [SetAsideTimer] {
        try await read { try $0.setAsideTimers() }
    }

    /// Makes every set-aside timer due again; returns how many.
    public func retrySetAsideTimers() async throws(EngineError) -> Int {
        try await write { try $0.retrySetAsideTimers() }
    }

    /// When the next timer falls due, if any.
    public func nextTimerDue() async throws(EngineError) -> Int64? {
        try await read { try $0.nextTimer()?.timer.dueAt }
    }

    // MARK: Reading

    public func ticket(id: Int64) async throws(EngineError) -> StoredTicket? {
        try await read { try $0.ticket(id: id) }
    }

    public func ticket(channel: String) async throws(EngineError) -> StoredTicket? {
        try await read { try $0.ticket(channel: channel) }
    }

    public func ticket(guild: String, number: Int) async throws(EngineError) -> StoredTicket? {
        try await read { try $0.ticket(guild: guild, number: number) }
    }

    /// `/transcript N`: ticket N of the server, if `person` may read its
    /// transcript (its member, or staff it is for), else why not.
    public func transcriptRequest(guild: String, number: Int, by person: Person) async throws(EngineError) -> Result<StoredTicket, TranscriptRefusal> {
        guard let ticket = try await ticket(guild: guild, number: number) else { return .failure(.noTicket(number)) }
        guard let machine = machine(hash: ticket.state.workflowHash, category: ticket.state.category),
              machine.mayRead(ticket.state, person) else { return .failure(.notYours(number)) }
        guard ticket.state.isClosed else { return .failure(.stillOpen(number)) }
        return .success(ticket)
    }

    public func tickets(openOnly: Bool = false) async throws(EngineError) -> [StoredTicket] {
        try await read { try $0.tickets(openOnly: openOnly) }
    }

    /// The id of the last message taken in a ticket, if any.
    public func lastMessageID(ofTicket id: Int64) async throws(EngineError) -> String? {
        try await read { try $0.lastMessageID(ticketID: id) }
    }

    /// A member's recorded sanctions, oldest first.
    public func sanctions(guild: String, member: String) async throws(EngineError) -> [SanctionRecord] {
        try await read { try $0.sanctions(guild: guild, member: member) }
    }

    /// What people wrote in a ticket, oldest first, with when.
    /// What people wrote and what Escala said in a ticket, oldest first:
    /// what its transcript shows.
    public func conversation(ofTicket id: Int64) async throws(EngineError) -> [ConversationLine] {
        try await read { try $0.ticketConversation(ticketID: id) }
    }

    public func messages(ofTicket id: Int64) async throws(EngineError) -> [(at: Int64, message: TicketEvent.Message)] {
        try await read { try $0.ticketMessages(ticketID: id) }
    }

    /// A ticket's events, oldest first, each with the written rules it followed.
    public func history(ofTicket id: Int64) async throws(EngineError) -> [TicketHistoryEntry] {
        try await read { try $0.ticketHistory(ticketID: id) }
    }

    /// Where `ticket` (as just read) stands and which rule each of its
    /// timers will fire; nil when its version is not loaded.
    public func outlook(of ticket: StoredTicket) async throws(EngineError) -> TicketOutlook? {
        guard let machine = machine(hash: ticket.state.workflowHash, category: ticket.state.category) else { return nil }
        let timers = try await read { try $0.timers(ticketID: ticket.id) }
        return machine.outlook(of: ticket.state, timers: timers)
    }

    /// What `/move` suggests to `person` in `ticket` (as just read).
    public func destinations(offeredTo person: Person, in ticket: StoredTicket, typed: String) -> [Category] {
        machine(hash: ticket.state.workflowHash, category: ticket.state.category)?.destinations(offeredTo: person, in: ticket.state, typed: typed) ?? []
    }

    /// What `/priority` suggests to `person` in `ticket` (as just read).
    public func priorities(offeredTo person: Person, in ticket: StoredTicket, typed: String) -> [Priority] {
        machine(hash: ticket.state.workflowHash, category: ticket.state.category)?.priorities(offeredTo: person, in: ticket.state, typed: typed) ?? []
    }

    /// What `/reply` suggests to `person` in `ticket` (as just read).
    public func replies(offeredTo person: Person, in ticket: StoredTicket, typed: String) -> [Category.Reply] {
        machine(hash: ticket.state.workflowHash, category: ticket.state.category)?.replies(offeredTo: person, in: ticket.state, typed: typed) ?? []
    }
}

/// Why `/transcript N` gives nothing.
public enum TranscriptRefusal: Error, Sendable, Hashable {
    case noTicket(Int)
    case notYours(Int)
    case stillOpen(Int)

    public var notice: Notice {
        switch self {
        case .noTicket(let number): .transcriptNoTicket(number)
        case .notYours(let number): .transcriptNotYours(number)
        case .stillOpen(let number): .transcriptStillOpen(number)
        }
    }
}
