/// Where a line's `# …` comment is. The lexer skips comments; the
/// formatter keeps them and the language server colours them, both from
/// here.
public enum Comments {
    /// The comment on a 1-based line, after its last token (nil when the
    /// line has no token), without the trailing spaces.
    public static func range(onLine line: Int, after last: Token?, in source: SourceFile) -> SourceRange? {
        let bytes = source.lineRange(line)
        let start = max(bytes.lowerBound, last?.range.end ?? bytes.lowerBound)
        guard start < bytes.upperBound, let hash = source.bytes[start..<bytes.upperBound].firstIndex(of: UInt8(ascii: "#")) else { return nil }
        var end = bytes.upperBound
        while end > hash, [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(source.bytes[end - 1]) { end -= 1 }
        return SourceRange(start: hash, end: end)
    }
}
