import WorkflowDSL

/// The few messages the engine writes itself (not the workflow): refusals
/// and rule notices, in the languages Escala ships.
enum EngineNotice {
    case userSpeaksFirst(staff: String)
    case ticketOwned(staff: String, handler: String)
    case notAllowed(who: String)
    case notNow
    case closeReasonNeeded
    case limitReached(Int)
    case categoryLimitReached(Int, category: String)
    /// The evidence a category requires, listed when the ticket opens so
    /// that the member knows what to send without waiting for staff.
    case evidenceNeeded([String])

    /// An actor as a refusal names it, in the member's language.
    static func name(_ actor: WorkflowDSL.Actor, locale: String) -> String {
        switch (actor, String(locale.prefix(2))) {
        case (.user, "es"): "el autor del ticket"
        case (.user, "fr"): "l'auteur du ticket"
        case (.handler, "es"): "quien atiende el ticket"
        case (.handler, "fr"): "la personne qui gère le ticket"
        case (.anyStaff, "es"): "el staff"
        case (.anyStaff, "fr"): "le staff"
        case (.sanctioner, "es"): "quien aplicó la sanción"
        case (.sanctioner, "fr"): "la personne qui a appliqué la sanction"
        default: actor.description
        }
    }

    private static func bullets(_ items: [String]) -> String {
        items.map { "\n• " + $0 }.joined()
    }

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
        case (.limitReached(let limit), "es"): return "Ya tienes \(limit) ticket(s) abierto(s): espera a que se cierre(n) antes de abrir otro."
        case (.limitReached(let limit), "fr"): return "Vous avez déjà \(limit) ticket(s) ouvert(s) : attendez leur fermeture avant d'en ouvrir un autre."
        case (.limitReached(let limit), _): return "You already have \(limit) open ticket(s): wait until one is closed before opening another."
        case (.categoryLimitReached(let limit, let category), "es"): return "Ya tienes \(limit) ticket(s) de «\(category)» abierto(s)."
        case (.categoryLimitReached(let limit, let category), "fr"): return "Vous avez déjà \(limit) ticket(s) « \(category) » ouvert(s)."
        case (.categoryLimitReached(let limit, let category), _): return "You already have \(limit) open \"\(category)\" ticket(s)."
        case (.evidenceNeeded(let items), "es"): return "Para continuar, envía en este canal:" + Self.bullets(items)
        case (.evidenceNeeded(let items), "fr"): return "Pour continuer, envoyez dans ce salon :" + Self.bullets(items)
        case (.evidenceNeeded(let items), _): return "To continue, send in this channel:" + Self.bullets(items)
        }
    }
}
