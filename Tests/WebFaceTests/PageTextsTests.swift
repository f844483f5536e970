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

    @Test("the browser's language is followed when offered, Spanish otherwise")
    func browserLanguage() {
        #expect(PageTexts.language(accepting: "fr-FR,fr;q=0.9,en;q=0.8") == "fr")
        #expect(PageTexts.language(accepting: "de-DE,en;q=0.5") == "en")
        #expect(PageTexts.language(accepting: "de") == "es")
        #expect(PageTexts.language(accepting: nil) == "es")
    }
}
