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
}
