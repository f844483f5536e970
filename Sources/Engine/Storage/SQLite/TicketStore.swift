import Foundation
import GRDB
import Logging

/// The SQLite file that holds every ticket, its history, its timers and the
/// effects still to be carried out.
///
/// One write transaction per event is the whole durability story: the
/// event, the state it produced, its timers and its effects commit together
/// or not at all, so a crash at any instant leaves either the world before
/// the event or the world after it. The file is in WAL mode with
/// `synchronous = FULL`: a committed event survives a power cut too, which
/// matters because effects leave for Discord right after the commit and
/// must never be sent for an event the database then forgets.
public final class TicketStore: TicketStorage, FaceRecords {
    let pool: DatabasePool
    /// Where the database lives.
    public let path: String
    /// Told after each commit that queued effects or set timers, on the
    /// writer as soon as the commit is durable: the runtime's loops wake on
    /// it instead of polling.
    public let commits: CommitListener
    /// Each commit's duration, at debug level.
    let logger = Logger(label: "escala.store")
    /// Writes that arrive together share one commit.
    let groupCommit: GroupCommit

    /// Opens (creating if needed) the database at `path`, and brings its
    /// schema up to date.
    /// A folder of its own that goes with the store (`temporary()`).
    private let scratchFolder: URL?

    public convenience init(path: String) throws(StoreError) {
        try self.init(path: path, scratchFolder: nil)
    }

    private init(path: String, scratchFolder: URL?) throws(StoreError) {
        self.path = path
        self.scratchFolder = scratchFolder
        let commits = CommitListener()
        self.commits = commits
        groupCommit = GroupCommit(whenDurable: { commits.tell($0) })
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
        var configuration = Configuration()
        configuration.label = "escala"
        // Another process (a second `escala` on the same file, a backup
        // tool) may hold the write lock briefly: wait rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        // Reads are short (a ticket, the outbox's next effects): two
        // readers beside the writer keep up with the desk, and each
        // connection's page cache is memory the process keeps.
        configuration.maximumReaderCount = 2
        // SQLite's default page cache is 2 MiB a connection. The pages a
        // desk reads again (open tickets, the outbox's head, their indexes)
        // fit in a few hundred KiB; the rest is the OS's file cache anyway.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -512") }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // WAL mode sets NORMAL when it is enabled; FULL must come after.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            let migrator = StoreSchema.migrator
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.newerSchema(path: path)
            }
            try migrator.migrate(pool)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: path, reason: String(describing: error))
        }
    }

    /// A store in a new temporary folder, for `escala simulate` and tests:
    /// the same file format and settings as production.
    /// The folder is removed with the store, so that simulations and
    /// tests leave nothing behind.
    public static func temporary() throws(StoreError) -> TicketStore {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("escala-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        return try TicketStore(path: folder.appendingPathComponent("escala.sqlite").path, scratchFolder: folder)
    }

    deinit {
        if let scratchFolder { try? FileManager.default.removeItem(at: scratchFolder) }
    }

    /// Runs `body` in an immediate write transaction (shared with the
    /// writes queued beside it, each in a savepoint: `GroupCommit`): it
    /// takes the write lock before reading, so a read-check-write (the
    /// per-user limit, the next ticket number) cannot interleave with
    /// another writer, even one in another process. GRDB runs it on the
    /// pool's writer queue, so the commit's fsync never blocks a thread of
    /// the cooperative pool.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any StorageTransaction) throws -> T) async throws(StoreError) -> T {
        try await writeSQL { try body($0) }
    }

    public func read<T: Sendable>(_ body: @Sendable (any StorageTransaction) throws -> T) async throws(StoreError) -> T {
        try await readSQL { try body($0) }
    }

    /// The same, with the SQLite transaction itself, for this folder's
    /// own queries.
    func writeSQL<T: Sendable>(_ body: @escaping @Sendable (StoreTransaction) throws -> T) async throws(StoreError) -> T {
        let started = ContinuousClock.now
        defer { logger.debug("commit", metadata: ["ms": "\(String(format: "%.2f", (ContinuousClock.now - started).milliseconds))"]) }
        do {
            return try await groupCommit.write(on: pool, body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// A consistent read, concurrent with writes, on the caller's thread:
    /// it takes a fraction of a millisecond and never waits for the writer
    /// (WAL), and GRDB's async read went to a reader's queue and back, two
    /// thread switches for every read (`make bench-discord`: context
    /// switches per lone ticket 112 → 58 without them).
    func readSQL<T: Sendable>(_ body: @Sendable (StoreTransaction) throws -> T) async throws(StoreError) -> T {
        do {
            return try readHere(body)
        } catch {
            throw Self.storeError(error)
        }
    }

    /// Not async, so that GRDB's synchronous read is the one called.
    ///
    /// One read transaction, as GRDB's `read` would make, but begun and
    /// ended by statements prepared once per connection: `read` builds and
    /// compiles both for every read (a savepoint's worth of SQL text), a
    /// few percent of a lone ticket's CPU (`perf record` over
    /// `make bench-discord`'s first phase).
    private func readHere<T: Sendable>(_ body: @Sendable (StoreTransaction) throws -> T) throws -> T {
        try pool.unsafeRead { db in
            // A read that failed half-way may have left its transaction.
            if db.isInsideTransaction { try db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute() }
            try db.cachedStatement(sql: "BEGIN DEFERRED TRANSACTION").execute()
            do {
                let value = try body(StoreTransaction(db: db))
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
                return value
            } catch {
                try? db.cachedStatement(sql: "ROLLBACK TRANSACTION").execute()
                throw error
            }
        }
    }

    static func storeError(_ error: any Error) -> StoreError {
        (error as? StoreError) ?? .database(String(describing: error))
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
