/// E101 undefined name, E103 a name of the wrong kind.
///
/// Every name a statement refers to must be declared, and be the right kind
/// of thing: `escalate to chat_staff` names a channel where a rank belongs.
struct NameResolutionCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        var resolver = Resolver(context: context)
        let file = context.file
        if let defaults = file.defaults {
            resolver.body(defaults, scope: .defaults(defaults), &diagnostics)
        }
        for ticket in context.tickets {
            resolver.body(ticket.declaration.body, scope: .ticket(ticket), &diagnostics)
        }
        for panel in file.panels {
            resolver.expect(panel.channel, [.channel], "the channel of a panel", &diagnostics)
            if case .named(let name)? = panel.message { resolver.expect(name, [.text], "a text", &diagnostics) }
            for category in panel.categories { resolver.expect(category, [.ticket], "a ticket category", &diagnostics) }
        }
        for offence in file.offences {
            for rank in offence.appliedBy { resolver.expect(rank, [.rank], "a rank", &diagnostics) }
        }
        for milestone in file.milestones {
            resolver.action(milestone.notice, scope: .defaults(TicketBody()), &diagnostics)
        }
        for autorole in file.autoroles {
            resolver.expect(autorole.role, [.role], "a role (declare it with `role \(autorole.role.text)`)", &diagnostics)
            switch autorole.trigger {
            case .seniority: break
            case .reputation(let level): resolver.expect(level, [.level], "a level of the `reputation` block", &diagnostics)
            case .reaction(_, let message): resolver.expect(message, [.message], "a message (declare it with `message NAME`)", &diagnostics)
            }
        }
        for actor in file.blocklist?.actors ?? [] {
            resolver.expectActor(actor, allowing: ["staff"], &diagnostics)
        }
        for activity in file.activities {
            if let channel = activity.channel { resolver.expect(channel, [.channel], "a channel", &diagnostics) }
            if case .named(let name)? = activity.title { resolver.expect(name, [.text], "a text", &diagnostics) }
        }
    }
}

/// Resolves names against the symbol table and the names local to a ticket.
private struct Resolver {
    let context: CheckContext

    enum Scope {
        case defaults(TicketBody)
        case ticket(EffectiveTicket)

        var buttons: Set<String> {
            switch self {
            case .defaults(let body): Set(body.buttons.map(\.name.text))
            case .ticket(let ticket): ticket.buttonNames
            }
        }
        var flags: Set<String> {
            switch self {
            case .defaults(let body): Set(body.flags.map(\.name.text))
            case .ticket(let ticket): ticket.flagNames
            }
        }
        var answers: Set<String> {
            switch self {
            case .defaults(let body): Set(body.questions.map(\.name.text) + body.evidence.map(\.name.text))
            case .ticket(let ticket): ticket.answerNames
            }
        }
        /// The choices of each question that has them.
        var choices: [String: Set<String>] {
            switch self {
            case .defaults(let body): EffectiveTicket.choices(of: body.questions)
            case .ticket(let ticket): ticket.choicesByAnswer
            }
        }
    }

    mutating func body(_ body: TicketBody, scope: Scope, _ diagnostics: inout DiagnosticBag) {
        for receiver in body.receivers { expect(receiver, [.rank, .role], "a rank or role", &diagnostics) }
        for step in body.escalation { expect(step, [.rank, .role], "a rank or role", &diagnostics) }
        for rank in body.override?.ranks ?? [] { expect(rank, [.rank], "a rank", &diagnostics) }
        for permission in body.permissions {
            for actor in permission.actors { expectActor(actor, allowing: ["user", "staff", "handler"], &diagnostics) }
        }
        for item in body.evidence { if let from = item.from { expectActor(from, allowing: ["staff"], &diagnostics) } }
        for step in body.mandatory {
            if case .escalation(let target) = step.requirement { expectActor(target, allowing: ["sanctioner"], &diagnostics) }
            if case .escalation(let target) = step.gate { expectActor(target, allowing: ["sanctioner"], &diagnostics) }
        }
        for channel in [body.place, body.transcriptChannel].compactMap({ $0 }) + body.overflows {
            expect(channel, [.channel], "a channel", &diagnostics)
        }
        for text in [body.greeting, body.farewell, body.rating, body.outsideHours, body.reminder?.text] {
            if case .named(let name)? = text { expect(name, [.text], "a text", &diagnostics) }
        }
        for reply in body.replies {
            if case .named(let name) = reply.text { expect(name, [.text], "a text", &diagnostics) }
        }
        for reply in body.autoReplies {
            if case .named(let name) = reply.text { expect(name, [.text], "a text", &diagnostics) }
        }
        for transition in body.transitions { self.transition(transition, scope: scope, &diagnostics) }
        for state in body.states {
            for transition in state.transitions { self.transition(transition, scope: scope, &diagnostics) }
        }
    }

    func transition(_ transition: Transition, scope: Scope, _ diagnostics: inout DiagnosticBag) {
        for actor in transition.actors {
            expectActor(actor, allowing: ["user", "staff", "handler", "sanctioner"], &diagnostics)
        }
        switch transition.trigger {
        case .button(let name):
            expectLocal(name, in: scope.buttons, what: "button", help: "declare it in the ticket: `button \(name.text) \"Label\"`", &diagnostics)
        case .formSubmitted(let name):
            expect(name, [.form], "a form", &diagnostics)
        default:
            break
        }
        if let condition = transition.condition { self.condition(condition, scope: scope, &diagnostics) }
        for action in transition.actions { self.action(action, scope: scope, &diagnostics) }
    }

    func condition(_ condition: Condition, scope: Scope, _ diagnostics: inout DiagnosticBag) {
        switch condition {
        case .flag(let name):
            expectLocal(name, in: scope.flags, what: "flag", help: "declare it in the ticket: `flag \(name.text)`", &diagnostics)
        case .contains(let name, _), .matches(let name, _):
            expectLocal(name, in: scope.answers, what: "question or evidence", help: nil, &diagnostics)
        case .answerIs(let name, let choice):
            let choices = scope.choices
            guard let known = choices[name.text] else {
                expectLocal(name, in: Set(choices.keys), what: "question with choices", help: scope.answers.contains(name.text)
                    ? "`\(name.text)` is written, not chosen: give it choices (`choice si \"Sí\", no \"No\"`) or write `\(name.text) contains \"...\"`"
                    : nil, &diagnostics)
                return
            }
            expectLocal(choice, in: known, what: "choice of `\(name.text)`", help: "its choices are " + known.sorted().map { "`\($0)`" }.joined(separator: ", "),
                        &diagnostics)
        case .handlerIs(let rank):
            expect(rank, [.rank], "a rank", &diagnostics)
        case .sanctionIs(let offence):
            expect(offence, [.offence], "an offence of the sanctions table", &diagnostics)
        case .evidenceComplete, .sanctionChosen:
            break
        case .not(let inner):
            self.condition(inner, scope: scope, &diagnostics)
        case .and(let left, let right), .or(let left, let right):
            self.condition(left, scope: scope, &diagnostics)
            self.condition(right, scope: scope, &diagnostics)
        }
    }

    func action(_ action: Action, scope: Scope, _ diagnostics: inout DiagnosticBag) {
        switch action.kind {
        case .say(let text):
            if case .named(let name) = text { expect(name, [.text], "a text", &diagnostics) }
        case .notify(let channel, let text, let pings):
            expect(channel, [.channel], "a channel", &diagnostics)
            if case .named(let name) = text { expect(name, [.text], "a text", &diagnostics) }
            for rank in pings { expect(rank, [.rank, .role], "a rank or role", &diagnostics) }
        case .publish(let channel, let text):
            expect(channel, [.channel], "a channel", &diagnostics)
            if case .named(let name) = text { expect(name, [.text], "a text", &diagnostics) }
        case .close(let reason?):
            if case .named(let name) = reason { expect(name, [.text], "a text", &diagnostics) }
        case .ask(let form):
            expect(form, [.form], "a form", &diagnostics)
        case .mention(let who):
            expectActor(who, allowing: ["user", "staff", "handler"], &diagnostics)
        case .grant(let role, _), .revoke(let role):
            expect(role, [.role, .rank], "a role", &diagnostics)
        case .transcript(let channel?):
            expect(channel, [.channel], "a channel", &diagnostics)
        case .escalateTo(let target, _):
            expectActor(target, allowing: ["sanctioner"], &diagnostics)
        case .set(let flag), .clear(let flag):
            expectLocal(flag, in: scope.flags, what: "flag", help: "declare it in the ticket: `flag \(flag.text)`", &diagnostics)
        case .moveTo(let category):
            expect(category, [.ticket], "a ticket category", &diagnostics)
        case .goTo(let state):
            switch scope {
            case .ticket(let ticket):
                expectLocal(state, in: ticket.stateNames, what: "state", help: nil, &diagnostics)
            case .defaults:
                for ticket in context.tickets where !ticket.stateNames.contains(state.text) {
                    diagnostics.report(.undefinedName,
                                       "the state `\(state.text)` does not exist in the ticket `\(ticket.name)`",
                                       at: state.range, help: "a `go to` in `defaults` must name a state every ticket has")
                    break
                }
            }
        default:
            break
        }
    }

    func expectActor(_ name: Name, allowing words: Set<String>, _ diagnostics: inout DiagnosticBag) {
        if words.contains(name.text) { return }
        expect(name, [.rank, .role], "a rank or role", extra: words, &diagnostics)
    }

    func expect(_ name: Name, _ kinds: [SymbolTable.Kind], _ what: String, extra: Set<String> = [],
                _ diagnostics: inout DiagnosticBag) {
        let symbols = context.symbols
        if let kind = symbols.kind(of: name.text) {
            if !kinds.contains(kind) {
                diagnostics.report(.wrongKindOfName, "`\(name.text)` is \(kind.article), but \(what) is expected here",
                                   at: name.range)
            }
            return
        }
        let candidates = kinds.flatMap { symbols.names(of: $0) } + extra
        let guess = Suggestions.closest(to: name.text, among: candidates)
        let help: String
        if let guess {
            help = "did you mean `\(guess)`?"
        } else if kinds == [.text] {
            help = "declare it with `text \(name.text) \"...\"`, or write the text itself in double quotes"
        } else if candidates.isEmpty {
            help = "declare it first"
        } else {
            help = "known names: " + candidates.sorted().prefix(12).map { "`\($0)`" }.joined(separator: ", ")
        }
        diagnostics.report(.undefinedName, "`\(name.text)` is not declared (expected \(what))", at: name.range, help: help,
                           fix: guess.map { Diagnostic.Fix(name.range, $0) })
    }

    func expectLocal(_ name: Name, in names: Set<String>, what: String, help: String?, _ diagnostics: inout DiagnosticBag) {
        guard !names.contains(name.text) else { return }
        let guess = Suggestions.closest(to: name.text, among: names)
        diagnostics.report(.undefinedName, "no \(what) named `\(name.text)` in this ticket", at: name.range,
                           help: guess.map { "did you mean `\($0)`?" } ?? help, fix: guess.map { Diagnostic.Fix(name.range, $0) })
    }
}
