/// E102 within a ticket: two buttons, flags, questions or evidence items
/// with one name. Questions and evidence share a namespace because
/// `{answer.NAME}` and `NAME contains` read both.
struct LocalNamesCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        var bodies = context.file.tickets.map { ($0.body, "the ticket `\($0.name.text)`") }
        if let defaults = context.file.defaults { bodies.insert((defaults, "`defaults`"), at: 0) }
        for ticket in context.tickets {
            // Defaults and ticket together: a ticket may not redeclare a
            // default button under the same name with another label.
            let inherited = Dictionary((context.file.defaults?.buttons ?? []).map { ($0.name.text, $0.name) }, uniquingKeysWith: { first, _ in first })
            for button in ticket.declaration.body.buttons {
                guard let original = inherited[button.name.text] else { continue }
                diagnostics.report(.duplicateName, "the button `\(button.name.text)` is already declared in `defaults`",
                                   at: button.name.range, help: "use the default one, or give this button another name",
                                   related: [.init(original.range, "declared in `defaults` here")])
            }
        }
        for (body, place) in bodies {
            duplicates(body.buttons.map(\.name), "button", place, &diagnostics)
            duplicates(body.flags.map(\.name), "flag", place, &diagnostics)
            duplicates(body.replies.map(\.name), "reply", place, &diagnostics)
            duplicates(body.questions.map(\.name) + body.evidence.map(\.name), "question or evidence item", place, &diagnostics)
        }
        for form in context.file.forms {
            duplicates(form.questions.map(\.name), "question", "the form `\(form.name.text)`", &diagnostics)
        }
    }

    static func duplicates(_ names: [Name], _ what: String, _ place: String, _ diagnostics: inout DiagnosticBag) {
        var first: [String: Name] = [:]
        for name in names {
            guard let earlier = first[name.text] else { first[name.text] = name; continue }
            diagnostics.report(.duplicateName, "\(place) has two of the \(what) `\(name.text)`", at: name.range,
                               help: "rename one of them", related: [.init(earlier.range, "first declared here")])
        }
    }
}
