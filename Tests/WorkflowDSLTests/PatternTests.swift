import Testing
@testable import WorkflowDSL

@Suite("PCRE2 patterns")
struct PatternTests {
    @Test("patterns match with Unicode")
    func matching() throws {
        let pattern = try Pattern("^https?://\\S+$")
        #expect(pattern.matches("https://youtu.be/x"))
        #expect(!pattern.matches("mira mi vídeo"))
        #expect(try Pattern("dinero|plata").matches("quiero mi dinero"))
        #expect(try Pattern("^.{5}$").matches("ñandú"), "five characters, not seven bytes")
    }

    @Test("a compile error carries PCRE2's offset")
    func errorOffset() {
        #expect(throws: Pattern.CompileError.self) { try Pattern("a(b") }
        do {
            _ = try Pattern("a(b")
        } catch {
            #expect(error.offset == 3)
            #expect(error.message.contains("missing closing parenthesis"))
        }
    }

    @Test("the error column is right after escapes and accents in the same line")
    func columnMapping() throws {
        // `\"` is one character of the pattern but two of the file.
        let line = "  auto reply matching \"ñ\\\"(x\" \"Hola\""
        let text = minimalWorkflow.replacingOccurrences(of: "  receives cm\n", with: "  receives cm\n" + line + "\n")
        let result = compile(text)
        let diagnostic = try #require(result.diagnostics.first { $0.code == .invalidPattern })
        let location = SourceFile(path: "", text: text).location(of: diagnostic.range.start)
        #expect(location.line == 6)
        // Columns: the pattern's text starts at 24 (`ñ`), `\"` takes 25 and
        // 26, so the `(` left open, where the caret goes, is at 27.
        #expect(location.column == 27)
    }
}
