extension Parser {
    mutating func parseTicket(start: Int) throws(StatementAbandoned) -> TicketDeclaration {
        let name = try expectName("the ticket category's name", after: "after `ticket`")
        let label = try expectString("the category's label", after: "after its name",
                                     help: "write the label users see on the button, like `ticket reportes \"Reportes\" {`")
        var body = TicketBody()
        try parseBlock("the ticket `\(name.text)`") { (parser: inout Parser) throws(StatementAbandoned) in
            try parser.parseTicketStatement(into: &body, inDefaults: false)
        }
        return TicketDeclaration(name: name, label: label, body: body, range: range(from: start))
    }

    mutating func parseTicketStatement(into body: inout TicketBody, inDefaults: Bool) throws(StatementAbandoned) {
        guard current.kind == .identifier else {
            throw fail("expected a statement such as `receives` or `state`, found \(current.spelling)")
        }
        let keyword = current
        let start = keyword.range.start
        switch keyword.text {
        case "emoji":
            advance()
            body.emoji = try expectString("the emoji", after: "after `emoji`")
        case "description":
            advance()
            body.description = try expectString("the description", after: "after `description`")
        case "receives":
            advance()
            body.receivers = try expectNameList("a rank or role", after: "after `receives`")
        case "escalation":
            advance()
            var chain = [try expectName("a rank or role", after: "after `escalation`")]
            while consume(.greater) {
                chain.append(try expectName("a rank or role", after: "after `>`"))
            }
            if current.kind == .less {
                throw fail("an escalation chain goes upwards with `>`",
                           help: "write it from the first to the last rank: `escalation cm > trainee > moderator`")
            }
            body.escalation = chain
            body.escalationRange = range(from: start)
        case "mode":
            advance()
            body.mode = try expectName("`channel` or `thread`", after: "after `mode`")
        case "place":
            advance()
            try expectKeyword("in", after: "after `place`")
            body.place = try expectName("a channel or category name", after: "after `place in`")
            if consumeKeyword("overflow") {
                repeat {
                    body.overflows.append(try expectName("a channel category name", after: "after `overflow`"))
                } while consume(.comma)
            }
        case "limit":
            advance()
            body.limit = try parseLimit(start: start)
            return
        case "question":
            body.questions.append(try parseQuestion())
        case "require":
            advance()
            body.evidence.append(try parseEvidence(start: start))
        case "greeting":
            advance()
            body.greeting = try expectTextReference(after: "after `greeting`")
        case "farewell":
            advance()
            body.farewell = try expectTextReference(after: "after `farewell`")
            body.farewellWait = nil
            if consumeKeyword("wait") {
                body.farewellWait = try expectDuration(after: "after `farewell TEXT wait` (how long the member has to answer)")
            }
        case "claim":
            advance()
            body.claim = try expectName("`exclusive` or `shared`", after: "after `claim`")
        case "override":
            advance()
            try expectKeyword("by", after: "after `override`")
            // `override by higher rank`: above whoever handles the ticket,
            // read as `takeover ... by higher rank` is.
            if current.kind == .identifier, current.text == "higher", peek().kind == .identifier, peek().text == "rank" {
                advance(); advance()
                body.override = OverrideSetting(ranks: [], aboveHandler: true, range: range(from: start))
            } else {
                let ranks = try expectNameList("a rank", after: "after `override by`",
                                               help: "`override by admin` lets admins and the ranks above them write; `override by higher rank`, any rank above the handler's")
                body.override = OverrideSetting(ranks: ranks, aboveHandler: false, range: range(from: start))
            }
        case "takeover":
            advance()
            try expectKeyword("after", after: "after `takeover`")
            let duration = try expectDuration(after: "after `takeover after`")
            try expectKeyword("by", after: "after the duration")
            let who = try expectName("`same` or `higher`", after: "after `by`")
            guard who.text == "same" || who.text == "higher" else {
                throw fail("expected `same` or `higher`, found `\(who.text)`", at: who.range,
                           help: "`by same rank` lets a peer take over; `by higher rank` only a superior")
            }
            try expectKeyword("rank", after: "after `\(who.text)`")
            // «de igual o mayor rango»: `same rank or higher` says what `same rank` means.
            if who.text == "same", consumeKeyword("or") { try expectKeyword("higher", after: "after `same rank or`") }
            body.takeover = TakeoverSetting(after: duration, allowsPeers: who.text == "same", range: range(from: start))
        case "user" where peek().kind == .identifier && peek().text == "speaks":
            advance(); advance()
            try expectKeyword("first", after: "after `user speaks`")
            body.userSpeaksFirst = range(from: start)
        case "must":
            advance()
            body.mandatory.append(try parseMandatoryStep(start: start))
        case "remind":
            advance()
            let duration = try expectDuration(after: "after `remind`")
            try expectKeyword("before", after: "after the duration")
            try expectKeyword("close", after: "after `before`")
            let text = try expectTextReference(after: "after `remind ... before close`")
            body.reminder = ReminderSetting(before: duration, text: text, range: range(from: start))
        case "close":
            advance()
            try expectKeyword("reason", after: "after `close` (as a setting: `close reason required`)")
            try expectKeyword("required", after: "after `close reason`")
            body.closeReasonRequired = range(from: start)
        case "rating":
            advance()
            body.rating = try expectTextReference(after: "after `rating`")
        case "hours":
            advance()
            body.hours = try parseHours(start: start)
        case "outside":
            advance()
            try expectKeyword("hours", after: "after `outside`")
            body.outsideHours = try expectTextReference(after: "after `outside hours`")
        case "transcript":
            advance()
            try expectKeyword("to", after: "after `transcript`")
            let target = try expectName("a channel name, or `user`", after: "after `transcript to`")
            // `transcript to user`: the member's copy, beside the log channel's.
            if target.text == "user" { body.transcriptToUser = range(from: start) } else { body.transcriptChannel = target }
        case "report":
            // One category, not every one: `defaults` cannot say it.
            if inDefaults {
                throw fail("`report messages` names the one category the message menu opens, not `defaults`",
                           code: .misplacedStatement, at: keyword.range, help: "write it inside the ticket that takes reports")
            }
            advance()
            try expectKeyword("messages", after: "after `report`")
            body.reportMessages = range(from: start)
        case "auto":
            advance()
            try expectKeyword("reply", after: "after `auto`")
            try expectKeyword("matching", after: "after `auto reply`")
            let pattern = try expectString("a pattern", after: "after `matching`")
            let text = try expectTextReference(after: "after the pattern")
            body.autoReplies.append(AutoReply(pattern: pattern, text: text, range: range(from: start)))
        case "reply":
            advance()
            let name = try expectName("the reply's name", after: "after `reply`",
                                      help: "write a name, the label staff pick it by, and the text: `reply normas \"Normas del servidor\" normas`")
            let label = try expectString("the reply's label", after: "after its name")
            let text = try expectTextReference(after: "after the reply's label")
            body.replies.append(CannedReply(name: name, label: label, text: text, range: range(from: start)))
        case "allow":
            advance()
            body.permissions.append(try parseToolPermission(start: start))
        case "button":
            advance()
            let name = try expectName("the button's name", after: "after `button`")
            let label = try expectString("the button's label", after: "after its name")
            let style = current.kind == .identifier ? Name(current.text, advance().range) : nil
            body.buttons.append(ButtonDeclaration(name: name, label: label, style: style, range: range(from: start)))
        case "flag":
            advance()
            let name = try expectName("the flag's name", after: "after `flag`")
            let label = current.kind == .string ? decodeString(advance()) : nil
            body.flags.append(FlagDeclaration(name: name, label: label))
        case "on", "after":
            body.transitions.append(try parseTransition())
            return
        case "state":
            if inDefaults {
                throw fail("states belong to a ticket, not to `defaults`", code: .misplacedStatement, at: keyword.range,
                           help: "write shared transitions directly in `defaults` with `on ...` or `after ...`")
            }
            advance()
            body.states.append(try parseState(start: start))
            return
        default:
            throw unknownStatement(keyword, expected: Keywords.ticketBody,
                                   in: inDefaults ? "inside `defaults`" : "inside a ticket")
        }
        try finishStatement("`\(keyword.text)`")
    }

    /// `require link video "Vídeo" matching "^https://"`;
    /// `require attachment pruebas "Las pruebas" from cm`.
    mutating func parseEvidence(start: Int) throws(StatementAbandoned) -> EvidenceRequirement {
        let kindName = try expectName("`text`, `attachment`, `link` or `list`", after: "after `require`")
        guard let kind = EvidenceRequirement.Kind(rawValue: kindName.text) else {
            let guess = Suggestions.closest(to: kindName.text, among: ["text", "attachment", "link", "list"])
            throw fail("`\(kindName.text)` is not a kind of evidence", at: kindName.range,
                       help: guess.map { "did you mean `\($0)`?" } ?? "use `text`, `attachment`, `link` or `list`", fix: guess)
        }
        let name = try expectName("the evidence's name", after: "after `require \(kind.rawValue)`")
        let label = try expectString("what to ask the user", after: "after its name")
        var pattern: StringLiteral?
        if consumeKeyword("matching") {
            pattern = try expectString("a pattern", after: "after `matching`")
        }
        var from: Name?
        if consumeKeyword("from") {
            from = try expectName("a rank, a role or `staff`", after: "after `from`")
            if kind == .text || kind == .list {
                throw fail("staff give files or links, not written answers", at: kindName.range,
                           help: "write `require attachment \(name.text) …` or `require link \(name.text) …` with `from`; a written answer is the member's")
            }
        }
        return EvidenceRequirement(kind: kind, name: name, label: label, pattern: pattern, from: from, range: range(from: start))
    }

    /// `allow add, remove by handler, admin [only]`.
    mutating func parseToolPermission(start: Int) throws(StatementAbandoned) -> ToolPermission {
        var tools: [Name] = []
        repeat {
            let tool = try expectName("a staff tool", after: tools.isEmpty ? "after `allow`" : "after `,`",
                                      help: "write which tools and who may use them, as in `allow add, remove by handler, admin`")
            guard StaffTool(rawValue: tool.text) != nil else {
                let guess = StaffTool.guess(tool.text)?.rawValue
                throw fail("`\(tool.text)` is not a staff tool", at: tool.range,
                           help: guess.map { "did you mean `\($0)`?" }
                               ?? "the tools are " + StaffTool.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "),
                           fix: guess)
            }
            tools.append(tool)
        } while consume(.comma)
        try expectKeyword("by", after: "after the tools")
        let actors = try expectNameList("a rank, a role, `user`, `staff` or `handler`", after: "after `by`")
        let exact = consumeKeyword("only")
        return ToolPermission(tools: tools, actors: actors, exact: exact, range: range(from: start))
    }

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `hours mon-fri 09:00-18:00, sat 10:00-14:00 in "Europe/Madrid"`.
    mutating func parseHours(start: Int) throws(StatementAbandoned) -> SupportHours {
        var windows: [SupportHours.Window] = []
        repeat {
            let windowStart = current.range.start
            let days = try expectName("days such as `mon-fri` or `sat`", after: "in `hours`")
            let parts = days.text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            let indices = parts.map { Parser.dayNames.firstIndex(of: $0.lowercased()) }
            guard (1...2).contains(parts.count), indices.allSatisfy({ $0 != nil }) else {
                throw fail("`\(days.text)` is not a day or a range of days", code: .invalidValue, at: days.range,
                           help: "write days as mon, tue, wed, thu, fri, sat, sun, or a range such as `mon-fri`")
            }
            let opens = try expectTime()
            try expect(.minus, "`-`", after: "between the opening and the closing time")
            let closes = try expectTime()
            if closes.minutes <= opens.minutes {
                diagnostics.report(.invalidValue, "the closing time must come after the opening time",
                                   at: SourceRange(start: opens.range.start, end: closes.range.end),
                                   help: "support hours cannot cross midnight; split them into two windows")
            }
            windows.append(.init(firstDay: indices[0]!, lastDay: indices[indices.count - 1]!,
                                 opensAt: opens.minutes, closesAt: closes.minutes, range: range(from: windowStart)))
        } while consume(.comma)
        try expectKeyword("in", after: "after the hours (the time zone)")
        let zone = try expectString("a time zone such as \"Europe/Madrid\"", after: "after `in`")
        return SupportHours(windows: windows, timeZone: zone, range: range(from: start))
    }

    mutating func expectTime() throws(StatementAbandoned) -> (minutes: Int, range: SourceRange) {
        guard current.kind == .time else {
            throw fail("expected a time such as `09:00`, found \(current.spelling)")
        }
        let token = advance()
        let parts = token.text.split(separator: ":")
        let hours = Int(parts[0]) ?? 99, minutes = Int(parts[1]) ?? 99
        guard hours <= 24, minutes < 60, hours * 60 + minutes <= 24 * 60 else {
            throw fail("`\(token.text)` is not a time of day", code: .invalidValue, at: token.range,
                       help: "use 24-hour times from 00:00 to 24:00")
        }
        return (hours * 60 + minutes, token.range)
    }

    /// `state NAME [initial] [final] [{ transitions }]`.
    mutating func parseState(start: Int) throws(StatementAbandoned) -> StateDeclaration {
        let name = try expectName("the state's name", after: "after `state`")
        var isInitial = false, isFinal = false
        while true {
            if consumeKeyword("initial") { isInitial = true }
            else if consumeKeyword("final") { isFinal = true }
            else { break }
        }
        // `state abierta inicial {`: the admin's word for `initial` (or a
        // typo of it) is said as such, with the fix, rather than as a
        // statement that should have ended.
        if current.kind == .identifier, let fix = Suggestions.keywordFix(for: current.text, among: ["initial", "final"]) {
            throw fail("unexpected `\(current.text)` after the state's name", at: current.range,
                       help: Suggestions.keywordHelp(for: current.text, among: ["initial", "final"]), fix: fix)
        }
        var transitions: [Transition] = []
        if current.kind == .leftBrace {
            try parseBlock("the state `\(name.text)`") { (parser: inout Parser) throws(StatementAbandoned) in
                let word = parser.current
                guard parser.isKeyword("on") || parser.isKeyword("after") else {
                    throw parser.unknownStatement(word, expected: Keywords.stateBody, in: "inside a state")
                }
                transitions.append(try parser.parseTransition())
            }
        } else {
            try finishStatement("the state")
        }
        return StateDeclaration(name: name, isInitial: isInitial, isFinal: isFinal,
                                transitions: transitions, range: range(from: start))
    }

    /// `must escalate to trainee before close`,
    /// `must have evidence complete before escalate to sanctioner`,
    /// `must have sanction chosen before close`.
    mutating func parseMandatoryStep(start: Int) throws(StatementAbandoned) -> MandatoryStep {
        let usage = "write `must escalate to RANK before close`, or `must have evidence complete` / `must have sanction chosen` before `close` or `escalate to RANK`"
        _ = consumeKeyword("have")
        let requirement: MandatoryStep.Requirement
        if consumeKeyword("escalate") {
            try expectKeyword("to", after: "after `must escalate`")
            requirement = .escalation(try expectName("a rank, a role or `sanctioner`", after: "after `must escalate to`"))
        } else if consumeKeyword("evidence") {
            try expectKeyword("complete", after: "after `must have evidence`")
            requirement = .evidenceComplete
        } else if consumeKeyword("sanction") {
            try expectKeyword("chosen", after: "after `must have sanction`")
            requirement = .sanctionChosen
        } else {
            throw fail("expected what must happen first after `must`, found \(current.spelling)", help: usage)
        }
        try expectKeyword("before", after: "after the step that must happen first")
        let gate: MandatoryStep.Gate
        if consumeKeyword("close") {
            gate = .close
        } else if consumeKeyword("escalate") {
            try expectKeyword("to", after: "after `before escalate`")
            gate = .escalation(try expectName("a rank, a role or `sanctioner`", after: "after `before escalate to`"))
        } else {
            throw fail("expected `close` or `escalate to RANK` after `before`, found \(current.spelling)", help: usage)
        }
        try finishStatement("the mandatory step")
        return MandatoryStep(requirement: requirement, gate: gate, range: range(from: start))
    }
}
