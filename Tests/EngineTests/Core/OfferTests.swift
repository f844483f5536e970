import Engine
import Testing
import WorkflowDSL

/// A form answer or a sanction choice is taken only from the person Escala
/// showed it to: Discord lets anyone send any interaction, so a member who
/// forges the close-reason form must not close their own ticket, nor pick
/// their own sanction.
@Suite("Offers: answers only from who was asked")
struct OfferTests {
    static let workflow: Workflow = {
        let file = """
        locales es
        ranks cm < admin
        channel panel
        form apelacion "Tu apelación" {
          question version "¿Por qué?"
        }
        panel p "P" in panel { opens t }
        ticket t "T" {
          receives cm
          close reason required
          button cerrar "Cerrar"
          button explicar "Explicar"
          button registrar "Registrar"
          on button cerrar by cm: close
          on button explicar by user: ask apelacion
          on form apelacion submitted: say "Gracias."
          on button registrar by cm: choose sanction; go to registrada
          state abierta initial {}
          state registrada {}
        }
        sanctions {
          offence troll "Actitud troll" {
            sanction "1 día"
          }
        }
        """
        let result = WorkflowCompiler.compile(SourceFile(path: "offers.flow", bytes: Array(file.utf8)))
        return result.workflow!
    }()

    func ticket() -> TicketHarness {
        var ticket = TicketHarness(Self.workflow, category: "t", owner: People.user)
        ticket.say(People.user, "Hola")
        return ticket
    }

    static let reason = ["reason": "Resuelto"]

    @Test("a member who sends the close-reason form they were never shown is refused; the ticket stays open")
    func forgedCloseReason() {
        var ticket = ticket()
        let effects = ticket.send(.formSubmitted(form: TicketMachine.closeReasonForm, by: People.user, answers: Self.reason))
        #expect(effects.refusals.count == 1)
        #expect(effects.closeReasons.isEmpty)
        #expect(!ticket.state.isClosed)
    }

    @Test("the staff member shown the close-reason form closes with it, once")
    func offeredCloseReason() {
        var ticket = ticket()
        let shown = ticket.press("cerrar", by: People.cm)
        #expect(shown.contains(.showForm(TicketMachine.closeReasonForm, to: People.cm.id)))
        #expect(!ticket.state.isClosed)
        // Another staff member cannot answer the form shown to the first.
        #expect(ticket.send(.formSubmitted(form: TicketMachine.closeReasonForm, by: People.admin, answers: Self.reason)).refusals.count == 1)
        let closed = ticket.send(.formSubmitted(form: TicketMachine.closeReasonForm, by: People.cm, answers: Self.reason))
        #expect(closed.closeReasons == ["Resuelto"])
        #expect(ticket.state.isClosed)
    }

    @Test("a form the member asked for is answered by them, and only once")
    func offeredForm() {
        var ticket = ticket()
        #expect(ticket.send(.formSubmitted(form: "apelacion", by: People.user, answers: ["version": "x"])).refusals.count == 1,
                "not shown yet")
        ticket.press("explicar", by: People.user)
        let answered = ticket.send(.formSubmitted(form: "apelacion", by: People.user, answers: ["version": "No fui yo"]))
        #expect(answered.texts == ["Gracias."])
        #expect(ticket.state.answers["version"] == "No fui yo")
        #expect(ticket.send(.formSubmitted(form: "apelacion", by: People.user, answers: ["version": "otra"])).refusals.count == 1)
        #expect(ticket.state.answers["version"] == "No fui yo")
    }

    @Test("a sanction applied by someone never shown the form is refused; the one shown it may apply it after the state moved on")
    func sanctionChoice() {
        var ticket = ticket()
        let forged = ticket.send(.sanctionApplied(offence: "troll", member: "999", warned: false, by: People.user))
        #expect(forged.refusals.count == 1)
        #expect(ticket.state.sanction == nil && ticket.state.sanctioner == nil)

        ticket.press("registrar", by: People.cm)
        #expect(ticket.state.state == "registrada")
        #expect(ticket.send(.sanctionApplied(offence: "no_existe", member: "999", warned: false, by: People.cm)).refusals.count == 1,
                "an offence that is not in the table")
        let chosen = ticket.send(.sanctionApplied(offence: "troll", member: "999", warned: false, by: People.cm))
        #expect(chosen.refusals.isEmpty)
        #expect(ticket.state.sanction == "troll")
        #expect(ticket.state.sanctioner == People.cm.id)
        #expect(ticket.send(.sanctionApplied(offence: "troll", member: "999", warned: false, by: People.cm)).refusals.count == 1,
                "the form is used up: a second sanction needs the button again")
    }
}
