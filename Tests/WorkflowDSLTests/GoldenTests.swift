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

    static func render(_ name: String) throws -> (String, [Diagnostic]) {
        let data = try Data(contentsOf: folder.appendingPathComponent(name + ".flow"))
        let source = SourceFile(path: name + ".flow", bytes: Array(data))
        let diagnostics = WorkflowCompiler.compile(source).diagnostics
        return (TextReporter.render(LintRun(files: [.init(source: source, diagnostics: diagnostics)])), diagnostics)
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

    @Test("every lint code has a golden file that reports it", arguments: DiagnosticCode.allCases)
    func everyCodeHasAGoldenFile(code: DiagnosticCode) throws {
        let name = try #require(Self.names.first { $0.hasPrefix(code.rawValue + "-") },
                                "add Golden/\(code.rawValue)-\(code.title).flow")
        let (_, diagnostics) = try Self.render(name)
        #expect(diagnostics.map(\.code) == [code], "\(name) should report \(code.rawValue) and nothing else")
    }

    @Test("three independent mistakes give three errors in one run")
    func threeMistakes() throws {
        let (_, diagnostics) = try Self.render("three-mistakes")
        #expect(diagnostics.map(\.code) == [.undefinedName, .invalidDuration, .invalidPattern])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }
}
