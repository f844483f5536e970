import Foundation

/// Escala's keywords are English; its admins mostly write Spanish or
/// French. A keyword written in their words is diagnosed like a typo of the
/// English one: `estado` → "did you mean `state`?".
enum KeywordTranslations {
    /// Spanish and French words (accents and case folded) → the keyword.
    static let english: [String: String] = {
        let pairs: [(String, [String])] = [
            ("workflow", ["flujo"]),
            ("locales", ["idiomas", "idioma", "langues", "langue"]),
            ("ranks", ["rangos", "rango", "rangs", "rang"]),
            ("role", ["rol", "roles"]),
            ("channel", ["canal", "canales", "salon", "salons"]),
            ("text", ["texto", "textos", "texte", "textes"]),
            ("form", ["formulario", "formulaire"]),
            ("limit", ["limite", "limites"]),
            ("defaults", ["predeterminado", "predeterminados", "defecto", "defaut", "defauts", "general"]),
            ("ticket", ["tique", "tiquet"]),
            ("sanctions", ["sanciones"]),
            ("milestone", ["hito", "meta", "objectif"]),
            ("message", ["mensaje"]),
            ("reputation", ["reputacion"]),
            ("activity", ["actividad", "activite"]),
            ("description", ["descripcion"]),
            ("receives", ["recibe", "recibir", "recoit", "recevoir"]),
            ("escalation", ["escalado", "escalada", "escalamiento", "escalade"]),
            ("mode", ["modo"]),
            ("place", ["lugar", "categoria", "categorie"]),
            ("question", ["pregunta", "preguntas"]),
            ("require", ["requiere", "requerir", "exige", "exiger", "requiert"]),
            ("greeting", ["saludo", "bienvenida", "salutation", "accueil"]),
            ("farewell", ["despedida", "adios", "aurevoir"]),
            ("claim", ["reclamar", "tomar", "reclamo", "reclamer", "prendre"]),
            ("override", ["anular"]),
            ("takeover", ["relevo"]),
            ("remind", ["recordar", "recordatorio", "rappeler", "rappel"]),
            ("rating", ["valoracion", "calificacion", "evaluation", "note"]),
            ("hours", ["horario", "horarios", "horaires", "heures"]),
            ("blocklist", ["bloqueo", "bloqueos", "bloqueados", "bloquear", "bloquer", "blocage", "bloques"]),
            ("webhook", ["gancho", "webhooks", "crochet"]),
            ("priority", ["prioridad", "prioridades", "urgencia", "priorite", "priorites", "urgence"]),
            ("report", ["reportar", "reporte", "denunciar", "signaler", "signalement"]),
            ("reply", ["respuesta", "respuestas", "responder", "reponse", "reponses", "repondre"]),
            ("allow", ["permitir", "permite", "autoriser", "autorise", "permettre"]),
            ("button", ["boton", "botones", "bouton", "boutons"]),
            ("flag", ["bandera", "marca", "drapeau", "indicateur"]),
            ("state", ["estado", "estados", "etat", "etats"]),
            ("initial", ["inicial", "initiale"]),
            ("final", ["finale"]),
            ("on", ["cuando", "quand", "al", "lors"]),
            ("after", ["despues", "tras", "apres"]),
            ("say", ["decir", "dice", "di", "dire", "dis"]),
            ("ask", ["preguntar", "pedir", "demander"]),
            ("rename", ["renombrar", "renommer"]),
            ("notify", ["notificar", "avisar", "notifier", "prevenir"]),
            ("publish", ["publicar", "publier"]),
            ("mention", ["mencionar", "mentionner"]),
            ("grant", ["dar", "otorgar", "conceder", "donner", "accorder"]),
            ("revoke", ["quitar", "retirar", "revocar", "retirer", "revoquer"]),
            ("close", ["cerrar", "cierra", "cierre", "fermer", "ferme"]),
            ("transcript", ["transcripcion", "transcription"]),
            ("escalate", ["escalar", "elevar", "subir", "escalader", "elever", "monter"]),
            ("release", ["liberar", "soltar", "liberer", "relacher"]),
            ("go", ["ir", "pasar", "aller", "passer"]),
            ("move", ["mover", "trasladar", "deplacer"]),
            ("choose", ["elegir", "escoger", "choisir"]),
            ("set", ["activar", "marcar", "activer"]),
            ("clear", ["desactivar", "desmarcar", "borrar", "desactiver", "effacer"]),
            ("opened", ["abierto", "abierta", "ouvert"]),
            ("user", ["usuario", "miembro", "utilisateur", "membre"]),
            ("staff", ["equipo", "personal", "equipe"]),
        ]
        var table: [String: String] = [:]
        for (keyword, words) in pairs { for word in words { table[word] = keyword } }
        return table
    }()

    /// `word` folded the way the table is written: lowercase, no accents.
    static func folded(_ word: String) -> String {
        word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

extension Suggestions {
    /// The keyword an admin meant by `word` among `candidates`: its English
    /// form if they wrote it in Spanish or French, else the closest typo.
    /// `translated` says which, for the help line.
    static func keyword(for word: String, among candidates: [String]) -> (keyword: String, translated: Bool)? {
        if let english = KeywordTranslations.english[KeywordTranslations.folded(word)], candidates.contains(english) {
            return (english, true)
        }
        return closest(to: word, among: candidates).map { ($0, false) }
    }

    /// The keyword meant, when there is one.
    static func keywordFix(for word: String, among candidates: [String]) -> String? {
        keyword(for: word, among: candidates)?.keyword
    }

    /// "did you mean `state`?", and why when it is a translation.
    static func keywordHelp(for word: String, among candidates: [String]) -> String? {
        keyword(for: word, among: candidates).map { guess in
            guess.translated ? "did you mean `\(guess.keyword)`? Escala's keywords are English: `\(word)` is written `\(guess.keyword)`"
                             : "did you mean `\(guess.keyword)`?"
        }
    }
}
