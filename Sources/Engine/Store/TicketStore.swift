import Foundation
import GRDB

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
public final class TicketStore: Sendable {
    let pool: DatabasePool
    /// Where the database lives.
    public let path: String
    /// Told after each commit that queued effects or set timers: the
    /// runtime's loops wake on it instead of polling.
    public let commits = CommitListener()

    /// Opens (creating if needed) the database at `path`, and brings its
    /// schema up to date.
    public init(path: String) throws(StoreError) {
        self.path = path
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
    public static func temporary() throws(StoreError) -> TicketStore {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("escala-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        return try TicketStore(path: folder.appendingPathComponent("escala.sqlite").path)
    }

    /// Runs `body` in one immediate write transaction: it takes the write
    /// lock before reading, so a read-check-write (the per-user limit, the
    /// next ticket number) cannot interleave with another writer, even one
    /// in another process.
    func transaction<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        let changes = StoreTransaction.Changes()
        do {
            let result = try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(StoreTransaction(db: db, changes: changes))
                    return .commit
                }
                return result!
            }
            commits.tell(changes.signal)
            return result
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(String(describing: error))
        }
    }

    /// A consistent read, concurrent with writes.
    func read<T>(_ body: (StoreTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read { db in try body(StoreTransaction(db: db)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(String(describing: error))
        }
    }
}

/// What can go wrong with the database, said so an operator can act on it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String)
    case database(String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the database \(path): \(reason). Check that the data folder exists and is writable (--data or ESCALA_DATA)."
        case .newerSchema(let path):
            "the database \(path) was written by a newer version of Escala; run that version, or restore a backup."
        case .database(let message):
            "database error: \(message)"
        case .corrupt(let message):
            "the database holds something this version cannot read: \(message)"
        }
    }
}
