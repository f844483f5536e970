import Foundation
import Testing
@testable import Simulation
import WorkflowDSL

/// The trace's words: every sentence the trace says is worded in Spanish
/// and French, with the same places, and a value is never read as a place.
@Suite("Trace words")
struct TraceWordsTests {
    /// The templates the Simulation sources pass to `words(…)`: the text
    /// literals before its first top-level comma (both sides of a `? :`).
    static func templates() throws -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/Simulation")
        var found: [String] = []
        for case let file as String in FileManager.default.enumerator(atPath: folder.path)!
        where file.hasSuffix(".swift") && !file.hasPrefix("Words/") {
            let text = Array(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            var index = 0
            let call = Array("words(")
            while index + call.count <= text.count {
                guard Array(text[index..<index + call.count]) == call else { index += 1; continue }
                index += call.count
                var depth = 0
                scan: while index < text.count {
                    switch text[index] {
                    case "\"":
                        var literal = ""
                        index += 1
                        while text[index] != "\"" {
                            if text[index] == "\\" { literal.append(text[index + 1]); index += 2; continue }
                            literal.append(text[index])
                            index += 1
                        }
                        found.append(literal)
                    case "(", "[", "{": depth += 1
                    case ")", "]", "}":
                        if depth == 0 { break scan }
                        depth -= 1
                    case "," where depth == 0: break scan
                    default: break
                    }
                    index += 1
                }
            }
        }
        return found
    }

    static func places(_ text: String) -> [String] {
        text.matches(of: #/\{\d\}/#).map { String($0.output) }.sorted()
    }

    @Test("every sentence of the trace is worded in Spanish and French, with the same places")
    func everySentence() throws {
        let templates = try Self.templates()
        #expect(templates.count > 80, "the source scan found the trace's sentences")
        for language in [DiagnosticLanguage.es, .fr] {
            let words = try #require(TraceWords.translations(language))
            for template in Set(templates + ["scenarios: {0} passed, {1} failed"]) {
                guard let translated = words[template] else { Issue.record("\(language.rawValue): no words for «\(template)»"); continue }
                #expect(Set(Self.places(translated)) == Set(Self.places(template)), "\(language.rawValue): \(template) → \(translated)")
            }
            let unused = Set(words.keys).subtracting(templates + ["scenarios: {0} passed, {1} failed"])
            #expect(unused.isEmpty, "\(language.rawValue): words no trace says any more: \(unused.sorted())")
        }
    }

    @Test("places are filled once: a name that says `{1}` stays as written")
    func filling() {
        let words = TraceWords(.es)
        #expect(words("{0} presses {1}", "ana", "cerrar") == "ana pulsa cerrar")
        #expect(words("{0} says \"{1}\"", "ana", "mira {1} y {0}") == "ana dice «mira {1} y {0}»")
        #expect(TraceWords(.en)("{0} presses {1}", "ana", "cerrar") == "ana presses cerrar")
        #expect(TraceWords(.fr)("a sentence nobody translated {0}", 3) == "a sentence nobody translated 3")
    }
}
