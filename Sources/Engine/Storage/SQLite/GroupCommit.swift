import GRDB
import Synchronization

/// Write transactions that arrive together commit together: one fsync for
/// the batch instead of one each, and each caller still returns only once
/// its own work is durable.
///
/// Every caller queues its work here and then asks the database's writer
/// (a serial queue) to run the queue. Whichever request reaches the writer
/// first takes everything queued so far and runs it in one immediate
/// transaction, each piece of work in a savepoint of its own: a piece that
/// throws is rolled back alone and its caller gets the error. The requests
/// that arrive after find the queue empty and return at once, their work
/// already committed by an earlier one, because the writer runs one
/// request at a time, in order. A click that arrives while a commit is
/// under way so waits for at most that commit, then shares the next.
final class GroupCommit: Sendable {
    /// One caller's work and where its outcome goes.
    private struct Work: Sendable {
        let run: @Sendable (StoreTransaction) throws -> Void
        let fail: @Sendable (any Error) -> Void
    }

    private let queued = Mutex<[Work]>([])
    /// Told of each batch's changes on the writer, the moment it is
    /// durable: the outbox starts the effects of a click while its caller
    /// is still being resumed.
    private let whenDurable: @Sendable (CommitSignal) -> Void

    init(whenDurable: @escaping @Sendable (CommitSignal) -> Void = { _ in }) {
        self.whenDurable = whenDurable
    }

    /// Transactions committed so far (each a batch), for the tests.
    let committed = Atomic<Int>(0)
    /// Writes waiting for the writer now, for the tests.
    var queuedCount: Int { queued.withLock { $0.count } }

    /// Runs `body` in a transaction shared with the writes queued beside
    /// it; returns its value once the shared transaction has committed.
    func write<T: Sendable>(on pool: DatabasePool, _ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        queued.withLock {
            $0.append(Work(run: { transaction in
                let value = try body(transaction)
                outcome.withLock { $0 = .success(value) }
            }, fail: { error in
                outcome.withLock { $0 = .failure(error) }
            }))
        }
        // Not GRDB's async `write`: a cancelled caller would leave its work
        // queued for a later batch, or interrupt a batch that holds other
        // callers' work. The request always runs; the work is never torn.
        await withCheckedContinuation { continuation in
            pool.asyncWriteWithoutTransaction { db in
                self.whenDurable(self.commitQueued(db))
                continuation.resume()
            }
        }
        guard let result = outcome.withLock({ $0 }) else {
            // Cannot happen: the writer runs requests in order, and ours
            // came after the work was queued.
            throw StoreError.database("a write was neither committed nor refused")
        }
        return try result.get()
    }

    /// On the writer: everything queued, in one transaction.
    private func commitQueued(_ db: Database) -> CommitSignal {
        let batch = queued.withLock { queued -> [Work] in
            defer { queued = [] }
            return queued
        }
        guard !batch.isEmpty else { return [] }
        let changes = StoreTransaction.Changes()
        do {
            try db.inTransaction(.immediate) {
                for work in batch {
                    do {
                        try db.inSavepoint {
                            try work.run(StoreTransaction(db: db, changes: changes))
                            return .commit
                        }
                    } catch {
                        work.fail(error)
                    }
                }
                return .commit
            }
            committed.add(1, ordering: .relaxed)
        } catch {
            // The commit itself failed (a full disk): nothing of the batch
            // is stored, and every caller hears so.
            for work in batch { work.fail(error) }
            return []
        }
        return changes.signal
    }
}
