import Foundation
import Testing
@testable import WorkflowDSL

@Suite("A category in two workflows of one folder")
struct SharedCategoryCheckTests {
    static func workflow(_ category: String, channel: String) -> String {
        """
        ranks cm < admin
        channel \(channel)
        panel p "Soporte" in \(channel) { opens \(category) }
        ticket \(category) "T" {
          receives cm
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }

        """
    }

    /// `files`: path inside a new folder → text.
    static func lint(_ files: [String: String]) throws -> LintRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return try LintRun.lint(paths: [folder.path], idsOptional: true)
    }

    @Test("the second file's declaration is an error that names the first, at the category's name")
    func sameFolder() throws {
        let run = try Self.lint(["a.flow": Self.workflow("reportes", channel: "uno"), "b.flow": Self.workflow("reportes", channel: "dos")])
        let errors = run.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.code == .duplicateName)
        #expect(error.path.hasSuffix("/b.flow"))
        #expect(error.message.hasPrefix("the ticket category `reportes` is also declared in `"))
        #expect(error.message.hasSuffix("/a.flow:4`"))
        let source = try #require(run.files.first { $0.source.path == error.path }?.source)
        #expect(source.location(of: error.range.start).line == 4)
        #expect(source.location(of: error.range.start).column == 8)
    }

    @Test("different names, or the same name in two folders (two servers), are fine")
    func noClash() throws {
        let names = try Self.lint(["a.flow": Self.workflow("reportes", channel: "uno"), "b.flow": Self.workflow("denuncias", channel: "dos")])
        #expect(names.errorCount == 0)
        let folders = try Self.lint(["uno/a.flow": Self.workflow("reportes", channel: "uno"),
                                     "dos/a.flow": Self.workflow("reportes", channel: "dos")])
        #expect(folders.errorCount == 0)
    }

    @Test("three files with one name: each later file is told of the first")
    func threeFiles() throws {
        let run = try Self.lint(["a.flow": Self.workflow("t", channel: "uno"), "b.flow": Self.workflow("t", channel: "dos"),
                                 "c.flow": Self.workflow("t", channel: "tres")])
        let errors = run.diagnostics.filter { $0.severity == .error }
        #expect(errors.map { ($0.path as NSString).lastPathComponent } == ["b.flow", "c.flow"])
        #expect(errors.allSatisfy { $0.message.contains("/a.flow:4`") })
    }
}
