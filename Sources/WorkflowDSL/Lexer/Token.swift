/// A lexical token. Keywords are plain identifiers: the language has many
/// words that are keywords only in one position (`by`, `after`, `to`), and
/// admins may still use them as names elsewhere.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case identifier
        case string
        case number
        case duration
        case time
        case leftBrace, rightBrace, leftParen, rightParen
        case colon, semicolon, comma, less, greater, equals, minus
        case newline
        case endOfFile
    }

    public let kind: Kind
    public let range: SourceRange
    /// The spelling of identifiers, numbers, durations and times; empty for
    /// strings (decoded on demand, since patterns and texts decode
    /// differently) and punctuation.
    public let text: String
    /// For durations: the value in seconds, or nil when the spelling is bad.
    public let seconds: Int?

    init(_ kind: Kind, _ range: SourceRange, text: String = "", seconds: Int? = nil) {
        self.kind = kind
        self.range = range
        self.text = text
        self.seconds = seconds
    }

    /// How the token reads in an error message.
    public var spelling: String {
        switch kind {
        case .identifier, .number, .duration, .time: "`\(text)`"
        case .string: "a text in quotes"
        case .leftBrace: "`{`"
        case .rightBrace: "`}`"
        case .leftParen: "`(`"
        case .rightParen: "`)`"
        case .colon: "`:`"
        case .semicolon: "`;`"
        case .comma: "`,`"
        case .less: "`<`"
        case .greater: "`>`"
        case .equals: "`=`"
        case .minus: "`-`"
        case .newline: "the end of the line"
        case .endOfFile: "the end of the file"
        }
    }
}
