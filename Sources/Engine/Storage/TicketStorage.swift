import Foundation

/// Where Escala keeps everything that must survive a restart: tickets and
/// their event log, timers, the outbox, the audit trails, community data.
///
/// The engine depends on this protocol, not on SQLite: `TicketStore` (one
/// SQLite file, GRDB) is the implementation today; a PostgreSQL store for
/// networks of servers is a second one, tested by the same suite
/// (`StorageContractTests`). Work is done in transactions: `write` runs one
/// serialized write transaction that holds the write lock from its first
/// read (a limit checked and a number taken cannot interleave with another
/// writer), off the cooperative thread pool, since a commit waits for the
/// disk; `read` sees one consistent snapshot.
public protocol TicketStorage: Sendable {
    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageTransaction) throws -> T) async throws(StoreError) -> T
    func read<T: Sendable>(_ body: @Sendable (any StorageTransaction) throws -> T) async throws(StoreError) -> T

    /// Told after each commit that queued effects or set timers.
    var commits: CommitListener { get }

    // MARK: The outbox, for the drainer

    /// The first pending effect of each lane, oldest first.
    /// Lanes in `excludingLanes` are left out (being delivered, or held
    /// back by a failure): the caller decodes only what it can start.
    func pendingEffects(limit: Int, excludingLanes: Set<String>) async throws(StoreError) -> [PendingEffect]
    /// The effect that comes after `effect` in its lane, when it is pending
    /// (not an answer a face is still delivering), as if `effect` were done
    /// with `receipt`: what the drainer may start while `effect`'s own
    /// record is being written.
    func effect(after effect: PendingEffect, receipt: EffectReceipt) async throws(StoreError) -> PendingEffect?
    /// Done, once the platform confirmed it; a created channel is recorded
    /// on its ticket in the same transaction.
    func complete(_ effect: PendingEffect, receipt: EffectReceipt, now: Int64) async throws(StoreError)
    /// One failed delivery that may succeed later (a 5xx, a timeout): the
    /// effect stays pending, however many times it fails.
    func failed(_ effect: PendingEffect, error: String) async throws(StoreError)
    /// An effect that can never succeed as it is (Discord answered 403 or
    /// 404 for a reason that will not change): out of its lane, kept with
    /// the reason, until someone retries it.
    func setAside(_ effect: PendingEffect, reason: String, now: Int64) async throws(StoreError)
    /// The effects set aside, oldest first.
    func setAsideEffects() async throws(StoreError) -> [SetAsideEffect]
    /// Puts set-aside effects (all, or those with these ids) back in their
    /// lanes; returns how many.
    func retrySetAside(ids: [Int64]?) async throws(StoreError) -> Int
    func outboxCounts() async throws(StoreError) -> [String: Int]
    /// The face answered the person's action with the step's message
    /// (`StepReply`): it is done.
    func replyAnswered(outboxID: Int64, now: Int64) async throws(StoreError)
    /// The face could not answer with it: the drainer delivers it, after
    /// asking whether the answer reached Discord after all.
    func replyUnanswered(outboxID: Int64) async throws(StoreError)
    /// Replies whose face is gone (the process that took the action died
    /// before it answered) go back to the drainer; returns how many.
    func releaseOrphanedReplies() async throws(StoreError) -> Int
}

/// What the engine does inside one transaction: the storage roles, each a
/// group of operations, that a store implements. Throwing any error rolls
/// the whole transaction back.
public protocol StorageTransaction {
    // MARK: Workflow versions
    func saveVersion(hash: String, path: String, source: [UInt8], now: Int64) throws
    func versionSource(hash: String) throws -> (path: String, source: [UInt8])?
    func openTicketsByVersion() throws -> [String: Int]
    func workflowPath(hash: String) throws -> String?

    // MARK: Tickets
    func nextNumber(guild: String) throws -> Int
    func openTicketCount(guild: String, owner: String, category: String?) throws -> Int
    /// The owner's open ticket of `category` opened at or after `since`.
    func recentOpenTicket(guild: String, owner: String, category: String, since: Int64) throws -> Int64?
    func insertTicket(guild: String, state: TicketState, now: Int64) throws -> Int64
    func updateTicket(id: Int64, state: TicketState, wasClosed: Bool, now: Int64) throws
    func ticket(id: Int64) throws -> StoredTicket?
    func ticket(channel: String) throws -> StoredTicket?
    func tickets(openOnly: Bool) throws -> [StoredTicket]
    func closedTickets(guild: String, handler: String) throws -> Int
    func recordChannel(ticketID: Int64, channelID: String) throws
    func recordFirstResponse(ticketID: Int64, at: Int64, by staff: String) throws
    func ticketStatistics(guild: String, since: Int64) throws -> TicketStatistics

    // MARK: The event log and the audit trail (append-only)
    func hasEvent(sourceID: String) throws -> Bool
    func ticketID(sourceID: String) throws -> Int64?
    func appendEvent(ticketID: Int64?, sourceID: String?, at: Int64, actor: String?, kind: String,
                     payload: Data, stateBefore: String?, stateAfter: String?) throws -> Int64
    func appendAudit(_ entry: AuditEntry, ticketID: Int64?, eventSeq: Int64?, at: Int64) throws
    func ticketAudit(guild: String, number: Int) throws -> [TicketAuditRecord]?
    /// The messages people wrote in a ticket, oldest first, as the engine
    /// received them: the transcript when the channel itself is gone.
    func ticketMessages(ticketID: Int64) throws -> [(at: Int64, message: TicketEvent.Message)]
    /// The ticket's conversation, oldest first: what people wrote and what
    /// Escala said in the ticket (the messages it delivered), in the order
    /// of the events that led to them.
    func ticketConversation(ticketID: Int64) throws -> [ConversationLine]
    /// The Discord id of the last message the engine took in a ticket:
    /// where reading missed messages starts.
    func lastMessageID(ticketID: Int64) throws -> String?

    // MARK: The sanctions ledger (append-only)
    func appendSanction(_ entry: SanctionEntry, guild: String, ticketID: Int64?, ticketNumber: Int?, category: String?,
                        at: Int64) throws -> Int64
    /// A member's recorded sanctions, oldest first.
    func sanctions(guild: String, member: String) throws -> [SanctionRecord]

    // MARK: Effects and timers
    /// A step's effects: timers set or cancelled, the rest into the outbox
    /// in the ticket's lane, each with its idempotency key.
    /// Whether any of the ticket's effects is still to be carried out.
    func hasEffectsWaiting(ticketID: Int64) throws -> Bool
    /// `reply`: the effect (by index) the face may deliver as its answer
    /// to the person's action, and the route it answers by; it waits in
    /// its lane, marked, until the face says whether it did. Returns that
    /// effect's outbox id.
    @discardableResult
    func enqueue(_ effects: [Effect], ticketID: Int64, eventSeq: Int64, reply: (index: Int, route: String)?) throws -> Int64?
    /// Community effects, into the server's community lane.
    func enqueue(_ effects: [CommunityEffect], guild: String, workflow: String) throws
    func schedule(_ timer: TicketTimer, ticketID: Int64) throws
    func dueTimers(upTo now: Int64, limit: Int) throws -> [DueTimer]
    func nextTimer() throws -> DueTimer?
    /// Deletes the timer if it is still the one that fell due: true when
    /// this transaction owns its firing.
    func takeTimer(_ timer: DueTimer) throws -> Bool
    func timerCount() throws -> Int
    /// Keeps a timer whose step cannot be taken (its workflow version is
    /// gone), out of the due ones, with the reason: never deleted in
    /// silence. False if it is no longer the one that fell due.
    func setAsideTimer(_ timer: DueTimer, reason: String, at now: Int64) throws -> Bool
    /// The timers set aside, oldest first.
    func setAsideTimers() throws -> [SetAsideTimer]
    /// Makes every set-aside timer due again (it fires at once if its time
    /// has passed); returns how many.
    func retrySetAsideTimers() throws -> Int

    // MARK: Members, reputation and roles
    func recordMember(guild: String, member: String, joinedAt: Int64) throws
    func membersWithoutGrant(guild: String, workflow: String, rule: String, joinedBy: Int64, limit: Int) throws -> [String]
    func firstJoinWithoutGrant(guild: String, workflow: String, rule: String) throws -> Int64?
    func reputationGiven(guild: String, giver: String, receiver: String?, since: Int64) throws -> Int
    func addReputation(guild: String, giver: String, receiver: String, at: Int64) throws
    func reputationPoints(guild: String, member: String) throws -> Int
    func hasGrant(guild: String, workflow: String, member: String, role: String) throws -> Bool
    func everGranted(guild: String, workflow: String, rule: String, member: String) throws -> Bool
    func grantedRule(guild: String, workflow: String, member: String, role: String) throws -> String?
    func insertGrant(guild: String, workflow: String, member: String, role: String, rule: String, at: Int64, expiresAt: Int64?) throws
    func deleteGrant(guild: String, workflow: String, member: String, role: String) throws -> Bool
    func expiredGrants(guild: String, upTo now: Int64, limit: Int) throws
        -> [(workflow: String, member: String, role: String, rule: String, grantedAt: Int64)]
    func nextGrantExpiry(guild: String) throws -> Int64?
    func appendRoleAudit(guild: String, workflow: String, at: Int64, member: String, role: String,
                         action: RoleAuditRecord.Action, rule: String?, reason: String, actor: String?) throws
    func roleAudit(guild: String, member: String?, limit: Int) throws -> [RoleAuditRecord]

    // MARK: Activity windows
    func windowID(guild: String, workflow: String, board: String, window: ActivityWindow) throws -> Int64
    func addCounts(windowID: Int64, member: String, messages: Int, reactions: Int, reputation: Int) throws
    func dueWindows(guild: String, upTo now: Int64) throws -> [(id: Int64, workflow: String, board: String, window: ActivityWindow)]
    func ranking(windowID: Int64, counters: [String], limit: Int) throws -> (members: Int, entries: [ActivityRanking.Entry])
    func memberTotal(windowID: Int64, member: String, counters: [String]) throws -> Int
    func nextWindowEnd(guild: String) throws -> Int64?
    func closeWindow(id: Int64, at now: Int64, ranking: Data) throws
    func closedRanking(guild: String, workflow: String, board: String, back: Int) throws -> Data?
    func guilds() throws -> [String]
}

extension StorageTransaction {
    public func openTicketCount(guild: String, owner: String) throws -> Int {
        try openTicketCount(guild: guild, owner: owner, category: nil)
    }

    /// A step's effects with none kept as a reply.
    public func enqueue(_ effects: [Effect], ticketID: Int64, eventSeq: Int64) throws {
        try enqueue(effects, ticketID: ticketID, eventSeq: eventSeq, reply: nil)
    }
}

/// What a face keeps for itself (the panel messages it posted, the
/// transcripts it rendered): its own small API, on the same store.
public protocol FaceRecords: Sendable {
    func panelMessage(guild: String, workflow: String, panel: String) async throws(StoreError) -> (channelID: String, messageID: String)?
    func recordPanelMessage(guild: String, workflow: String, panel: String, channelID: String, messageID: String) async throws(StoreError)
    func saveTranscript(ticketID: Int64, html: String, now: Int64) async throws(StoreError)
    func transcript(ticketID: Int64) async throws(StoreError) -> String?
}

extension TicketStorage {
    public func pendingEffects(limit: Int) async throws(StoreError) -> [PendingEffect] {
        try await pendingEffects(limit: limit, excludingLanes: [])
    }
}
