/// Text as the engine writes it: words, and the people, ranks and channels
/// it names, without any platform's markup.
///
/// Each face renders the segments its own way (Discord as `<@id>` with
/// `allowed_mentions`, the simulator as `@name`, a web page as a link), so
/// no Discord syntax is ever stored or decided in the engine, and a
/// person's text can never turn into a mention by containing one.
public struct RichText: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        /// Words, shown as they are.
        case text(String)
        /// A member or staff member, by the platform's id.
        case person(String)
        /// A rank or side role of the workflow, by its name.
        case rank(String)
        /// A channel, by the platform's id (a ticket's channel).
        case channel(String)
    }

    public var segments: [Segment]

    public init(_ segments: [Segment] = []) {
        self.segments = segments
    }

    /// Plain words.
    public init(_ text: String) {
        segments = text.isEmpty ? [] : [.text(text)]
    }

    public var isEmpty: Bool {
        segments.allSatisfy { if case .text(let text) = $0 { text.isEmpty } else { false } }
    }

    /// The people the text names, in order, once each.
    public var people: [String] {
        var seen: Set<String> = []
        return segments.compactMap { if case .person(let id) = $0, seen.insert(id).inserted { id } else { nil } }
    }

    /// The text with every segment rendered by the face.
    public func rendered(person: (String) -> String, rank: (String) -> String = { $0 }, channel: (String) -> String = { "#" + $0 }) -> String {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .person(let id): person(id)
            case .rank(let name): rank(name)
            case .channel(let id): channel(id)
            }
        }.joined()
    }

    /// The words alone, people by id: for logs and the audit trail.
    public var plain: String { rendered(person: { $0 }) }

    public static func + (left: RichText, right: RichText) -> RichText {
        RichText(left.segments + right.segments)
    }

    public static func += (left: inout RichText, right: RichText) {
        left.segments += right.segments
    }
}

extension RichText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// Stored in the outbox inside effects, so the format is written down: a
/// text segment is a JSON string, any other an object with one key
/// (`{"person": "123"}`). A plain JSON string decodes as one text segment:
/// that is how rows written before texts were structured read back.
extension RichText: Codable {
    private enum Key: String, CodingKey { case person, rank, channel }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(text)
            return
        }
        var list = try decoder.unkeyedContainer()
        var segments: [Segment] = []
        while !list.isAtEnd {
            if let text = try? list.decode(String.self) {
                segments.append(.text(text))
                continue
            }
            let object = try list.nestedContainer(keyedBy: Key.self)
            if let id = try object.decodeIfPresent(String.self, forKey: .person) {
                segments.append(.person(id))
            } else if let name = try object.decodeIfPresent(String.self, forKey: .rank) {
                segments.append(.rank(name))
            } else if let id = try object.decodeIfPresent(String.self, forKey: .channel) {
                segments.append(.channel(id))
            } else {
                throw DecodingError.dataCorruptedError(in: list, debugDescription: "a text segment is a string or one of person, rank, channel")
            }
        }
        self.init(segments)
    }

    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        for segment in segments {
            switch segment {
            case .text(let text): try list.encode(text)
            case .person(let id):
                var object = list.nestedContainer(keyedBy: Key.self)
                try object.encode(id, forKey: .person)
            case .rank(let name):
                var object = list.nestedContainer(keyedBy: Key.self)
                try object.encode(name, forKey: .rank)
            case .channel(let id):
                var object = list.nestedContainer(keyedBy: Key.self)
                try object.encode(id, forKey: .channel)
            }
        }
    }
}
