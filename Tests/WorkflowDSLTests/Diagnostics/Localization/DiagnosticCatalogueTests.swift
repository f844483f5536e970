import Foundation
import Testing
@testable import WorkflowDSL

/// One catalogue, every code in every language: each diagnostic the golden
/// files produce (every code has some) is worded in Spanish and French, and
/// each translation uses exactly the names and numbers of its message.
@Suite("Diagnostic catalogue")
struct DiagnosticCatalogueTests {
    static let languages: [DiagnosticLanguage] = [.es, .fr]

    @Test("every message, help and related line of the golden files is worded in Spanish and French")
    func everyGoldenDiagnostic() throws {
        var missing: Set<String> = []
        for name in GoldenTests.names {
            let (_, diagnostics) = try GoldenTests.render(name)
            for diagnostic in diagnostics {
                let texts = [diagnostic.message] + (diagnostic.help.map { [$0] } ?? []) + diagnostic.related.map(\.message)
                for text in texts {
                    for language in Self.languages where DiagnosticCatalogue.translation(of: text, to: language) == nil {
                        missing.insert("\(language.rawValue): \(MessageTemplate(text).key)")
                    }
                }
            }
        }
        #expect(missing.isEmpty, "add to DiagnosticCatalogue+es/fr: \(missing.sorted().joined(separator: "\n"))")
    }

    /// The `{n}` places of a template.
    static func places(_ text: String) -> Set<Int> {
        var places: Set<Int> = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { break }
            if let number = Int(rest[after..<close]) { places.insert(number) }
            rest = rest[rest.index(after: close)...]
        }
        return places
    }

    @Test("a translation has the same names and numbers as its English message, and no English key is a typo of a template")
    func samePlaces() {
        for language in Self.languages {
            guard let words = DiagnosticCatalogue.words(language) else { Issue.record("no words for \(language)"); continue }
            for (key, translation) in words.messages.merging(words.phrases, uniquingKeysWith: { first, _ in first }) {
                #expect(Self.places(key) == Self.places(translation), "\(language.rawValue): \(key) → \(translation)")
                #expect(MessageTemplate(key.replacingOccurrences(of: "{", with: "`{").replacingOccurrences(of: "}", with: "}`")).arguments.count
                        >= Self.places(key).count, "\(key)")
            }
        }
    }

    /// What the parser says it expected and where, as its source writes it
    /// (`expectName("a rank", after: "after `escalate to`")`).
    static func parserPhrases() throws -> [String] {
        try parserLiterals(#/(?:expect(?:Name|NameList|String|Duration)\(|after: )"((?:[^"\\]|\\.)*)"/#)
    }

    /// The text literals of the parser's sources that `pattern` captures,
    /// as the parser writes them; an interpolation inside backticks is a
    /// name (`X`), one outside them makes a sentence the catalogue cannot
    /// know, and is left to the golden files.
    static func parserLiterals(_ pattern: Regex<(Substring, Substring)>) throws -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/WorkflowDSL/Parser")
        var literals: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: pattern) {
                let literal = String(match.1).replacing(#/\\\([^)]*\)/#, with: "X").replacingOccurrences(of: "\\\"", with: "\"")
                    .replacingOccurrences(of: "\\\\", with: "\\")
                let outside = literal.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }
                if outside.contains(where: { $0.element.contains("X") }) { continue }
                literals.append(literal)
            }
        }
        return literals
    }

    @Test("every phrase the parser uses to say what it expected, and where, is worded in Spanish and French")
    func parserPhrasesTranslated() throws {
        let phrases = try Self.parserPhrases()
        #expect(phrases.count > 50, "the source scan found the parser's phrases")
        for language in Self.languages {
            guard let words = DiagnosticCatalogue.words(language) else { continue }
            let missing = phrases.filter { DiagnosticCatalogue.phrase($0, words) == nil }
            #expect(missing.isEmpty, "\(language.rawValue): \(missing)")
        }
    }

    /// Every message and help line the parser writes as one literal
    /// (`fail("…", help: "…")`).
    static func parserMessages() throws -> [String] {
        try parserLiterals(#/(?:fail\(|report\(\.\w+, |help: )"((?:[^"\\]|\\.)*)"/#)
    }

    @Test("every message and help line the parser writes is worded in Spanish and French")
    func parserMessagesTranslated() throws {
        let messages = try Self.parserMessages()
        #expect(messages.count > 30, "the source scan found the parser's messages")
        for language in Self.languages {
            // Named by catalogue key: the line to add to DiagnosticCatalogue+es/fr.
            let missing = Set(messages.filter { DiagnosticCatalogue.translation(of: $0, to: language) == nil }.map { MessageTemplate($0).key })
            #expect(missing.isEmpty, "\(language.rawValue): add to the catalogue:\n\(missing.sorted().joined(separator: "\n"))")
        }
    }

    @Test("a parser error reads as one sentence in Spanish and French, its names kept")
    func expectationSentence() {
        let message = "expected a rank, a role or `sanctioner` after `escalate to`, found the end of the line"
        #expect(DiagnosticCatalogue.localized(message, to: .es)
                == "se esperaba un rango, un rol o `sanctioner` después de `escalate to`, pero hay el final de la línea")
        #expect(DiagnosticCatalogue.localized(message, to: .fr)
                == "il faut un rang, un rôle ou `sanctioner` après `escalate to`, mais il y a la fin de la ligne")
        #expect(DiagnosticCatalogue.localized("expected the form's title in double quotes after its name, found `x`", to: .es)
                == "se esperaba el título del formulario entre comillas dobles después de su nombre, pero hay `x`")
    }

    @Test("a message the catalogue does not know stays in English rather than half translated")
    func unknownStaysEnglish() {
        #expect(DiagnosticCatalogue.localized("a brand new problem with `x`", to: .es) == "a brand new problem with `x`")
        #expect(DiagnosticCatalogue.localized("expected a brand new thing after `x`, found `y`", to: .fr)
                == "expected a brand new thing after `x`, found `y`")
    }

    @Test("a statement that runs on is said in Spanish and French wherever the parser ends one, with its help")
    func statementsThatRunOn() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/WorkflowDSL/Parser")
        var places: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            places += text.matches(of: #/finishStatement\("((?:[^"\\]|\\.)*)"\)/#).map { String($0.1).replacing(#/\\\([^)]*\)/#, with: "x") }
        }
        #expect(places.count > 15, "the source scan found where statements end")
        for place in places + ["the state's name"] {
            let message = "unexpected `pero` after \(place)"
            for language in Self.languages {
                #expect(DiagnosticCatalogue.translation(of: message, to: language) != nil, "\(language.rawValue): \(message)")
            }
        }
        #expect(DiagnosticCatalogue.localized("unexpected `x` after the rank ladder", to: .es) == "`x` inesperado después de la escala de rangos")
        #expect(DiagnosticCatalogue.localized("put each statement on its own line, or separate them with `;`", to: .fr)
                == "mettez chaque instruction sur sa propre ligne, ou séparez-les par `;`")
    }

    @Test("the admin's word for `initial` after a state's name is taken for it, with the fix")
    func spanishInitial() {
        let result = WorkflowCompiler.compile(SourceFile(path: "t.flow", text: """
            locales es
            ranks cm < admin
            channel soporte
            panel p "Soporte" in soporte { opens t }
            ticket t "T" {
              receives cm
              state abierta inicial {
                after 1h: close "Hecho"
              }
            }

            """))
        let diagnostic = result.diagnostics.first
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic?.help?.contains("`initial`") == true)
        #expect(diagnostic?.fix?.replacement == "initial")
    }
}
