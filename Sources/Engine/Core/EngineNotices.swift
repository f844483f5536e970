/// The few messages the engine writes itself (not the workflow): refusals
/// and rule notices, in the languages Escala ships.
enum EngineNotice {
    case userSpeaksFirst(staff: String)
    case ticketOwned(staff: String, handler: String)
    case notAllowed(who: String)
    case notNow
    case closeReasonNeeded

    func text(locale: String) -> String {
        let language = String(locale.prefix(2))
        switch (self, language) {
        case (.userSpeaksFirst(let staff), "es"): return "<@\(staff)>, el usuario debe escribir primero: espera su mensaje."
        case (.userSpeaksFirst(let staff), "fr"): return "<@\(staff)>, le membre doit écrire en premier : attendez son message."
        case (.userSpeaksFirst(let staff), _): return "<@\(staff)>, the member writes first: wait for their message."
        case (.ticketOwned(let staff, let handler), "es"): return "<@\(staff)>, este ticket lo atiende <@\(handler)>: tu mensaje se eliminó."
        case (.ticketOwned(let staff, let handler), "fr"): return "<@\(staff)>, ce ticket est pris en charge par <@\(handler)> : votre message a été supprimé."
        case (.ticketOwned(let staff, let handler), _): return "<@\(staff)>, <@\(handler)> is handling this ticket: your message was removed."
        case (.notAllowed(let who), "es"): return "Solo \(who) puede hacer esto."
        case (.notAllowed(let who), "fr"): return "Seul \(who) peut faire cela."
        case (.notAllowed(let who), _): return "Only \(who) can do this."
        case (.notNow, "es"): return "Esto no es posible en el estado actual del ticket."
        case (.notNow, "fr"): return "Ce n'est pas possible dans l'état actuel du ticket."
        case (.notNow, _): return "This is not possible in the ticket's current state."
        case (.closeReasonNeeded, "es"): return "Indica el motivo del cierre."
        case (.closeReasonNeeded, "fr"): return "Indiquez la raison de la fermeture."
        case (.closeReasonNeeded, _): return "Give the reason for closing."
        }
    }
}
