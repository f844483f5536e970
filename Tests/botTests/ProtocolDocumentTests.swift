import Foundation
import Testing

/// `docs/protocol.md` cites a line of `workflows/roleplay.flow` for every
/// rule of the role-play protocol. Lines move when the workflow is edited;
/// this keeps the citations honest, and every cited scenario real.
@Suite("docs/protocol.md")
struct ProtocolDocumentTests {
    static func read(_ path: String) throws -> String {
        try String(contentsOf: CLI.repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// `[`98`](../workflows/roleplay.flow#L98) `on button es_staff by cm``.
    static var citation: Regex<(Substring, Substring, Substring, Substring)> { #/\[`(\d+)`\]\(\.\./workflows/roleplay\.flow#L(\d+)\) `([^`]+)`/# }
    static var scenarioLink: Regex<(Substring, Substring)> { #/\]\(\.\./(workflows/scenarios/[^)]+\.scenario)\)/# }

    @Test("every cited line of roleplay.flow holds the code quoted beside it")
    func citedLinesMatch() throws {
        let document = try Self.read("docs/protocol.md")
        let workflow = try Self.read("workflows/roleplay.flow").split(separator: "\n", omittingEmptySubsequences: false)
        var count = 0
        for match in document.matches(of: Self.citation) {
            count += 1
            let shown = Int(match.1)!, anchor = Int(match.2)!
            #expect(shown == anchor, "the link text says line \(shown) but points at line \(anchor)")
            guard anchor >= 1, anchor <= workflow.count else {
                Issue.record("line \(anchor) is past the end of roleplay.flow")
                continue
            }
            #expect(workflow[anchor - 1].contains(match.3),
                    "roleplay.flow:\(anchor) no longer says `\(match.3)`: run `python3 scripts/renumber-protocol.py` (the line is \"\(workflow[anchor - 1])\")")
        }
        #expect(count >= 60, "docs/protocol.md cites \(count) lines; the table must cover every rule of seeds 000 and 001")
    }

    @Test("every scenario the table names exists and is run by make scenarios")
    func scenariosExist() throws {
        let document = try Self.read("docs/protocol.md")
        let paths = Set(document.matches(of: Self.scenarioLink).map { String($0.1) })
        #expect(!paths.isEmpty)
        for path in paths.sorted() {
            #expect(FileManager.default.fileExists(atPath: CLI.repository.appendingPathComponent(path).path), "\(path) does not exist")
        }
    }
}
