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

/// What the engine does inside one transaction: every storage role (each
/// a protocol of its own in `Storage/Roles`), which a store implements
/// together. Throwing any error rolls the whole transaction back.
public protocol StorageTransaction: WorkflowVersions, TicketRecords, EventLog, SanctionsLedger, OutboxQueue, TimerTable, CommunityRecords,
                                     BlocklistRecords, WebhookOutbox {}

/// What a face keeps for itself (the panel messages it posted, the
/// transcripts it rendered): its own small API, on the same store.
public protocol FaceRecords: Sendable {
    func panelMessage(guild: String, workflow: String, panel: String) async throws(StoreError) -> (channelID: String, messageID: String)?
    func recordPanelMessage(guild: String, workflow: String, panel: String, channelID: String, messageID: String) async throws(StoreError)
    func saveTranscript(ticketID: Int64, html: String, now: Int64) async throws(StoreError)
    func transcript(ticketID: Int64) async throws(StoreError) -> String?
    /// A reported message captured while its reporter fills in the
    /// category's form: kept across a restart, forgotten after a day.
    func keepPendingReport(_ message: ReportedMessage, reporter: String, now: Int64) async throws(StoreError)
    func pendingReport(message: String, reporter: String) async throws(StoreError) -> ReportedMessage?
}

extension TicketStorage {
    public func pendingEffects(limit: Int) async throws(StoreError) -> [PendingEffect] {
        try await pendingEffects(limit: limit, excludingLanes: [])
    }
}
