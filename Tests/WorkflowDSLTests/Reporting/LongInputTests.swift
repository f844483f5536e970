import Testing
@testable import WorkflowDSL

/// A mangled file (one 300 KB line of mistakes) gives a report a person can
/// read: at most 200 problems and a last line saying there were more, each
/// shown with a window of its line rather than the whole line.
@Suite("Long and broken input")
struct LongInputTests {
    static let mangled: String = {
        var generator = MutationTests.Generator(state: 7)
        let pieces = ["@", "$", "ticket", "{", "}", "\"x\"", "on", "%"]
        let line = (0..<100_000).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined(separator: " ")
        return "ranks cm < admin\nchannel soporte\n" + line + "\n"
    }()

    @Test("thousands of mistakes: 200 listed, then one line saying the rest are not")
    func capped() {
        let diagnostics = compile(Self.mangled).diagnostics
        #expect(diagnostics.count == DiagnosticBag.limit + 1)
        #expect(diagnostics.last?.message == "more than 200 problems in this file: the rest are not listed")
    }

    @Test("a very long line is shown as a window around the problem, the caret under it")
    func windowedLine() throws {
        let source = SourceFile(path: "m.flow", text: Self.mangled)
        let diagnostics = compile(Self.mangled, path: "m.flow").diagnostics
        let last = try #require(diagnostics.dropLast().last)
        let report = TextReporter.render(last, in: source)
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.unicodeScalars.count < 200 }, "\(lines.map(\.count))")
        let shown = String(lines[1]), caret = String(lines[2])
        let column = caret.unicodeScalars.firstIndex(of: "^").map { caret.unicodeScalars.distance(from: caret.unicodeScalars.startIndex, to: $0) }
        #expect(column.map { shown.unicodeScalars.count > $0 } == true, "the caret points inside the shown window")
        #expect(shown.contains("…"))
    }

    @Test("columns and windows count characters, not bytes, on a long line of accents, euros and emoji")
    func windowsCountScalars() throws {
        // 3,000 characters of one to four bytes each, then a mistake.
        let pieces = ["ñ", "€", "😀", "a"]
        let prefix = (0..<3_000).map { pieces[$0 % pieces.count] }.joined()
        let text = "ranks cm < admin\n# " + prefix + "\nchannel soporte @\n"
        let source = SourceFile(path: "u.flow", text: text)
        // The comment line: a location inside it counts scalars.
        let offset = Array(("ranks cm < admin\n# " + prefix.prefix(1_000)).utf8).count
        #expect(source.location(of: offset) == SourceLocation(line: 2, column: 1_003, offset: offset))
        #expect(source.scalarCount(source.lineRange(2)) == 3_002)

        // A made-up problem in the middle of the long line, as a reporter
        // would show it: the window is the 160 characters around it.
        let diagnostic = Diagnostic(.syntax, "x", path: "u.flow", range: SourceRange(start: offset, end: offset + 2))
        let lines = TextReporter.render(diagnostic, in: source).split(separator: "\n")
        let scalars = Array(("# " + prefix).unicodeScalars)
        let first = 1_002 - 80
        let expected = "…" + String(String.UnicodeScalarView(scalars[first..<first + 160])) + "…"
        #expect(lines[1] == " 2 | \(expected)")
        #expect(lines[2].hasSuffix(String(repeating: " ", count: 81) + "^"), "the caret under the 81st character of the window")
    }

    @Test("more than 500 ticket categories, or 200 transitions in defaults, is one error at the first one too many, not minutes of checks")
    func boundedWork() {
        let tickets = (1...501).map { "ticket t\($0) \"T\($0)\" {\n  receives cm\n  button cerrar \"Cerrar\"\n  on button cerrar by cm: close\n}" }
            .joined(separator: "\n")
        // Each on a panel (25 a menu), so that the file has no other problem.
        let panels = stride(from: 1, through: 501, by: 25).map { first in
            "panel p\(first) \"P\" in soporte { opens " + (first..<min(first + 25, 502)).map { "t\($0)" }.joined(separator: ", ") + " }"
        }.joined(separator: "\n")
        let many = compile("ranks cm < admin\nchannel soporte\n" + panels + "\n" + tickets).diagnostics
        #expect(many.map(\.message) == ["more than 500 ticket categories in this file: the rest are not checked"])

        let transitions = (1...201).map { "  on button b\($0 % 5) by cm: say \"x\"" }.joined(separator: "\n")
        let buttons = (0..<5).map { "  button b\($0) \"B\($0)\"" }.joined(separator: "\n")
        let defaults = compile("ranks cm < admin\nchannel soporte\npanel p \"P\" in soporte { opens t }\ndefaults {\n\(buttons)\n\(transitions)\n}\n"
                               + "ticket t \"T\" {\n  receives cm\n}").diagnostics
        #expect(defaults.contains { $0.code == .syntax && $0.message == "more than 200 transitions in `defaults`: the rest are not checked" })
    }
}
