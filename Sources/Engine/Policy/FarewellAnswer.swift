import Foundation

/// Whether a member's answer to the farewell question («¿hay algo más en
/// lo que pueda ayudarte?») says no. Only a short answer that starts with
/// a no counts: «No, gracias» closes the ticket, «No entiendo por qué me lo
/// cerráis» keeps it open, as staff would read it.
enum FarewellAnswer {
    /// First words that decline, in the languages Escala speaks.
    static let noWords: Set<String> = [
        "no", "nop", "nope", "nada", "ninguna", "ninguno", "listo",
        "non", "rien", "merci", "nothing", "nah", "thanks", "gracias",
    ]
    /// Whole answers that decline though their first word alone does not.
    static let noPhrases: Set<String> = [
        "eso es todo", "es todo", "nada mas", "esta bien asi", "todo bien", "todo correcto",
        "c est tout", "ca ira", "tout est bon", "that s all", "all good", "i m good",
    ]

    static func declines(_ text: String) -> Bool {
        let words = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter }.map(String.init)
        guard let first = words.first, words.count <= 4 else { return false }
        return noPhrases.contains(words.joined(separator: " ")) || (noWords.contains(first) && words.count <= 3)
    }
}
