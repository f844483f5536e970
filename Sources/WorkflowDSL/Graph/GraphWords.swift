/// The words of `escala graph` in the workflow's language: a picture for
/// admins who read Spanish or French, with ranks by their names (`un CM o
/// superior`), buttons by their labels, and what the bot says.
struct GraphWords: Sendable {
    let opened, userMessage, staffMessage, anyMessage, button, form, evidenceComplete, memberLeft, channelDeleted: String
    let after, inState, withoutReason, userSilence, handlerInactivity: String
    let by, condition, and, or, not: String
    let user, staff, handler, sanctioner, orAbove, only: String
    let contains, handlerIs, sanctionIs, sanctionChosen: String
    let escalateUp, escalateTo, say, rename, ask, grant, revoke, release, claim, set, clear, notify, pinging, mention: String
    let chooseSanction, chooseAppealedSanction, transcript, publish, moveTo: String
    let anyState, receives, escalation, openingForm, evidence, fromStaff, exclusiveClaim, sharedClaim, takeoverPeers, takeoverHigher: String
    let overrideBy, overrideAboveHandler, mustEscalate, mustEvidence, mustSanction, beforeClose, beforeEscalating: String

    static func forLanguage(_ locale: String) -> GraphWords {
        switch locale.prefix(2) {
        case "es": spanish
        case "fr": french
        default: english
        }
    }

    static let english = GraphWords(
        opened: "opened", userMessage: "user message", staffMessage: "staff message", anyMessage: "message", button: "button",
        form: "form", evidenceComplete: "evidence complete", memberLeft: "member left", channelDeleted: "channel deleted",
        after: "after", inState: "in state", withoutReason: "without reason", userSilence: "user silent", handlerInactivity: "handler inactive",
        by: "by", condition: "if", and: "and", or: "or", not: "not",
        user: "the member", staff: "staff", handler: "the handler", sanctioner: "who applied the sanction", orAbove: "%@ or above", only: "%@ only",
        contains: "%@ contains %@", handlerIs: "the handler is %@", sanctionIs: "the sanction is %@", sanctionChosen: "a sanction is chosen",
        escalateUp: "escalate up", escalateTo: "escalate to %@", say: "say %@", rename: "rename", ask: "ask %@", grant: "grant %@",
        revoke: "revoke %@", release: "release", claim: "claim", set: "set %@", clear: "clear %@", notify: "notify #%@", pinging: "pinging %@",
        mention: "mention %@", chooseSanction: "apply a sanction", chooseAppealedSanction: "name the appealed sanction",
        transcript: "transcript", publish: "publish in #%@", moveTo: "move to %@",
        anyState: "any state", receives: "receives: %@", escalation: "escalation: %@", openingForm: "opening form: %@", evidence: "evidence: %@",
        fromStaff: "%@ (from staff)", exclusiveClaim: "the first staff member to answer owns it", sharedClaim: "shared by the staff",
        takeoverPeers: "after %@ of silence a peer may take it", takeoverHigher: "after %@ of silence a superior may take it",
        overrideBy: "%@ may always write", overrideAboveHandler: "a rank above the handler may always write", mustEscalate: "must reach %@", mustEvidence: "must have all the evidence",
        mustSanction: "must have a sanction", beforeClose: "%@ before it closes", beforeEscalating: "%@ before escalating to %@")

    static let spanish = GraphWords(
        opened: "al abrirse", userMessage: "mensaje del usuario", staffMessage: "mensaje del staff", anyMessage: "un mensaje", button: "botón",
        form: "formulario", evidenceComplete: "pruebas completas", memberLeft: "el miembro se fue", channelDeleted: "canal borrado",
        after: "tras", inState: "en el estado", withoutReason: "sin motivo", userSilence: "usuario en silencio", handlerInactivity: "encargado inactivo",
        by: "por", condition: "si", and: "y", or: "o", not: "no",
        user: "el usuario", staff: "el staff", handler: "quien atiende", sanctioner: "quien aplicó la sanción", orAbove: "un %@ o superior",
        only: "solo un %@",
        contains: "%@ contiene %@", handlerIs: "quien atiende es %@", sanctionIs: "la sanción es %@", sanctionChosen: "hay sanción elegida",
        escalateUp: "escalar", escalateTo: "escalar a %@", say: "decir %@", rename: "renombrar", ask: "pedir %@", grant: "dar %@",
        revoke: "quitar %@", release: "liberar", claim: "reclamar", set: "marcar %@", clear: "desmarcar %@", notify: "avisar en #%@",
        pinging: "mencionando a %@", mention: "mencionar a %@", chooseSanction: "aplicar una sanción",
        chooseAppealedSanction: "indicar la sanción apelada", transcript: "transcripción", publish: "publicar en #%@", moveTo: "mover a %@",
        anyState: "cualquier estado", receives: "recibe: %@", escalation: "escalado: %@", openingForm: "formulario de apertura: %@",
        evidence: "pruebas: %@", fromStaff: "%@ (las aporta el staff)", exclusiveClaim: "lo atiende el primero del staff que responde",
        sharedClaim: "lo atiende todo el staff", takeoverPeers: "tras %@ de silencio lo puede tomar un compañero del mismo rango",
        takeoverHigher: "tras %@ de silencio lo puede tomar un superior", overrideBy: "%@ puede escribir siempre", overrideAboveHandler: "un rango superior al de quien atiende puede escribir siempre",
        mustEscalate: "hay que elevarlo a %@", mustEvidence: "hay que tener todas las pruebas", mustSanction: "hay que registrar la sanción",
        beforeClose: "%@ antes de cerrarlo", beforeEscalating: "%@ antes de elevarlo a %@")

    static let french = GraphWords(
        opened: "à l'ouverture", userMessage: "message du membre", staffMessage: "message du staff", anyMessage: "un message", button: "bouton",
        form: "formulaire", evidenceComplete: "preuves complètes", memberLeft: "le membre est parti", channelDeleted: "salon supprimé",
        after: "après", inState: "dans l'état", withoutReason: "sans motif", userSilence: "membre silencieux", handlerInactivity: "responsable inactif",
        by: "par", condition: "si", and: "et", or: "ou", not: "non",
        user: "le membre", staff: "le staff", handler: "le responsable", sanctioner: "qui a appliqué la sanction", orAbove: "un %@ ou supérieur",
        only: "seulement un %@",
        contains: "%@ contient %@", handlerIs: "le responsable est %@", sanctionIs: "la sanction est %@", sanctionChosen: "une sanction est choisie",
        escalateUp: "escalader", escalateTo: "escalader à %@", say: "dire %@", rename: "renommer", ask: "demander %@", grant: "donner %@",
        revoke: "retirer %@", release: "libérer", claim: "prendre", set: "cocher %@", clear: "décocher %@", notify: "prévenir dans #%@",
        pinging: "en mentionnant %@", mention: "mentionner %@", chooseSanction: "appliquer une sanction",
        chooseAppealedSanction: "indiquer la sanction contestée", transcript: "transcription", publish: "publier dans #%@", moveTo: "déplacer vers %@",
        anyState: "tout état", receives: "reçoit : %@", escalation: "escalade : %@", openingForm: "formulaire d'ouverture : %@",
        evidence: "preuves : %@", fromStaff: "%@ (fournies par le staff)", exclusiveClaim: "le premier du staff qui répond s'en charge",
        sharedClaim: "partagé par le staff", takeoverPeers: "après %@ de silence un pair peut le reprendre",
        takeoverHigher: "après %@ de silence un supérieur peut le reprendre", overrideBy: "%@ peut toujours écrire", overrideAboveHandler: "un rang supérieur à celui qui traite peut toujours écrire",
        mustEscalate: "il faut l'escalader à %@", mustEvidence: "il faut toutes les preuves", mustSanction: "il faut une sanction",
        beforeClose: "%@ avant de le fermer", beforeEscalating: "%@ avant de l'escalader à %@")

    /// `template` with `%@` filled in order.
    static func fill(_ template: String, _ values: String...) -> String {
        var result = template
        for value in values {
            guard let place = result.range(of: "%@") else { break }
            result.replaceSubrange(place, with: value)
        }
        return result
    }
}
