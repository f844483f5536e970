import WorkflowDSL

/// What Escala's own slash commands are called, and what they say they do,
/// in each language a workflow declares: a staff member whose Discord speaks
/// Spanish reads `/estadisticas` and «Estadísticas de tickets…». The names
/// faces route by (`CommunityCommand.names`, `member`, `days`) stay the
/// same in every language; these are the words shown beside them.
public struct CommandWords: Sendable, Hashable {
    /// A name and a description in English, Spanish and French. A name is
    /// what Discord accepts of one: lowercase letters, digits, `-` and `_`,
    /// at most 32 characters.
    public struct Phrase: Sendable, Hashable {
        public let name: String
        public let description: String
    }

    public struct Words: Sendable, Hashable {
        public let en: Phrase
        public let es: Phrase
        public let fr: Phrase

        init(en: (String, String), es: (String, String), fr: (String, String)) {
            self.en = Phrase(name: en.0, description: en.1)
            self.es = Phrase(name: es.0, description: es.1)
            self.fr = Phrase(name: fr.0, description: fr.1)
        }

        /// The words in one of a workflow's languages (`es`), nil for a
        /// language Escala does not speak.
        public func words(_ language: String) -> Phrase? {
            switch language {
            case "en": en
            case "es": es
            case "fr": fr
            default: nil
            }
        }
    }

    public let command: Words
    /// Each option's words, by the name the command is routed with.
    public let options: [String: Words]

    public init(command: Words, options: [String: Words]) {
        self.command = command
        self.options = options
    }

    /// The words of a community command, by its routing name.
    public static let community: [String: CommandWords] = [
        "help": CommandWords(command: Words(
            en: ("help", "What you can use here, in your language"),
            es: ("ayuda", "Lo que puedes usar aquí, en tu idioma"),
            fr: ("aide", "Ce que vous pouvez utiliser ici, dans votre langue")), options: [:]),
        "tickets": CommandWords(command: Words(
            en: ("tickets", "Your tickets (staff: a member's), newest first"),
            es: ("tickets", "Tus tickets (el staff: los de un miembro), los más recientes primero"),
            fr: ("tickets", "Vos tickets (le staff : ceux d'un membre), les plus récents d'abord")), options: [
            "member": Words(en: ("member", "Whose tickets (staff only)"), es: ("miembro", "De quién (solo staff)"),
                            fr: ("membre", "De qui (staff seulement)")),
        ]),
        "stats": CommandWords(command: Words(
            en: ("stats", "Ticket statistics per category and staff member (staff only)"),
            es: ("estadisticas", "Estadísticas de tickets por categoría y por miembro del staff (solo staff)"),
            fr: ("statistiques", "Statistiques des tickets par catégorie et par membre du staff (staff seulement)")), options: [
            "days": Words(en: ("days", "Only tickets opened in the last N days"),
                          es: ("dias", "Solo los tickets abiertos en los últimos N días"),
                          fr: ("jours", "Seulement les tickets ouverts ces N derniers jours")),
        ]),
        "audit": CommandWords(command: Words(
            en: ("audit", "Roles granted and revoked, with their reasons (staff only)"),
            es: ("auditoria", "Roles dados y quitados, con sus motivos (solo staff)"),
            fr: ("audit", "Rôles donnés et retirés, avec leurs motifs (staff seulement)")), options: [
            "member": Words(en: ("member", "Only this member's roles"),
                            es: ("miembro", "Solo los roles de este miembro"),
                            fr: ("membre", "Seulement les rôles de ce membre")),
        ]),
        "sanctions": CommandWords(command: Words(
            en: ("sanctions", "A member's recorded sanctions: offence, who applied it, when (staff only)"),
            es: ("sanciones", "Las sanciones registradas de un miembro: infracción, quién la impuso, cuándo (solo staff)"),
            fr: ("sanctions", "Les sanctions enregistrées d'un membre : infraction, qui l'a donnée, quand (staff seulement)")), options: [
            "member": Words(en: ("member", "The member"), es: ("miembro", "El miembro"), fr: ("membre", "Le membre")),
        ]),
        "rep": CommandWords(command: Words(
            en: ("rep", "Give a reputation point to a member"),
            es: ("rep", "Da un punto de reputación a un miembro"),
            fr: ("rep", "Donne un point de réputation à un membre")), options: [
            "member": Words(en: ("member", "Who deserves it"), es: ("miembro", "Quién se lo merece"), fr: ("membre", "Qui le mérite")),
        ]),
        "top": CommandWords(command: Words(
            en: ("top", "The activity ranking: this period, or one that ended"),
            es: ("top", "La clasificación de actividad: este periodo, o uno ya terminado"),
            fr: ("top", "Le classement d'activité : cette période, ou une période terminée")), options: [
            "periods_ago": Words(en: ("periods_ago", "0 for the running period (default), 1 for the last one that ended…"),
                                 es: ("periodos_atras", "0 para el periodo en curso (por defecto), 1 para el último terminado…"),
                                 fr: ("periodes_passees", "0 pour la période en cours (par défaut), 1 pour la dernière terminée…")),
        ]),
        "block": CommandWords(command: Words(
            en: ("block", "Keep a member from opening tickets, for a time or until unblocked (staff)"),
            es: ("bloquear", "Impide que un miembro abra tickets, por un tiempo o hasta desbloquearlo (staff)"),
            fr: ("bloquer", "Empêche un membre d'ouvrir des tickets, pour un temps ou jusqu'au déblocage (staff)")), options: [
            "member": Words(en: ("member", "Who"), es: ("miembro", "Quién"), fr: ("membre", "Qui")),
            "reason": Words(en: ("reason", "Why: the member is told"), es: ("motivo", "Por qué: se le dice al miembro"),
                            fr: ("motif", "Pourquoi : le membre le lit")),
            "duration": Words(en: ("duration", "For how long: 30m, 12h, 7d, 2w (empty: until unblocked)"),
                              es: ("duracion", "Cuánto tiempo: 30m, 12h, 7d, 2w (vacío: hasta desbloquearlo)"),
                              fr: ("duree", "Combien de temps : 30m, 12h, 7d, 2w (vide : jusqu'au déblocage)")),
        ]),
        "unblock": CommandWords(command: Words(
            en: ("unblock", "Let a blocked member open tickets again (staff)"),
            es: ("desbloquear", "Deja que un miembro bloqueado vuelva a abrir tickets (staff)"),
            fr: ("debloquer", "Laisse un membre bloqué ouvrir de nouveau des tickets (staff)")), options: [
            "member": Words(en: ("member", "Who"), es: ("miembro", "Quién"), fr: ("membre", "Qui")),
        ]),
    ]

    /// The words of any of Escala's own commands, by routing name.
    public static func named(_ name: String) -> CommandWords? {
        if let words = community[name] { return words }
        if name == openTicket { return openTicketWords }
        if name == transcript { return transcriptWords }
        return StaffTool(rawValue: name).flatMap { ticketTools[$0] }
    }

    /// `/transcript N`: a closed ticket's transcript, by direct message.
    public static let transcript = "transcript"
    public static let transcriptWords = CommandWords(command: Words(
        en: ("transcript", "Get a closed ticket's transcript by direct message"),
        es: ("transcripcion", "Recibe por mensaje directo la transcripción de un ticket cerrado"),
        fr: ("transcription", "Recevez par message privé la transcription d'un ticket fermé")), options: [
        "number": Words(en: ("number", "The ticket's number"), es: ("numero", "El número del ticket"), fr: ("numero", "Le numéro du ticket")),
    ])

    /// «Report message», in a message's menu (Discord: a message command,
    /// whose name is what the menu shows, spaces and all, and which has
    /// no description).
    public static let reportMessage = "Report message"
    public static let reportMessageWords = Words(en: (reportMessage, ""), es: ("Reportar mensaje", ""), fr: ("Signaler le message", ""))

    /// «Open a ticket for…», in a member's menu (a user command).
    public static let openTicketFor = "Open a ticket for…"
    public static let openTicketForWords = Words(en: (openTicketFor, ""), es: ("Abrir ticket para…", ""), fr: ("Ouvrir un ticket pour…", ""))

    /// `/close_inactive CATEGORY TIME [REASON]`: a category's idle tickets closed at once.
    public static let closeInactiveWords = CommandWords(command: Words(
        en: ("close_inactive", "Close a category's tickets where nobody has written for a while"),
        es: ("cerrar_inactivos", "Cierra los tickets de una categoría en los que nadie escribe desde hace tiempo"),
        fr: ("fermer_inactifs", "Ferme les tickets d'une catégorie où personne n'écrit depuis un moment")), options: [
        "category": Words(en: ("category", "Which one: start typing its name"), es: ("categoria", "Cuál: empieza a escribir su nombre"),
                          fr: ("categorie", "Laquelle : commencez à taper son nom")),
        "idle_for": Words(en: ("idle_for", "Idle for at least: 30m, 12h, 7d, 2w"), es: ("inactivo_desde", "Sin actividad desde hace al menos: 30m, 12h, 7d, 2w"),
                      fr: ("inactif_depuis", "Sans activité depuis au moins : 30m, 12h, 7d, 2w")),
        "reason": Words(en: ("reason", "Why, said in each ticket"), es: ("motivo", "Por qué, dicho en cada ticket"),
                        fr: ("motif", "Pourquoi, dit dans chaque ticket")),
    ])

    /// `/ticket CATEGORY`: the panel's path, from the command box.
    public static let openTicket = "ticket"
    public static let openTicketWords = CommandWords(command: Words(
        en: ("ticket", "Open a ticket"),
        es: ("ticket", "Abre un ticket"),
        fr: ("ticket", "Ouvre un ticket")), options: [
        "category": Words(en: ("category", "What it is about: start typing"), es: ("categoria", "De qué se trata: empieza a escribir"),
                          fr: ("categorie", "De quoi il s'agit : commencez à taper")),
    ])

    /// The staff tools every ticket has; the routing name is the tool's
    /// (`transfer`), which is also the workflow's word for it in `allow`.
    public static let ticketTools: [StaffTool: CommandWords] = [
        .transfer: CommandWords(command: Words(
            en: ("transfer", "Hand this ticket to another staff member"),
            es: ("transferir", "Pasa este ticket a otro miembro del staff"),
            fr: ("transferer", "Confie ce ticket à un autre membre du staff")), options: [
            "member": Words(en: ("member", "Who takes it over"), es: ("miembro", "Quién se hace cargo"), fr: ("membre", "Qui le reprend")),
        ]),
        .add: CommandWords(command: Words(
            en: ("add", "Let someone into this ticket to read and write"),
            es: ("añadir", "Deja entrar a alguien en este ticket para leer y escribir"),
            fr: ("ajouter", "Fait entrer quelqu'un dans ce ticket pour lire et écrire")), options: [
            "member": Words(en: ("member", "Who comes in"), es: ("miembro", "Quién entra"), fr: ("membre", "Qui entre")),
        ]),
        .reply: CommandWords(command: Words(
            en: ("reply", "Send one of this ticket's prepared replies"),
            es: ("respuesta", "Envía una de las respuestas preparadas de este ticket"),
            fr: ("reponse", "Envoie une des réponses préparées de ce ticket")), options: [
            "reply": Words(en: ("reply", "Which one: start typing its name"), es: ("respuesta", "Cuál: empieza a escribir su nombre"),
                           fr: ("reponse", "Laquelle : commencez à taper son nom")),
        ]),
        .move: CommandWords(command: Words(
            en: ("move", "Move this ticket to another category"),
            es: ("mover", "Mueve este ticket a otra categoría"),
            fr: ("deplacer", "Déplace ce ticket vers une autre catégorie")), options: [
            "category": Words(en: ("category", "Which one: start typing its name"), es: ("categoria", "Cuál: empieza a escribir su nombre"),
                              fr: ("categorie", "Laquelle : commencez à taper son nom")),
        ]),
        .priority: CommandWords(command: Words(
            en: ("priority", "Say how urgent this ticket is"),
            es: ("prioridad", "Indica la urgencia de este ticket"),
            fr: ("priorite", "Indique l'urgence de ce ticket")), options: [
            "priority": Words(en: ("priority", "Which one: start typing its name"), es: ("prioridad", "Cuál: empieza a escribir su nombre"),
                              fr: ("priorite", "Laquelle : commencez à taper son nom")),
        ]),
        .topic: CommandWords(command: Words(
            en: ("topic", "Write what this ticket is about"),
            es: ("tema", "Escribe de qué trata este ticket"),
            fr: ("sujet", "Écrit de quoi parle ce ticket")), options: [:]),
        .remove: CommandWords(command: Words(
            en: ("remove", "Take someone added to this ticket out of it"),
            es: ("quitar", "Saca de este ticket a alguien que fue añadido"),
            fr: ("retirer", "Fait sortir de ce ticket quelqu'un qui y a été ajouté")), options: [
            "member": Words(en: ("member", "Who leaves"), es: ("miembro", "Quién sale"), fr: ("membre", "Qui sort")),
        ]),
    ]

    /// A command of the workflow (`on command reabrir`): its name is the
    /// workflow's own; this says what it is in each language.
    public static func workflowCommand(_ name: String) -> Words {
        Words(en: (name, "Escala: /\(name) in this ticket"), es: (name, "Escala: /\(name) en este ticket"),
              fr: (name, "Escala : /\(name) dans ce ticket"))
    }
}
