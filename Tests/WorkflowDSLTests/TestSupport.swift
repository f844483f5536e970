import Foundation
@testable import WorkflowDSL

/// Compiles `text` as a file named `test.flow`.
func compile(_ text: String, path: String = "test.flow") -> WorkflowCompiler.Result {
    WorkflowCompiler.compile(SourceFile(path: path, text: text))
}

func codes(_ text: String) -> [DiagnosticCode] {
    compile(text).diagnostics.map(\.code)
}

/// The shipped workflows, read from the repository.
enum ShippedWorkflows {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("workflows")

    static func all() throws -> [SourceFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".flow") }.sorted()
        return try names.map { name in
            SourceFile(path: "workflows/" + name, bytes: Array(try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }
}

/// A small valid workflow the tests change one thing in, shared by every
/// test target: `Tests/Fixtures/minimal.flow`.
let minimalWorkflow: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/minimal.flow")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}()
