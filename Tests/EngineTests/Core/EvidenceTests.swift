import Engine
import Foundation
import Testing
import WorkflowDSL

/// Evidence as people give it: the bot asks for each written item by name,
/// the next message answers it, and the member always sees what is missing.
@Suite("Ticket machine: evidence item by item")
struct EvidenceTests {
    static let desk = """
    locales es
    ranks cm < admin
    channel soporte
    text saludo "¡Hola! ¿Qué necesitas?"
    panel p "Soporte" in soporte { opens streamer }
    ticket streamer "Streamer" {
      receives cm
      greeting saludo
      require attachment foto "Una foto tuya"
      require link redes "Tu canal"
      require text sobre_ti "Una breve descripción sobre ti"
      require list horarios "Tus horarios, uno por línea"
      button cerrar "Cerrar"
      on evidence complete: escalate to admin
      on button cerrar by staff: close
    }

    """

    static func ticket() throws -> TicketHarness {
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "e.flow", text: Self.desk)).workflow)
        return TicketHarness(workflow, category: "streamer", owner: People.user)
    }

    @Test("the reply to the greeting is not taken as an item: the bot then names the written item it expects, and the next message answers it")
    func replyToGreetingIsNotEvidence() throws {
        var ticket = try Self.ticket()
        let reply = ticket.say(People.user, "Hola, quiero ser streamer")
        #expect(ticket.state.evidence.isEmpty, "the reply answered the greeting")
        #expect(reply.texts == ["✍️ Ahora escribe, en un solo mensaje: Una breve descripción sobre ti\nFalta todavía:\n• Una foto tuya\n• Tu canal"
                                + "\n• Una breve descripción sobre ti\n• Tus horarios, uno por línea"])
        let answer = ticket.say(People.user, "Hago rol policial")
        #expect(ticket.state.evidence["sobre_ti"] == ["Hago rol policial"])
        #expect(answer.texts.first?.hasPrefix("✅ Recibido: «Una breve descripción sobre ti».\n✍️ Ahora escribe, en un solo mensaje: Tus horarios") == true,
                "\(answer.texts)")
    }

    @Test("a file or a link fills its item whenever it comes, without taking the written answer the bot is waiting for")
    func filesAndLinksAnyTime() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        let photo = ticket.say(People.user, "Mi foto", attachments: ["https://cdn.example/foto.png"])
        #expect(ticket.state.evidence["foto"] == ["https://cdn.example/foto.png"])
        #expect(ticket.state.evidence["sobre_ti"] == nil, "«Mi foto» is not the description")
        #expect(photo.texts.first?.hasPrefix("✅ Recibido: «Una foto tuya».\n✍️ Ahora escribe, en un solo mensaje: Una breve descripción sobre ti") == true)
        ticket.say(People.user, "Soy policía en el servidor")
        ticket.say(People.user, "Lunes 20:00\nJueves 21:00")
        #expect(ticket.state.evidence["horarios"] == ["Lunes 20:00", "Jueves 21:00"])
        let last = ticket.say(People.user, "https://twitch.tv/jugador")
        #expect(last.texts.first == "✅ Recibido: «Tu canal». Ya está todo lo necesario: el staff lo revisará.")
        #expect(ticket.state.assignedTo == .rank("admin", exact: false), "evidence complete fired")
    }

    @Test("chatting while the bot waits for an item is not answered again and again")
    func noRepeatedPrompts() throws {
        var ticket = try Self.ticket()
        ticket.say(People.user, "Hola")
        ticket.say(People.cm, "Hola, ¿en qué te ayudo?")
        let staffMessage = ticket.log.texts.filter { $0.contains("Ahora escribe") }.count
        #expect(staffMessage == 1, "staff messages never fill or prompt")
        // The next member message answers the item asked for, whatever it is.
        let answer = ticket.say(People.user, "Hago rol de médico")
        #expect(ticket.state.evidence["sobre_ti"] == ["Hago rol de médico"])
        #expect(answer.texts.count == 1)
    }

    @Test("evidence completed in an earlier state lets a later state's `on evidence complete` act on arrival, once")
    func completedEarlier() throws {
        let source = """
        locales es
        ranks cm < admin
        channel soporte
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives cm
          require attachment captura "Una captura"
          state nuevo initial {
            on staff message: go to revisando
          }
          state revisando {
            on evidence complete: escalate to admin; say "Pruebas completas"; go to elevado
          }
          state elevado {
            after 1d: close "Hecho"
          }
        }

        """
        let workflow = try #require(WorkflowCompiler.compile(SourceFile(path: "c.flow", text: source)).workflow)
        var ticket = TicketHarness(workflow, category: "t", owner: People.user)
        ticket.say(People.user, "Mira", attachments: ["https://cdn.example/c.png"])
        #expect(ticket.state.state == "nuevo", "no rule for it here")
        let arrival = ticket.say(People.cm, "Lo reviso")
        #expect(ticket.state.state == "elevado")
        #expect(ticket.state.assignedTo == .rank("admin", exact: false))
        #expect(arrival.texts.filter { $0 == "Pruebas completas" }.count == 1)
    }
}
