import Foundation
import GRDB

extension TicketStore {
    /// The baseline for `escala-bench`: `count` single-row inserts, each
    /// its own transaction, into a scratch table of this database, with the
    /// very settings events are committed with. Returns the seconds taken.
    public func measureSingleRowCommits(count: Int) async throws(StoreError) -> Double {
        try await writeSQL { try $0.db.execute(sql: "CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, at INTEGER, payload BLOB)") }
        let payload = Data(repeating: 0x61, count: 200)
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<count {
            try await writeSQL { transaction in
                try transaction.db.cachedStatement(sql: "INSERT INTO bench_baseline (at, payload) VALUES (?, ?)")
                    .execute(arguments: [index, payload])
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
