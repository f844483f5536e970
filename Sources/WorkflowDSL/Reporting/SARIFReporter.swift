import Foundation

/// `--format sarif`: SARIF 2.1.0, which code-scanning dashboards import.
/// Every rule of the catalogue is listed, so a result's `ruleIndex` is
/// stable across runs.
public enum SARIFReporter {
    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        let tool: Tool
        let columnKind = "unicodeCodePoints"
        let results: [Result]
    }
    struct Tool: Encodable { let driver: Driver }
    struct Driver: Encodable {
        let name = "escala"
        let version: String
        let rules: [Rule]
    }
    struct Rule: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        /// The explanation with a bad and a fixed example, which code
        /// scanning shows beside a result (`escala explain` prints it too).
        let help: Help
        /// The code's section of `docs/language.md`, when the report knows
        /// where the documentation is published (SARIF wants an absolute URI).
        let helpUri: String?
        let defaultConfiguration: Configuration
    }
    struct Help: Encodable {
        let text: String
        let markdown: String
    }
    struct Configuration: Encodable { let level: String }
    struct Message: Encodable { let text: String }
    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let relatedLocations: [RelatedLocation]?
        let fixes: [Fix]?
    }
    /// A certain fix, as SARIF writes edits: what to replace in which file.
    struct Fix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
    }
    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }
    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: Content
    }
    struct Content: Encodable { let text: String }
    struct Location: Encodable { let physicalLocation: PhysicalLocation }
    struct RelatedLocation: Encodable {
        let id: Int
        let physicalLocation: PhysicalLocation
        let message: Message
    }
    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }
    struct ArtifactLocation: Encodable { let uri: String }
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
    }

    /// `docsURL`: where `docs/language.md` is published (`https://…/docs/language.md`).
    public static func render(_ run: LintRun, toolVersion: String, docsURL: String? = nil) -> String {
        let codes = DiagnosticCode.allCases
        let rules = codes.map { code in
            Rule(id: code.rawValue, name: code.title, shortDescription: Message(text: code.summary),
                 help: Help(text: code.explanation, markdown: code.explanation),
                 helpUri: docsURL.map { $0 + "#" + code.documentationAnchor },
                 defaultConfiguration: Configuration(level: code.severity.rawValue))
        }
        let results = DiagnosticRecord.records(of: run).map { record in
            Result(ruleId: record.code,
                   ruleIndex: codes.firstIndex { $0.rawValue == record.code } ?? 0,
                   level: record.severity.rawValue,
                   message: Message(text: record.message + (record.help.map { " (\($0))" } ?? "")),
                   locations: [Location(physicalLocation: PhysicalLocation(
                       artifactLocation: ArtifactLocation(uri: uri(record.file)),
                       region: Region(startLine: record.line, startColumn: record.column,
                                      endLine: record.endLine, endColumn: record.endColumn)))],
                   relatedLocations: record.related.map { related in
                       related.enumerated().map { index, other in
                           RelatedLocation(id: index, physicalLocation: PhysicalLocation(
                               artifactLocation: ArtifactLocation(uri: uri(record.file)),
                               region: Region(startLine: other.line, startColumn: other.column, endLine: other.endLine, endColumn: other.endColumn)),
                                           message: Message(text: other.message))
                       }
                   },
                   fixes: record.fix.map { fix in
                       [Fix(description: Message(text: fix.replacement.trimmingCharacters(in: .newlines) == "}" ? "close the block"
                                                 : "write `\(fix.replacement)`"),
                            artifactChanges: [ArtifactChange(artifactLocation: ArtifactLocation(uri: uri(record.file)), replacements: [
                                Replacement(deletedRegion: Region(startLine: fix.line, startColumn: fix.column, endLine: fix.endLine, endColumn: fix.endColumn),
                                            insertedContent: Content(text: fix.replacement)),
                            ])])]
                   })
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: toolVersion, rules: rules)), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(log)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A relative path as a URI reference: spaces and the like escaped.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
