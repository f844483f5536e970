/// E302: every `{placeholder}` is one Escala can fill in. `{answer.x}` must
/// name a question or evidence item of the ticket the text is used in (for
/// a declared text, of at least one ticket).
struct TemplateCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        let everyAnswer = context.tickets.reduce(into: Set<String>()) { $0.formUnion($1.answerNames) }
        var checkedTexts: Set<String> = []
        context.forEachMessage { reference, ticket in
            if case .named(let name) = reference, !checkedTexts.insert(name.text).inserted { return }
            let answers = if case .named = reference { everyAnswer } else { ticket?.answerNames ?? everyAnswer }
            for (_, literal) in context.translations(of: reference) {
                check(literal, answers: answers, &diagnostics)
            }
        }
        context.forEachTransition { transition, ticket, _ in
            for action in transition.actions {
                if case .rename(let name) = action.kind {
                    check(name, answers: ticket?.answerNames ?? everyAnswer, &diagnostics)
                }
            }
        }
    }

    static func check(_ literal: StringLiteral, answers: Set<String>, _ diagnostics: inout DiagnosticBag) {
        let (_, problems, variables) = Template.parse(literal.value)
        func range(_ start: Int, _ end: Int) -> SourceRange {
            SourceRange(start: literal.sourceOffset(ofByte: start), end: literal.sourceOffset(ofByte: end - 1) + 1)
        }
        for problem in problems {
            diagnostics.report(.undefinedTemplateVariable, problem.message, at: range(problem.start, problem.end),
                               help: "write `{{` for a literal brace")
        }
        for variable in variables {
            if Template.knownVariables.contains(variable.name) { continue }
            if variable.name.hasPrefix(Template.answerPrefix) {
                let answer = String(variable.name.dropFirst(Template.answerPrefix.count))
                if answers.contains(answer) { continue }
                let guess = Suggestions.closest(to: answer, among: answers)
                diagnostics.report(.undefinedTemplateVariable, "no question or evidence named `\(answer)`",
                                   at: range(variable.start, variable.end),
                                   help: guess.map { "did you mean `{answer.\($0)}`?" })
                continue
            }
            let guess = Suggestions.closest(to: variable.name, among: Template.knownVariables)
            diagnostics.report(.undefinedTemplateVariable, "`{\(variable.name)}` is not a placeholder Escala knows",
                               at: range(variable.start, variable.end),
                               help: guess.map { "did you mean `{\($0)}`?" }
                                   ?? "placeholders are: " + Template.knownVariables.sorted().map { "{\($0)}" }.joined(separator: ", ") + ", {answer.NAME}")
        }
    }
}
