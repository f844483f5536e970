// Written by scripts/gen-checks-doc.py from the golden files: do not edit.
// A test checks that the English explanations match docs/language.md.

extension CheckExample {
    /// The first golden file of each code, its fixed version, and the first
    /// line `escala lint` prints for it in each language.
    static func of(_ code: DiagnosticCode) -> CheckExample {
        switch code {
        case .invalidCharacter: CheckExample(
            why: #"An `@` has no meaning in a workflow."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda" @
}
"""#,
            lint: [
                .en: #"E001-invalid-character.flow:9:23: error[E001]: unexpected character `@`"#,
                .es: #"E001-invalid-character.flow:9:23: error[E001]: carácter inesperado `@`"#,
                .fr: #"E001-invalid-character.flow:9:23: error[E001]: caractère inattendu `@`"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda"
}
"""#)
        case .unterminatedString: CheckExample(
            why: #"The description's quotes are never closed."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda con el juego
}
"""#,
            lint: [
                .en: #"E002-unterminated-string.flow:9:15: error[E002]: this text is never closed"#,
                .es: #"E002-unterminated-string.flow:9:15: error[E002]: este texto no se cierra nunca"#,
                .fr: #"E002-unterminated-string.flow:9:15: error[E002]: ce texte n'est jamais fermé"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda con el juego"
}
"""#)
        case .syntax: CheckExample(
            why: #"`greeting` without the text to greet with."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  greeting
}
"""#,
            lint: [
                .en: #"E003-syntax.flow:9:11: error[E003]: expected a text in quotes or the name of a `text` after `greeting`, found the end of the line"#,
                .es: #"E003-syntax.flow:9:11: error[E003]: se esperaba un texto entre comillas o el nombre de un `text` después de `greeting`, pero hay el final de la línea"#,
                .fr: #"E003-syntax.flow:9:11: error[E003]: il faut un texte entre guillemets ou le nom d'un `text` après `greeting`, mais il y a la fin de la ligne"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  greeting "¡Hola! Cuéntanos qué pasa."
}
"""#)
        case .invalidDuration: CheckExample(
            why: #"`min` is not a unit: minutes are `m`."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  after 15min: close "Sin respuesta"
}
"""#,
            lint: [
                .en: #"E004-invalid-duration.flow:9:9: error[E004]: `15min` is not a duration"#,
                .es: #"E004-invalid-duration.flow:9:9: error[E004]: `15min` no es una duración"#,
                .fr: #"E004-invalid-duration.flow:9:9: error[E004]: `15min` n'est pas une durée"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  after 15m: close "Sin respuesta"
}
"""#)
        case .misplacedStatement: CheckExample(
            why: #"`ranks` belongs at the top of the file."#,
            bad: #"""
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
  ranks helper < cm
}
"""#,
            lint: [
                .en: #"E005-misplaced-statement.flow:9:3: error[E005]: `ranks` cannot be written inside a ticket"#,
                .es: #"E005-misplaced-statement.flow:9:3: error[E005]: `ranks` no se puede escribir dentro de un ticket"#,
                .fr: #"E005-misplaced-statement.flow:9:3: error[E005]: `ranks` ne peut pas s'écrire dans un ticket"#,
            ],
            fixed: #"""
ranks helper < cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
"""#)
        case .writtenOtherwise: CheckExample(
            why: #"Offers are ticket categories, not a block of their own."#,
            bad: #"""
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
offers {
  channel ofertas
}
"""#,
            lint: [
                .en: #"E006-written-otherwise.flow:10:1: error[E006]: `offers` is not a block of the language"#,
                .es: #"E006-written-otherwise.flow:10:1: error[E006]: `offers` no es un bloque del lenguaje"#,
                .fr: #"E006-written-otherwise.flow:10:1: error[E006]: `offers` n'est pas un bloc du langage"#,
            ],
            fixed: #"""
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t, oferta }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
ticket oferta "Oferta" {
  receives trainee
  question detalle "Tu oferta" long
  button aprobar "Aprobar"
  on button aprobar by trainee: publish soporte "{answer.detalle}"; close
}
"""#)
        case .undefinedName: CheckExample(
            why: #"A misspelt rank."#,
            bad: #"""
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives traine
  button cerrar "Cerrar"
  on button cerrar by staff: close
"""#,
            lint: [
                .en: #"E101-undefined-name.flow:6:12: error[E101]: `traine` is not declared (expected a rank or role)"#,
                .es: #"E101-undefined-name.flow:6:12: error[E101]: `traine` no está declarado (se esperaba un rango o un rol)"#,
                .fr: #"E101-undefined-name.flow:6:12: error[E101]: `traine` n'est pas déclaré (un rang ou un rôle était attendu)"#,
            ],
            fixed: #"""
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives trainee
  button cerrar "Cerrar"
  on button cerrar by staff: close
"""#)
        case .duplicateName: CheckExample(
            why: #"The channel is declared twice."#,
            bad: #"""
channel soporte
panel p "Soporte" in soporte { opens t }
channel soporte
ticket t "T" {
  receives cm
"""#,
            lint: [
                .en: #"E102-duplicate-name.flow:5:9: error[E102]: `soporte` is already declared as a channel"#,
                .es: #"E102-duplicate-name.flow:5:9: error[E102]: `soporte` ya está declarado como canal"#,
                .fr: #"E102-duplicate-name.flow:5:9: error[E102]: `soporte` est déjà déclaré comme salon"#,
            ],
            fixed: #"""
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
"""#)
        case .wrongKindOfName: CheckExample(
            why: #"A channel where a rank belongs."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > soporte
}
"""#,
            lint: [
                .en: #"E103-wrong-kind-of-name.flow:9:19: error[E103]: `soporte` is a channel, but a rank or role is expected here"#,
                .es: #"E103-wrong-kind-of-name.flow:9:19: error[E103]: `soporte` es un canal, pero aquí va un rango o un rol"#,
                .fr: #"E103-wrong-kind-of-name.flow:9:19: error[E103]: `soporte` est un salon, mais un rang ou un rôle est attendu ici"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > admin
}
"""#)
        case .missingRanks: CheckExample(
            why: #"Tickets, but no staff ladder."#,
            bad: #"""
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
"""#,
            lint: [
                .en: #"E104-missing-ranks.flow:4:8: error[E104]: this workflow has tickets but no staff ranks"#,
                .es: #"E104-missing-ranks.flow:4:8: error[E104]: este workflow tiene tickets pero ningún rango de staff"#,
                .fr: #"E104-missing-ranks.flow:4:8: error[E104]: ce workflow a des tickets mais aucun rang de staff"#,
            ],
            fixed: #"""
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
"""#)
        case .missingInitialState: CheckExample(
            why: #"Two states, neither marked initial."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  state nuevo {
    on user message: go to abierto
  }
"""#,
            lint: [
                .en: #"E201-missing-initial-state.flow:5:8: error[E201]: the ticket `t` has no initial state"#,
                .es: #"E201-missing-initial-state.flow:5:8: error[E201]: el ticket `t` no tiene estado inicial"#,
                .fr: #"E201-missing-initial-state.flow:5:8: error[E201]: le ticket `t` n'a pas d'état initial"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  state nuevo initial {
    on user message: go to abierto
  }
"""#)
        case .unreachableState: CheckExample(
            why: #"Nothing ever goes to `archivado`."#,
            bad: #"""
  on button cerrar by staff: close
  state nuevo initial {
    on user message: say "Gracias"
  }
  state archivado {
"""#,
            lint: [
                .en: #"W202-unreachable-state.flow:12:9: warning[W202]: the state `archivado` can never be reached"#,
                .es: #"W202-unreachable-state.flow:12:9: warning[W202]: el estado `archivado` no se alcanza nunca"#,
                .fr: #"W202-unreachable-state.flow:12:9: warning[W202]: l'état `archivado` n'est jamais atteint"#,
            ],
            fixed: #"""
  on button cerrar by staff: close
  state nuevo initial {
    on user message: say "Gracias"; go to archivado
  }
  state archivado {
"""#)
        case .deadEndState: CheckExample(
            why: #"`esperando` is not final and has no way out."#,
            bad: #"""
  }
  state esperando {
    on staff message: say "Un momento"
  }
}
"""#,
            lint: [
                .en: #"E203-dead-end-state.flow:10:9: error[E203]: tickets in the state `esperando` can never leave it"#,
                .es: #"E203-dead-end-state.flow:10:9: error[E203]: los tickets en el estado `esperando` no pueden salir nunca de él"#,
                .fr: #"E203-dead-end-state.flow:10:9: error[E203]: les tickets dans l'état `esperando` ne peuvent jamais en sortir"#,
            ],
            fixed: #"""
  }
  state esperando {
    on staff message: close "Resuelto"
  }
}
"""#)
        case .invalidEscalation: CheckExample(
            why: #"The chain goes down from admin to trainee."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > admin > trainee
}
"""#,
            lint: [
                .en: #"E204-invalid-escalation.flow:9:27: error[E204]: the escalation chain goes from `admin` down to `trainee`"#,
                .es: #"E204-invalid-escalation.flow:9:27: error[E204]: la cadena de escalado baja de `admin` a `trainee`"#,
                .fr: #"E204-invalid-escalation.flow:9:27: error[E204]: la chaîne d'escalade descend de `admin` à `trainee`"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > trainee > admin
}
"""#)
        case .transitionNeverFires: CheckExample(
            why: #"No evidence is required, so it is never complete."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on evidence complete: escalate to admin
}
"""#,
            lint: [
                .en: #"W205-transition-never-fires.flow:9:3: warning[W205]: `t` requires no evidence, so `evidence complete` never happens"#,
                .es: #"W205-transition-never-fires.flow:9:3: warning[W205]: `t` no pide pruebas, así que `evidence complete` no ocurre nunca"#,
                .fr: #"W205-transition-never-fires.flow:9:3: warning[W205]: `t` ne demande aucune preuve : `evidence complete` n'arrive donc jamais"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  require attachment captura "Una captura"
  on evidence complete: escalate to admin
}
"""#)
        case .ambiguousTransitions: CheckExample(
            why: #"Two transitions for the same click."#,
            bad: #"""
  on button cerrar by staff: close
  button tomar "Tomar"
  on button tomar by cm: claim
  on button tomar by cm: escalate to admin
}
"""#,
            lint: [
                .en: #"E206-ambiguous-transitions.flow:11:3: error[E206]: this transition and the one on line 10 both fire on `button tomar`"#,
                .es: #"E206-ambiguous-transitions.flow:11:3: error[E206]: esta transición y la de la línea 10 se disparan las dos con `button tomar`"#,
                .fr: #"E206-ambiguous-transitions.flow:11:3: error[E206]: cette transition et celle de la ligne 10 se déclenchent toutes deux sur `button tomar`"#,
            ],
            fixed: #"""
  on button cerrar by staff: close
  button tomar "Tomar"
  on button tomar by cm: claim; escalate to admin
}
"""#)
        case .formWithoutInteraction: CheckExample(
            why: #"A form cannot open by itself when the ticket opens."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: ask datos
}
"""#,
            lint: [
                .en: #"E207-form-without-interaction.flow:12:14: error[E207]: the form `datos` cannot be shown on `opened`"#,
                .es: #"E207-form-without-interaction.flow:12:14: error[E207]: el formulario `datos` no se puede mostrar en `opened`"#,
                .fr: #"E207-form-without-interaction.flow:12:14: error[E207]: le formulaire `datos` ne peut pas être affiché sur `opened`"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button datos "Dar mis datos"
  on button datos by user: ask datos
}
"""#)
        case .sanctionerNeverChosen: CheckExample(
            why: #"Only the sanctioner may accept, but no sanction is ever chosen."#,
            bad: #"""
ticket apelacion "Apelación" {
  receives cm
  button aceptar "Aceptar"
  on button aceptar by sanctioner: close "Aceptada"
}
"""#,
            lint: [
                .en: #"E208-sanctioner-never-chosen.flow:8:24: error[E208]: `by sanctioner` in `apelacion`, where no sanction is ever chosen: nobody can do this"#,
                .es: #"E208-sanctioner-never-chosen.flow:8:24: error[E208]: `by sanctioner` en `apelacion`, donde nunca se elige una sanción: nadie puede hacer esto"#,
                .fr: #"E208-sanctioner-never-chosen.flow:8:24: error[E208]: `by sanctioner` dans `apelacion`, où aucune sanction n'est jamais choisie : personne ne peut le faire"#,
            ],
            fixed: #"""
ticket apelacion "Apelación" {
  receives cm
  button registrar "Registrar la sanción"
  button aceptar "Aceptar"
  on button registrar by cm: choose appealed sanction
  on button aceptar by sanctioner: close "Aceptada"
}
"""#)
        case .mandatoryStepImpossible: CheckExample(
            why: #"Reports must reach a trainee before they close, but nothing sends them there."#,
            bad: #"""
  receives cm
  must escalate to trainee before close
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
"""#,
            lint: [
                .en: #"E209-mandatory-step-impossible.flow:7:3: error[E209]: `reportes` must be escalated to `trainee` before it closes, but nothing escalates it there"#,
                .es: #"E209-mandatory-step-impossible.flow:7:3: error[E209]: `reportes` debe escalarse a `trainee` antes de cerrarse, pero nada lo escala allí"#,
                .fr: #"E209-mandatory-step-impossible.flow:7:3: error[E209]: `reportes` doit être escaladé à `trainee` avant de fermer, mais rien ne l'y escalade"#,
            ],
            fixed: #"""
  receives cm
  must escalate to trainee before close
  button a_trainee "Escalar a Trainee"
  button cerrar "Cerrar"
  on button a_trainee by cm: escalate to trainee
  on button cerrar by staff: close
}
"""#)
        case .closeAlwaysRefused: CheckExample(
            why: #"The CM's own close button sits in the state before the escalation."#,
            bad: #"""
  state con_cm initial {
    on button a_trainee by cm: escalate to trainee; go to con_trainee
    on button resolver by cm: close "Resuelto por el CM"
  }
  state con_trainee {
"""#,
            lint: [
                .en: #"W210-close-always-refused.flow:12:5: warning[W210]: this close in `con_cm` is always refused: the ticket only gets here before the mandatory escalation"#,
                .es: #"W210-close-always-refused.flow:12:5: warning[W210]: este cierre de `con_cm` se rechaza siempre: el ticket solo llega aquí antes del escalado obligatorio"#,
                .fr: #"W210-close-always-refused.flow:12:5: warning[W210]: cette fermeture dans `con_cm` est toujours refusée : le ticket n'arrive ici qu'avant l'escalade obligatoire"#,
            ],
            fixed: #"""
  state con_cm initial {
    on button a_trainee by cm: escalate to trainee; go to con_trainee
  }
  state con_trainee {
    on button resolver by trainee: close "Resuelto"
"""#)
        case .invalidPattern: CheckExample(
            why: #"An unclosed group in a pattern."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  require link video "Vídeo" matching "^https://(www\.youtube\.com"
}
"""#,
            lint: [
                .en: #"E301-invalid-pattern.flow:9:49: error[E301]: this pattern does not compile: «missing closing parenthesis»"#,
                .es: #"E301-invalid-pattern.flow:9:49: error[E301]: este patrón no compila: «falta el paréntesis de cierre»"#,
                .fr: #"E301-invalid-pattern.flow:9:49: error[E301]: ce motif ne compile pas : «il manque la parenthèse fermante»"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  require link video "Vídeo" matching "^https://(www\.)?youtube\.com"
}
"""#)
        case .undefinedTemplateVariable: CheckExample(
            why: #"`{usuario}` is not a placeholder; `{user}` is."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Hola {usuario}, gracias por escribir"
}
"""#,
            lint: [
                .en: #"E302-undefined-template-variable.flow:9:24: error[E302]: `{usuario}` is not a placeholder Escala knows"#,
                .es: #"E302-undefined-template-variable.flow:9:24: error[E302]: `{usuario}` no es una variable que Escala conozca"#,
                .fr: #"E302-undefined-template-variable.flow:9:24: error[E302]: `{usuario}` n'est pas une variable connue d'Escala"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Hola {user}, gracias por escribir"
}
"""#)
        case .invalidChannelName: CheckExample(
            why: #"Discord would lowercase this and replace the space."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: rename "Ticket {ticket.number}"
}
"""#,
            lint: [
                .en: #"E303-invalid-channel-name.flow:9:21: error[E303]: Discord would change this channel name"#,
                .es: #"E303-invalid-channel-name.flow:9:21: error[E303]: Discord cambiaría este nombre de canal"#,
                .fr: #"E303-invalid-channel-name.flow:9:21: error[E303]: Discord modifierait ce nom de salon"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: rename "ticket-{ticket.number}"
}
"""#)
        case .customIDTooLong: CheckExample(
            why: #"The button's name makes its Discord id longer than 100 characters."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_ "Escalar"
  on button escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_ by cm: escalate to admin
}
"""#,
            lint: [
                .en: #"E401-custom-id-too-long.flow:9:10: error[E401]: the button `escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_` of `t` gets an id of 108 characters; Discord allows 100"#,
                .es: #"E401-custom-id-too-long.flow:9:10: error[E401]: el botón `escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_` de `t` tiene un id de 108 caracteres; Discord admite 100"#,
                .fr: #"E401-custom-id-too-long.flow:9:10: error[E401]: le bouton `escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_` de `t` reçoit un id de 108 caractères ; Discord en accepte 100"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar "Escalar"
  on button escalar by cm: escalate to admin
}
"""#)
        case .labelTooLong: CheckExample(
            why: #"Button labels hold 80 characters."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar "Escalar este ticket al equipo de administración para que lo revise con calma hoy mismo"
  on button escalar by cm: escalate to admin
}
"""#,
            lint: [
                .en: #"E402-label-too-long.flow:9:18: error[E402]: a button's label of 86 characters; Discord allows 80"#,
                .es: #"E402-label-too-long.flow:9:18: error[E402]: la etiqueta de un botón tiene 86 caracteres; Discord admite 80"#,
                .fr: #"E402-label-too-long.flow:9:18: error[E402]: le libellé d'un bouton fait 86 caractères ; Discord en accepte 80"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar "Escalar al equipo de administración"
  on button escalar by cm: escalate to admin
}
"""#)
        case .tooManyButtons: CheckExample(
            why: #"26 buttons on one message; Discord shows 25."#,
            bad: #"""
  button b24 "Opción 24"
  on button b24: say "Elegiste 24"
  button b25 "Opción 25"
  on button b25: say "Elegiste 25"
}
"""#,
            lint: [
                .en: #"E403-too-many-buttons.flow:5:8: error[E403]: the state `open` shows 26 buttons; Discord shows at most 25 on a message"#,
                .es: #"E403-too-many-buttons.flow:5:8: error[E403]: el estado `open` muestra 26 botones; Discord muestra como mucho 25 en un mensaje"#,
                .fr: #"E403-too-many-buttons.flow:5:8: error[E403]: l'état `open` affiche 26 boutons ; Discord en affiche au plus 25 sur un message"#,
            ],
            fixed: #"""
  button b24 "Opción 24"
  on button b24: say "Elegiste 24"
}
"""#)
        case .tooManyModalInputs: CheckExample(
            why: #"A Discord form has at most 5 inputs."#,
            bad: #"""
  question q4 "Pregunta 4"
  question q5 "Pregunta 5"
  question q6 "Pregunta 6"
}
"""#,
            lint: [
                .en: #"E404-too-many-modal-inputs.flow:14:3: error[E404]: the opening form of `t` has 6 questions; a Discord form holds 5"#,
                .es: #"E404-too-many-modal-inputs.flow:14:3: error[E404]: el formulario de apertura de `t` tiene 6 preguntas; un formulario de Discord admite 5"#,
                .fr: #"E404-too-many-modal-inputs.flow:14:3: error[E404]: le formulaire d'ouverture de `t` a 6 questions ; un formulaire Discord en contient 5"#,
            ],
            fixed: #"""
  question q4 "Pregunta 4"
  question q5 "Pregunta 5"
}
"""#)
        case .messageTooLong: CheckExample(
            why: #"A Discord message holds 2,000 characters."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Le
...
"""#,
            lint: [
                .en: #"E405-message-too-long.flow:9:18: error[E405]: this text has 2016 characters; a Discord message holds 2000"#,
                .es: #"E405-message-too-long.flow:9:18: error[E405]: este texto tiene 2016 caracteres; un mensaje de Discord admite 2000"#,
                .fr: #"E405-message-too-long.flow:9:18: error[E405]: ce texte fait 2016 caractères ; un message Discord en contient 2000"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. "
}
"""#)
        case .crowdedPlace: CheckExample(
            why: #"Four ticket categories share one Discord category with one overflow: a hundred tickets at most."#,
            bad: #"""
channel tickets
channel tickets_2
panel p "Soporte" in soporte { opens a, b, c, d }
defaults {
  place in tickets overflow tickets_2
  button cerrar "Cerrar"
  on button cerrar by staff: close
"""#,
            lint: [
                .en: #"W406-crowded-place.flow:9:12: warning[W406]: 4 ticket categories open their channels in `tickets` and `tickets_2`: at most 100 tickets can be open at once"#,
                .es: #"W406-crowded-place.flow:9:12: warning[W406]: 4 categorías de tickets abren sus canales en `tickets` y `tickets_2`: como mucho puede haber 100 tickets abiertos a la vez"#,
                .fr: #"W406-crowded-place.flow:9:12: warning[W406]: 4 catégories de tickets ouvrent leurs salons dans `tickets` et `tickets_2` : au plus 100 tickets peuvent être ouverts à la fois"#,
            ],
            fixed: #"""
channel tickets
channel tickets_2
channel tickets_3
panel p "Soporte" in soporte { opens a, b, c, d }
defaults {
  place in tickets overflow tickets_2, tickets_3
  button cerrar "Cerrar"
  on button cerrar by staff: close
"""#)
        case .invalidValue: CheckExample(
            why: #"`hilo` is not a mode: `channel` or `thread`."#,
            bad: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  mode hilo
}
"""#,
            lint: [
                .en: #"E501-invalid-value.flow:9:8: error[E501]: `hilo` is not a mode"#,
                .es: #"E501-invalid-value.flow:9:8: error[E501]: `hilo` no es un modo"#,
                .fr: #"E501-invalid-value.flow:9:8: error[E501]: `hilo` n'est pas un mode"#,
            ],
            fixed: #"""
  button cerrar "Cerrar"
  on button cerrar by staff: close
  mode thread
}
"""#)
        case .missingTranslation: CheckExample(
            why: #"The workflow speaks es and en; the greeting is only in es."#,
            bad: #"""
text hola {
  es "¡Hola!"
}
ticket t "T" {
  receives cm
"""#,
            lint: [
                .en: #"W601-missing-translation.flow:6:6: warning[W601]: the text `hola` has no `en` version"#,
                .es: #"W601-missing-translation.flow:6:6: warning[W601]: el texto `hola` no tiene versión `en`"#,
                .fr: #"W601-missing-translation.flow:6:6: warning[W601]: le texte `hola` n'a pas de version `en`"#,
            ],
            fixed: #"""
text hola {
  es "¡Hola!"
  en "Hello!"
}
ticket t "T" {
"""#)
        case .categoryWithoutPanel: CheckExample(
            why: #"No panel opens `quejas`."#,
            bad: #"""
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
"""#,
            lint: [
                .en: #"W602-category-without-panel.flow:10:8: warning[W602]: no panel opens the ticket category `quejas`"#,
                .es: #"W602-category-without-panel.flow:10:8: warning[W602]: ningún panel abre la categoría de tickets `quejas`"#,
                .fr: #"W602-category-without-panel.flow:10:8: warning[W602]: aucun panneau n'ouvre la catégorie de tickets `quejas`"#,
            ],
            fixed: #"""
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t, quejas }
ticket t "T" {
  receives cm
"""#)
        case .undeclaredLocale: CheckExample(
            why: #"`fr` is not one of the workflow's languages."#,
            bad: #"""
locales es
ranks cm < trainee < admin
channel soporte
"""#,
            lint: [
                .en: #"E603-undeclared-locale.flow:8:3: error[E603]: the language `fr` is not declared"#,
                .es: #"E603-undeclared-locale.flow:8:3: error[E603]: el idioma `fr` no está declarado"#,
                .fr: #"E603-undeclared-locale.flow:8:3: error[E603]: la langue `fr` n'est pas déclarée"#,
            ],
            fixed: #"""
locales es, fr
ranks cm < trainee < admin
channel soporte
"""#)
        case .unusedDeclaration: CheckExample(
            why: #"The text `despedida` is never used."#,
            bad: #"""
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
"""#,
            lint: [
                .en: #"W604-unused-declaration.flow:5:6: warning[W604]: the text `despedida` is never used"#,
                .es: #"W604-unused-declaration.flow:5:6: warning[W604]: el texto `despedida` no se usa nunca"#,
                .fr: #"W604-unused-declaration.flow:5:6: warning[W604]: le texte `despedida` n'est jamais utilisé"#,
            ],
            fixed: #"""
ticket t "T" {
  receives cm
  farewell despedida
  button cerrar "Cerrar"
  on button cerrar by staff: close
"""#)
        case .idsMissing: CheckExample(
            why: #"The role `cm` is still `unset` in the ids file: `escala run` would refuse to start."#,
            bad: #"""
cm = unset
admin = 700000000000000002
panel = 800000000000000001
"""#,
            lint: [
                .en: #"N701-ids-missing.ids:2:1: note[N701]: `cm` has no Discord id yet"#,
                .es: #"N701-ids-missing.ids:2:1: note[N701]: `cm` todavía no tiene id de Discord"#,
                .fr: #"N701-ids-missing.ids:2:1: note[N701]: `cm` n'a pas encore d'id Discord"#,
            ],
            fixed: #"""
cm = 700000000000000001
admin = 700000000000000002
panel = 800000000000000001
"""#)
        }
    }
}
