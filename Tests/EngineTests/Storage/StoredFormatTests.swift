import Foundation
import Testing
@testable import Engine
import WorkflowDSL

/// The stored JSON of every kind of value the database keeps (ticket
/// states, events, effects, community effects), pinned by golden files:
/// renaming a case or a field changes the bytes and fails here, before
/// pending outbox rows written by the running version become unreadable
/// after an upgrade. To accept a deliberate change, bump
/// `StoreCoding.format`, keep a decoder for the old format, and rewrite the
/// goldens with `ESCALA_UPDATE_GOLDEN=1 swift test --filter StoredFormatTests`.
@Suite("Stored formats")
struct StoredFormatTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let ana = Person(id: "100", name: "ana", ranks: [], roles: [])
    static let beto = Person(id: "200", name: "beto", ranks: ["moderator"], roles: ["programador"])
    static let timer = TicketTimer(purpose: .transition(index: 2), generation: 3, dueAt: 43_200)

    static var state: TicketState {
        var state = TicketState(number: 7, category: "reportes", workflowHash: "abc123", owner: "100", ownerName: "ana",
                                locale: "es-ES", state: "con_cm", now: 1_000)
        state.handler = "200"
        state.handlerLevel = 2
        state.assignedTo = .rank("admin", exact: false)
        state.escalationStep = 1
        state.flags = ["voz"]
        state.answers = ["motivo": "insultos"]
        state.evidence = ["pruebas": ["https://example.org/a.png"]]
        state.sanction = "troll"
        state.sanctioner = "200"
        state.attachments = ["https://example.org/a.png"]
        state.appealedSanction = 4
        state.userHasSpoken = true
        state.lastUserMessageAt = 1_100
        return state
    }

    static let events: [TicketEvent] = [
        .opened(by: ana, answers: ["motivo": "insultos"]),
        .message(.init(id: "m1", author: beto, text: "hola", attachments: ["https://example.org/a.png"], mentionsOwner: true)),
        .button(name: "escalar", by: beto),
        .command(name: "cerrar", by: beto),
        .formSubmitted(form: "close_reason", by: beto, answers: ["reason": "resuelto"]),
        .sanctionApplied(offence: "troll", member: "300", warned: true, by: beto),
        .appealedSanctionChosen(.recorded(id: 4), by: beto),
        .appealedSanctionChosen(.outside(offence: "troll", sanctioner: "200"), by: beto),
        .timerFired(timer),
        .memberLeft,
        .channelDeleted,
    ]

    static let effects: [Effect] = [
        .createChannel(name: "reportes-7", visibleTo: [.rank("cm", exact: false), .role("programador")]),
        .send(text: RichText([.text("Hola "), .person("100")]), buttons: ["cerrar"], pings: [.user]),
        .send(text: RichText("Hola"), buttons: [], pings: [.user], answers: [OpeningAnswer(question: "¿A quién?", answer: "Pepe")]),
        .notice(text: RichText([.person("200"), .text(", espera.")]), pinging: ["200"]),
        .deleteMessage(id: "m1"),
        .rename("dev_obj-7"),
        .setVisibility(ranks: [.rank("admin", exact: false)], people: ["200"]),
        .mention(ranks: [.rank("trainee", exact: true)], people: []),
        .notify(channel: "chat_staff", text: RichText("Nuevo reporte"), pings: [.rank("moderator", exact: false)]),
        .publish(channel: "ofertas", text: RichText("Oferta")),
        .refuse(person: "200", reason: RichText("Solo cm+ puede hacer esto.")),
        .showForm("close_reason", to: "200"),
        .showSanctions(to: "200"),
        .showAppealedSanctions(to: "200"),
        .grantRole("veterano", to: "100", forSeconds: 604_800),
        .revokeRole("veterano", from: "100"),
        .transcript(channel: "registros"),
        .close(reason: "resuelto"),
        .askRating(text: RichText("¿Qué tal?"), to: "100"),
        .schedule(timer),
        .cancelTimer(key: "t2"),
    ]

    static let communityEffects: [CommunityEffect] = [
        .grantRole(role: "veterano", member: "100"),
        .revokeRole(role: "veterano", member: "100"),
        .postRanking(channel: "tops", ranking: ActivityRanking(
            workflow: "c.flow", board: "semanal", title: "TOP", image: nil, timeZone: "Europe/Madrid",
            window: ActivityWindow(start: 0, end: 604_800), closedAt: 604_800, members: 1,
            entries: [.init(member: "100", messages: 3, reactions: 1, reputation: 1, total: 5)])),
    ]

    /// One stored value a line.
    static func lines(_ values: [some Encodable]) throws -> String {
        try values.map { String(decoding: try StoreCoding.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
    }

    static func check<T: Codable & Equatable>(_ values: [T], file: String) throws {
        let url = golden.appendingPathComponent(file)
        let written = try lines(values)
        if ProcessInfo.processInfo.environment["ESCALA_UPDATE_GOLDEN"] == "1" {
            try written.write(to: url, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: url, encoding: .utf8)
        #expect(written == stored, "the stored format of \(T.self) changed: see this suite's comment")
        let read = try stored.split(separator: "\n").map { try StoreCoding.decode(T.self, from: Data($0.utf8), what: file) }
        #expect(read == values)
    }

    @Test("ticket states") func states() throws { try Self.check([Self.state], file: "ticket-state.jsonl") }
    @Test("events") func eventLog() throws { try Self.check(Self.events, file: "events.jsonl") }
    @Test("ticket effects") func outboxEffects() throws { try Self.check(Self.effects, file: "effects.jsonl") }
    @Test("community effects") func community() throws { try Self.check(Self.communityEffects, file: "community-effects.jsonl") }

    @Test("rows written before formats were named (format 0) still read")
    func formatZero() throws {
        let bare = #"{"send":{"buttons":["cerrar"],"pings":[{"user":{}}],"text":"¡Hola <@100>!"}}"#
        #expect(try StoreCoding.decode(Effect.self, from: Data(bare.utf8), what: "row")
            == .send(text: RichText("¡Hola <@100>!"), buttons: ["cerrar"], pings: [.user]))
    }

    @Test("a row from a newer Escala is refused with what to do, not misread")
    func newerFormat() {
        #expect(throws: StoreError.corrupt("row was written in format 9 by a newer Escala; run that version")) {
            try StoreCoding.decode(Effect.self, from: Data(#"{"format":9,"value":{"rename":{"_0":"x"}}}"#.utf8), what: "row")
        }
    }
}
