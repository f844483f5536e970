import Foundation

/// The one encoder and decoder of Discord JSON: snake_case keys are spelled
/// out in `CodingKeys`, so no key strategy hides a mismatch.
enum JSONCoding {
    static let decoder = JSONDecoder()
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
