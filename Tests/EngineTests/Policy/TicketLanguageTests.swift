import Engine
import Testing
import WorkflowDSL

/// One language per ticket, decided in the engine for every face.
@Suite("The ticket's language")
struct TicketLanguageTests {
    static func language(locales: String, member: String) async throws -> (String, Form?) {
        let engine = try await StoreHarness.engine("locales \(locales)\n" + StoreHarness.minimal)
        let ticket = try #require(try await engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "1"),
                                                        locale: member, now: 0).ticket)
        return (engine.language(of: ticket.state), engine.form(TicketMachine.closeReasonForm, for: ticket.state))
    }

    @Test("a member whose Discord speaks English gets Spanish in a Spanish-only workflow, and English where the workflow has it")
    func memberLanguageOnlyWhenDeclared() async throws {
        let (spanishOnly, spanishForm) = try await Self.language(locales: "es", member: "en-US")
        #expect(spanishOnly == "es")
        #expect(spanishForm?.title == NoticeCatalogue.text(.closeReasonLabel, locale: "es").plain)
        let (both, englishForm) = try await Self.language(locales: "es, en", member: "en-US")
        #expect(both == "en")
        #expect(englishForm?.title == NoticeCatalogue.text(.closeReasonLabel, locale: "en").plain)
        #expect(spanishForm?.title != englishForm?.title)
    }
}
