/// A name as written, with where it was written: every reference keeps its
/// range so that "undefined name" can point at the exact word.
public struct Name: Sendable, Hashable {
    public let text: String
    public let range: SourceRange

    public init(_ text: String, _ range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A text in quotes, decoded, with the range of the quotes.
public struct StringLiteral: Sendable, Hashable {
    public let value: String
    public let range: SourceRange
    /// Source offset of each decoded UTF-8 byte, so that an error inside the
    /// text (a bad pattern, a bad placeholder) points at the right column
    /// even after escapes were decoded.
    public let sourceOffsets: [Int]

    public func sourceOffset(ofByte byte: Int) -> Int {
        if byte < sourceOffsets.count { return sourceOffsets[byte] }
        return max(range.start, range.end - 1)
    }
}

/// Where a message's words come from: a text declared once (and translated),
/// or a text in quotes right there.
public enum TextReference: Sendable, Hashable {
    case named(Name)
    case literal(StringLiteral)

    public var range: SourceRange {
        switch self {
        case .named(let name): name.range
        case .literal(let literal): literal.range
        }
    }
}

public struct Duration: Sendable, Hashable {
    public let seconds: Int
    public let range: SourceRange
}
