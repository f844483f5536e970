import WorkflowDSL

/// Texts rendered for the ticket, with its variables.
extension MachineStep {
    var locale: String { workflow.locale(closestTo: state.locale) }

    func buttons() -> [String] { currentState?.buttons ?? [] }

    /// Posts the current state's buttons. A state without buttons posts
    /// nothing: Discord refuses a message with neither text nor components.
    mutating func showButtons() {
        let buttons = buttons()
        if !buttons.isEmpty { effects.append(.send(text: "", buttons: buttons, pings: [])) }
    }

    func render(_ text: LocalizedText) -> RichText {
        guard let template = text.template(for: locale, default: workflow.locales[0]) else { return RichText() }
        return render(template)
    }

    /// A workflow text with its variables filled in: `{user}` and
    /// `{handler}` are people, for each face to render; the rest is words.
    func render(_ template: Template) -> RichText {
        var text = RichText()
        for segment in template.segments {
            switch segment {
            case .literal(let words): text.segments.append(.text(words))
            case .variable("user"): text.segments.append(.person(state.owner))
            case .variable("handler"): text.segments.append(state.handler.map { .person($0) } ?? .text("—"))
            case .variable(let name): text.segments.append(.text(value(of: name)))
            }
        }
        return NoticeCatalogue.merged(text)
    }

    /// A variable as words (a channel name, a condition's subject).
    func value(of variable: String) -> String {
        switch variable {
        case "ticket.number": return String(state.number)
        case "ticket.category": return category.name
        case "ticket.label": return category.label
        case "user": return state.ownerName
        case "user.name": return state.ownerName
        case "handler": return state.handler ?? "—"
        case "rank": return state.assignedTo.map(\.description) ?? category.receivers.map(\.description).joined(separator: ", ")
        case "reason": return state.closeReason ?? ""
        case "sanction": return state.sanction.flatMap { name in workflow.offences.first { $0.name == name }?.label } ?? ""
        case "server": return workflow.title
        default:
            if variable.hasPrefix(Template.answerPrefix) {
                return answer(String(variable.dropFirst(Template.answerPrefix.count)))
            }
            return "{\(variable)}"
        }
    }
}
