import Engine
import Foundation
import Testing
import WorkflowDSL

@Suite("Workflow versions")
struct WorkflowCatalogTests {
    /// `Tests/Fixtures/minimal.flow`: a small valid workflow.
    static let version1: String = {
        let url = TicketHarness.repository.appendingPathComponent("Tests/Fixtures/minimal.flow")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    static let version2 = version1.replacingOccurrences(of: "receives cm", with: "receives admin")

    @Test("a reload keeps old versions for running tickets and reports them")
    func reloadKeepsOldVersions() async throws {
        var catalog = WorkflowCatalog()
        guard case .added(let first) = catalog.load(SourceFile(path: "w.flow", text: Self.version1)) else {
            Issue.record("first load should add"); return
        }
        #expect(catalog.load(SourceFile(path: "w.flow", text: "# comment\n" + Self.version1)) == .unchanged(hash: first))
        guard case .replaced(let old, let new) = catalog.load(SourceFile(path: "w.flow", text: Self.version2)) else {
            Issue.record("a changed rule should replace the version"); return
        }
        #expect(old == first && new != first)
        #expect(catalog.workflow(hash: first)?.category(named: "t")?.receivers == [.rank("cm", exact: false)])
        #expect(catalog.workflow(hash: new)?.category(named: "t")?.receivers == [.rank("admin", exact: false)])
        #expect(catalog.outdated([first: 2, new: 1]) == [first: 2])
    }

    @Test("a broken reload changes nothing")
    func brokenReload() {
        var catalog = WorkflowCatalog()
        catalog.load(SourceFile(path: "w.flow", text: Self.version1))
        let before = catalog.current["w.flow"]
        let change = catalog.load(SourceFile(path: "w.flow", text: Self.version1.replacingOccurrences(of: "receives cm", with: "receives cn")))
        guard case .rejected(let keeping, let errors) = change else {
            Issue.record("expected the reload to be rejected"); return
        }
        #expect(keeping == before)
        #expect(errors.map(\.code) == [.undefinedName])
        #expect(catalog.current["w.flow"] == before)
    }
}
