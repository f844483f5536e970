/// A text with `{placeholders}`, such as `"dev_obj-{ticket.number}"`.
///
/// `{{` and `}}` write a literal brace. The engine fills placeholders in;
/// lint checks that every placeholder is one Escala knows.
public struct Template: Sendable, Hashable, Codable {
    public enum Segment: Sendable, Hashable, Codable {
        case literal(String)
        case variable(String)
    }

    public let segments: [Segment]

    /// Placeholders that exist in every ticket. `answer.NAME` reads the
    /// answer to a question or an evidence item of the ticket.
    public static let knownVariables: Set<String> = [
        "ticket.number", "ticket.category", "ticket.label", "user", "user.name",
        "handler", "rank", "reason", "server", "sanction",
    ]
    public static let answerPrefix = "answer."

    public struct Problem: Sendable, Hashable {
        public let message: String
        /// Byte offsets within the decoded text.
        public let start: Int
        public let end: Int
    }

    /// Parses `text`; problems are returned beside the best-effort result.
    public static func parse(_ text: String) -> (Template, [Problem], [(name: String, start: Int, end: Int)]) {
        let bytes = Array(text.utf8)
        var segments: [Segment] = []
        var problems: [Problem] = []
        var variables: [(String, Int, Int)] = []
        var literal: [UInt8] = []
        var index = 0
        func flush() {
            if !literal.isEmpty { segments.append(.literal(String(decoding: literal, as: UTF8.self))) }
            literal.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                literal.append(byte); index += 2; continue
            }
            if byte == UInt8(ascii: "}"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") {
                literal.append(byte); index += 2; continue
            }
            if byte == UInt8(ascii: "{") {
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                    problems.append(Problem(message: "this `{` is never closed", start: index, end: index + 1))
                    literal.append(contentsOf: bytes[index...])
                    break
                }
                let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                    .trimmingCharacters(in: " ")
                if name.isEmpty {
                    problems.append(Problem(message: "`{}` names no placeholder", start: index, end: close + 1))
                } else {
                    flush()
                    segments.append(.variable(name))
                    variables.append((name, index, close + 1))
                }
                index = close + 1
                continue
            }
            literal.append(byte)
            index += 1
        }
        flush()
        return (Template(segments: segments), problems, variables)
    }
}

extension String {
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
