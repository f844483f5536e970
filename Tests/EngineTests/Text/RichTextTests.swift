import Engine
import Foundation
import Testing

@Suite("Rich text")
struct RichTextTests {
    @Test("the stored form: text segments as strings, others as one-key objects")
    func storedForm() throws {
        let text = RichText([.person("100"), .text(", hola "), .channel("200"), .rank("admin")])
        let json = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
        #expect(json == #"[{"person":"100"},", hola ",{"channel":"200"},{"rank":"admin"}]"#)
        #expect(try JSONDecoder().decode(RichText.self, from: Data(json.utf8)) == text)
    }

    @Test("an effect stored before texts were structured still reads back, as words")
    func olderOutboxRows() throws {
        // An outbox row written by the previous version (text was a string).
        let stored = #"{"send":{"text":"¡Hola <@100>!","buttons":["cerrar"],"pings":[{"user":{}}]}}"#
        let effect = try JSONDecoder().decode(Effect.self, from: Data(stored.utf8))
        guard case .send(let text, let buttons, _, _) = effect else {
            Issue.record("decoded as \(effect)")
            return
        }
        #expect(text == RichText("¡Hola <@100>!"))
        #expect(buttons == ["cerrar"])
    }

    @Test("rendering is the face's: the same text as Discord and as a scenario")
    func rendering() {
        let text = RichText([.text("Gracias, "), .person("7"), .text(".")])
        #expect(text.rendered(person: { "<@\($0)>" }) == "Gracias, <@7>.")
        #expect(text.rendered(person: { _ in "@ana" }) == "Gracias, @ana.")
        #expect(text.plain == "Gracias, 7.")
        #expect(RichText("").isEmpty && !text.isEmpty)
    }
}
