import Foundation
import Testing
@testable import WorkflowDSL

@Suite("Reporters")
struct ReporterTests {
    static let broken = minimalWorkflow.replacingOccurrences(of: "receives cm", with: "receives traine")
        + "text sobra \"x\"\n"

    var run: LintRun {
        let source = SourceFile(path: "dir/el caso.flow", text: Self.broken)
        return LintRun(files: [.init(source: source, diagnostics: WorkflowCompiler.compile(source).diagnostics)])
    }

    @Test("text: compiler style with the line, a caret and the help")
    func text() {
        let output = TextReporter.render(run)
        #expect(output.hasPrefix("dir/el caso.flow:5:12: error[E101]: `traine` is not declared"))
        #expect(output.contains(" 5 |   receives traine\n   |            ^^^^^^\n   = help: did you mean `trainee`?"))
        #expect(output.hasSuffix("1 file checked: 1 error, 1 warning\n"))
    }

    @Test("json: an array of records with the documented keys")
    func json() throws {
        let data = Data(JSONReporter.render(run).utf8)
        let records = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(records.count == 2)
        let first = records[0]
        for key in ["file", "line", "column", "endLine", "endColumn", "severity", "code", "message"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["line"] as? Int == 5 && first["column"] as? Int == 12 && first["endColumn"] as? Int == 18)
        #expect(first["severity"] as? String == "error" && records[1]["severity"] as? String == "warning")
    }

    @Test("github: workflow commands with escaped properties")
    func github() {
        let lines = GitHubReporter.render(run).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::error file=dir/el caso.flow,line=5,col=12,endLine=5,endColumn=18,title=escala E101::"))
        #expect(lines[0].contains("%0Adid you mean"), "the help follows on an escaped new line")
        #expect(lines[1].hasPrefix("::warning "))
        #expect(GitHubReporter.escapeProperty("a:b,c%") == "a%3Ab%2Cc%25")
    }

    @Test("sarif: version, every rule, results pointing at the rule")
    func sarif() throws {
        let data = Data(SARIFReporter.render(run, toolVersion: "1.0").utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == DiagnosticCode.allCases.count)
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        let index = try #require(results[0]["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == results[0]["ruleId"] as? String)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "dir/el%20caso.flow")
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() {
        let source = SourceFile(path: "x", text: "ñandú ñ error")
        #expect(source.location(of: Array("ñandú ñ ".utf8).count).column == 9)
    }
}
