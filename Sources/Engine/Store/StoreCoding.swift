import Foundation

/// How values are written into the database: JSON with sorted keys, so that
/// the same state is the same bytes (the crash test compares them), and a
/// human reading the file with `sqlite3` can follow it.
enum StoreCoding {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, what: @autoclosure () -> String) throws(StoreError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw StoreError.corrupt("\(what()): \(error)")
        }
    }
}
