/// E303: `rename` gives a name Discord accepts as it is. Discord lowercases
/// text channel names and turns spaces into dashes on its own; a workflow
/// that relies on that renames channels to something other than it says.
struct ChannelNameCheck: Check {
    static let lengthLimit = 100

    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        context.forEachTransition { transition, _, _ in
            for action in transition.actions {
                guard case .rename(let literal) = action.kind else { continue }
                if let problem = problem(in: literal.value) {
                    diagnostics.report(.invalidChannelName, problem.message, at: literal.range, help: problem.help)
                }
            }
        }
    }

    static func problem(in name: String) -> (message: String, help: String)? {
        let (template, _, _) = Template.parse(name)
        // Placeholders become numbers or names; judge the fixed part.
        let fixed = template.segments.map { segment -> String in
            switch segment {
            case .literal(let text): text
            case .variable: "1"
            }
        }.joined()
        if fixed.isEmpty {
            return ("a channel name cannot be empty", "write a name such as \"ticket-{ticket.number}\"")
        }
        if fixed.unicodeScalars.count > lengthLimit {
            return ("this channel name is longer than Discord's \(lengthLimit) characters", "shorten it")
        }
        let suggested = template.segments.map { segment -> String in
            switch segment {
            case .literal(let text): String(text.lowercased().map { $0 == " " ? "-" : $0 })
            case .variable(let name): "{\(name)}"
            }
        }.joined()
        if fixed.contains(where: { $0.isUppercase || $0 == " " }) {
            return ("Discord would change this channel name", "write it as Discord stores it: lowercase, dashes for spaces (\"\(suggested)\")")
        }
        if let bad = fixed.first(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            return ("`\(bad)` is not allowed in a channel name", "use letters, digits, `-` and `_`")
        }
        return nil
    }
}
