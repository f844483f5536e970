// The Spanish words of `escala lint`. Keys are the English templates
// (`MessageTemplate`): `{0}`, `{1}`… stand for the names, texts and numbers
// of one message, and may come in another order here.
extension DiagnosticCatalogue {
    static let spanish = Words(
        messages: [
            "Discord shows forms only after a click: add a button and write {0}":
                "Discord solo muestra formularios tras un clic: añade un botón y escribe {0}",
            "Discord would change this channel name":
                "Discord cambiaría este nombre de canal",
            "a button's label of {0} characters; Discord allows {1}":
                "la etiqueta de un botón tiene {0} caracteres; Discord admite {1}",
            "a ticket category's label (shown on the panel) of {0} characters; Discord allows {1}":
                "la etiqueta de una categoría de tickets (se ve en el panel) tiene {0} caracteres; Discord admite {1}",
            "add a line such as {0} at the top of the file":
                "añade una línea como {0} al principio del archivo",
            "add a line such as {0} to the text":
                "añade una línea como {0} al texto",
            "add a transition with {0} or {1}, or mark it {2}":
                "añade una transición con {0} o {1}, o márcalo {2}",
            "add a {0} at the end of the text, on the same line":
                "añade un {0} al final del texto, en la misma línea",
            "add it to {0}, or remove this translation":
                "añádelo a {0}, o quita esta traducción",
            "add the escalation ({0}), or remove this {1}":
                "añade el escalado ({0}), o quita este {1}",
            "add what the user must provide with {0}":
                "indica lo que el usuario debe aportar con {0}",
            "add {0} to a transition of a reachable state, or remove the state":
                "añade {0} a una transición de un estado alcanzable, o quita el estado",
            "add {0} to {1} in the panel {2}":
                "añade {0} a {1} en el panel {2}",
            "add {0} to {1}, or write {2} if the ticket leaves the chain on purpose":
                "añade {0} a {1}, o escribe {2} si el ticket sale de la cadena a propósito",
            "an offer review is a {0} category whose states are the review (pending, approved, rejected, changes requested): see {1} in docs/language.md":
                "una revisión de ofertas es una categoría {0} cuyos estados son la revisión (pendiente, aprobada, rechazada, cambios pedidos): mira {1} en docs/language.md",
            "declare it in the ticket: {0}":
                "decláralo en el ticket: {0}",
            "did you mean {0}?":
                "¿quisiste decir {0}?",
            "did you mean {0}? Escala's keywords are English: {1} is written {2}":
                "¿quisiste decir {0}? Las palabras clave de Escala están en inglés: {1} se escribe {2}",
            "escalate before coming here, or move the close to a state after the escalation":
                "escala antes de llegar aquí, o lleva el cierre a un estado posterior al escalado",
            "first said here":
                "dicho aquí por primera vez",
            "the message menu opens one category: keep {0} in one of them":
                "el menú del mensaje abre una sola categoría: deja {0} en una de ellas",
            "the tickets {0} and {1} both say {2}":
                "los tickets {0} y {1} dicen los dos {2}",
            "write it inside the ticket that takes reports":
                "escríbelo dentro del ticket que recibe los reportes",
            "{0} names the one category the message menu opens, not {1}":
                "{0} nombra la única categoría que abre el menú del mensaje, no {1}",
            "name everyone who may block in one line: {0}":
                "nombra en una sola línea a todos los que pueden bloquear: {0}",
            "the list of members who may not open tickets is written {0}: who may block and unblock with /block and /unblock":
                "la lista de miembros que no pueden abrir tickets se escribe {0}: quién puede bloquear y desbloquear con /bloquear y /desbloquear",
            "first declared here":
                "declarado aquí por primera vez",
            "keep {0} on one state only":
                "deja {0} en un solo estado",
            "let staff name the sanction first: in an appeal {0} (the member's recorded sanction: its applier is the sanctioner); elsewhere {1} (whoever applies it)":
                "que el staff indique antes la sanción: en una apelación {0} (la sanción registrada del miembro: quien la aplicó es el sancionador); en otro caso {1} (quien la aplica)",
            "list the chain from the lowest rank to the highest":
                "escribe la cadena del rango más bajo al más alto",
            "mark the state tickets start in: {0}":
                "marca el estado en el que empiezan los tickets: {0}",
            "merge their actions into one transition, or tell them apart with {0} or {1}":
                "junta sus acciones en una sola transición, o distínguelas con {0} o {1}",
            "move the rest to a second form shown from a button, or ask them as {0}":
                "pasa el resto a un segundo formulario que abra un botón, o pídelas con {0}",
            "name another overflow category (Discord holds {0} channels in each): {1}":
                "indica otra categoría de desborde (Discord admite {0} canales en cada una): {1}",
            "no button named {0} in this ticket":
                "no hay ningún botón llamado {0} en este ticket",
            "no panel opens the ticket category {0}":
                "ningún panel abre la categoría de tickets {0}",
            "patterns use PCRE2 syntax; a literal {0} or {1} needs a backslash before it":
                "los patrones usan la sintaxis PCRE2; un {0} o {1} literal necesita una barra invertida delante",
            "placeholders are: {handler}, {rank}, {reason}, {sanction}, {server}, {ticket.category}, {ticket.label}, {ticket.number}, {user}, {user.name}, {answer.NAME}":
                "las variables son: {handler}, {rank}, {reason}, {sanction}, {server}, {ticket.category}, {ticket.label}, {ticket.number}, {user}, {user.name}, {answer.NAME}",
            "rename one of them":
                "cambia el nombre de uno de los dos",
            "rename one of them; the other one is on line {0}":
                "cambia el nombre de uno de los dos; el otro está en la línea {0}",
            "say it where a text goes ({0}), or remove it":
                "úsalo donde va un texto ({0}), o quítalo",
            "shorten it or split it into two {0} actions":
                "acórtalo o divídelo en dos acciones {0}",
            "shorten it to {0} characters or fewer":
                "acórtalo a {0} caracteres o menos",
            "shorten the button's or the category's name":
                "acorta el nombre del botón o el de la categoría",
            "show it from a button: {0}":
                "muéstralo desde un botón: {0}",
            "show it from a button: {0}, or remove it":
                "muéstralo desde un botón: {0}, o quítalo",
            "split it into two panels":
                "divídelo en dos paneles",
            "split the choices across states, or use a command":
                "reparte las opciones entre estados, o usa un comando",
            "the button {0} of {1} gets an id of {2} characters; Discord allows {3}":
                "el botón {0} de {1} tiene un id de {2} caracteres; Discord admite {3}",
            "the escalation chain goes from {0} down to {1}":
                "la cadena de escalado baja de {0} a {1}",
            "the form {0} cannot be shown on {1}":
                "el formulario {0} no se puede mostrar en {1}",
            "the form {0} has {1} questions; a Discord form holds {2}":
                "el formulario {0} tiene {1} preguntas; un formulario de Discord admite {2}",
            "the form {0} is never used":
                "el formulario {0} no se usa nunca",
            "the language {0} is not declared":
                "el idioma {0} no está declarado",
            "the opening form of {0} has {1} questions; a Discord form holds {2}":
                "el formulario de apertura de {0} tiene {1} preguntas; un formulario de Discord admite {2}",
            "the panel {0} opens {1} categories; Discord shows at most {2} per message":
                "el panel {0} abre {1} categorías; Discord muestra como mucho {2} por mensaje",
            "the state {0} can never be reached":
                "el estado {0} no se alcanza nunca",
            "the state {0} shows {1} buttons; Discord shows at most {2} on a message":
                "el estado {0} muestra {1} botones; Discord muestra como mucho {2} en un mensaje",
            "the text ends here: a {0} inside a text must be written {1}":
                "el texto termina aquí: un {0} dentro de un texto se escribe {1}",
            "the text {0} has no {1} version":
                "el texto {0} no tiene versión {1}",
            "the text {0} is never used":
                "el texto {0} no se usa nunca",
            "the ticket {0} has more than one initial state":
                "el ticket {0} tiene más de un estado inicial",
            "the ticket {0} has no initial state":
                "el ticket {0} no tiene estado inicial",
            "a reply's label of {0} characters; Discord allows {1}":
                "la etiqueta de una respuesta tiene {0} caracteres; Discord admite {1}",
            "the ticket {0} has two of the reply {1}":
                "el ticket {0} tiene dos veces la respuesta {1}",
            "the ticket {0} has two of the button {1}":
                "el ticket {0} tiene dos veces el botón {1}",
            "the ticket {0} has two of the state {1}":
                "el ticket {0} tiene dos veces el estado {1}",
            "the ticket {0} has two of the flag {1}":
                "el ticket {0} tiene dos veces el flag {1}",
            "the ticket {0} has two of the question {1}":
                "el ticket {0} tiene dos veces la pregunta {1}",
            "this close in {0} is always refused: the ticket only gets here before the mandatory escalation":
                "este cierre de {0} se rechaza siempre: el ticket solo llega aquí antes del escalado obligatorio",
            "this pattern does not compile: {0}":
                "este patrón no compila: {0}",
            "this text has {0} characters; a Discord message holds {1}":
                "este texto tiene {0} caracteres; un mensaje de Discord admite {1}",
            "this text is never closed":
                "este texto no se cierra nunca",
            "this transition and the one on line {0} both fire on {1}":
                "esta transición y la de la línea {0} se disparan las dos con {1}",
            "this workflow has tickets but no staff ranks":
                "este workflow tiene tickets pero ningún rango de staff",
            "ticket statistics need no block: {0} and {1} count every category":
                "las estadísticas de tickets no necesitan bloque: {0} y {1} cuentan todas las categorías",
            "tickets in the state {0} can never leave it":
                "los tickets en el estado {0} no pueden salir nunca de él",
            "put each statement on its own line, or separate them with {0}":
                "pon cada instrucción en su propia línea, o sepáralas con {0}",
            "unexpected {0} after the action":
                "{0} inesperado después de la acción",
            "unexpected {0} after the actions":
                "{0} inesperado después de las acciones",
            "unexpected {0} after the autorole":
                "{0} inesperado después del autorol",
            "unexpected {0} after the channel":
                "{0} inesperado después del canal",
            "unexpected {0} after the limit":
                "{0} inesperado después del límite",
            "unexpected {0} after the list of languages":
                "{0} inesperado después de la lista de idiomas",
            "unexpected {0} after the mandatory step":
                "{0} inesperado después del paso obligatorio",
            "unexpected {0} after the message":
                "{0} inesperado después del mensaje",
            "unexpected {0} after the milestone":
                "{0} inesperado después del hito",
            "unexpected {0} after the rank ladder":
                "{0} inesperado después de la escala de rangos",
            "unexpected {0} after the priority":
                "{0} inesperado después de la prioridad",
            "unexpected {0} after the webhook":
                "{0} inesperado después del webhook",
            "unexpected {0} after the role":
                "{0} inesperado después del rol",
            "unexpected {0} after the state":
                "{0} inesperado después del estado",
            "unexpected {0} after the state's name":
                "{0} inesperado después del nombre del estado",
            "unexpected {0} after the text":
                "{0} inesperado después del texto",
            "unexpected {0} after the translation":
                "{0} inesperado después de la traducción",
            "unexpected {0} after the workflow's name":
                "{0} inesperado después del nombre del workflow",
            "unexpected {0} after {1}":
                "{0} inesperado después de {1}",
            "unexpected character {0}":
                "carácter inesperado {0}",
            "unknown statement {0} inside a ticket":
                "instrucción desconocida {0} dentro de un ticket",
            "unknown statement {0} at the top level of the file":
                "instrucción desconocida {0} en el nivel superior del archivo",
            "use a name from the tz database, such as {0} or {1}":
                "usa un nombre de la base de datos tz, como {0} o {1}",
            "use letters, digits, {0} and {1}":
                "usa letras, cifras, {0} y {1}",
            "use {0} or {1}":
                "usa {0} o {1}",
            "write it as Discord stores it: lowercase, dashes for spaces ({0})":
                "escríbelo como lo guarda Discord: en minúsculas, con guiones en vez de espacios ({0})",
            "write {0}":
                "escribe {0}",
            "{0} belongs at the top level of the file, outside any block":
                "{0} va en el nivel superior del archivo, fuera de cualquier bloque",
            "{0} belongs inside a {1} or {2} block":
                "{0} va dentro de un bloque {1} o {2}",
            "{0} cannot be written at the top level":
                "{0} no se puede escribir en el nivel superior",
            "{0} cannot be written inside a ticket":
                "{0} no se puede escribir dentro de un ticket",
            "{0} in {1}, where no sanction is ever chosen: nobody can do this":
                "{0} en {1}, donde nunca se elige una sanción: nadie puede hacer esto",
            "{0} is a channel, but a rank or role is expected here":
                "{0} es un canal, pero aquí va un rango o un rol",
            "{0} is a rank, but a channel is expected here":
                "{0} es un rango, pero aquí va un canal",
            "{0} is already declared as a channel":
                "{0} ya está declarado como canal",
            "{0} is already declared as a rank":
                "{0} ya está declarado como rango",
            "{0} is already declared as a role":
                "{0} ya está declarado como rol",
            "{0} is already declared as a text":
                "{0} ya está declarado como texto",
            "{0} is already declared as a form":
                "{0} ya está declarado como formulario",
            "the name {0} makes a button id of {1} characters; Discord allows {2}":
                "el nombre {0} da un id de botón de {1} caracteres; Discord admite {2}",
            "use a shorter name: the panel's button id holds {0}, the file's name (up to {1} characters) and the category's":
                "usa un nombre más corto: el id del botón del panel lleva {0}, el nombre del archivo (hasta {1} caracteres) y el de la categoría",
            "the ticket category {0} is also declared in {1}":
                "la categoría de tickets {0} también está declarada en {1}",
            "the workflows of one folder serve one Discord server: give one of the two categories another name":
                "los workflows de una carpeta sirven a un solo servidor de Discord: da otro nombre a una de las dos categorías",
            "{0} is already declared as a ticket category":
                "{0} ya está declarado como categoría de tickets",
            "{0} is not a block of the language":
                "{0} no es un bloque del lenguaje",
            "{0} is not a duration":
                "{0} no es una duración",
            "{0} is not a mode":
                "{0} no es un modo",
            "{0} is not a placeholder Escala knows":
                "{0} no es una variable que Escala conozca",
            "{0} is not a time zone":
                "{0} no es una zona horaria",
            "{0} is not allowed in a channel name":
                "{0} no se admite en un nombre de canal",
            "{0} is not an action":
                "{0} no es una acción",
            "{0} is not an event":
                "{0} no es un evento",
            "{0} is not declared (expected a rank or role)":
                "{0} no está declarado (se esperaba un rango o un rol)",
            "{0} is not declared (expected a rank, a role or {1})":
                "{0} no está declarado (se esperaba un rango, un rol o {1})",
            "{0} is not declared (expected a state)":
                "{0} no está declarado (se esperaba un estado)",
            "{0} is not declared (expected a channel)":
                "{0} no está declarado (se esperaba un canal)",
            "{0} is not declared (expected a text)":
                "{0} no está declarado (se esperaba un texto)",
            "{0} is not declared (expected a form)":
                "{0} no está declarado (se esperaba un formulario)",
            "{0} is not declared (expected a rank)":
                "{0} no está declarado (se esperaba un rango)",
            "{0} is not declared (expected a role)":
                "{0} no está declarado (se esperaba un rol)",
            "{0} is not declared (expected a ticket category)":
                "{0} no está declarado (se esperaba una categoría de tickets)",
            "{0} leaves the escalation chain of {1} ({2})":
                "{0} sale de la cadena de escalado de {1} ({2})",
            "{0} must be escalated to {1} before it closes, but nothing escalates it there":
                "{0} debe escalarse a {1} antes de cerrarse, pero nada lo escala allí",
            "{0} never chooses a sanction, so {1} is nobody here":
                "{0} nunca elige una sanción, así que aquí {1} no es nadie",
            "{0} never shows the form {1}, so it is never submitted":
                "{0} nunca muestra el formulario {1}, así que nunca se envía",
            "{0} requires no evidence, so {1} never happens":
                "{0} no pide pruebas, así que {1} no ocurre nunca",
            "{0} ticket categories open their channels in {1} and {2}: at most {3} tickets can be open at once":
                "{0} categorías de tickets abren sus canales en {1} y {2}: como mucho puede haber {3} tickets abiertos a la vez",
            "{0} ticket categories open their channels in {1}: at most {2} tickets can be open at once":
                "{0} categorías de tickets abren sus canales en {1}: como mucho puede haber {2} tickets abiertos a la vez",
            "more than {0} problems in this file: the rest are not listed":
                "más de {0} problemas en este archivo: el resto no se muestra",
            "fix the problems above (the first ones often cause the rest) and lint again":
                "corrige los problemas de arriba (los primeros suelen causar el resto) y vuelve a pasar lint",
            "this {0} closes no block":
                "este {0} no cierra ningún bloque",
            "{0} is never closed":
                "{0} no se cierra nunca",
            "staff give files or links, not written answers":
                "el staff aporta archivos o enlaces, no respuestas escritas",
            "expected {0} on this line":
                "se esperaba {0} en esta línea",
            "known names: {0}":
                "nombres conocidos: {0}",
            "known names: {0} or {1}":
                "nombres conocidos: {0} o {1}",
            "statements here are: {0}":
                "aquí van estas instrucciones: {0}",
            "the ticket {0} is never closed":
                "el ticket {0} no se cierra nunca",
            "the state {0} is never closed":
                "el estado {0} no se cierra nunca",
            "add a {0} where the ticket {1} ends":
                "añade un {0} donde termina el ticket {1}",
            "add a {0} where the state {1} ends":
                "añade un {0} donde termina el estado {1}",
            "add a {0} before line {1}, where the ticket {2} ends":
                "añade un {0} antes de la línea {1}, donde termina el ticket {2}",
            "add a {0} before line {1}, where the state {2} ends":
                "añade un {0} antes de la línea {1}, donde termina el estado {2}",
            "the button {0} is never shown":
                "el botón {0} no se muestra nunca",
            "buttons appear in states that react to them: add {0}":
                "los botones aparecen en los estados que reaccionan a ellos: añade {0}",
            "no ids file {0}: {1} needs the Discord ids of {2}":
                "no hay archivo de ids {0}: {1} necesita los ids de Discord de {2}",
            "no ids file {0}: {1} needs the Discord ids of {2} and {3} more":
                "no hay archivo de ids {0}: {1} necesita los ids de Discord de {2} y {3} más",
            "create {0} beside the workflow, one line per name: {1} (in Discord: User Settings > Advanced > Developer Mode, then right-click > Copy ID)":
                "crea {0} junto al workflow, una línea por nombre: {1} (en Discord: Ajustes de usuario > Avanzado > Modo desarrollador, y luego clic derecho > Copiar ID)",
            "{0} names have no Discord id yet: {1}":
                "{0} nombres todavía no tienen id de Discord: {1}",
            "write one binding per line, such as {0}, or {1}":
                "escribe una línea por nombre, como {0}, o {1}",
            "{0} has no Discord id yet":
                "{0} todavía no tiene id de Discord",
            "replace {0} with its id (in Discord: User Settings > Advanced > Developer Mode, then right-click > Copy ID)":
                "cambia {0} por su id (en Discord: Ajustes de usuario > Avanzado > Modo desarrollador, y luego clic derecho > Copiar ID)",
            "this file has no line for {0}":
                "este archivo no tiene línea para {0}",
            "add {0}, one line per name":
                "añade {0}, una línea por nombre",
            // The parser's own messages and help lines.
            "a TOP shows {0} to {1} members":
                "un TOP muestra de {0} a {1} miembros",
            "a condition is a flag's name, {0} or {1}":
                "una condición es el nombre de un indicador, {0} o {1}",
            "a limit of {0} would stop everyone from giving reputation":
                "un límite de {0} impediría a todos dar reputación",
            "a limit of {0} would stop everyone from opening tickets":
                "un límite de {0} impediría a todos abrir tickets",
            "a milestone of {0} tickets is reached before anyone handles one":
                "un hito de {0} tickets se alcanza antes de que nadie atienda uno",
            "a month window starts on day {0} to {1}":
                "un periodo mensual empieza entre el día {0} y el {1}",
            "a question may end with {0} or {1}":
                "una pregunta puede terminar con {0} o {1}",
            "add {0}":
                "añade {0}",
            "an embed holds at most {0} fields":
                "un embed admite como mucho {0} campos",
            "an escalation chain goes upwards with {0}":
                "una cadena de escalado sube con {0}",
            "count {0} or {1}":
                "cuenta {0} o {1}",
            "every month has those days; {0} to {1} would skip February":
                "todos los meses tienen esos días; del {0} al {1} se saltaría febrero",
            "put every limit and level in one {0} block":
                "pon todos los límites y niveles en un solo bloque {0}",
            "ranks are listed from lowest to highest with {0}":
                "los rangos se escriben del más bajo al más alto con {0}",
            "remove it, or add the {0} it was meant to close":
                "quítalo, o añade la {0} que debía cerrar",
            "states belong to a ticket, not to {0}":
                "los estados pertenecen a un ticket, no a {0}",
            "support hours cannot cross midnight; split them into two windows":
                "el horario de atención no puede pasar de medianoche; divídelo en dos tramos",
            "the activity {0} has no window":
                "la actividad {0} no tiene periodo",
            "the activity {0} has nowhere to post its TOP":
                "la actividad {0} no tiene dónde publicar su TOP",
            "the closing time must come after the opening time":
                "la hora de cierre debe ser posterior a la de apertura",
            "use {0} or more":
                "usa {0} o más",
            "use {0} or more, or remove the limit":
                "usa {0} o más, o quita el límite",
            "use {0}-hour times from {1}:{2} to {3}:{4}":
                "usa el formato de {0} horas, de {1}:{2} a {3}:{4}",
            "write days as mon, tue, wed, thu, fri, sat, sun, or a range such as {0}":
                "escribe los días como mon, tue, wed, thu, fri, sat, sun, o un intervalo como {0}",
            "write it from the first to the last rank: {0}":
                "escríbela del primer rango al último: {0}",
            "write mon, tue, wed, thu, fri, sat or sun":
                "escribe mon, tue, wed, thu, fri, sat o sun",
            "write shared transitions directly in {0} with {1} or {2}":
                "escribe las transiciones comunes directamente en {0} con {1} o {2}",
            "write the condition more simply: {0} is {1}, and {2} is {3}":
                "escribe la condición de forma más simple: {0} es {1}, y {2} es {3}",
            "write the label users see on the button, like {0}":
                "escribe la etiqueta que los usuarios ven en el botón, como {0}",
            "write the ladder as {0}":
                "escribe la escala como {0}",
            "write what happens after a colon, as in {0}":
                "escribe lo que ocurre después de dos puntos, como en {0}",
            "write {0} or {1}":
                "escribe {0} o {1}",
            "write {0} or {1} with {2}; a written answer is the member's":
                "escribe {0} o {1} con {2}; una respuesta escrita es del miembro",
            "{0} cannot be counted":
                "{0} no se puede contar",
            "{0} follows the chain; {1} goes to a named rank":
                "{0} sigue la cadena; {1} va a un rango concreto",
            "{0} is not a day":
                "{0} no es un día",
            "{0} is not a day or a range of days":
                "{0} no es un día ni un intervalo de días",
            "the tools are {0}":
                "las herramientas son {0}",
            "write a name, the label staff pick it by, and the text: {0}":
                "escribe un nombre, la etiqueta por la que el staff la elige y el texto: {0}",
            "{0} is not a staff tool":
                "{0} no es una herramienta del staff",
            "write which tools and who may use them, as in {0}":
                "escribe qué herramientas y quién puede usarlas, como en {0}",
            "{0} is not a kind of evidence":
                "{0} no es un tipo de prueba",
            "{0} is not a period":
                "{0} no es un periodo",
            "{0} is not a time of day":
                "{0} no es una hora del día",
            "the priority {0} is written twice":
                "la prioridad {0} está escrita dos veces",
            "write each priority once, the most urgent first":
                "escribe cada prioridad una sola vez, la más urgente primero",
            "{0} is not an address Escala posts to":
                "{0} no es una dirección a la que Escala envíe",
            "write an https:// address; http:// is taken only for this machine ({0})":
                "escribe una dirección https://; http:// solo se acepta para esta máquina ({0})",
            "{0} is not a ticket event a webhook is sent for":
                "{0} no es un evento de ticket por el que se envíe un webhook",
            "the events are {0}":
                "los eventos son {0}",
            "{0} is written twice":
                "{0} está escrito dos veces",
            "{0} lets a peer take over; {1} only a superior":
                "{0} deja que un compañero se haga cargo; {1}, solo un superior",
            "{0} lets admins and the ranks above them write; {1}, any rank above the handler's":
                "{0} deja escribir a los admins y a los rangos superiores; {1}, a cualquier rango por encima del de quien atiende",
            "{0} needs a unit":
                "{0} necesita una unidad",
            // Questions with choices.
            "no choice of {0} named {1} in this ticket":
                "{0} no tiene ninguna opción llamada {1} en este ticket",
            "no question with choices named {0} in this ticket":
                "no hay ninguna pregunta con opciones llamada {0} en este ticket",
            "{0} is written, not chosen: give it choices ({1}) or write {2}":
                "{0} se escribe, no se elige: dale opciones ({1}) o escribe {2}",
            "its choices are {0}":
                "sus opciones son {0}",
            "a question with choices is a menu, never {0}":
                "una pregunta con opciones es un menú, nunca {0}",
            "remove {0}, or the choices to let the member write":
                "quita {0}, o quita las opciones para que el miembro escriba",
            "a choice of {0} characters; Discord allows {1}":
                "una opción de {0} caracteres; Discord admite {1}",
            "the question {0} has {1} choices; a Discord menu holds {2}":
                "la pregunta {0} tiene {1} opciones; un menú de Discord admite {2}",
            "keep the commonest choices, or let the member write the answer":
                "deja las opciones más comunes, o deja que el miembro escriba la respuesta",
        ],
        phrases: [
            "one of the question's choices": "una de las opciones de la pregunta",
            "the choice's name": "el nombre de la opción",
            "the choice's label": "la etiqueta de la opción",
            "in double quotes": "entre comillas dobles",
            "the end of the line": "el final de la línea",
            "the end of the file": "el final del archivo",
            "a text in quotes": "un texto entre comillas",
            "a rank": "un rango",
            "a rank, a role or {0}": "un rango, un rol o {0}",
            "a rank, a role, {0} or {1}": "un rango, un rol, {0} o {1}",
            "a pattern": "un patrón",
            "a channel": "un canal",
            "a rank or role": "un rango o un rol",
            "the emoji": "el emoji",
            "a time zone such as {0}": "una zona horaria como {0}",
            "a role": "un rol",
            "a rank name": "el nombre de un rango",
            "a language code such as {0}": "un código de idioma como {0}",
            "a form's name": "el nombre de un formulario",
            "a flag": "un flag",
            "a channel name, or {0}": "el nombre de un canal, o {0}",
            "a channel name": "el nombre de un canal",
            "what to count": "qué contar",
            "what to ask the user": "lo que se pide al usuario",
            "the workflow's name": "el nombre del workflow",
            "the ticket category's name": "el nombre de la categoría de tickets",
            "the text's name": "el nombre del texto",
            "the text to look for": "el texto que buscar",
            "the text in {0}": "el texto en {0}",
            "the state's name": "el nombre del estado",
            "the sanction": "la sanción",
            "the rule's name": "el nombre de la regla",
            "the priority's name, such as {0}": "el nombre de la prioridad, como {0}",
            "the address to post to, such as {0}": "la dirección a la que enviar, como {0}",
            "a ticket event such as {0}": "un evento de ticket como {0}",
            "the role's name": "el nombre del rol",
            "the role to grant": "el rol que dar",
            "the ranks or roles to ping": "los rangos o roles a mencionar",
            "the question's name": "el nombre de la pregunta",
            "the question": "la pregunta",
            "the placeholder": "la variable",
            "the panel's title": "el título del panel",
            "the panel's name": "el nombre del panel",
            "the offence's name": "el nombre de la falta",
            "the offence's description": "la descripción de la falta",
            "the new channel name": "el nuevo nombre del canal",
            "the message's name": "el nombre del mensaje",
            "the level's name": "el nombre del nivel",
            "the image's address": "la dirección de la imagen",
            "the form's title": "el título del formulario",
            "the form's name": "el nombre del formulario",
            "the flag's name": "el nombre del flag",
            "the evidence's name": "el nombre de la prueba",
            "the description": "la descripción",
            "the channel's name": "el nombre del canal",
            "the category's label": "la etiqueta de la categoría",
            "the button's name": "el nombre del botón",
            "the button's label": "la etiqueta del botón",
            "the board's name": "el nombre del tablero",
            "days such as {0} or {1}": "días como {0} o {1}",
            "an offence": "una falta",
            "a ticket category": "una categoría de tickets",
            "a state": "un estado",
            "a level of {0}": "un nivel de {0}",
            "a declared {0}": "un {0} declarado",
            "a day such as {0}": "un día como {0}",
            "a condition": "una condición",
            "a command's name": "el nombre de un comando",
            "a channel or category name": "el nombre de un canal o de una categoría",
            "a channel category name": "el nombre de una categoría de canales",
            "a button's name": "el nombre de un botón",
            "{0} or {1}": "{0} o {1}",
            "{0} and the actions": "{0} y las acciones",
            "a statement such as {0} or {1}": "una instrucción como {0} o {1}",
            "an action such as {0} or {1}": "una acción como {0} o {1}",
            "an event such as {0} or {1}": "un evento como {0} o {1}",
            "a time such as {0}": "una hora como {0}",
            "what must happen first": "lo que debe ocurrir antes",
            "when to grant the role": "cuándo dar el rol",
            "a duration such as {0} or {1}": "una duración como {0} o {1}",
            "a text in quotes or the name of a {0}": "un texto entre comillas o el nombre de un {0}",
            "a number": "un número",
            "after {0}": "después de {0}",
            "after its name": "después de su nombre",
            "after its label": "después de su etiqueta",
            "after the channel": "después del canal",
            "after the tools": "después de las herramientas",
            "the reply's name": "el nombre de la respuesta",
            "the reply's label": "la etiqueta de la respuesta",
            "after the reply's label": "después de la etiqueta de la respuesta",
            "a staff tool": "una herramienta del staff",
            "after the duration": "después de la duración",
            "after the emoji": "después del emoji",
            "after the form's name": "después del nombre del formulario",
            "after the hours (the time zone)": "después del horario (la zona horaria)",
            "after the language code": "después del código de idioma",
            "after the level's name": "después del nombre del nivel",
            "after the number": "después del número",
            "after the number (the channel it is posted in)": "después del número (el canal donde se publica)",
            "after the panel's title (the channel it is posted in)": "después del título del panel (el canal donde se publica)",
            "after the pattern": "después del patrón",
            "after the period (the time zone)": "después del periodo (la zona horaria)",
            "after the rule's name": "después del nombre de la regla",
            "after the step that must happen first": "después del paso que debe ocurrir antes",
            "after the time ({0})": "después de la hora ({0})",
            "after {0} (as a setting: {1})": "después de {0} (como ajuste: {1})",
            "after {0} (how long the member has to answer)": "después de {0} (cuánto tiempo tiene el miembro para responder)",
            "after {0} (the reason)": "después de {0} (el motivo)",
            "before the notice": "antes del aviso",
            "between the opening and the closing time": "entre la hora de apertura y la de cierre",
            "in a text block": "en un bloque de texto",
            "in {0}": "en {0}",
            "to close the condition": "para cerrar la condición",
        ],
        expected: "se esperaba {what} {context}, pero hay {found}",
        label: "Etiqueta",
        help: "ayuda",
        related: "relacionado",
        summary: { files, errors, warnings, notes in
            let checked = files == 1 ? "1 archivo revisado" : "\(files) archivos revisados"
            let noted = notes == 0 ? "" : notes == 1 ? ", 1 nota" : ", \(notes) notas"
            guard errors + warnings > 0 else { return checked + ": ningún problema" + noted }
            return checked + ": " + (errors == 1 ? "1 error" : "\(errors) errores") + ", "
                + (warnings == 1 ? "1 aviso" : "\(warnings) avisos") + noted
        }
    )
}
