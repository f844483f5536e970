import Foundation

/// How values are written into the database: JSON with sorted keys, so that
/// the same state is the same bytes (the crash test compares them), and a
/// human reading the file with `sqlite3` can follow it.
///
/// Every value is stored in an envelope that names its format,
/// `{"format":1,"value":…}`. The golden files in
/// `Tests/EngineTests/Store/Golden` pin each format: renaming a Swift case
/// or field changes the bytes and fails them, so that a change which would
/// turn pending outbox rows into "corrupt" after an upgrade is seen before
/// it ships, and comes with a new format number and a decoder for the old.
enum StoreCoding {
    /// The format written now.
    static let format = 1

    private struct Envelope<Value: Decodable>: Decodable {
        let format: Int
        let value: Value
    }

    private struct FormatOnly: Decodable {
        let format: Int
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Data(#"{"format":\#(format),"value":"#.utf8) + (try encoder.encode(value)) + Data("}".utf8)
    }

    /// Reads the current format, and rows written before formats were
    /// named (format 0: the bare value, same layout as format 1).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, what: @autoclosure () -> String) throws(StoreError) -> T {
        let decoder = JSONDecoder()
        if let envelope = try? decoder.decode(FormatOnly.self, from: data) {
            guard envelope.format <= format else {
                throw StoreError.corrupt("\(what()) was written in format \(envelope.format) by a newer Escala; run that version")
            }
            do {
                return try decoder.decode(Envelope<T>.self, from: data).value
            } catch {
                throw StoreError.corrupt("\(what()) (format \(envelope.format)): \(error)")
            }
        }
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw StoreError.corrupt("\(what()): \(error)")
        }
    }
}
