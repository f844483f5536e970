import Foundation
import Testing
@testable import WorkflowDSL

@Suite("Discord id bindings")
struct IDBindingsTests {
    @Test("ids bind declared ranks, roles and channels; unset is allowed")
    func valid() {
        let (bindings, diagnostics) = IDBindings.parse(SourceFile(path: "w.ids", text: "# ids\ncm = 123456789012345678\nsoporte = unset\n"))
        #expect(diagnostics.isEmpty)
        #expect(bindings.bindings.map(\.id) == ["123456789012345678", nil])
        #expect(bindings.check(against: Parser.parse(SourceFile(path: "w.flow", text: minimalWorkflow)).file).isEmpty)
    }

    @Test("bad ids, unknown names and broken lines are each reported")
    func invalid() {
        let source = SourceFile(path: "w.ids", text: "cm = 12\ntraine = unset\np = unset\nnot a binding\ncm = unset\n")
        let (bindings, syntax) = IDBindings.parse(source)
        let names = bindings.check(against: Parser.parse(SourceFile(path: "w.flow", text: minimalWorkflow)).file)
        #expect(syntax.map(\.code) == [.invalidValue, .syntax])
        #expect(names.map(\.code) == [.undefinedName, .wrongKindOfName, .duplicateName])
        #expect(names.first?.help == "did you mean `trainee`?")
    }

    @Test("lint reads the .ids file beside a workflow")
    func lintReadsIDs() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ids-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try minimalWorkflow.write(to: folder.appendingPathComponent("w.flow"), atomically: true, encoding: .utf8)
        try "cn = unset\n".write(to: folder.appendingPathComponent("w.ids"), atomically: true, encoding: .utf8)
        let run = try LintRun.lint(paths: [folder.path])
        #expect(run.files.map { URL(fileURLWithPath: $0.source.path).lastPathComponent } == ["w.flow", "w.ids"])
        // `cn` is a typo; the names with no line are noted for the live
        // server, unless the workflow is a template.
        #expect(run.diagnostics.map(\.code) == [.undefinedName, .idsMissing])
        #expect(run.diagnostics.last?.message == "this file has no line for `admin`, `cm`, `trainee`, `soporte`", "\(run.diagnostics.map(\.message))")
        #expect(try LintRun.lint(paths: [folder.path], idsOptional: true).diagnostics.map(\.code) == [.undefinedName])
    }
}
