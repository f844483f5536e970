/// E207: `ask FORM` outside a button or command. Discord opens a form
/// (a modal) only as the answer to a click or a slash command.
struct FormInteractionCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        context.forEachTransition { transition, _, _ in
            guard !transition.trigger.isInteraction else { return }
            for action in transition.actions {
                if case .ask(let form) = action.kind {
                    diagnostics.report(.formWithoutInteraction,
                                       "the form `\(form.text)` cannot be shown on `\(transition.trigger.key)`",
                                       at: action.range,
                                       help: "Discord shows forms only after a click: add a button and write `on button NAME: ask \(form.text)`")
                }
            }
        }
    }
}
