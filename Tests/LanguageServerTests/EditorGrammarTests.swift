import Foundation
import Testing
import WorkflowDSL

/// `editors/flow.tmLanguage.json`, the TextMate grammar editors colour
/// workflow files with.
@Suite("The editors' grammar")
struct EditorGrammarTests {
    static let grammar = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("editors/flow.tmLanguage.json")

    @Test("it is valid JSON, for *.flow files, and every keyword of the language is coloured as one")
    func everyKeyword() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.grammar)) as? [String: Any])
        #expect(json["scopeName"] as? String == "source.escala-flow")
        #expect(json["fileTypes"] as? [String] == ["flow"])
        let repository = try #require(json["repository"] as? [String: [String: Any]])
        var coloured: Set<String> = []
        for rule in ["keyword", "control", "actor"] {
            let match = try #require(repository[rule]?["match"] as? String)
            let inner = match.replacingOccurrences(of: "\\b(", with: "").replacingOccurrences(of: ")\\b", with: "")
            coloured.formUnion(inner.split(separator: "|").map(String.init))
            #expect(throws: Never.self) { try NSRegularExpression(pattern: match) }
        }
        let keywords = Keywords.topLevel + Keywords.ticketBody + Keywords.stateBody + Keywords.actions + Keywords.triggers
            + Keywords.panelBody + Keywords.offenceBody
        #expect(Set(keywords).subtracting(coloured).isEmpty, "add to the grammar: \(Set(keywords).subtracting(coloured).sorted())")
    }
}
