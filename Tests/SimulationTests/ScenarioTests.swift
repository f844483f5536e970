import Engine
import Foundation
import Simulation
import Testing
import WorkflowDSL

@Suite("Scenarios")
struct ScenarioTests {
    /// `Tests/Fixtures/desk.flow`, a small desk written for the tests, on a
    /// temporary database.
    static func deskEngine() async throws -> TicketEngine {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/desk.flow"), encoding: .utf8)
        let engine = try await TicketEngine(store: try TicketStore.temporary())
        _ = try await engine.load(SourceFile(path: "desk.flow", text: text), now: 0)
        return engine
    }

    func run(_ text: String) async throws -> SimulationReport {
        let (scenario, errors) = ScenarioParser.parse(text, path: "s.scenario")
        #expect(errors.isEmpty, "\(errors)")
        let engine = try await Self.deskEngine()
        let runner = ScenarioRunner(engine: engine, workflowPath: "desk.flow", discord: try SimulatedDiscord())
        #expect(runner.validate(scenario).isEmpty)
        return try await runner.run(scenario)
    }

    @Test("every mistake in a scenario file is reported with its line and a way out")
    func parseErrors() {
        let (_, errors) = ScenarioParser.parse("""
            member ana
            staff beto
            ana opens caso
            carla says "hola"
            ana says "sin cerrar
            wait soon
            expect nonsense
            """, path: "bad.scenario")
        #expect(errors.map(\.line) == [2, 4, 5, 6, 7])
        #expect(errors[0].description == "bad.scenario:2: error: staff beto needs a rank or role, e.g. `staff beto moderator`")
        #expect(errors[1].message.contains("`carla` is not declared: add `member carla`"))
    }

    @Test("names the workflow does not know are caught before anything runs")
    func validation() async throws {
        let (scenario, _) = ScenarioParser.parse("""
            staff beto moderador
            beto opens casos
            beto presses subri
            """, path: "s.scenario")
        let runner = ScenarioRunner(engine: try await Self.deskEngine(), workflowPath: "desk.flow", discord: try SimulatedDiscord())
        let messages = runner.validate(scenario).map(\.message)
        #expect(messages.count == 3)
        #expect(messages[0].hasPrefix("`moderador` is neither a rank nor a role of the workflow (ranks: cm, trainee, moderator"))
        #expect(messages[1].hasPrefix("the workflow has no ticket category `casos` (it has: "))
        #expect(messages[1].contains("caso"))
        #expect(messages[2].contains("no category of the workflow has a button `subri`"))
    }

    @Test("a menu of the opening form is answered with one of its choices, as on Discord; the ticket keeps the choice's name")
    func menuAnswers() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("workflows/roleplay.flow"), encoding: .utf8)
        let engine = try await TicketEngine(store: try TicketStore.temporary())
        _ = try await engine.load(SourceFile(path: "roleplay.flow", text: text), now: 0)
        let runner = ScenarioRunner(engine: engine, workflowPath: "roleplay.flow", discord: try SimulatedDiscord())
        let (wrong, _) = ScenarioParser.parse("""
            member jugador
            jugador opens anticheat with ultimos_30s="Nada", terceros="No", software="Nada", fps_citizen="No, ninguno"
            """, path: "s.scenario")
        #expect(runner.validate(wrong).map(\.message)
                == ["`fps_citizen` is a menu: `No, ninguno` is not one of its choices; pick one of `si` (Sí), `no` (No), `nose` (No lo sé)"])
        let (right, _) = ScenarioParser.parse("""
            member jugador
            jugador opens anticheat with ultimos_30s="Nada", terceros="No", software="Nada", fps_citizen="nose"
            expect sent "¿Instalaste hace poco archivos FPS/Citizen?: No lo sé"
            """, path: "s.scenario")
        #expect(runner.validate(right).isEmpty)
        let report = try await runner.run(right)
        #expect(report.passed, "\(report.failures)")
        #expect(try await engine.ticket(id: 1)?.state.answers["fps_citizen"] == "nose")
    }

    @Test("`runs /help` answers as on Discord: only to that person, in their language, staff's commands only for staff")
    func help() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("workflows/roleplay.flow"), encoding: .utf8)
        let engine = try await TicketEngine(store: try TicketStore.temporary())
        _ = try await engine.load(SourceFile(path: "roleplay.flow", text: text), now: 0)
        let runner = ScenarioRunner(engine: engine, workflowPath: "roleplay.flow", discord: try SimulatedDiscord())
        let (scenario, errors) = ScenarioParser.parse("""
            member jugador
            staff ana cm
            jugador runs /help
            expect sent "Lo que puedes usar aquí"
            expect not sent "/estadisticas"
            ana runs /help
            expect sent "• /estadisticas — Estadísticas de tickets"
            expect sent "• /sanciones — "
            """, path: "s.scenario")
        #expect(errors.isEmpty, "\(errors)")
        let report = try await runner.run(scenario)
        #expect(report.passed, "\(report.failures.map { "\($0.line): \($0.detail ?? "")" })")
        #expect(report.entries.first?.effects.first?.hasPrefix("tells @jugador privately: ") == true, "\(report.entries.first?.effects ?? [])")
    }

    @Test("a failed expectation names its line and says what happened instead")
    func failedExpectation() async throws {
        let report = try await run("""
            member jugador
            staff ana cm
            jugador opens caso
            expect state cerrado
            wait 16m
            expect closed
            expect open
            """)
        #expect(report.failures.map(\.line) == [4, 7])
        #expect(report.failures.first?.detail == "the state is `nuevo`")
        #expect(report.failures.last?.detail?.hasPrefix("closed: ") == true)
    }

    @Test("nobody acts in a channel Discord would not show them: another member, a side role; the member and the ranks it is open to do")
    func onlyWhoSeesTheChannelActs() async throws {
        let report = try await run("""
            member jugador
            member otro
            staff ana cm
            staff nash programador
            jugador opens caso with persona="Pepe"
            otro says "Yo también quiero"
            nash says "Miro esto"
            jugador says "Hola"
            ana says "Te atiendo"
            expect handler ana
            """)
        #expect(report.failures.map(\.line) == [6, 7])
        #expect(report.failures.first?.detail == "otro cannot see this channel: on Discord it is shown to its member and cm+")
        #expect(report.failures.last?.detail?.hasPrefix("nash cannot see this channel") == true)
    }

    @Test("Discord refuses a new ticket's channel only as it is made, not once people have written in it")
    func channelRefusedOnlyAtCreation() async throws {
        let report = try await run("""
            member jugador
            jugador opens caso with persona="Pepe"
            jugador says "Hola"
            channel refused
            expect open tickets 1
            """)
        #expect(report.failures.map(\.line) == [4])
        #expect(report.failures.first?.detail?.contains("right after the line that opens the ticket") == true)
    }

    @Test("an expectation about a ticket fails when no ticket was opened")
    func expectationWithoutTicket() async throws {
        let report = try await run("""
            member jugador
            expect state open
            jugador opens caso
            """)
        #expect(report.failures.map(\.line) == [2])
        #expect(report.failures.first?.detail == "no ticket is open yet")
    }

    @Test("a role the bot gives members makes nobody staff, in a scenario as on Discord")
    func memberRoleIsNotStaff() async throws {
        let engine = try await TicketEngine(store: try TicketStore.temporary())
        _ = try await engine.load(SourceFile(path: "roles.flow", text: """
            ranks cm < admin
            role veterano "Veterano"
            channel soporte
            panel p "Soporte" in soporte { opens caso }
            autorole antiguedad: grant veterano after 30d in server
            ticket caso "Caso" {
              receives cm
              button cerrar "Cerrar"
              on button cerrar by staff: close
            }
            """), now: 0)
        let (scenario, errors) = ScenarioParser.parse("""
            member ana veterano
            staff carla cm
            ana opens caso
            ana presses cerrar
            expect refused
            expect open
            carla presses cerrar
            expect closed
            """, path: "roles.scenario")
        #expect(errors.isEmpty, "\(errors)")
        let runner = ScenarioRunner(engine: engine, workflowPath: "roles.flow", discord: try SimulatedDiscord())
        #expect(runner.validate(scenario).isEmpty)
        let report = try await runner.run(scenario)
        #expect(report.passed, "\(report.failures)")
    }

    @Test("time passes: the silence timer runs from the last mention of the user")
    func silenceTimer() async throws {
        let report = try await run("""
            member jugador
            staff ana cm
            jugador opens caso
            jugador says "¿Cómo consigo el rol de streamer?"
            ana says "@jugador, ¿sigues ahí?"
            wait 10h
            expect open
            wait 1h
            expect sent "se cerrará en 1 hora"
            expect open
            wait 1h
            expect closed
            """)
        #expect(report.passed, "\(report.failures)")
    }

    @Test("the negatives hold when nothing of the kind happened, and fail saying what did")
    func negatives() async throws {
        let report = try await run("""
            member jugador
            staff ana cm
            staff carla trainee
            jugador opens caso
            jugador says "Me robaron"
            ana says "Te atiendo"
            expect not visible to programador
            expect not mentioned trainee
            ana presses subir
            expect mentioned trainee
            expect not mentioned moderator
            expect visible to moderator
            expect not refused
            expect not notified chat_staff
            carla presses subir
            expect not refused
            expect not mentioned trainee
            expect not visible to trainee
            """)
        // The subir button is cm's and was pressed in the new state only:
        // carla's press is refused (line 16), pings nobody (17), and the
        // channel has been visible to trainees since the escalation (18);
        // a side role was never given it (7), and cm+ sees it from the
        // start (the ladder, as on Discord).
        #expect(report.failures.map(\.line) == [16, 18], "\(report.failures)")
        #expect(report.failures.first?.detail?.hasPrefix("refused: ") == true)
    }

    @Test("mentioned means pinged: widening who sees the channel, or a name in a text, pings nobody")
    func mentionedMeansPinged() async throws {
        let report = try await run("""
            member jugador
            staff ana cm
            jugador opens devolucion with tipo="objetos"
            expect visible to admin
            expect mentioned admin
            expect not mentioned moderator
            jugador says "@admin ayuda"
            expect not mentioned admin
            """)
        #expect(report.passed, "\(report.failures)")
    }
}
