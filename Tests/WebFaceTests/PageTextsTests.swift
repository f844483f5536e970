import Foundation
import Testing
@testable import WebFace

@Suite("The page's texts")
struct PageTextsTests {
    @Test("every key the page uses is in every language, and no two languages are left identical by mistake")
    func everyKeyInEveryLanguage() {
        let spanish = Set(PageTexts.catalogue["es"]!.keys)
        for language in PageTexts.languages {
            let keys = Set(PageTexts.catalogue[language]?.keys.map { $0 } ?? [])
            #expect(keys == spanish, "\(language): missing \(spanish.subtracting(keys).sorted()), extra \(keys.subtracting(spanish).sorted())")
        }
        let untranslated = spanish.filter { key in key != "title" && PageTexts.catalogue["es"]![key] == PageTexts.catalogue["en"]![key] }
        #expect(untranslated.isEmpty, "left in one language: \(untranslated.sorted())")
    }

    @Test("every key the page's script and template name is in the catalogue")
    func pageKeysAreKnown() throws {
        let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/WebFace/Assets")
        var used: Set<String> = []
        for (file, pattern) in [("playground.js", #"\bt\("([a-zA-Z.]+)""#), ("playground.mustache", #"data-text="([a-zA-Z.]+)""#)] {
            let text = try String(contentsOf: assets.appendingPathComponent(file), encoding: .utf8)
            let expression = try NSRegularExpression(pattern: pattern)
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let key = String(text[Range(match.range(at: 1), in: text)!])
                // `t("kind." + head)`: a family of keys, named whole in the catalogue.
                if !key.hasSuffix(".") { used.insert(key) }
            }
        }
        #expect(used.count > 20, "the scan found the page's keys")
        let known = Set(PageTexts.catalogue["es"]!.keys)
        #expect(used.subtracting(known).isEmpty, "unknown keys: \(used.subtracting(known).sorted())")
    }

    @Test("the browser's language is followed when offered, Spanish otherwise")
    func browserLanguage() {
        #expect(PageTexts.language(accepting: "fr-FR,fr;q=0.9,en;q=0.8") == "fr")
        #expect(PageTexts.language(accepting: "de-DE,en;q=0.5") == "en")
        #expect(PageTexts.language(accepting: "de") == "es")
        #expect(PageTexts.language(accepting: nil) == "es")
    }
}
