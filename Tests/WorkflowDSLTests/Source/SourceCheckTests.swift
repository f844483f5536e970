import Testing
@testable import WorkflowDSL

/// A file that cannot be read as a workflow says why in one diagnostic, at
/// the place the problem starts, instead of a cascade for every byte after.
@Suite("Unreadable files")
struct SourceCheckTests {
    static func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        WorkflowCompiler.compile(SourceFile(path: "x.flow", bytes: bytes)).diagnostics
    }

    static let cleanWorkflow = """
        ranks cm < admin
        channel soporte
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives cm
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }

        """
    static let clean = Array(cleanWorkflow.utf8)

    @Test("a byte that is not UTF-8: one diagnostic at that byte")
    func invalidUTF8() throws {
        var bytes = Self.clean
        let at = bytes.count / 2
        bytes.insert(contentsOf: [0xFF, 0xC3, 0x28, 0xFE], at: at)
        let found = Self.diagnostics(bytes)
        #expect(found.count == 1)
        let first = try #require(found.first)
        #expect(first.code == .invalidCharacter)
        #expect(first.range.start == at)
        #expect(first.message.contains("0xFF"))
    }

    @Test("a character cut short by the end of the file: one diagnostic at its first byte")
    func truncatedCharacter() {
        let bytes = Self.clean + Array("# ñ".utf8).dropLast()
        let found = Self.diagnostics(bytes)
        #expect(found.map(\.range.start) == [bytes.count - 1])
    }

    @Test("lines that end with a lone CR: one diagnostic, saying which line endings to use")
    func carriageReturnsOnly() {
        let bytes = Self.clean.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: "\r") : $0 }
        let found = Self.diagnostics(bytes)
        #expect(found.map(\.code) == [.syntax])
        #expect(found.first?.help?.contains("LF or CRLF") == true)
        // CRLF is fine.
        let crlf = Array(Self.cleanWorkflow.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        #expect(Self.diagnostics(crlf).isEmpty)
    }

    @Test("an empty file, or one with only comments, is reported, not taken as an empty workflow", arguments: ["", "  \n\n", "# nada\n# todavía\n"])
    func empty(_ text: String) {
        let found = Self.diagnostics(Array(text.utf8))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("this file has no statements") == true)
    }

    @Test("a file over 4 MB is refused before it is read")
    func tooBig() {
        let bytes = Self.clean + Array(repeating: UInt8(ascii: "#"), count: SourceCheck.maximumBytes)
        let found = Self.diagnostics(bytes)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("at most 4 MB") == true)
    }

    @Test("the UTF-8 check agrees with Swift's own decoder on random bytes")
    func agreesWithSwift() {
        var generator = MutationTests.Generator(state: 11)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 12)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            #expect((SourceCheck.firstInvalidUTF8(bytes) == nil) == valid, "\(bytes)")
        }
    }
}
