import Testing
@testable import WorkflowDSL

@Suite("Lexer")
struct LexerTests {
    func tokens(_ text: String) -> ([Token], [Diagnostic]) {
        var bag = DiagnosticBag(path: "t.flow")
        let tokens = Lexer.tokenize(SourceFile(path: "t.flow", text: text), diagnostics: &bag)
        return (tokens, bag.diagnostics)
    }

    @Test("durations are read in seconds, compound ones added up")
    func durations() {
        #expect(Lexer.durationSeconds("15m") == 900)
        #expect(Lexer.durationSeconds("2h") == 7200)
        #expect(Lexer.durationSeconds("1h30m") == 5400)
        #expect(Lexer.durationSeconds("7d") == 604_800)
        #expect(Lexer.durationSeconds("15min") == nil)
        #expect(Lexer.durationSeconds("0m") == nil)
        #expect(Lexer.durationSeconds("99999999999h") == nil)
    }

    @Test("Spanish and French names are identifiers")
    func accentedIdentifiers() {
        let (tokens, diagnostics) = tokens("ticket devolución \"Devoluciones\"\nrôle")
        #expect(diagnostics.isEmpty)
        #expect(tokens.filter { $0.kind == .identifier }.map(\.text) == ["ticket", "devolución", "rôle"])
    }

    @Test("times of day and hyphenated day ranges")
    func hours() {
        let (tokens, _) = tokens("hours mon-fri 09:00-18:30")
        #expect(tokens.map(\.kind) == [.identifier, .identifier, .time, .minus, .time, .endOfFile])
        #expect(tokens[1].text == "mon-fri")
    }

    @Test("an unclosed string ends at the line break and is reported once")
    func unterminatedString() {
        let (tokens, diagnostics) = tokens("say \"hola\nsay \"adiós\"")
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(tokens.filter { $0.kind == .string }.count == 2)
    }

    @Test("curly quotes get a hint about straight quotes")
    func curlyQuotes() {
        let (_, diagnostics) = tokens("say “hola”")
        #expect(diagnostics.first?.code == .invalidCharacter)
        #expect(diagnostics.first?.help?.contains("straight double quotes") == true)
    }

    @Test("comments are skipped, line breaks kept")
    func comments() {
        let (tokens, _) = tokens("# comentario\nranks a # fin\n")
        #expect(tokens.map(\.kind) == [.newline, .identifier, .identifier, .newline, .endOfFile])
    }
}

@Suite("Durations written in words")
struct DurationWordsTests {
    @Test("a unit in words, in Spanish, French or English, glued or spaced, gets the duration to write instead")
    func suggestions() {
        #expect(DurationSyntax.suggestion(number: "2", unit: "horas") == "2h")
        #expect(DurationSyntax.suggestion(number: "30", unit: "min") == "30m")
        #expect(DurationSyntax.suggestion(number: "3", unit: "Jours") == "3d")
        #expect(DurationSyntax.suggestion("2hours") == "2h")
        #expect(DurationSyntax.suggestion("1semana") == "1w")
        #expect(DurationSyntax.suggestion("3días") == "3d")
        #expect(DurationSyntax.suggestion(number: "2", unit: "manzanas") == nil, "not a unit: no guess")
    }
}
