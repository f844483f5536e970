extension Parser {
    /// `on TRIGGER [by WHO [only]] [if CONDITION]: actions` or with a block;
    /// `after DURATION [without reason | of user silence | of handler inactivity] ...`.
    mutating func parseTransition() throws(StatementAbandoned) -> Transition {
        let start = current.range.start
        let trigger: Trigger
        if consumeKeyword("after") {
            let duration = try expectDuration(after: "after `after`")
            trigger = .timer(duration, try parseTimerKind())
        } else {
            advance() // `on`
            trigger = try parseTrigger()
        }
        var actors: [Name] = []
        var exact = false
        if consumeKeyword("by") {
            actors = try expectNameList("a rank, a role, `user`, `staff` or `handler`", after: "after `by`")
            exact = consumeKeyword("only")
        }
        var condition: Condition?
        if consumeKeyword("if") {
            condition = try parseCondition()
        }
        let head = range(from: start)
        var actions: [Action] = []
        if consume(.colon) {
            repeat {
                actions.append(try parseAction())
            } while consume(.semicolon) && !atLineEnd
            try finishStatement("the actions")
        } else if current.kind == .leftBrace {
            try parseBlock("the actions of `\(source.text(head))`") { (parser: inout Parser) throws(StatementAbandoned) in
                actions.append(try parser.parseAction())
                try parser.finishStatement("the action")
            }
        } else {
            throw fail("expected `:` and the actions, found \(current.spelling)",
                       help: "write what happens after a colon, as in `on opened: say saludo`")
        }
        return Transition(trigger: trigger, actors: actors, actorsExact: exact, condition: condition,
                          actions: actions, range: range(from: start), headRange: head)
    }

    var atLineEnd: Bool {
        current.kind == .newline || current.kind == .endOfFile || current.kind == .rightBrace
    }

    mutating func parseTimerKind() throws(StatementAbandoned) -> Trigger.TimerKind {
        if consumeKeyword("without") {
            try expectKeyword("reason", after: "after `without`")
            return .withoutReason
        }
        if consumeKeyword("of") {
            let who = try expectName("`user silence` or `handler inactivity`", after: "after `of`")
            switch who.text {
            case "user":
                try expectKeyword("silence", after: "after `of user`")
                return .userSilence
            case "handler":
                try expectKeyword("inactivity", after: "after `of handler`")
                return .handlerInactivity
            default:
                throw fail("expected `user silence` or `handler inactivity`, found `\(who.text)`", at: who.range)
            }
        }
        return .inState
    }

    mutating func parseTrigger() throws(StatementAbandoned) -> Trigger {
        guard current.kind == .identifier else {
            throw fail("expected an event such as `opened` or `user message` after `on`, found \(current.spelling)")
        }
        let word = advance()
        switch word.text {
        case "opened": return .opened
        case "user":
            try expectKeyword("message", after: "after `on user`")
            if consumeKeyword("matching") {
                return .userMessage(pattern: try expectString("a pattern", after: "after `matching`"))
            }
            return .userMessage(pattern: nil)
        case "staff":
            try expectKeyword("message", after: "after `on staff`")
            return .staffMessage
        case "message": return .anyMessage
        case "button": return .button(try expectName("a button's name", after: "after `on button`"))
        case "command": return .command(try expectName("a command's name", after: "after `on command`"))
        case "form":
            let name = try expectName("a form's name", after: "after `on form`")
            try expectKeyword("submitted", after: "after the form's name")
            return .formSubmitted(name)
        case "evidence":
            try expectKeyword("complete", after: "after `on evidence`")
            return .evidenceComplete
        case "member":
            try expectKeyword("left", after: "after `on member`")
            return .memberLeft
        case "channel":
            try expectKeyword("deleted", after: "after `on channel`")
            return .channelDeleted
        default:
            throw fail("`\(word.text)` is not an event", at: word.range,
                       help: Suggestions.keywordHelp(for: word.text, among: Keywords.triggers)
                           ?? "events are: opened, user message, staff message, message, button, command, form ... submitted, evidence complete, member left, channel deleted",
                       fix: Suggestions.keywordFix(for: word.text, among: Keywords.triggers))
        }
    }

    // MARK: Conditions

    mutating func parseCondition() throws(StatementAbandoned) -> Condition {
        var left = try parseConjunction()
        while consumeKeyword("or") {
            left = .or(left, try parseConjunction())
        }
        return left
    }

    mutating func parseConjunction() throws(StatementAbandoned) -> Condition {
        var left = try parseConditionTerm()
        while consumeKeyword("and") {
            left = .and(left, try parseConditionTerm())
        }
        return left
    }

    mutating func parseConditionTerm() throws(StatementAbandoned) -> Condition {
        if isKeyword("not") || current.kind == .leftParen {
            guard nesting < Self.maximumNesting else {
                throw fail("more than \(Self.maximumNesting) levels of nesting in a condition",
                           help: "write the condition more simply: `not not x` is `x`, and `((x))` is `x`")
            }
            nesting += 1
            defer { nesting -= 1 }
            if consumeKeyword("not") { return .not(try parseConditionTerm()) }
            advance()
            let inner = try parseCondition()
            try expect(.rightParen, "`)`", after: "to close the condition")
            return inner
        }
        let subject = try expectName("a condition", after: "after `if`",
                                     help: "a condition is a flag's name, `ANSWER contains \"...\"`, `ANSWER is CHOICE`, `handler is RANK`, `sanction is OFFENCE` or `sanction chosen`")
        switch subject.text {
        case "evidence" where isKeyword("complete"):
            advance()
            return .evidenceComplete(range(from: subject.range.start))
        case "handler" where isKeyword("is"):
            advance()
            return .handlerIs(try expectName("a rank", after: "after `handler is`"))
        case "sanction" where isKeyword("is"):
            advance()
            return .sanctionIs(try expectName("an offence", after: "after `sanction is`"))
        case "sanction" where isKeyword("chosen"):
            advance()
            return .sanctionChosen(range(from: subject.range.start))
        default:
            if consumeKeyword("contains") {
                return .contains(subject, try expectString("the text to look for", after: "after `contains`"))
            }
            if consumeKeyword("matches") {
                return .matches(subject, try expectString("a pattern", after: "after `matches`"))
            }
            if consumeKeyword("is") {
                return .answerIs(subject, try expectName("one of the question's choices", after: "after `is`"))
            }
            return .flag(subject)
        }
    }

    // MARK: Actions

    mutating func parseAction() throws(StatementAbandoned) -> Action {
        let start = current.range.start
        guard current.kind == .identifier else {
            throw fail("expected an action such as `say` or `escalate`, found \(current.spelling)")
        }
        let word = advance()
        let kind: Action.Kind
        switch word.text {
        case "say": kind = .say(try expectTextReference(after: "after `say`"))
        case "ask": kind = .ask(try expectName("a form's name", after: "after `ask`"))
        case "rename": kind = .rename(try expectString("the new channel name", after: "after `rename`"))
        case "notify":
            let channel = try expectName("a channel", after: "after `notify`")
            let text = try expectTextReference(after: "after the channel")
            var pings: [Name] = []
            if consumeKeyword("pinging") {
                pings = try expectNameList("the ranks or roles to ping", after: "after `pinging`")
            }
            kind = .notify(channel, text, pinging: pings)
        case "publish":
            let channel = try expectName("a channel", after: "after `publish`")
            kind = .publish(channel, try expectTextReference(after: "after the channel"))
        case "mention": kind = .mention(try expectName("a rank, a role, `user` or `handler`", after: "after `mention`"))
        case "grant":
            let role = try expectName("a role", after: "after `grant`")
            kind = .grant(role, consumeKeyword("for") ? try expectDuration(after: "after `for`") : nil)
        case "revoke": kind = .revoke(try expectName("a role", after: "after `revoke`"))
        case "close":
            kind = .close(atStatementEnd || isKeyword("and") ? nil : try expectTextReference(after: "after `close` (the reason)"))
        case "transcript":
            kind = .transcript(consumeKeyword("to") ? try expectName("a channel", after: "after `transcript to`") : nil)
        case "escalate":
            if consumeKeyword("up") {
                kind = .escalateUp
            } else if consumeKeyword("to") {
                kind = .escalateTo(try expectName("a rank, a role or `sanctioner`", after: "after `escalate to`"), directly: false)
            } else if consumeKeyword("directly") {
                try expectKeyword("to", after: "after `escalate directly`")
                kind = .escalateTo(try expectName("a rank, a role or `sanctioner`", after: "after `escalate directly to`"), directly: true)
            } else {
                throw fail("expected `up` or `to` after `escalate`, found \(current.spelling)",
                           help: "`escalate up` follows the chain; `escalate to admin` goes to a named rank")
            }
        case "release": kind = .release
        case "claim": kind = .claim
        case "set": kind = .set(try expectName("a flag", after: "after `set`"))
        case "clear": kind = .clear(try expectName("a flag", after: "after `clear`"))
        case "go":
            try expectKeyword("to", after: "after `go`")
            kind = .goTo(try expectName("a state", after: "after `go to`"))
        case "move":
            try expectKeyword("to", after: "after `move`")
            kind = .moveTo(try expectName("a ticket category", after: "after `move to`"))
        case "choose":
            if consumeKeyword("appealed") {
                try expectKeyword("sanction", after: "after `choose appealed`")
                kind = .chooseAppealedSanction
            } else {
                try expectKeyword("sanction", after: "after `choose`")
                kind = .chooseSanction
            }
        default:
            throw fail("`\(word.text)` is not an action", at: word.range,
                       help: Suggestions.keywordHelp(for: word.text, among: Keywords.actions)
                           ?? "actions are: " + Keywords.actions.joined(separator: ", "),
                       fix: Suggestions.keywordFix(for: word.text, among: Keywords.actions))
        }
        return Action(kind: kind, range: range(from: start))
    }
}
