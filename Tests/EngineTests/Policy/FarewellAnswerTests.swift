@testable import Engine
import Testing

@Suite("The answer to the farewell question")
struct FarewellAnswerTests {
    @Test("a short no, in any of the three languages, declines; anything that says more keeps the ticket open")
    func declines() {
        for answer in ["No", "no, gracias", "Nada más, gracias", "Eso es todo", "NON merci", "c'est tout", "No thanks!", "nope", "Listo 👍"] {
            #expect(FarewellAnswer.declines(answer), "«\(answer)» says no")
        }
        for answer in ["Sí, otra cosa", "No entiendo por qué me lo cerráis", "Todavía no me devolvieron el coche", "¿Y mi coche?", "", "   "] {
            #expect(!FarewellAnswer.declines(answer), "«\(answer)» keeps it open")
        }
    }

    @Test("answers are read without case or accents, composed or not")
    func folding() {
        #expect(FarewellAnswer.fold("NADA MÁS") == "nada mas")
        #expect(FarewellAnswer.fold("Ça ira, Merci") == "ca ira, merci")
        #expect(FarewellAnswer.fold("Nada ma\u{0301}s") == "nada mas", "an accent typed as a combining mark")
        #expect(FarewellAnswer.declines("ÇA IRA") && FarewellAnswer.declines("nada MÁS"))
    }

    @Test("the wait's timer is stored under a key of its own and read back")
    func timerKey() {
        #expect(TicketTimer.Purpose(key: TicketTimer.Purpose.farewell.key) == .farewell)
        #expect(TicketTimer.Purpose(key: "t3") == .transition(index: 3))
    }
}
