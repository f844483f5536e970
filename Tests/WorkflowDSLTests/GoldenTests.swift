import Foundation
import Testing
@testable import WorkflowDSL

/// Each file in `Golden/` is a broken workflow; beside it, `.expected` holds
/// exactly what `escala lint` prints for it. To accept new output after a
/// deliberate change: `ESCALA_UPDATE_GOLDEN=1 swift test --filter Golden`,
/// then read the diff before committing it.
@Suite("Golden files")
struct GoldenTests {
    static let folder: URL = Bundle.module.url(forResource: "Golden", withExtension: nil)!
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".flow") }.map { String($0.dropLast(5)) }.sorted()
    }

    static func render(_ name: String, in folder: URL = folder) throws -> (String, [Diagnostic]) {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".flow"))
        let source = SourceFile(path: name + ".flow", bytes: Array(data))
        // Notes (N…) are about what a live server needs beside the workflow,
        // its ids file: they are checked as `escala lint` checks them.
        guard name.hasPrefix("N") else {
            let diagnostics = WorkflowCompiler.compile(source).diagnostics
            return (TextReporter.render(LintRun(files: [.init(source: source, diagnostics: diagnostics)])), diagnostics)
        }
        let ids = (try? Data(contentsOf: folder.appendingPathComponent(name + ".ids"))).map { SourceFile(path: name + ".ids", bytes: Array($0)) }
        let run = LintRun(files: LintRun.check(source, ids: ids, idsOptional: false).results)
        return (TextReporter.render(run), run.diagnostics)
    }

    @Test("output matches the .expected file", arguments: names)
    func matchesExpectedOutput(name: String) throws {
        let (output, _) = try Self.render(name)
        if ProcessInfo.processInfo.environment["ESCALA_UPDATE_GOLDEN"] == "1" {
            try output.write(to: Self.sourceFolder.appendingPathComponent(name + ".expected"), atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        #expect(output == expected)
    }

    @Test("every lint code has at least two golden files, each reporting it and nothing else", arguments: DiagnosticCode.allCases)
    func everyCodeHasGoldenFiles(code: DiagnosticCode) throws {
        let names = Self.names.filter { $0.hasPrefix(code.rawValue + "-") }
        #expect(names.count >= 2, "add Golden/\(code.rawValue)-\(code.title).flow and a second case, \(code.rawValue)-\(code.title).2.flow")
        for name in names {
            let (_, diagnostics) = try Self.render(name)
            #expect(diagnostics.map(\.code) == [code], "\(name) should report \(code.rawValue) and nothing else")
        }
    }

    @Test("three independent mistakes give three errors in one run")
    func threeMistakes() throws {
        let (_, diagnostics) = try Self.render("three-mistakes")
        #expect(diagnostics.map(\.code) == [.undefinedName, .invalidDuration, .invalidPattern])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }
}

/// `Golden/fixed/` holds each golden file with its mistake corrected: the
/// "fixed" examples of `docs/language.md`. Each must lint clean, warnings
/// included, so the documented fix is known to work.
@Suite("Golden fixes")
struct GoldenFixTests {
    static let folder = GoldenTests.folder.appendingPathComponent("fixed")

    @Test("every golden mistake has a fix that lints clean", arguments: GoldenTests.names.filter { $0 != "three-mistakes" })
    func fixLintsClean(name: String) throws {
        let url = Self.folder.appendingPathComponent(name + ".flow")
        #expect(FileManager.default.fileExists(atPath: url.path), "add Golden/fixed/\(name).flow")
        let (_, diagnostics) = try GoldenTests.render(name, in: Self.folder)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.code.rawValue) \($0.message)" })")
    }
}

@Suite("Checks document")
struct ChecksDocumentTests {
    static let document = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/language.md")

    @Test("docs/language.md has a section with a bad and a fixed example for every code", arguments: DiagnosticCode.allCases)
    func documented(code: DiagnosticCode) throws {
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        let heading = "### \(code.rawValue) \(code.title)"
        let start = try #require(text.range(of: heading), "missing heading `\(heading)`")
        let section = text[start.upperBound...].prefix { _ in true }
        let end = section.range(of: "\n### ")?.lowerBound ?? section.endIndex
        let body = section[..<end]
        #expect(body.contains("Bad:") && body.contains("Fixed:"), "\(code.rawValue) needs a bad and a fixed example")
    }

    @Test("a SARIF rule links to its code's section: the anchor a Markdown renderer makes from the heading")
    func helpUri() throws {
        let sarif = SARIFReporter.render(LintRun(files: []), toolVersion: "0", docsURL: "https://example.org/docs/language.md")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let rules = ((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] } ?? []
        #expect(rules.count == DiagnosticCode.allCases.count)
        let text = try String(contentsOf: Self.document, encoding: .utf8)
        for rule in rules {
            let uri = try #require(rule["helpUri"] as? String)
            let anchor = String(uri.split(separator: "#").last ?? "")
            // GitHub's rule: lowercase, spaces to dashes, other punctuation dropped.
            let heading = try #require(text.split(separator: "\n").first { $0.hasPrefix("### \(rule["id"] as? String ?? "") ") })
            let made = heading.dropFirst(4).lowercased().replacingOccurrences(of: " ", with: "-").filter { $0.isLetter || $0.isNumber || $0 == "-" }
            #expect(anchor == made, "\(uri)")
        }
        let without = SARIFReporter.render(LintRun(files: []), toolVersion: "0")
        #expect(!without.contains("helpUri"), "no absolute place to point at: no helpUri")
    }
}
