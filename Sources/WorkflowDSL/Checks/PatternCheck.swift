/// E301: every pattern compiles with PCRE2. The error points at the
/// offending character inside the quotes, not at the statement.
struct PatternCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for pattern in patterns(in: context) {
            do {
                _ = try Pattern(pattern.value, optimize: false)
            } catch {
                // An unclosed group is found by PCRE2 at the end; the admin
                // looks for the `(` that was never closed.
                let offset = error.message.contains("missing closing parenthesis") ? unclosedGroup(in: pattern.value) ?? error.offset : error.offset
                let column = pattern.sourceOffset(ofByte: offset)
                diagnostics.report(.invalidPattern, "this pattern does not compile: «\(error.message)»",
                                   at: SourceRange(start: column, end: column + 1),
                                   help: "patterns use PCRE2 syntax; a literal `(`, `[` or `.` needs a backslash before it")
            }
        }
    }

    /// The byte offset of the last `(` left open, outside `[...]` and
    /// not escaped.
    static func unclosedGroup(in pattern: String) -> Int? {
        let bytes = Array(pattern.utf8)
        var open: [Int] = []
        var index = 0, inClass = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "[") where !inClass: inClass = true
            case UInt8(ascii: "]") where inClass: inClass = false
            case UInt8(ascii: "(") where !inClass: open.append(index)
            case UInt8(ascii: ")") where !inClass: _ = open.popLast()
            default: break
            }
            index += 1
        }
        return open.last
    }

    static func patterns(in context: CheckContext) -> [StringLiteral] {
        var found: [StringLiteral] = []
        func body(_ body: TicketBody) {
            found += body.evidence.compactMap(\.pattern)
            found += body.autoReplies.map(\.pattern)
        }
        if let defaults = context.file.defaults { body(defaults) }
        for ticket in context.file.tickets { body(ticket.body) }
        context.forEachTransition { transition, _, _ in
            if case .userMessage(let pattern?) = transition.trigger { found.append(pattern) }
            if let condition = transition.condition { collect(condition, into: &found) }
        }
        return found
    }

    static func collect(_ condition: Condition, into found: inout [StringLiteral]) {
        switch condition {
        case .matches(_, let pattern): found.append(pattern)
        case .not(let inner): collect(inner, into: &found)
        case .and(let left, let right), .or(let left, let right):
            collect(left, into: &found)
            collect(right, into: &found)
        default: break
        }
    }
}
