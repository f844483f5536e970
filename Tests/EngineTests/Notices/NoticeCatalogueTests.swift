@testable import Engine
import Testing
import WorkflowDSL

@Suite("Notice catalogue")
struct NoticeCatalogueTests {
    /// `{name}` places of a catalogue entry, in order of first use.
    static func places(_ words: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(words)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            found.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return found
    }

    @Test("every key has words in every language, with the same places to fill")
    func everyKeyInEveryLanguage() {
        #expect(Set(NoticeCatalogue.languages.keys) == ["en", "es", "fr"])
        for (language, table) in NoticeCatalogue.languages {
            for key in NoticeKey.allCases {
                guard let words = table[key] else {
                    Issue.record("\(language) has no words for \(key)")
                    continue
                }
                #expect(!words.isEmpty, "\(language).\(key)")
                #expect(Self.places(words) == Self.places(NoticeCatalogue.english[key] ?? ""), "\(language).\(key): \(words)")
            }
            #expect(table.count == NoticeKey.allCases.count, "\(language) has entries for keys that no longer exist")
        }
    }

    @Test("people stay people: a notice names staff as a segment, never as markup")
    func peopleAreSegments() {
        let text = NoticeCatalogue.text(.ticketOwned(staff: "301", handler: "302"), locale: "es-ES")
        #expect(text.people == ["301", "302"])
        #expect(text.rendered(person: { "@" + $0 }) == "@301, este ticket lo atiende @302: tu mensaje se eliminó.")
        #expect(!text.plain.contains("<@"))
    }

    @Test("the member's language when the catalogue has it, else English")
    func languageRule() {
        #expect(NoticeCatalogue.text(.notATicket, locale: "fr").plain == "Cela ne fonctionne que dans un ticket.")
        #expect(NoticeCatalogue.text(.notATicket, locale: "es-419").plain == "Esto solo funciona dentro de un ticket.")
        #expect(NoticeCatalogue.text(.notATicket, locale: "de").plain == "This only works inside a ticket.")
    }

    @Test("arguments are filled in each language: counts, periods and who may act")
    func arguments() {
        #expect(NoticeCatalogue.text(.repLimit(count: 2, perMember: true, seconds: 86_400), locale: "fr").plain
            == "Vous avez déjà donné 2 point(s) de réputation à ce membre en 1 j : attendez pour en donner plus.")
        #expect(NoticeCatalogue.text(.notAllowed(who: [.handler, .rank("cm", exact: false)]), locale: "es").plain
            == "Solo quien atiende el ticket o un cm (o superior) puede hacer esto.")
        let names = ["trainee": "Trainee", "programador": "PROGRAMADOR NASH", "admin": "Administrador"]
        #expect(NoticeCatalogue.text(.notAllowed(who: [.rank("trainee", exact: false)], displayNames: names), locale: "es").plain
            == "Solo un Trainee o un rango superior puede hacer esto.", "the seed's wording, by the rank's name")
        #expect(NoticeCatalogue.text(.notAllowed(who: [.rank("admin", exact: true), .role("programador"), .user], displayNames: names),
                                     locale: "es").plain
            == "Solo un Administrador, un PROGRAMADOR NASH o el autor del ticket puede hacer esto.")
        #expect(NoticeCatalogue.text(.notAllowed(who: [.rank("trainee", exact: false), .rank("trainee", exact: false)], displayNames: names),
                                     locale: "fr").plain
            == "Seul un Trainee ou un rang supérieur peut faire cela.", "each named once")
        #expect(NoticeCatalogue.text(.notAllowed(who: [.rank("trainee", exact: false), .sanctioner], displayNames: names), locale: "en").plain
            == "Only a Trainee (or higher) or whoever applied the sanction can do this.")
        #expect(NoticeCatalogue.text(.repGiven(to: "9", points: 3, level: "bronce"), locale: "en").rendered(person: { "@" + $0 })
            == "+1 reputation for @9 (total: 3, level bronce).")
    }
}
