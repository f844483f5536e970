/// W604: a text, form, channel, button or flag that nothing uses: usually a
/// typo elsewhere, or something left behind by an edit.
struct UnusedDeclarationCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        var used: Set<String> = []
        var usedButtons: Set<String> = []
        var usedFlags: Set<String> = []
        context.forEachMessage { reference, _ in
            if case .named(let name) = reference { used.insert(name.text) }
        }
        func body(_ body: TicketBody) {
            for channel in [body.place, body.transcriptChannel].compactMap({ $0 }) + body.overflows { used.insert(channel.text) }
        }
        if let defaults = context.file.defaults { body(defaults) }
        for ticket in context.file.tickets { body(ticket.body) }
        for panel in context.file.panels { used.insert(panel.channel.text) }
        for milestone in context.file.milestones {
            if case .notify(let channel, _, _) = milestone.notice.kind { used.insert(channel.text) }
        }
        for activity in context.file.activities {
            if let channel = activity.channel { used.insert(channel.text) }
        }
        context.forEachTransition { transition, _, _ in
            switch transition.trigger {
            case .button(let name): usedButtons.insert(name.text)
            case .formSubmitted(let name): used.insert(name.text)
            default: break
            }
            if let condition = transition.condition { flags(in: condition, into: &usedFlags) }
            for action in transition.actions {
                switch action.kind {
                case .ask(let form): used.insert(form.text)
                case .notify(let channel, _, _), .publish(let channel, _): used.insert(channel.text)
                case .transcript(let channel?): used.insert(channel.text)
                case .set(let flag), .clear(let flag): usedFlags.insert(flag.text)
                default: break
                }
            }
        }
        for text in context.file.texts where !used.contains(text.name.text) {
            unused(text.name, "text", &diagnostics)
        }
        for form in context.file.forms where !used.contains(form.name.text) {
            unused(form.name, "form", &diagnostics)
        }
        for channel in context.file.channels where !used.contains(channel.name.text) {
            unused(channel.name, "channel", &diagnostics)
        }
        let bodies = [context.file.defaults].compactMap { $0 } + context.file.tickets.map(\.body)
        for body in bodies {
            for button in body.buttons where !usedButtons.contains(button.name.text) {
                diagnostics.report(.unusedDeclaration, "the button `\(button.name.text)` is never shown",
                                   at: button.name.range, help: "buttons appear in states that react to them: add `on button \(button.name.text): ...`")
            }
            for flag in body.flags where !usedFlags.contains(flag.name.text) {
                unused(flag.name, "flag", &diagnostics)
            }
        }
    }

    static func unused(_ name: Name, _ kind: String, _ diagnostics: inout DiagnosticBag) {
        // Where it could be used, in the words the admin would write.
        let uses = switch kind {
        case "text": "say it where a text goes (`greeting \(name.text)`, `farewell \(name.text)`, `say \(name.text)`, `notify CHANNEL \(name.text)`)"
        case "form": "show it from a button: `on button NAME: ask \(name.text)`"
        case "channel": "name it where a channel goes (`place in \(name.text)`, `transcript to \(name.text)`, `notify \(name.text) TEXT`, a panel's `in \(name.text)`)"
        case "flag": "set it (`set \(name.text)`) and read it (`if \(name.text)`)"
        default: "use it"
        }
        diagnostics.report(.unusedDeclaration, "the \(kind) `\(name.text)` is never used", at: name.range,
                           help: uses + ", or remove it")
    }

    static func flags(in condition: Condition, into set: inout Set<String>) {
        switch condition {
        case .flag(let name): set.insert(name.text)
        case .not(let inner): flags(in: inner, into: &set)
        case .and(let left, let right), .or(let left, let right):
            flags(in: left, into: &set)
            flags(in: right, into: &set)
        default: break
        }
    }
}
