import Foundation
import Testing
@testable import WorkflowDSL

/// The certain fixes: applied, each mistake of the Spanish golden files
/// that has one is gone and nothing new appears.
@Suite("Certain fixes")
struct FixTests {
    /// The golden mistakes whose fix is certain.
    static let fixable = ["01-nombre-mal-escrito", "03-duracion-en-palabras", "04-llave-sin-cerrar", "05-boton-no-declarado",
                          "06-comilla-sin-escapar", "08-palabra-clave-en-espanol"]

    @Test("applying the fix leaves a workflow with no problem", arguments: fixable)
    func fixLintsClean(name: String) throws {
        let data = try Data(contentsOf: LocalizedGoldenTests.folder(.es).appendingPathComponent(name + ".flow"))
        let diagnostics = WorkflowCompiler.check(SourceFile(path: name, bytes: Array(data)))
        let fixes = diagnostics.compactMap(\.fix)
        #expect(fixes.count == 1, "\(diagnostics.map(\.message))")
        let (fixed, applied) = Diagnostic.Fix.apply(fixes, to: Array(data))
        #expect(applied == fixes)
        #expect(WorkflowCompiler.check(SourceFile(path: name, bytes: fixed)).isEmpty)
    }

    @Test("a mistake with no certain fix (a name like none declared, a label too long) offers none")
    func uncertainHasNone() throws {
        for name in ["10-rango-desconocido", "11-etiqueta-larga", "09-categoria-duplicada"] {
            let data = try Data(contentsOf: LocalizedGoldenTests.folder(.es).appendingPathComponent(name + ".flow"))
            #expect(WorkflowCompiler.check(SourceFile(path: name, bytes: Array(data))).allSatisfy { $0.fix == nil }, "\(name)")
        }
    }

    @Test("fixes are applied from the end, and one that overlaps another waits for the next run")
    func overlapping() {
        let text = Array("go to espra; say hla".utf8)
        let fixes = [Diagnostic.Fix(SourceRange(start: 6, end: 11), "espera"), Diagnostic.Fix(SourceRange(start: 17, end: 20), "hola"),
                     Diagnostic.Fix(SourceRange(start: 9, end: 13), "x")]
        let (fixed, applied) = Diagnostic.Fix.apply(fixes, to: text)
        #expect(applied.count == 2 && applied.last?.replacement == "hola", "one of the two overlapping fixes waits")
        #expect(String(decoding: fixed, as: UTF8.self).hasSuffix("; say hola") || String(decoding: fixed, as: UTF8.self).hasSuffix("say hola"))
        let (again, _) = Diagnostic.Fix.apply([fixes[0], fixes[1]], to: text)
        #expect(String(decoding: again, as: UTF8.self) == "go to espera; say hola")
    }

    @Test("JSON and SARIF carry the fix as an edit")
    func machineFormats() throws {
        let data = try Data(contentsOf: LocalizedGoldenTests.folder(.es).appendingPathComponent("01-nombre-mal-escrito.flow"))
        let source = SourceFile(path: "w.flow", bytes: Array(data))
        let run = LintRun(files: [.init(source: source, diagnostics: WorkflowCompiler.check(source))])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(JSONReporter.render(run).utf8)) as? [[String: Any]])
        let fix = try #require(json.first?["fix"] as? [String: Any])
        #expect(fix["replacement"] as? String == "trainee" && fix["line"] as? Int == 18 && fix["column"] as? Int == 42 && fix["endColumn"] as? Int == 48)
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(run, toolVersion: "0").utf8)) as? [String: Any])
        let result = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first
        let replacement = (((result?["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first?["replacements"]
            as? [[String: Any]])?.first
        #expect((replacement?["insertedContent"] as? [String: Any])?["text"] as? String == "trainee")
        #expect((replacement?["deletedRegion"] as? [String: Int])?["startColumn"] == 42)
    }
}
