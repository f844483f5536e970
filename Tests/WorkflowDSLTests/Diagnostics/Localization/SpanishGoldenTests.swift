import Foundation
import Testing
@testable import WorkflowDSL

/// The commonest mistakes of a new admin, in a Spanish workflow: each gives
/// one diagnostic, in Spanish, that says where and what to do. `Golden/es/`
/// holds each file and, beside it, what `escala lint` prints for it; to
/// accept a deliberate change, `ESCALA_UPDATE_GOLDEN=1 swift test --filter
/// SpanishGoldenTests`, then read the diff.
@Suite("Golden files in Spanish")
struct SpanishGoldenTests {
    static let folder = GoldenTests.folder.appendingPathComponent("es")
    static let sourceFolder = GoldenTests.sourceFolder.appendingPathComponent("es")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".flow") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// What `escala lint` prints on a machine with no system language: the
    /// workflow's own (`locales es`).
    /// Returns the report and the diagnostics as the checks wrote them.
    static func render(_ name: String) throws -> (String, [Diagnostic]) {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".flow"))
        let source = SourceFile(path: name + ".flow", bytes: Array(data))
        // As `escala lint` checks it; only the ids mistake is about the ids
        // file, the others leave it aside as a template's lint does.
        let files = LintRun.check(source, ids: nil, idsOptional: !name.contains("ids"))
        let run = LintRun(files: files).localized(asked: nil, environment: ["LANG": "C.UTF-8"])
        return (TextReporter.render(run), files.flatMap(\.diagnostics))
    }

    @Test("the twelve commonest mistakes are here")
    func coverage() {
        #expect(Self.names.count >= 12)
    }

    @Test("each mistake gives one diagnostic, in Spanish, as the .expected file shows", arguments: names)
    func oneDiagnosticInSpanish(name: String) throws {
        let (output, diagnostics) = try Self.render(name)
        if ProcessInfo.processInfo.environment["ESCALA_UPDATE_GOLDEN"] == "1" {
            try output.write(to: Self.sourceFolder.appendingPathComponent(name + ".expected"), atomically: true, encoding: .utf8)
        }
        #expect(diagnostics.count == 1, "one mistake, one diagnostic: \(diagnostics.map(\.message))")
        for diagnostic in diagnostics {
            for text in [diagnostic.message] + (diagnostic.help.map { [$0] } ?? []) {
                #expect(DiagnosticCatalogue.translation(of: text, to: .es) != nil, "not in Spanish: \(text)")
            }
        }
        #expect(output == (try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)))
    }
}
