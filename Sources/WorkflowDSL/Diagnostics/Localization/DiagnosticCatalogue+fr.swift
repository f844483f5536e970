// The French words of `escala lint`. Keys are the English templates
// (`MessageTemplate`): `{0}`, `{1}`… stand for the names, texts and numbers
// of one message, and may come in another order here.
extension DiagnosticCatalogue {
    static let french = Words(
        messages: [
            "Discord shows forms only after a click: add a button and write {0}":
                "Discord n'affiche un formulaire qu'après un clic : ajoutez un bouton et écrivez {0}",
            "Discord would change this channel name":
                "Discord modifierait ce nom de salon",
            "a button's label of {0} characters; Discord allows {1}":
                "le libellé d'un bouton fait {0} caractères ; Discord en accepte {1}",
            "a ticket category's label (shown on the panel) of {0} characters; Discord allows {1}":
                "le libellé d'une catégorie de tickets (affiché sur le panneau) fait {0} caractères ; Discord en accepte {1}",
            "add a line such as {0} at the top of the file":
                "ajoutez une ligne comme {0} en haut du fichier",
            "add a line such as {0} to the text":
                "ajoutez une ligne comme {0} au texte",
            "add a transition with {0} or {1}, or mark it {2}":
                "ajoutez une transition avec {0} ou {1}, ou marquez-le {2}",
            "add a {0} at the end of the text, on the same line":
                "ajoutez un {0} à la fin du texte, sur la même ligne",
            "add it to {0}, or remove this translation":
                "ajoutez-la à {0}, ou supprimez cette traduction",
            "add the escalation ({0}), or remove this {1}":
                "ajoutez l'escalade ({0}), ou supprimez ce {1}",
            "add what the user must provide with {0}":
                "indiquez ce que l'utilisateur doit fournir avec {0}",
            "add {0} to a transition of a reachable state, or remove the state":
                "ajoutez {0} à une transition d'un état atteignable, ou supprimez l'état",
            "add {0} to {1} in the panel {2}":
                "ajoutez {0} à {1} dans le panneau {2}",
            "add {0} to {1}, or write {2} if the ticket leaves the chain on purpose":
                "ajoutez {0} à {1}, ou écrivez {2} si le ticket quitte la chaîne exprès",
            "an offer review is a {0} category whose states are the review (pending, approved, rejected, changes requested): see {1} in docs/language.md":
                "une relecture d'offres est une catégorie {0} dont les états sont la relecture (en attente, acceptée, refusée, modifications demandées) : voir {1} dans docs/language.md",
            "declare it in the ticket: {0}":
                "déclarez-le dans le ticket : {0}",
            "did you mean {0}?":
                "vouliez-vous dire {0} ?",
            "did you mean {0}? Escala's keywords are English: {1} is written {2}":
                "vouliez-vous dire {0} ? Les mots-clés d'Escala sont en anglais : {1} s'écrit {2}",
            "escalate before coming here, or move the close to a state after the escalation":
                "escaladez avant d'arriver ici, ou déplacez la fermeture dans un état après l'escalade",
            "first said here":
                "dit ici pour la première fois",
            "the message menu opens one category: keep {0} in one of them":
                "le menu du message ouvre une seule catégorie : gardez {0} dans l'une d'elles",
            "the tickets {0} and {1} both say {2}":
                "les tickets {0} et {1} disent tous deux {2}",
            "write it inside the ticket that takes reports":
                "écrivez-le dans le ticket qui reçoit les signalements",
            "{0} names the one category the message menu opens, not {1}":
                "{0} désigne la seule catégorie qu'ouvre le menu du message, pas {1}",
            "name everyone who may block in one line: {0}":
                "nommez sur une seule ligne tous ceux qui peuvent bloquer : {0}",
            "the list of members who may not open tickets is written {0}: who may block and unblock with /block and /unblock":
                "la liste des membres qui ne peuvent pas ouvrir de tickets s'écrit {0} : qui peut bloquer et débloquer avec /bloquer et /debloquer",
            "first declared here":
                "déclaré ici la première fois",
            "keep {0} on one state only":
                "gardez {0} sur un seul état",
            "let staff name the sanction first: in an appeal {0} (the member's recorded sanction: its applier is the sanctioner); elsewhere {1} (whoever applies it)":
                "faites d'abord indiquer la sanction par le staff : dans un appel {0} (la sanction enregistrée du membre : qui l'a appliquée est le sanctionnateur) ; ailleurs {1} (qui l'applique)",
            "list the chain from the lowest rank to the highest":
                "écrivez la chaîne du rang le plus bas au plus haut",
            "mark the state tickets start in: {0}":
                "marquez l'état où commencent les tickets : {0}",
            "merge their actions into one transition, or tell them apart with {0} or {1}":
                "réunissez leurs actions dans une seule transition, ou distinguez-les avec {0} ou {1}",
            "move the rest to a second form shown from a button, or ask them as {0}":
                "déplacez le reste dans un second formulaire ouvert par un bouton, ou demandez-les avec {0}",
            "name another overflow category (Discord holds {0} channels in each): {1}":
                "indiquez une autre catégorie de débordement (Discord accepte {0} salons dans chacune) : {1}",
            "no button named {0} in this ticket":
                "aucun bouton nommé {0} dans ce ticket",
            "no panel opens the ticket category {0}":
                "aucun panneau n'ouvre la catégorie de tickets {0}",
            "patterns use PCRE2 syntax; a literal {0} or {1} needs a backslash before it":
                "les motifs suivent la syntaxe PCRE2 ; un {0} ou {1} littéral doit être précédé d'une barre oblique inverse",
            "placeholders are: {handler}, {rank}, {reason}, {sanction}, {server}, {ticket.category}, {ticket.label}, {ticket.number}, {user}, {user.name}, {answer.NAME}":
                "les variables sont : {handler}, {rank}, {reason}, {sanction}, {server}, {ticket.category}, {ticket.label}, {ticket.number}, {user}, {user.name}, {answer.NAME}",
            "rename one of them":
                "renommez l'un des deux",
            "rename one of them; the other one is on line {0}":
                "renommez l'un des deux ; l'autre est à la ligne {0}",
            "say it where a text goes ({0}), or remove it":
                "utilisez-le là où va un texte ({0}), ou supprimez-le",
            "shorten it or split it into two {0} actions":
                "raccourcissez-le ou coupez-le en deux actions {0}",
            "shorten it to {0} characters or fewer":
                "raccourcissez-le à {0} caractères ou moins",
            "shorten the button's or the category's name":
                "raccourcissez le nom du bouton ou celui de la catégorie",
            "show it from a button: {0}":
                "affichez-le depuis un bouton : {0}",
            "show it from a button: {0}, or remove it":
                "affichez-le depuis un bouton : {0}, ou supprimez-le",
            "split it into two panels":
                "coupez-le en deux panneaux",
            "split the choices across states, or use a command":
                "répartissez les choix entre les états, ou utilisez une commande",
            "the button {0} of {1} gets an id of {2} characters; Discord allows {3}":
                "le bouton {0} de {1} reçoit un id de {2} caractères ; Discord en accepte {3}",
            "the escalation chain goes from {0} down to {1}":
                "la chaîne d'escalade descend de {0} à {1}",
            "the form {0} cannot be shown on {1}":
                "le formulaire {0} ne peut pas être affiché sur {1}",
            "the form {0} has {1} questions; a Discord form holds {2}":
                "le formulaire {0} a {1} questions ; un formulaire Discord en contient {2}",
            "the form {0} is never used":
                "le formulaire {0} n'est jamais utilisé",
            "the language {0} is not declared":
                "la langue {0} n'est pas déclarée",
            "the opening form of {0} has {1} questions; a Discord form holds {2}":
                "le formulaire d'ouverture de {0} a {1} questions ; un formulaire Discord en contient {2}",
            "the panel {0} opens {1} categories; Discord shows at most {2} per message":
                "le panneau {0} ouvre {1} catégories ; Discord en affiche au plus {2} par message",
            "the state {0} can never be reached":
                "l'état {0} n'est jamais atteint",
            "the state {0} shows {1} buttons; Discord shows at most {2} on a message":
                "l'état {0} affiche {1} boutons ; Discord en affiche au plus {2} sur un message",
            "the text ends here: a {0} inside a text must be written {1}":
                "le texte s'arrête ici : un {0} dans un texte s'écrit {1}",
            "the text {0} has no {1} version":
                "le texte {0} n'a pas de version {1}",
            "the text {0} is never used":
                "le texte {0} n'est jamais utilisé",
            "the ticket {0} has more than one initial state":
                "le ticket {0} a plus d'un état initial",
            "the ticket {0} has no initial state":
                "le ticket {0} n'a pas d'état initial",
            "a reply's label of {0} characters; Discord allows {1}":
                "le libellé d'une réponse fait {0} caractères ; Discord en accepte {1}",
            "the ticket {0} has two of the reply {1}":
                "le ticket {0} a deux fois la réponse {1}",
            "the ticket {0} has two of the button {1}":
                "le ticket {0} a deux fois le bouton {1}",
            "the ticket {0} has two of the state {1}":
                "le ticket {0} a deux fois l'état {1}",
            "the ticket {0} has two of the flag {1}":
                "le ticket {0} a deux fois le flag {1}",
            "the ticket {0} has two of the question {1}":
                "le ticket {0} a deux fois la question {1}",
            "this close in {0} is always refused: the ticket only gets here before the mandatory escalation":
                "cette fermeture dans {0} est toujours refusée : le ticket n'arrive ici qu'avant l'escalade obligatoire",
            "this pattern does not compile: {0}":
                "ce motif ne compile pas : {0}",
            "this text has {0} characters; a Discord message holds {1}":
                "ce texte fait {0} caractères ; un message Discord en contient {1}",
            "this text is never closed":
                "ce texte n'est jamais fermé",
            "this transition and the one on line {0} both fire on {1}":
                "cette transition et celle de la ligne {0} se déclenchent toutes deux sur {1}",
            "this workflow has tickets but no staff ranks":
                "ce workflow a des tickets mais aucun rang de staff",
            "ticket statistics need no block: {0} and {1} count every category":
                "les statistiques de tickets n'ont pas besoin de bloc : {0} et {1} comptent toutes les catégories",
            "tickets in the state {0} can never leave it":
                "les tickets dans l'état {0} ne peuvent jamais en sortir",
            "put each statement on its own line, or separate them with {0}":
                "mettez chaque instruction sur sa propre ligne, ou séparez-les par {0}",
            "unexpected {0} after the action":
                "{0} inattendu après l’action",
            "unexpected {0} after the actions":
                "{0} inattendu après les actions",
            "unexpected {0} after the autorole":
                "{0} inattendu après l’autorôle",
            "unexpected {0} after the channel":
                "{0} inattendu après le salon",
            "unexpected {0} after the limit":
                "{0} inattendu après la limite",
            "unexpected {0} after the list of languages":
                "{0} inattendu après la liste des langues",
            "unexpected {0} after the mandatory step":
                "{0} inattendu après l’étape obligatoire",
            "unexpected {0} after the message":
                "{0} inattendu après le message",
            "unexpected {0} after the milestone":
                "{0} inattendu après le palier",
            "unexpected {0} after the rank ladder":
                "{0} inattendu après l’échelle des rangs",
            "unexpected {0} after the priority":
                "{0} inattendu après la priorité",
            "unexpected {0} after the webhook":
                "{0} inattendu après le webhook",
            "unexpected {0} after the role":
                "{0} inattendu après le rôle",
            "unexpected {0} after the state":
                "{0} inattendu après l’état",
            "unexpected {0} after the state's name":
                "{0} inattendu après le nom de l’état",
            "unexpected {0} after the text":
                "{0} inattendu après le texte",
            "unexpected {0} after the translation":
                "{0} inattendu après la traduction",
            "unexpected {0} after the workflow's name":
                "{0} inattendu après le nom du workflow",
            "unexpected {0} after {1}":
                "{0} inattendu après {1}",
            "unexpected character {0}":
                "caractère inattendu {0}",
            "unknown statement {0} inside a ticket":
                "instruction inconnue {0} dans un ticket",
            "unknown statement {0} at the top level of the file":
                "instruction inconnue {0} au niveau supérieur du fichier",
            "use a name from the tz database, such as {0} or {1}":
                "utilisez un nom de la base tz, comme {0} ou {1}",
            "use letters, digits, {0} and {1}":
                "utilisez des lettres, des chiffres, {0} et {1}",
            "use {0} or {1}":
                "utilisez {0} ou {1}",
            "write it as Discord stores it: lowercase, dashes for spaces ({0})":
                "écrivez-le comme Discord l'enregistre : en minuscules, avec des tirets à la place des espaces ({0})",
            "write {0}":
                "écrivez {0}",
            "{0} belongs at the top level of the file, outside any block":
                "{0} se place au niveau supérieur du fichier, hors de tout bloc",
            "{0} belongs inside a {1} or {2} block":
                "{0} se place dans un bloc {1} ou {2}",
            "{0} cannot be written at the top level":
                "{0} ne peut pas s'écrire au niveau supérieur",
            "{0} cannot be written inside a ticket":
                "{0} ne peut pas s'écrire dans un ticket",
            "{0} in {1}, where no sanction is ever chosen: nobody can do this":
                "{0} dans {1}, où aucune sanction n'est jamais choisie : personne ne peut le faire",
            "{0} is a channel, but a rank or role is expected here":
                "{0} est un salon, mais un rang ou un rôle est attendu ici",
            "{0} is a rank, but a channel is expected here":
                "{0} est un rang, mais un salon est attendu ici",
            "{0} is already declared as a channel":
                "{0} est déjà déclaré comme salon",
            "{0} is already declared as a rank":
                "{0} est déjà déclaré comme rang",
            "{0} is already declared as a role":
                "{0} est déjà déclaré comme rôle",
            "{0} is already declared as a text":
                "{0} est déjà déclaré comme texte",
            "{0} is already declared as a form":
                "{0} est déjà déclaré comme formulaire",
            "the name {0} makes a button id of {1} characters; Discord allows {2}":
                "le nom {0} donne un id de bouton de {1} caractères ; Discord en admet {2}",
            "use a shorter name: the panel's button id holds {0}, the file's name (up to {1} characters) and the category's":
                "utilisez un nom plus court : l'id du bouton du panneau contient {0}, le nom du fichier (jusqu'à {1} caractères) et celui de la catégorie",
            "the ticket category {0} is also declared in {1}":
                "la catégorie de tickets {0} est aussi déclarée dans {1}",
            "the workflows of one folder serve one Discord server: give one of the two categories another name":
                "les workflows d'un même dossier servent un seul serveur Discord : donnez un autre nom à l'une des deux catégories",
            "{0} is already declared as a ticket category":
                "{0} est déjà déclaré comme catégorie de tickets",
            "{0} is not a block of the language":
                "{0} n'est pas un bloc du langage",
            "{0} is not a duration":
                "{0} n'est pas une durée",
            "{0} is not a mode":
                "{0} n'est pas un mode",
            "{0} is not a placeholder Escala knows":
                "{0} n'est pas une variable connue d'Escala",
            "{0} is not a time zone":
                "{0} n'est pas un fuseau horaire",
            "{0} is not allowed in a channel name":
                "{0} n'est pas autorisé dans un nom de salon",
            "{0} is not an action":
                "{0} n'est pas une action",
            "{0} is not an event":
                "{0} n'est pas un événement",
            "{0} is not declared (expected a rank or role)":
                "{0} n'est pas déclaré (un rang ou un rôle était attendu)",
            "{0} is not declared (expected a rank, a role or {1})":
                "{0} n'est pas déclaré (un rang, un rôle ou {1} était attendu)",
            "{0} is not declared (expected a state)":
                "{0} n'est pas déclaré (un état était attendu)",
            "{0} is not declared (expected a channel)":
                "{0} n'est pas déclaré (un salon était attendu)",
            "{0} is not declared (expected a text)":
                "{0} n'est pas déclaré (un texte était attendu)",
            "{0} is not declared (expected a form)":
                "{0} n'est pas déclaré (un formulaire était attendu)",
            "{0} is not declared (expected a rank)":
                "{0} n'est pas déclaré (un rang était attendu)",
            "{0} is not declared (expected a role)":
                "{0} n'est pas déclaré (un rôle était attendu)",
            "{0} is not declared (expected a ticket category)":
                "{0} n'est pas déclaré (une catégorie de tickets était attendue)",
            "{0} leaves the escalation chain of {1} ({2})":
                "{0} sort de la chaîne d'escalade de {1} ({2})",
            "{0} must be escalated to {1} before it closes, but nothing escalates it there":
                "{0} doit être escaladé à {1} avant de fermer, mais rien ne l'y escalade",
            "{0} never chooses a sanction, so {1} is nobody here":
                "{0} ne choisit jamais de sanction : {1} n'est donc personne ici",
            "{0} never shows the form {1}, so it is never submitted":
                "{0} n'affiche jamais le formulaire {1} : il n'est donc jamais envoyé",
            "{0} requires no evidence, so {1} never happens":
                "{0} ne demande aucune preuve : {1} n'arrive donc jamais",
            "{0} ticket categories open their channels in {1} and {2}: at most {3} tickets can be open at once":
                "{0} catégories de tickets ouvrent leurs salons dans {1} et {2} : au plus {3} tickets peuvent être ouverts à la fois",
            "{0} ticket categories open their channels in {1}: at most {2} tickets can be open at once":
                "{0} catégories de tickets ouvrent leurs salons dans {1} : au plus {2} tickets peuvent être ouverts à la fois",
            "more than {0} problems in this file: the rest are not listed":
                "plus de {0} problèmes dans ce fichier : les autres ne sont pas listés",
            "fix the problems above (the first ones often cause the rest) and lint again":
                "corrigez les problèmes ci-dessus (les premiers causent souvent les autres) et relancez lint",
            "this {0} closes no block":
                "ce {0} ne ferme aucun bloc",
            "{0} is never closed":
                "{0} n'est jamais fermé",
            "staff give files or links, not written answers":
                "le staff fournit des fichiers ou des liens, pas des réponses écrites",
            "expected {0} on this line":
                "{0} attendu sur cette ligne",
            "known names: {0}":
                "noms connus : {0}",
            "known names: {0} or {1}":
                "noms connus : {0} ou {1}",
            "statements here are: {0}":
                "instructions possibles ici : {0}",
            "the ticket {0} is never closed":
                "le ticket {0} n'est jamais fermé",
            "the state {0} is never closed":
                "l'état {0} n'est jamais fermé",
            "add a {0} where the ticket {1} ends":
                "ajoutez un {0} là où finit le ticket {1}",
            "add a {0} where the state {1} ends":
                "ajoutez un {0} là où finit l'état {1}",
            "add a {0} before line {1}, where the ticket {2} ends":
                "ajoutez un {0} avant la ligne {1}, là où finit le ticket {2}",
            "add a {0} before line {1}, where the state {2} ends":
                "ajoutez un {0} avant la ligne {1}, là où finit l'état {2}",
            "the button {0} is never shown":
                "le bouton {0} n'est jamais affiché",
            "buttons appear in states that react to them: add {0}":
                "les boutons apparaissent dans les états qui y réagissent : ajoutez {0}",
            "no ids file {0}: {1} needs the Discord ids of {2}":
                "pas de fichier d'ids {0} : {1} a besoin des ids Discord de {2}",
            "no ids file {0}: {1} needs the Discord ids of {2} and {3} more":
                "pas de fichier d'ids {0} : {1} a besoin des ids Discord de {2} et {3} autres",
            "create {0} beside the workflow, one line per name: {1} (in Discord: User Settings > Advanced > Developer Mode, then right-click > Copy ID)":
                "créez {0} à côté du workflow, une ligne par nom : {1} (dans Discord : Paramètres utilisateur > Avancés > Mode développeur, puis clic droit > Copier l'identifiant)",
            "{0} names have no Discord id yet: {1}":
                "{0} noms n'ont pas encore d'id Discord : {1}",
            "write one binding per line, such as {0}, or {1}":
                "écrivez une ligne par nom, comme {0}, ou {1}",
            "{0} has no Discord id yet":
                "{0} n'a pas encore d'id Discord",
            "replace {0} with its id (in Discord: User Settings > Advanced > Developer Mode, then right-click > Copy ID)":
                "remplacez {0} par son id (dans Discord : Paramètres utilisateur > Avancés > Mode développeur, puis clic droit > Copier l'identifiant)",
            "this file has no line for {0}":
                "ce fichier n'a pas de ligne pour {0}",
            "add {0}, one line per name":
                "ajoutez {0}, une ligne par nom",
            // The parser's own messages and help lines.
            "a TOP shows {0} to {1} members":
                "un TOP affiche de {0} à {1} membres",
            "a condition is a flag's name, {0} or {1}":
                "une condition est le nom d'un indicateur, {0} ou {1}",
            "a limit of {0} would stop everyone from giving reputation":
                "une limite de {0} empêcherait tout le monde de donner de la réputation",
            "a limit of {0} would stop everyone from opening tickets":
                "une limite de {0} empêcherait tout le monde d'ouvrir des tickets",
            "a milestone of {0} tickets is reached before anyone handles one":
                "un palier de {0} tickets est atteint avant que quiconque en traite un",
            "a month window starts on day {0} to {1}":
                "une période mensuelle commence entre le jour {0} et le {1}",
            "a question may end with {0} or {1}":
                "une question peut finir par {0} ou {1}",
            "add {0}":
                "ajoutez {0}",
            "an embed holds at most {0} fields":
                "un embed contient au plus {0} champs",
            "an escalation chain goes upwards with {0}":
                "une chaîne d'escalade monte avec {0}",
            "count {0} or {1}":
                "comptez {0} ou {1}",
            "every month has those days; {0} to {1} would skip February":
                "tous les mois ont ces jours ; du {0} au {1} sauterait février",
            "put every limit and level in one {0} block":
                "mettez toutes les limites et tous les niveaux dans un seul bloc {0}",
            "ranks are listed from lowest to highest with {0}":
                "les rangs s'écrivent du plus bas au plus haut avec {0}",
            "remove it, or add the {0} it was meant to close":
                "retirez-la, ou ajoutez l'{0} qu'elle devait fermer",
            "states belong to a ticket, not to {0}":
                "les états appartiennent à un ticket, pas à {0}",
            "support hours cannot cross midnight; split them into two windows":
                "les horaires du support ne peuvent pas passer minuit ; coupez-les en deux plages",
            "the activity {0} has no window":
                "l'activité {0} n'a pas de période",
            "the activity {0} has nowhere to post its TOP":
                "l'activité {0} n'a nulle part où publier son TOP",
            "the closing time must come after the opening time":
                "l'heure de fermeture doit venir après l'heure d'ouverture",
            "use {0} or more":
                "utilisez {0} ou plus",
            "use {0} or more, or remove the limit":
                "utilisez {0} ou plus, ou retirez la limite",
            "use {0}-hour times from {1}:{2} to {3}:{4}":
                "utilisez des heures sur {0} heures, de {1}:{2} à {3}:{4}",
            "write days as mon, tue, wed, thu, fri, sat, sun, or a range such as {0}":
                "écrivez les jours mon, tue, wed, thu, fri, sat, sun, ou un intervalle comme {0}",
            "write it from the first to the last rank: {0}":
                "écrivez-la du premier au dernier rang : {0}",
            "write mon, tue, wed, thu, fri, sat or sun":
                "écrivez mon, tue, wed, thu, fri, sat ou sun",
            "write shared transitions directly in {0} with {1} or {2}":
                "écrivez les transitions communes directement dans {0} avec {1} ou {2}",
            "write the condition more simply: {0} is {1}, and {2} is {3}":
                "écrivez la condition plus simplement : {0} revient à {1}, et {2} à {3}",
            "write the label users see on the button, like {0}":
                "écrivez le libellé que les utilisateurs voient sur le bouton, comme {0}",
            "write the ladder as {0}":
                "écrivez l'échelle comme {0}",
            "write what happens after a colon, as in {0}":
                "écrivez ce qui se passe après deux-points, comme dans {0}",
            "write {0} or {1}":
                "écrivez {0} ou {1}",
            "write {0} or {1} with {2}; a written answer is the member's":
                "écrivez {0} ou {1} avec {2} ; une réponse écrite est celle du membre",
            "{0} cannot be counted":
                "{0} ne peut pas être compté",
            "{0} follows the chain; {1} goes to a named rank":
                "{0} suit la chaîne ; {1} va à un rang précis",
            "{0} is not a day":
                "{0} n'est pas un jour",
            "{0} is not a day or a range of days":
                "{0} n'est ni un jour ni un intervalle de jours",
            "the tools are {0}":
                "les outils sont {0}",
            "write a name, the label staff pick it by, and the text: {0}":
                "écrivez un nom, le libellé par lequel le staff la choisit et le texte : {0}",
            "{0} is not a staff tool":
                "{0} n'est pas un outil du staff",
            "write which tools and who may use them, as in {0}":
                "écrivez quels outils et qui peut les utiliser, comme dans {0}",
            "{0} is not a kind of evidence":
                "{0} n'est pas un type de preuve",
            "{0} is not a period":
                "{0} n'est pas une période",
            "{0} is not a time of day":
                "{0} n'est pas une heure de la journée",
            "the priority {0} is written twice":
                "la priorité {0} est écrite deux fois",
            "write each priority once, the most urgent first":
                "écrivez chaque priorité une seule fois, la plus urgente d'abord",
            "{0} is not an address Escala posts to":
                "{0} n'est pas une adresse où Escala envoie",
            "write an https:// address; http:// is taken only for this machine ({0})":
                "écrivez une adresse https:// ; http:// n'est accepté que pour cette machine ({0})",
            "{0} is not a ticket event a webhook is sent for":
                "{0} n'est pas un événement de ticket pour lequel un webhook est envoyé",
            "the events are {0}":
                "les événements sont {0}",
            "{0} is written twice":
                "{0} est écrit deux fois",
            "{0} lets a peer take over; {1} only a superior":
                "{0} laisse un pair reprendre le ticket ; {1}, seulement un supérieur",
            "{0} lets admins and the ranks above them write; {1}, any rank above the handler's":
                "{0} laisse écrire les admins et les rangs au-dessus ; {1}, tout rang au-dessus de celui du responsable",
            "{0} needs a unit":
                "{0} a besoin d'une unité",
            // Questions with choices.
            "no choice of {0} named {1} in this ticket":
                "{0} n'a aucun choix nommé {1} dans ce ticket",
            "no question with choices named {0} in this ticket":
                "aucune question à choix nommée {0} dans ce ticket",
            "{0} is written, not chosen: give it choices ({1}) or write {2}":
                "{0} s'écrit, ne se choisit pas : donnez-lui des choix ({1}) ou écrivez {2}",
            "its choices are {0}":
                "ses choix sont {0}",
            "a question with choices is a menu, never {0}":
                "une question à choix est un menu, jamais {0}",
            "remove {0}, or the choices to let the member write":
                "retirez {0}, ou retirez les choix pour laisser le membre écrire",
            "a choice of {0} characters; Discord allows {1}":
                "un choix de {0} caractères ; Discord accepte {1}",
            "the question {0} has {1} choices; a Discord menu holds {2}":
                "la question {0} a {1} choix ; un menu Discord en contient {2}",
            "keep the commonest choices, or let the member write the answer":
                "gardez les choix les plus courants, ou laissez le membre écrire la réponse",
        ],
        phrases: [
            "one of the question's choices": "un des choix de la question",
            "the choice's name": "le nom du choix",
            "the choice's label": "le libellé du choix",
            "in double quotes": "entre guillemets droits",
            "the end of the line": "la fin de la ligne",
            "the end of the file": "la fin du fichier",
            "a text in quotes": "un texte entre guillemets",
            "a rank": "un rang",
            "a rank, a role or {0}": "un rang, un rôle ou {0}",
            "a rank, a role, {0} or {1}": "un rang, un rôle, {0} ou {1}",
            "a pattern": "un motif",
            "a channel": "un salon",
            "a rank or role": "un rang ou un rôle",
            "the emoji": "l'emoji",
            "a time zone such as {0}": "un fuseau horaire comme {0}",
            "a role": "un rôle",
            "a rank name": "le nom d'un rang",
            "a language code such as {0}": "un code de langue comme {0}",
            "a form's name": "le nom d'un formulaire",
            "a flag": "un flag",
            "a channel name, or {0}": "le nom d'un salon, ou {0}",
            "a channel name": "le nom d'un salon",
            "what to count": "ce qu'il faut compter",
            "what to ask the user": "ce qu'on demande à l'utilisateur",
            "the workflow's name": "le nom du workflow",
            "the ticket category's name": "le nom de la catégorie de tickets",
            "the text's name": "le nom du texte",
            "the text to look for": "le texte à chercher",
            "the text in {0}": "le texte en {0}",
            "the state's name": "le nom de l'état",
            "the sanction": "la sanction",
            "the rule's name": "le nom de la règle",
            "the priority's name, such as {0}": "le nom de la priorité, comme {0}",
            "the address to post to, such as {0}": "l'adresse où envoyer, comme {0}",
            "a ticket event such as {0}": "un événement de ticket comme {0}",
            "the role's name": "le nom du rôle",
            "the role to grant": "le rôle à donner",
            "the ranks or roles to ping": "les rangs ou rôles à mentionner",
            "the question's name": "le nom de la question",
            "the question": "la question",
            "the placeholder": "la variable",
            "the panel's title": "le titre du panneau",
            "the panel's name": "le nom du panneau",
            "the offence's name": "le nom de l'infraction",
            "the offence's description": "la description de l'infraction",
            "the new channel name": "le nouveau nom du salon",
            "the message's name": "le nom du message",
            "the level's name": "le nom du niveau",
            "the image's address": "l'adresse de l'image",
            "the form's title": "le titre du formulaire",
            "the form's name": "le nom du formulaire",
            "the flag's name": "le nom du flag",
            "the evidence's name": "le nom de la preuve",
            "the description": "la description",
            "the channel's name": "le nom du salon",
            "the category's label": "le libellé de la catégorie",
            "the button's name": "le nom du bouton",
            "the button's label": "le libellé du bouton",
            "the board's name": "le nom du tableau",
            "days such as {0} or {1}": "des jours comme {0} ou {1}",
            "an offence": "une infraction",
            "a ticket category": "une catégorie de tickets",
            "a state": "un état",
            "a level of {0}": "un niveau de {0}",
            "a declared {0}": "un {0} déclaré",
            "a day such as {0}": "un jour comme {0}",
            "a condition": "une condition",
            "a command's name": "le nom d'une commande",
            "a channel or category name": "le nom d'un salon ou d'une catégorie",
            "a channel category name": "le nom d'une catégorie de salons",
            "a button's name": "le nom d'un bouton",
            "{0} or {1}": "{0} ou {1}",
            "{0} and the actions": "{0} et les actions",
            "a statement such as {0} or {1}": "une instruction comme {0} ou {1}",
            "an action such as {0} or {1}": "une action comme {0} ou {1}",
            "an event such as {0} or {1}": "un événement comme {0} ou {1}",
            "a time such as {0}": "une heure comme {0}",
            "what must happen first": "ce qui doit arriver d'abord",
            "when to grant the role": "quand donner le rôle",
            "a duration such as {0} or {1}": "une durée comme {0} ou {1}",
            "a text in quotes or the name of a {0}": "un texte entre guillemets ou le nom d'un {0}",
            "a number": "un nombre",
            "after {0}": "après {0}",
            "after its name": "après son nom",
            "after its label": "après son libellé",
            "after the channel": "après le salon",
            "after the tools": "après les outils",
            "the reply's name": "le nom de la réponse",
            "the reply's label": "le libellé de la réponse",
            "after the reply's label": "après le libellé de la réponse",
            "a staff tool": "un outil du staff",
            "after the duration": "après la durée",
            "after the emoji": "après l'emoji",
            "after the form's name": "après le nom du formulaire",
            "after the hours (the time zone)": "après les horaires (le fuseau horaire)",
            "after the language code": "après le code de langue",
            "after the level's name": "après le nom du niveau",
            "after the number": "après le nombre",
            "after the number (the channel it is posted in)": "après le nombre (le salon où il est publié)",
            "after the panel's title (the channel it is posted in)": "après le titre du panneau (le salon où il est publié)",
            "after the pattern": "après le motif",
            "after the period (the time zone)": "après la période (le fuseau horaire)",
            "after the rule's name": "après le nom de la règle",
            "after the step that must happen first": "après l'étape qui doit arriver d'abord",
            "after the time ({0})": "après l'heure ({0})",
            "after {0} (as a setting: {1})": "après {0} (comme réglage : {1})",
            "after {0} (how long the member has to answer)": "après {0} (le temps qu'a le membre pour répondre)",
            "after {0} (the reason)": "après {0} (le motif)",
            "before the notice": "avant l'avis",
            "between the opening and the closing time": "entre l'heure d'ouverture et celle de fermeture",
            "in a text block": "dans un bloc de texte",
            "in {0}": "dans {0}",
            "to close the condition": "pour fermer la condition",
        ],
        expected: "il faut {what} {context}, mais il y a {found}",
        label: "Libellé",
        help: "aide",
        related: "voir aussi",
        summary: { files, errors, warnings, notes in
            let checked = files == 1 ? "1 fichier vérifié" : "\(files) fichiers vérifiés"
            let noted = notes == 0 ? "" : notes == 1 ? ", 1 note" : ", \(notes) notes"
            guard errors + warnings > 0 else { return checked + " : aucun problème" + noted }
            return checked + " : " + (errors == 1 ? "1 erreur" : "\(errors) erreurs") + ", "
                + (warnings == 1 ? "1 avertissement" : "\(warnings) avertissements") + noted
        }
    )
}
