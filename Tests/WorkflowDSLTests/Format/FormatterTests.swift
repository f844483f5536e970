import Foundation
import Testing
@testable import WorkflowDSL

@Suite("escala fmt: the one layout")
struct FormatterTests {
    static func formatted(_ text: String) -> String? {
        if case .formatted(let result) = Formatter.format(SourceFile(path: "w.flow", text: text)) { return result }
        return nil
    }

    /// The tokens as the parser reads them: what formatting must not change.
    static func tokens(_ text: String) -> [String] {
        let source = SourceFile(path: "w.flow", text: text)
        var bag = DiagnosticBag(path: "w.flow")
        return Lexer.tokenize(source, diagnostics: &bag).filter { $0.kind != .newline }.map { "\($0.kind) \(source.text($0.range))" }
    }

    @Test("indentation, spacing and blank lines one way; comments stay on their lines")
    func layout() throws {
        let messy = """


        workflow   "Soporte"
        locales es
        ranks cm<admin
        channel panel
        text hola {
        es "Hola {user}"    # el saludo
        }
        text adios {
              es "Adiós"
        }
        panel p "P" in panel{opens soporte}
        ticket soporte "Soporte" {

        \treceives cm
          hours mon-fri 09:00-18:00 in "Europe/Madrid"
          button cerrar "Cerrar"   danger


            # Solo el staff cierra.
          on button cerrar by cm :close   hola
        }


        """
        let expected = """
        workflow "Soporte"
        locales es
        ranks cm < admin
        channel panel
        text hola {
          es "Hola {user}" # el saludo
        }

        text adios {
          es "Adiós"
        }

        panel p "P" in panel { opens soporte }
        ticket soporte "Soporte" {
          receives cm
          hours mon-fri 09:00-18:00 in "Europe/Madrid"
          button cerrar "Cerrar" danger

          # Solo el staff cierra.
          on button cerrar by cm: close hola
        }

        """
        let result = try #require(Self.formatted(messy))
        #expect(result == expected)
        #expect(Self.tokens(result) == Self.tokens(messy), "only whitespace changed")
    }

    static var shippedAndFixed: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let workflows = ["communaute", "comunidad", "roleplay"].map { root.appendingPathComponent("workflows/\($0).flow") }
        let fixed = root.appendingPathComponent("Tests/WorkflowDSLTests/Golden/fixed")
        let fixes = ((try? FileManager.default.contentsOfDirectory(atPath: fixed.path)) ?? []).filter { $0.hasSuffix(".flow") }.sorted()
            .map { fixed.appendingPathComponent($0) }
        return workflows + fixes
    }

    @Test("formatting twice changes nothing more, and keeps every token, on the shipped workflows and every documented fix",
          arguments: shippedAndFixed)
    func idempotentAndFaithful(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let once = try #require(Self.formatted(text), "\(url.lastPathComponent) formats")
        #expect(Self.formatted(once) == once)
        #expect(Self.tokens(once) == Self.tokens(text))
        #expect(WorkflowCompiler.check(SourceFile(path: url.path, text: once)).isEmpty
                == WorkflowCompiler.check(SourceFile(path: url.path, text: text)).isEmpty)
    }

    @Test("the shipped workflows are formatted")
    func shippedAreFormatted() throws {
        for url in Self.shippedAndFixed.prefix(3) {
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(Self.formatted(text) == text, "run `escala fmt workflows/`: \(url.lastPathComponent)")
        }
    }

    @Test("a file with errors is left alone, with the errors to fix first")
    func refusesBrokenFiles() {
        let outcome = Formatter.format(SourceFile(path: "w.flow", text: "ranks cm\nticket t \"T\" {\n  receives jefe\n}\n"))
        guard case .refused(let errors) = outcome else { Issue.record("formatted a broken file"); return }
        #expect(errors.contains { $0.code == .undefinedName })
    }
}
