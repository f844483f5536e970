/// The text of one workflow file, kept as UTF-8 bytes.
///
/// The lexer walks bytes, not `Character`s: grapheme breaking is the slowest
/// part of Swift's `String`, and a 50,000-line workflow must lint in well
/// under half a second. Columns are counted in Unicode scalars only when a
/// diagnostic is rendered, so the cost is paid per error, not per byte.
public struct SourceFile: Sendable, Hashable {
    /// The path as the user gave it; diagnostics print it unchanged so that
    /// editors and GitHub can open the file.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of every line.
    public let lineStarts: [Int]
    /// Byte offsets of the UTF-8 continuation bytes (none in ASCII text):
    /// a column is the bytes before it on its line less these, found by
    /// binary search, so no lookup walks a long line.
    let continuations: [Int]

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 1)
        var continuations: [Int] = []
        for (offset, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            else if byte & 0xC0 == 0x80 { continuations.append(offset) }
        }
        self.lineStarts = starts
        self.continuations = continuations
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        return SourceLocation(line: low + 1, column: 1 + scalarCount(lineStart..<clamped), offset: clamped)
    }

    /// How many Unicode scalars (lead bytes) the bytes in `range` hold.
    public func scalarCount(_ range: Range<Int>) -> Int {
        range.count - (continuationsBefore(range.upperBound) - continuationsBefore(range.lowerBound))
    }

    private func continuationsBefore(_ offset: Int) -> Int {
        var low = 0, high = continuations.count
        while low < high {
            let mid = (low + high) / 2
            if continuations[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The bytes of a 1-based line, without its line break.
    public func lineRange(_ line: Int) -> Range<Int> {
        guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a 1-based line, without its line break.
    public func lineText(_ line: Int) -> String {
        String(decoding: bytes[lineRange(line)], as: UTF8.self)
    }

    public func text(_ range: SourceRange) -> String {
        let lower = max(0, min(range.start, bytes.count))
        let upper = max(lower, min(range.end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

/// A position a person can find in an editor.
public struct SourceLocation: Sendable, Hashable, Codable {
    public let line: Int
    public let column: Int
    public let offset: Int
}

/// A half-open range of byte offsets in one file.
public struct SourceRange: Sendable, Hashable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public static func point(_ offset: Int) -> SourceRange { SourceRange(start: offset, end: offset) }

    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
