import Foundation
import Testing
@testable import WorkflowDSL

/// The commonest mistakes of a new admin, in a Spanish (and a French)
/// workflow: each gives one diagnostic, in the workflow's language, that
/// says where and what to do. `Golden/es/` and `Golden/fr/` hold each file
/// and, beside it, what `escala lint` prints for it; to accept a deliberate
/// change, `ESCALA_UPDATE_GOLDEN=1 swift test --filter LocalizedGoldenTests`,
/// then read the diff.
@Suite("Golden files in Spanish and French")
struct LocalizedGoldenTests {
    static let languages: [DiagnosticLanguage] = [.es, .fr]

    static func folder(_ language: DiagnosticLanguage) -> URL { GoldenTests.folder.appendingPathComponent(language.rawValue) }
    static func sourceFolder(_ language: DiagnosticLanguage) -> URL { GoldenTests.sourceFolder.appendingPathComponent(language.rawValue) }

    static func names(_ language: DiagnosticLanguage) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder(language).path)) ?? [])
            .filter { $0.hasSuffix(".flow") }.map { String($0.dropLast(5)) }.sorted()
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let language: DiagnosticLanguage
        let name: String
        var testDescription: String { "\(language.rawValue)/\(name)" }
    }

    static var cases: [Case] { languages.flatMap { language in names(language).map { Case(language: language, name: $0) } } }

    /// What `escala lint` prints on a machine with no system language (the
    /// workflow's own is used), and the diagnostics as the checks wrote them.
    static func render(_ name: String, language: DiagnosticLanguage) throws -> (String, [Diagnostic]) {
        let data = try Data(contentsOf: folder(language).appendingPathComponent(name + ".flow"))
        let source = SourceFile(path: name + ".flow", bytes: Array(data))
        // As `escala lint` checks it; only the ids mistake is about the ids
        // file, the others leave it aside as a template's lint does.
        let files = LintRun.check(source, ids: nil, idsOptional: !name.contains("ids")).results
        let run = LintRun(files: files).localized(asked: nil, environment: ["LANG": "C.UTF-8"])
        return (TextReporter.render(run), files.flatMap(\.diagnostics))
    }

    @Test("the twelve commonest mistakes are here in Spanish, and a few in French")
    func coverage() {
        #expect(Self.names(.es).count >= 12)
        #expect(Self.names(.fr).count >= 4)
    }

    @Test("each mistake gives one diagnostic, in the workflow's language, as the .expected file shows", arguments: cases)
    func oneDiagnosticInItsLanguage(_ test: Case) throws {
        let (output, diagnostics) = try Self.render(test.name, language: test.language)
        if ProcessInfo.processInfo.environment["ESCALA_UPDATE_GOLDEN"] == "1" {
            try output.write(to: Self.sourceFolder(test.language).appendingPathComponent(test.name + ".expected"), atomically: true, encoding: .utf8)
        }
        #expect(diagnostics.count == 1, "one mistake, one diagnostic: \(diagnostics.map(\.message))")
        for diagnostic in diagnostics {
            for text in [diagnostic.message] + (diagnostic.help.map { [$0] } ?? []) {
                #expect(DiagnosticCatalogue.translation(of: text, to: test.language) != nil, "not translated: \(text)")
            }
        }
        #expect(output == (try String(contentsOf: Self.folder(test.language).appendingPathComponent(test.name + ".expected"), encoding: .utf8)))
    }
}
