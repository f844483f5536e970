// Written by scripts/gen-checks-doc.py from the golden files: do not edit.
// A test checks it matches the catalogue of docs/language.md.

extension DiagnosticCode {
    /// The longer explanation `escala explain` prints, with a bad and a
    /// fixed example: the code's section of docs/language.md.
    public var explanation: String {
        switch self {
        case .invalidCharacter: #"""
### E001 invalid-character

A character that has no meaning in a workflow file. An `@` has no meaning in a workflow.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda" @
}
```

```
E001-invalid-character.flow:9:23: error[E001]: unexpected character `@`
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda"
}
```
"""#
        case .unterminatedString: #"""
### E002 unterminated-string

A text in quotes that is never closed. The description's quotes are never closed.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda con el juego
}
```

```
E002-unterminated-string.flow:9:15: error[E002]: this text is never closed
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  description "Ayuda con el juego"
}
```
"""#
        case .syntax: #"""
### E003 syntax

Something is missing or out of place in a statement. `greeting` without the text to greet with.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  greeting
}
```

```
E003-syntax.flow:9:11: error[E003]: expected a text in quotes or the name of a `text` after `greeting`, found the end of the line
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  greeting "¡Hola! Cuéntanos qué pasa."
}
```
"""#
        case .invalidDuration: #"""
### E004 invalid-duration

A duration that is not a number followed by s, m, h, d or w. `min` is not a unit: minutes are `m`.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  after 15min: close "Sin respuesta"
}
```

```
E004-invalid-duration.flow:9:9: error[E004]: `15min` is not a duration
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  after 15m: close "Sin respuesta"
}
```
"""#
        case .misplacedStatement: #"""
### E005 misplaced-statement

A statement written in a block where it does not belong. `ranks` belongs at the top of the file.

Bad:

```
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
  ranks helper < cm
}
```

```
E005-misplaced-statement.flow:9:3: error[E005]: `ranks` cannot be written inside a ticket
```

Fixed:

```
ranks helper < cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
```
"""#
        case .writtenOtherwise: #"""
### E006 written-otherwise

A block other bots have, which Escala writes another way; the help says which. Offers are ticket categories, not a block of their own.

Bad:

```
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
```

```
E006-written-otherwise.flow:10:1: error[E006]: `offers` is not a block of the language
```

Fixed:

```
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
```
"""#
        case .undefinedName: #"""
### E101 undefined-name

A name (rank, state, text, channel...) that is never declared. A misspelt rank.

Bad:

```
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives traine
  button cerrar "Cerrar"
  on button cerrar by staff: close
```

```
E101-undefined-name.flow:6:12: error[E101]: `traine` is not declared (expected a rank or role)
```

Fixed:

```
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives trainee
  button cerrar "Cerrar"
  on button cerrar by staff: close
```
"""#
        case .duplicateName: #"""
### E102 duplicate-name

The same name declared twice. The channel is declared twice.

Bad:

```
channel soporte
panel p "Soporte" in soporte { opens t }
channel soporte
ticket t "T" {
  receives cm
```

```
E102-duplicate-name.flow:5:9: error[E102]: `soporte` is already declared as a channel
```

Fixed:

```
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
```

Across files: the workflows of one folder serve one Discord server, so a
ticket category declared in two of them is reported in the second file,
naming the first: «the ticket category `reportes` is also declared in
`workflows/roleplay.flow:76`». Give one of the two another name.
"""#
        case .wrongKindOfName: #"""
### E103 wrong-kind-of-name

A name of the wrong kind, such as a channel where a rank is expected. A channel where a rank belongs.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > soporte
}
```

```
E103-wrong-kind-of-name.flow:9:19: error[E103]: `soporte` is a channel, but a rank or role is expected here
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > admin
}
```
"""#
        case .missingRanks: #"""
### E104 missing-ranks

Tickets need a staff ladder: no `ranks` line was found. Tickets, but no staff ladder.

Bad:

```
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
```

```
E104-missing-ranks.flow:4:8: error[E104]: this workflow has tickets but no staff ranks
```

Fixed:

```
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
```
"""#
        case .missingInitialState: #"""
### E201 missing-initial-state

A ticket with states must say which one it starts in, exactly once. Two states, neither marked initial.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  state nuevo {
    on user message: go to abierto
  }
```

```
E201-missing-initial-state.flow:5:8: error[E201]: the ticket `t` has no initial state
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  state nuevo initial {
    on user message: go to abierto
  }
```
"""#
        case .unreachableState: #"""
### W202 unreachable-state

A state no transition leads to: it can never be entered. Nothing ever goes to `archivado`.

Bad:

```
  on button cerrar by staff: close
  state nuevo initial {
    on user message: say "Gracias"
  }
  state archivado {
```

```
W202-unreachable-state.flow:12:9: warning[W202]: the state `archivado` can never be reached
```

Fixed:

```
  on button cerrar by staff: close
  state nuevo initial {
    on user message: say "Gracias"; go to archivado
  }
  state archivado {
```
"""#
        case .deadEndState: #"""
### E203 dead-end-state

A state with no way out that is not marked final: tickets would stay there forever. `esperando` is not final and has no way out.

Bad:

```
  }
  state esperando {
    on staff message: say "Un momento"
  }
}
```

```
E203-dead-end-state.flow:10:9: error[E203]: tickets in the state `esperando` can never leave it
```

Fixed:

```
  }
  state esperando {
    on staff message: close "Resuelto"
  }
}
```
"""#
        case .invalidEscalation: #"""
### E204 invalid-escalation

An escalation that goes down the ladder or leaves the category's chain, or `escalate up` with no chain to follow. The chain goes down from admin to trainee.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > admin > trainee
}
```

```
E204-invalid-escalation.flow:9:27: error[E204]: the escalation chain goes from `admin` down to `trainee`
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  escalation cm > trainee > admin
}
```
"""#
        case .transitionNeverFires: #"""
### W205 transition-never-fires

A transition that can never fire. No evidence is required, so it is never complete.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on evidence complete: escalate to admin
}
```

```
W205-transition-never-fires.flow:9:3: warning[W205]: `t` requires no evidence, so `evidence complete` never happens
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  require attachment captura "Una captura"
  on evidence complete: escalate to admin
}
```
"""#
        case .ambiguousTransitions: #"""
### E206 ambiguous-transitions

Two transitions that fire on the same event and conditions but do different things. Two transitions for the same click.

Bad:

```
  on button cerrar by staff: close
  button tomar "Tomar"
  on button tomar by cm: claim
  on button tomar by cm: escalate to admin
}
```

```
E206-ambiguous-transitions.flow:11:3: error[E206]: this transition and the one on line 10 both fire on `button tomar`
```

Fixed:

```
  on button cerrar by staff: close
  button tomar "Tomar"
  on button tomar by cm: claim; escalate to admin
}
```
"""#
        case .formWithoutInteraction: #"""
### E207 form-without-interaction

Discord shows a form only in answer to a button or a command. A form cannot open by itself when the ticket opens.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: ask datos
}
```

```
E207-form-without-interaction.flow:12:14: error[E207]: the form `datos` cannot be shown on `opened`
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button datos "Dar mis datos"
  on button datos by user: ask datos
}
```
"""#
        case .sanctionerNeverChosen: #"""
### E208 sanctioner-never-chosen

`sanctioner` in a category where no sanction is ever chosen: it is nobody. Only the sanctioner may accept, but no sanction is ever chosen.

Bad:

```
ticket apelacion "Apelación" {
  receives cm
  button aceptar "Aceptar"
  on button aceptar by sanctioner: close "Aceptada"
}
```

```
E208-sanctioner-never-chosen.flow:8:24: error[E208]: `by sanctioner` in `apelacion`, where no sanction is ever chosen: nobody can do this
```

Fixed:

```
ticket apelacion "Apelación" {
  receives cm
  button registrar "Registrar la sanción"
  button aceptar "Aceptar"
  on button registrar by cm: choose appealed sanction
  on button aceptar by sanctioner: close "Aceptada"
}
```
"""#
        case .mandatoryStepImpossible: #"""
### E209 mandatory-step-impossible

A mandatory escalation nothing in the category ever makes: every staff close would be refused. Reports must reach a trainee before they close, but nothing sends them there.

Bad:

```
  receives cm
  must escalate to trainee before close
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
```

```
E209-mandatory-step-impossible.flow:7:3: error[E209]: `reportes` must be escalated to `trainee` before it closes, but nothing escalates it there
```

Fixed:

```
  receives cm
  must escalate to trainee before close
  button a_trainee "Escalar a Trainee"
  button cerrar "Cerrar"
  on button a_trainee by cm: escalate to trainee
  on button cerrar by staff: close
}
```
"""#
        case .closeAlwaysRefused: #"""
### W210 close-always-refused

A close in a state reached only before a mandatory step: Escala refuses it every time. The CM's own close button sits in the state before the escalation.

Bad:

```
  state con_cm initial {
    on button a_trainee by cm: escalate to trainee; go to con_trainee
    on button resolver by cm: close "Resuelto por el CM"
  }
  state con_trainee {
```

```
W210-close-always-refused.flow:12:5: warning[W210]: this close in `con_cm` is always refused: the ticket only gets here before the mandatory escalation
```

Fixed:

```
  state con_cm initial {
    on button a_trainee by cm: escalate to trainee; go to con_trainee
  }
  state con_trainee {
    on button resolver by trainee: close "Resuelto"
```
"""#
        case .invalidPattern: #"""
### E301 invalid-pattern

A regular expression PCRE2 cannot compile. An unclosed group in a pattern.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  require link video "Vídeo" matching "^https://(www\.youtube\.com"
}
```

```
E301-invalid-pattern.flow:9:49: error[E301]: this pattern does not compile: «missing closing parenthesis»
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  require link video "Vídeo" matching "^https://(www\.)?youtube\.com"
}
```
"""#
        case .undefinedTemplateVariable: #"""
### E302 undefined-template-variable

A `{placeholder}` in a text that Escala does not know. `{usuario}` is not a placeholder; `{user}` is.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Hola {usuario}, gracias por escribir"
}
```

```
E302-undefined-template-variable.flow:9:24: error[E302]: `{usuario}` is not a placeholder Escala knows
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Hola {user}, gracias por escribir"
}
```
"""#
        case .invalidChannelName: #"""
### E303 invalid-channel-name

A channel name Discord would refuse or change. Discord would lowercase this and replace the space.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: rename "Ticket {ticket.number}"
}
```

```
E303-invalid-channel-name.flow:9:21: error[E303]: Discord would change this channel name
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: rename "ticket-{ticket.number}"
}
```
"""#
        case .customIDTooLong: #"""
### E401 custom-id-too-long

A button's identifier longer than Discord's 100 characters. The button's name makes its Discord id longer than 100 characters.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_ "Escalar"
  on button escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_ by cm: escalate to admin
}
```

```
E401-custom-id-too-long.flow:9:10: error[E401]: the button `escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_escalar_al_administrador_` of `t` gets an id of 108 characters; Discord allows 100
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar "Escalar"
  on button escalar by cm: escalate to admin
}
```
"""#
        case .labelTooLong: #"""
### E402 label-too-long

A label longer than Discord allows. Button labels hold 80 characters.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar "Escalar este ticket al equipo de administración para que lo revise con calma hoy mismo"
  on button escalar by cm: escalate to admin
}
```

```
E402-label-too-long.flow:9:18: error[E402]: a button's label of 86 characters; Discord allows 80
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  button escalar "Escalar al equipo de administración"
  on button escalar by cm: escalate to admin
}
```
"""#
        case .tooManyButtons: #"""
### E403 too-many-buttons

More buttons or options than Discord shows on one message. 26 buttons on one message; Discord shows 25.

Bad:

```
  button b24 "Opción 24"
  on button b24: say "Elegiste 24"
  button b25 "Opción 25"
  on button b25: say "Elegiste 25"
}
```

```
E403-too-many-buttons.flow:5:8: error[E403]: the state `open` shows 26 buttons; Discord shows at most 25 on a message
```

Fixed:

```
  button b24 "Opción 24"
  on button b24: say "Elegiste 24"
}
```
"""#
        case .tooManyModalInputs: #"""
### E404 too-many-modal-inputs

More than the 5 inputs Discord allows in one form. A Discord form has at most 5 inputs.

Bad:

```
  question q4 "Pregunta 4"
  question q5 "Pregunta 5"
  question q6 "Pregunta 6"
}
```

```
E404-too-many-modal-inputs.flow:14:3: error[E404]: the opening form of `t` has 6 questions; a Discord form holds 5
```

Fixed:

```
  question q4 "Pregunta 4"
  question q5 "Pregunta 5"
}
```
"""#
        case .messageTooLong: #"""
### E405 message-too-long

A message longer than Discord's 2,000 characters. A Discord message holds 2,000 characters.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Le
...
```

```
E405-message-too-long.flow:9:18: error[E405]: this text has 2016 characters; a Discord message holds 2000
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  on opened: say "Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. Lee las normas. "
}
```
"""#
        case .crowdedPlace: #"""
### W406 crowded-place

A Discord category shared by many ticket categories with at most one overflow: Discord holds 50 channels in each. Four ticket categories share one Discord category with one overflow:

Bad:

```
channel tickets
channel tickets_2
panel p "Soporte" in soporte { opens a, b, c, d }
defaults {
  place in tickets overflow tickets_2
  button cerrar "Cerrar"
  on button cerrar by staff: close
```

```
W406-crowded-place.flow:9:12: warning[W406]: 4 ticket categories open their channels in `tickets` and `tickets_2`: at most 100 tickets can be open at once
```

Fixed:

```
channel tickets
channel tickets_2
channel tickets_3
panel p "Soporte" in soporte { opens a, b, c, d }
defaults {
  place in tickets overflow tickets_2, tickets_3
  button cerrar "Cerrar"
  on button cerrar by staff: close
```
"""#
        case .invalidValue: #"""
### E501 invalid-value

A number, time, time zone or id that is out of range. `hilo` is not a mode: `channel` or `thread`.

Bad:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  mode hilo
}
```

```
E501-invalid-value.flow:9:8: error[E501]: `hilo` is not a mode
```

Fixed:

```
  button cerrar "Cerrar"
  on button cerrar by staff: close
  mode thread
}
```
"""#
        case .missingTranslation: #"""
### W601 missing-translation

A text that lacks one of the workflow's declared languages. The workflow speaks es and en; the greeting is only in es.

Bad:

```
text hola {
  es "¡Hola!"
}
ticket t "T" {
  receives cm
```

```
W601-missing-translation.flow:6:6: warning[W601]: the text `hola` has no `en` version
```

Fixed:

```
text hola {
  es "¡Hola!"
  en "Hello!"
}
ticket t "T" {
```
"""#
        case .categoryWithoutPanel: #"""
### W602 category-without-panel

A ticket category that no panel opens. No panel opens `quejas`.

Bad:

```
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t }
ticket t "T" {
  receives cm
```

```
W602-category-without-panel.flow:10:8: warning[W602]: no panel opens the ticket category `quejas`
```

Fixed:

```
ranks cm < trainee < admin
channel soporte
panel p "Soporte" in soporte { opens t, quejas }
ticket t "T" {
  receives cm
```
"""#
        case .undeclaredLocale: #"""
### E603 undeclared-locale

A language used in a text but not declared in `locales`. `fr` is not one of the workflow's languages.

Bad:

```
locales es
ranks cm < trainee < admin
channel soporte
```

```
E603-undeclared-locale.flow:8:3: error[E603]: the language `fr` is not declared
```

Fixed:

```
locales es, fr
ranks cm < trainee < admin
channel soporte
```
"""#
        case .unusedDeclaration: #"""
### W604 unused-declaration

A declared text, form, flag or channel that nothing uses. The text `despedida` is never used.

Bad:

```
ticket t "T" {
  receives cm
  button cerrar "Cerrar"
  on button cerrar by staff: close
}
```

```
W604-unused-declaration.flow:5:6: warning[W604]: the text `despedida` is never used
```

Fixed:

```
ticket t "T" {
  receives cm
  farewell despedida
  button cerrar "Cerrar"
  on button cerrar by staff: close
```
"""#
        case .idsMissing: #"""
### N701 ids-missing

A rank, role, channel or message whose Discord id is not in the workflow's `.ids` file yet, or no `.ids` file at all: `escala run` refuses to start without them. A note: `escala lint --strict` fails on it, so a live server's CI requires every id (`--ids-optional` for workflows that are templates for other servers). The role `cm` is still `unset` in the ids file: `escala run` would refuse to start.

Bad:

```
cm = unset
admin = 700000000000000002
panel = 800000000000000001
```

```
N701-ids-missing.ids:2:1: note[N701]: `cm` has no Discord id yet
```

Fixed:

```
cm = 700000000000000001
admin = 700000000000000002
panel = 800000000000000001
```
"""#
        }
    }
}
