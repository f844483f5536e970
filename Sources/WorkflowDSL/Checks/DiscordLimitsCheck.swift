/// E401–E405: what Discord refuses. Caught here, the admin fixes a line;
/// caught by Discord, a member's click fails with "interaction failed".
struct DiscordLimitsCheck: Check {
    static let buttonLabelLimit = 80
    static let optionLabelLimit = 100
    static let optionDescriptionLimit = 100
    static let inputLabelLimit = 45
    static let modalTitleLimit = 45
    static let placeholderLimit = 100
    static let componentsPerMessage = 25
    static let modalInputLimit = 5
    static let messageLimit = 2000

    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        for form in context.file.forms {
            label(form.title, limit: modalTitleLimit, what: "a form's title", &diagnostics)
            questions(form.questions, in: "the form `\(form.name.text)`", at: form.name.range, &diagnostics)
        }
        for ticket in context.tickets {
            let body = ticket.body
            let id = CustomID.open(workflow: CustomID.workflowKey(path: diagnostics.path), category: ticket.name).wire
            if id.count > CustomID.limit {
                diagnostics.report(.customIDTooLong, "the name `\(ticket.name)` makes a button id of \(id.count) characters; Discord allows \(CustomID.limit)",
                                   at: ticket.declaration.name.range,
                                   help: "use a shorter name: the panel's button id holds `esc:o:`, the file's name (up to 20 characters) and the category's")
            }
            label(ticket.declaration.label, limit: buttonLabelLimit, what: "a ticket category's label (shown on the panel)", &diagnostics)
            if let description = body.description {
                label(description, limit: optionDescriptionLimit, what: "a description", &diagnostics)
            }
            questions(body.questions, in: "the opening form of `\(ticket.name)`", at: ticket.declaration.name.range, &diagnostics)
            // Discord's suggestions under `/reply` show a choice's name.
            for reply in ticket.declaration.body.replies { label(reply.label, limit: optionLabelLimit, what: "a reply's label", &diagnostics) }
            for button in body.buttons {
                label(button.label, limit: buttonLabelLimit, what: "a button's label", &diagnostics)
                let id = CustomID.button(category: ticket.name, button: button.name.text).wire
                if id.count > CustomID.limit {
                    diagnostics.report(.customIDTooLong,
                                       "the button `\(button.name.text)` of `\(ticket.name)` gets an id of \(id.count) characters; Discord allows \(CustomID.limit)",
                                       at: button.name.range, help: "shorten the button's or the category's name")
                }
            }
            for state in ticket.states {
                var shown: [String] = []
                for transition in ticket.transitions(in: state) {
                    if case .button(let name) = transition.trigger, !shown.contains(name.text) { shown.append(name.text) }
                }
                if shown.count > componentsPerMessage {
                    diagnostics.report(.tooManyButtons,
                                       "the state `\(state.name.text)` shows \(shown.count) buttons; Discord shows at most \(componentsPerMessage) on a message",
                                       at: state.name.range, help: "split the choices across states, or use a command")
                }
            }
        }
        for panel in context.file.panels where panel.categories.count > componentsPerMessage {
            diagnostics.report(.tooManyButtons,
                               "the panel `\(panel.name.text)` opens \(panel.categories.count) categories; Discord shows at most \(componentsPerMessage) per message",
                               at: panel.name.range, help: "split it into two panels")
        }
        var checked: Set<String> = []
        context.forEachMessage { reference, _ in
            if case .named(let name) = reference, !checked.insert(name.text).inserted { return }
            for (_, literal) in context.translations(of: reference) where literal.value.unicodeScalars.count > messageLimit {
                diagnostics.report(.messageTooLong,
                                   "this text has \(literal.value.unicodeScalars.count) characters; a Discord message holds \(messageLimit)",
                                   at: literal.range, help: "shorten it or split it into two `say` actions")
            }
        }
    }

    static func questions(_ questions: [QuestionDeclaration], in place: String, at range: SourceRange,
                          _ diagnostics: inout DiagnosticBag) {
        if questions.count > modalInputLimit {
            diagnostics.report(.tooManyModalInputs,
                               "\(place) has \(questions.count) questions; a Discord form holds \(modalInputLimit)",
                               at: questions[modalInputLimit].range,
                               help: "move the rest to a second form shown from a button, or ask them as `require text`")
        }
        for question in questions {
            label(question.label, limit: inputLabelLimit, what: "a question", &diagnostics)
            if let placeholder = question.placeholder {
                label(placeholder, limit: placeholderLimit, what: "a placeholder", &diagnostics)
            }
            for choice in question.choices {
                label(choice.label, limit: optionLabelLimit, what: "a choice", &diagnostics)
            }
            if question.choices.count > componentsPerMessage {
                diagnostics.report(.tooManyButtons,
                                   "the question `\(question.name.text)` has \(question.choices.count) choices; a Discord menu holds \(componentsPerMessage)",
                                   at: question.choices[componentsPerMessage].name.range, help: "keep the commonest choices, or let the member write the answer")
            }
        }
    }

    static func label(_ literal: StringLiteral, limit: Int, what: String, _ diagnostics: inout DiagnosticBag) {
        let length = literal.value.unicodeScalars.count
        if length > limit {
            diagnostics.report(.labelTooLong, "\(what) of \(length) characters; Discord allows \(limit)",
                               at: literal.range, help: "shorten it to \(limit) characters or fewer")
        } else if length == 0 {
            diagnostics.report(.invalidValue, "\(what) cannot be empty", at: literal.range)
        }
    }
}
