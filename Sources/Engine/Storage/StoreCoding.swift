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

    /// `{"format":N,"value":…}` read in one pass: the format is looked at
    /// before the value is decoded, so a newer format is refused, not
    /// misread, without parsing the document twice (every ticket read
    /// decodes one; twice was a tenth of the bot's CPU in a burst).
    private struct Envelope<Value: Decodable>: Decodable {
        let value: Value

        /// Not an envelope: a row written before formats were named.
        struct Bare: Error {}
        struct Newer: Error { let format: Int }
        struct Unreadable: Error { let format: Int; let error: any Error }

        private enum CodingKeys: String, CodingKey { case format, value }

        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: CodingKeys.self),
                  let format = try? container.decode(Int.self, forKey: .format) else { throw Bare() }
            guard format <= StoreCoding.format else { throw Newer(format: format) }
            do { value = try container.decode(Value.self, forKey: .value) } catch { throw Unreadable(format: format, error: error) }
        }
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
        do {
            return try decoder.decode(Envelope<T>.self, from: data).value
        } catch let newer as Envelope<T>.Newer {
            throw StoreError.corrupt("\(what()) was written in format \(newer.format) by a newer Escala; run that version")
        } catch let unreadable as Envelope<T>.Unreadable {
            throw StoreError.corrupt("\(what()) (format \(unreadable.format)): \(unreadable.error)")
        } catch {
            // Format 0 (the bare value), or not JSON at all.
        }
        do {
            return try decoder.decode(type, from: data)
        } catch {
            throw StoreError.corrupt("\(what()): \(error)")
        }
    }
}
