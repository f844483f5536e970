import Engine
import Foundation
import GRDB
import Testing
import WorkflowDSL

/// The sanctions ledger through the real engine and a real SQLite file:
/// what a sanction applied in one ticket records, how an appeal in another
/// ticket finds who applied it, and that no row can be changed afterwards.
@Suite("Sanctions ledger")
struct SanctionLedgerTests {
    static let workflow = """
        locales es
        ranks cm "CM" < trainee "Trainee" < admin "Administrador"
        channel panel
        panel p "P" in panel { opens reportes, apelaciones }
        ticket reportes "Reportes" {
          receives cm
          button sancionar "Sancionar"
          button cerrar "Cerrar"
          on button sancionar by trainee: choose sanction
          on button cerrar by cm: close
        }
        ticket apelaciones "Apelaciones" {
          receives cm
          button registrar "Registrar"
          button escalar "Escalar"
          button aceptar "Aceptar"
          on button registrar by cm: choose appealed sanction
          on button escalar by cm if sanction chosen: escalate to sanctioner
          on button aceptar by sanctioner: close "Aceptada"
        }
        sanctions {
          offence troll "Actitudes Troll" {
            sanction "1 día"
            applied by trainee
            evidence required
            warning required
          }
          offence cheating "Cheating" {
            sanction "Indefinido"
            applied by admin
          }
          offence spam "Spam de tickets" {
            sanction "Un día sin tickets"
            applied by trainee
            blocks tickets for 1d
          }
        }
        """

    static let reporter = Person(id: "10", name: "Rosa")
    static let player = Person(id: "11", name: "Jugador")
    static let cm = Person(id: "20", name: "Ana", ranks: ["cm"])
    static let trainee = Person(id: "30", name: "Carla", ranks: ["trainee"])
    static let otherTrainee = Person(id: "31", name: "Beto", ranks: ["trainee"])

    struct Desk {
        let engine: TicketEngine
        let path: String
        var now: Int64 = 1_000

        func open(_ category: String, by person: Person) async throws -> Int64 {
            let outcome = try await engine.open(guild: "g", workflow: "w.flow", category: category, owner: person, locale: "es", now: now)
            return try #require(outcome.ticket).id
        }

        @discardableResult
        func send(_ event: TicketEvent, to ticket: Int64) async throws -> [Effect] {
            try #require(try await engine.handle(event, ticket: ticket, now: now)).effects
        }

        func say(_ person: Person, _ text: String, attachments: [String] = [], in ticket: Int64) async throws {
            try await send(.message(.init(id: UUID().uuidString, author: person, text: text, attachments: attachments)), to: ticket)
        }
    }

    static func desk() async throws -> Desk {
        let path = StoreHarness.temporaryPath()
        return Desk(engine: try await StoreHarness.engine(workflow, path: path), path: path)
    }

    static func refusals(_ effects: [Effect]) -> [String] {
        effects.compactMap { if case .refuse(_, let reason) = $0 { reason.plain } else { nil } }
    }

    /// A report in which Carla sanctions the player for trolling.
    static func sanctionedReport(_ desk: Desk) async throws -> Int64 {
        let report = try await desk.open("reportes", by: reporter)
        try await desk.say(reporter, "Mi vídeo", attachments: ["https://cdn.example/troll.mp4"], in: report)
        try await desk.send(.button(name: "sancionar", by: trainee), to: report)
        let applied = try await desk.send(.sanctionApplied(offence: "troll", member: player.id, warned: true, by: trainee), to: report)
        #expect(refusals(applied) == [])
        return report
    }

    @Test("a sanction applied in a ticket is one ledger row: member, offence, the table's words, applier, ticket, evidence, warning")
    func applied() async throws {
        let desk = try await Self.desk()
        defer { StoreHarness.remove(desk.path) }
        _ = try await Self.sanctionedReport(desk)

        let ledger = try await desk.engine.sanctions(guild: "g", member: Self.player.id)
        #expect(ledger.count == 1)
        let row = try #require(ledger.first)
        #expect(row.entry == SanctionEntry(member: Self.player.id, offence: "troll", sanction: "1 día", appliedBy: Self.trainee.id,
                                           recordedBy: Self.trainee.id, evidence: ["https://cdn.example/troll.mp4"], warned: true,
                                           outsideEscala: false))
        #expect(row.ticketNumber == 1 && row.category == "reportes" && row.at == 1_000)
        #expect(try await desk.engine.sanctions(guild: "g", member: Self.reporter.id).isEmpty, "the reporter was not sanctioned")
        #expect(try await desk.engine.sanctions(guild: "other", member: Self.player.id).isEmpty, "another server's ledger is its own")
    }

    @Test("a row that `blocks tickets for 1d` also blocks the member, in the same step: their next open is refused with the row's words and the end; a day later they may open again")
    func rowThatBlocks() async throws {
        var desk = try await Self.desk()
        defer { StoreHarness.remove(desk.path) }
        let report = try await desk.open("reportes", by: Self.reporter)
        try await desk.send(.button(name: "sancionar", by: Self.trainee), to: report)
        let applied = try await desk.send(.sanctionApplied(offence: "spam", member: Self.player.id, warned: false, by: Self.trainee), to: report)
        #expect(Self.refusals(applied) == [])
        #expect(applied.contains { if case .notice(let text, _) = $0 { text.plain.contains("no puede abrir tickets hasta el") } else { false } })
        let refused = try await desk.engine.open(guild: "g", workflow: "w.flow", category: "reportes", owner: Self.player, locale: "es", now: desk.now + 60)
        guard case .refused(let reason) = refused else { Issue.record("opened while blocked: \(refused)"); return }
        #expect(reason.plain.contains("Spam de tickets") && reason.plain.contains("hasta el"), "\(reason.plain)")
        desk.now += 86_400
        #expect(try await desk.engine.open(guild: "g", workflow: "w.flow", category: "reportes", owner: Self.player, locale: "es", now: desk.now).ticket != nil,
                "the day is over")
    }

    @Test("the table's row is enforced: a rank below `applied by`, no evidence in the ticket, no warning given")
    func rowEnforced() async throws {
        let desk = try await Self.desk()
        defer { StoreHarness.remove(desk.path) }
        let report = try await desk.open("reportes", by: Self.reporter)
        try await desk.send(.button(name: "sancionar", by: Self.trainee), to: report)

        let reserved = try await desk.send(.sanctionApplied(offence: "cheating", member: Self.player.id, warned: true, by: Self.trainee), to: report)
        #expect(Self.refusals(reserved) == ["Solo un Administrador o un rango superior puede aplicar «Cheating»."])
        let noEvidence = try await desk.send(.sanctionApplied(offence: "troll", member: Self.player.id, warned: true, by: Self.trainee), to: report)
        #expect(Self.refusals(noEvidence) == ["«Actitudes Troll» necesita pruebas: adjunta al ticket una imagen o un vídeo y vuelve a aplicarla."])
        // Staff attach the evidence themselves; a warning is still owed.
        try await desk.say(Self.trainee, "La grabación", attachments: ["https://cdn.example/clip.mp4"], in: report)
        let noWarning = try await desk.send(.sanctionApplied(offence: "troll", member: Self.player.id, warned: false, by: Self.trainee), to: report)
        #expect(Self.refusals(noWarning).first?.contains("requiere un aviso previo") == true)
        #expect(try await desk.engine.sanctions(guild: "g", member: Self.player.id).isEmpty, "nothing refused is recorded")

        // The form stayed on offer: fixed, it goes through.
        let applied = try await desk.send(.sanctionApplied(offence: "troll", member: Self.player.id, warned: true, by: Self.trainee), to: report)
        #expect(Self.refusals(applied) == [])
        #expect(try await desk.engine.sanctions(guild: "g", member: Self.player.id).map(\.entry.evidence) == [["https://cdn.example/clip.mp4"]])
    }

    @Test("an appeal names the member's recorded sanction: its applier, not the CM who picked it, is the sanctioner")
    func appealReachesTheApplier() async throws {
        let desk = try await Self.desk()
        defer { StoreHarness.remove(desk.path) }
        _ = try await Self.sanctionedReport(desk)
        let record = try #require(try await desk.engine.sanctions(guild: "g", member: Self.player.id).first)

        let appeal = try await desk.open("apelaciones", by: Self.player)
        try await desk.send(.button(name: "registrar", by: Self.cm), to: appeal)
        let named = try await desk.send(.appealedSanctionChosen(.recorded(id: record.id), by: Self.cm), to: appeal)
        #expect(Self.refusals(named) == [])
        let ticket = try #require(try await desk.engine.ticket(id: appeal))
        #expect(ticket.state.sanctioner == Self.trainee.id && ticket.state.sanction == "troll" && ticket.state.appealedSanction == record.id)

        let escalated = try await desk.send(.button(name: "escalar", by: Self.cm), to: appeal)
        #expect(escalated.contains(.mention(ranks: [], people: [Self.trainee.id])))
        #expect(Self.refusals(try await desk.send(.button(name: "aceptar", by: Self.otherTrainee), to: appeal)).count == 1)
        try await desk.send(.button(name: "aceptar", by: Self.trainee), to: appeal)
        #expect(try await desk.engine.ticket(id: appeal)?.state.isClosed == true)
        #expect(try await desk.engine.sanctions(guild: "g", member: Self.player.id).count == 1, "naming a recorded sanction adds no row")
    }

    @Test("an appeal cannot name another member's sanction, nor an outside sanction without its offence and applier")
    func appealRefusals() async throws {
        let desk = try await Self.desk()
        defer { StoreHarness.remove(desk.path) }
        _ = try await Self.sanctionedReport(desk)
        let record = try #require(try await desk.engine.sanctions(guild: "g", member: Self.player.id).first)

        // The reporter appeals: the player's sanction is not theirs.
        let appeal = try await desk.open("apelaciones", by: Self.reporter)
        try await desk.send(.button(name: "registrar", by: Self.cm), to: appeal)
        #expect(Self.refusals(try await desk.send(.appealedSanctionChosen(.recorded(id: record.id), by: Self.cm), to: appeal)).count == 1)
        let incomplete = try await desk.send(.appealedSanctionChosen(.outside(offence: "troll", sanctioner: nil), by: Self.cm), to: appeal)
        #expect(Self.refusals(incomplete) == ["Para una sanción dada fuera de Escala, elige la falta y quién la aplicó."])
        #expect(try await desk.engine.ticket(id: appeal)?.state.sanctioner == nil)

        // Given outside Escala: recorded now, with who said who applied it.
        let outside = try await desk.send(.appealedSanctionChosen(.outside(offence: "troll", sanctioner: Self.otherTrainee.id), by: Self.cm), to: appeal)
        #expect(Self.refusals(outside) == [])
        let rows = try await desk.engine.sanctions(guild: "g", member: Self.reporter.id)
        #expect(rows.map(\.entry.appliedBy) == [Self.otherTrainee.id])
        #expect(rows.first?.entry.recordedBy == Self.cm.id && rows.first?.entry.outsideEscala == true)
        #expect(try await desk.engine.ticket(id: appeal)?.state.sanctioner == Self.otherTrainee.id)
    }

    @Test("the ledger is append-only: the database itself refuses to change or delete a row")
    func appendOnly() async throws {
        let desk = try await Self.desk()
        defer { StoreHarness.remove(desk.path) }
        _ = try await Self.sanctionedReport(desk)
        let queue = try DatabaseQueue(path: desk.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE sanction SET applied_by = 'otro'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM sanction") } }
        #expect(try await desk.engine.sanctions(guild: "g", member: Self.player.id).map(\.entry.appliedBy) == [Self.trainee.id])
    }
}
