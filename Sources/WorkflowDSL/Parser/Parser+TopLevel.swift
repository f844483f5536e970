extension Parser {
    mutating func parseFile() -> WorkflowFile {
        var file = WorkflowFile(source: source)
        while true {
            skipSeparators()
            if current.kind == .endOfFile { break }
            let before = position
            do {
                try parseTopLevelStatement(into: &file)
            } catch {
                recover()
            }
            if current.kind == .rightBrace {
                diagnostics.report(.syntax, "this `}` closes no block", at: current.range,
                                   help: "remove it, or add the `{` it was meant to close")
                advance()
            }
            if position == before { advance() }
        }
        return file
    }

    mutating func parseTopLevelStatement(into file: inout WorkflowFile) throws(StatementAbandoned) {
        guard current.kind == .identifier else {
            throw fail("expected a statement such as `ticket` or `ranks`, found \(current.spelling)")
        }
        let keyword = current
        switch keyword.text {
        case "workflow":
            advance()
            file.title = try expectString("the workflow's name", after: "after `workflow`")
            try finishStatement("the workflow's name")
        case "locales":
            advance()
            file.locales += try expectNameList("a language code such as `es`", after: "after `locales`")
            try finishStatement("the list of languages")
        case "ranks":
            advance()
            file.rankLadders.append(try parseRankLadder(start: keyword.range.start))
        case "role":
            advance()
            let name = try expectName("the role's name", after: "after `role`")
            let label = current.kind == .string ? decodeString(advance()) : nil
            try finishStatement("the role")
            file.roles.append(RoleDeclaration(name: name, label: label))
        case "channel":
            advance()
            let name = try expectName("the channel's name", after: "after `channel`")
            let label = current.kind == .string ? decodeString(advance()) : nil
            try finishStatement("the channel")
            file.channels.append(ChannelDeclaration(name: name, label: label))
        case "text":
            advance()
            file.texts.append(try parseText())
        case "form":
            advance()
            file.forms.append(try parseForm(start: keyword.range.start))
        case "limit":
            advance()
            file.userLimit = try parseLimit(start: keyword.range.start)
        case "defaults":
            advance()
            var body = file.defaults ?? TicketBody()
            try parseBlock("the `defaults` block") { (parser: inout Parser) throws(StatementAbandoned) in
                try parser.parseTicketStatement(into: &body, inDefaults: true)
            }
            file.defaults = body
            file.defaultsRanges.append(range(from: keyword.range.start))
        case "panel":
            advance()
            file.panels.append(try parsePanel(start: keyword.range.start))
        case "ticket":
            advance()
            file.tickets.append(try parseTicket(start: keyword.range.start))
        case "milestone":
            advance()
            file.milestones.append(try parseMilestone(start: keyword.range.start))
        case "sanctions":
            advance()
            try parseBlock("the `sanctions` block") { (parser: inout Parser) throws(StatementAbandoned) in
                file.offences.append(try parser.parseOffence())
            }
        case "message":
            advance()
            file.messages.append(try parseMessageDeclaration())
        case "reputation":
            advance()
            if file.reputation != nil {
                diagnostics.report(.duplicateName, "`reputation` is written twice", at: keyword.range,
                                   help: "put every limit and level in one `reputation` block")
            }
            file.reputation = try parseReputation(start: keyword.range.start)
        case "autorole":
            advance()
            file.autoroles.append(try parseAutorole(start: keyword.range.start))
        case "activity":
            advance()
            file.activities.append(try parseActivity(start: keyword.range.start))
        case "blocklist":
            advance()
            if file.blocklist != nil {
                diagnostics.report(.duplicateName, "`blocklist` is written twice", at: keyword.range,
                                   help: "name everyone who may block in one line: `blocklist by moderator, admin`")
            }
            try expectKeyword("by", after: "after `blocklist`")
            let actors = try expectNameList("a rank, a role or `staff`", after: "after `blocklist by`")
            let exact = consumeKeyword("only")
            try finishStatement("`blocklist`")
            file.blocklist = BlocklistDeclaration(actors: actors, exact: exact, range: range(from: keyword.range.start))
        case "webhook":
            advance()
            let url = try expectString("the address to post to, such as `\"https://example.org/escala\"`", after: "after `webhook`")
            var events: [Name] = []
            if consumeKeyword("on") {
                events = try expectNameList("a ticket event such as `opened`", after: "after `webhook … on`")
            }
            try finishStatement("the webhook")
            if !Webhook.acceptsAddress(url.value) {
                diagnostics.report(.invalidValue, "`\(url.value)` is not an address Escala posts to", at: url.range,
                                   help: "write an https:// address; http:// is taken only for this machine (`127.0.0.1`, `localhost`)")
            }
            let known = LifecycleEvent.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            for event in events where LifecycleEvent(rawValue: event.text) == nil {
                diagnostics.report(.invalidValue, "`\(event.text)` is not a ticket event a webhook is sent for", at: event.range,
                                   help: "the events are \(known)")
            }
            file.webhooks.append(WebhookDeclaration(url: url, events: events, range: range(from: keyword.range.start)))
        case "priority":
            advance()
            let name = try expectName("the priority's name, such as `alta`", after: "after `priority`")
            let mark = current.kind == .string ? decodeString(advance()) : nil
            try finishStatement("the priority")
            if file.priorities.contains(where: { $0.name.text == name.text }) {
                diagnostics.report(.duplicateName, "the priority `\(name.text)` is written twice", at: name.range,
                                   help: "write each priority once, the most urgent first")
            }
            file.priorities.append(PriorityDeclaration(name: name, mark: mark, range: range(from: keyword.range.start)))
        default:
            if let help = Keywords.writtenOtherwise[keyword.text] {
                advance()
                diagnostics.report(.writtenOtherwise, "`\(keyword.text)` is not a block of the language",
                                   at: keyword.range, help: help)
                throw StatementAbandoned()
            }
            throw unknownStatement(keyword, expected: Keywords.topLevel, in: "at the top level")
        }
    }

    /// The diagnostic for a word that does not start a statement here.
    mutating func unknownStatement(_ token: Token, expected: [String], in place: String) -> StatementAbandoned {
        if let home = Keywords.home(of: token.text), !expected.contains(token.text) {
            return fail("`\(token.text)` cannot be written \(place)", code: .misplacedStatement,
                        at: token.range, help: "`\(token.text)` belongs \(home)")
        }
        let help = Suggestions.keywordHelp(for: token.text, among: expected)
        return fail("unknown statement `\(token.text)` \(place)", at: token.range,
                    help: help ?? "statements here are: " + expected.map { "`\($0)`" }.joined(separator: ", "),
                    fix: Suggestions.keywordFix(for: token.text, among: expected))
    }

    /// `ranks cm "CM" < trainee "Trainee" < …`: each rank may carry the
    /// name people call it by; a long ladder may go on to the next line
    /// after a `<`.
    mutating func parseRankLadder(start: Int) throws(StatementAbandoned) -> RankLadder {
        var labels: [String: StringLiteral] = [:]
        var ranks: [Name] = []
        func label(of rank: Name, _ parser: inout Parser) {
            if parser.current.kind == .string { labels[rank.text] = parser.decodeString(parser.advance()) }
        }
        ranks.append(try expectName("a rank name", after: "after `ranks`"))
        label(of: ranks[0], &self)
        while true {
            // A long ladder may break before or after a `<`.
            var next = position
            while tokens[next].kind == .newline { next += 1 }
            if next > position, tokens[next].kind == .less {
                while current.kind == .newline { advance() }
            }
            if consume(.less) {
                while current.kind == .newline { advance() }
                ranks.append(try expectName("a rank name", after: "after `<`"))
                label(of: ranks[ranks.count - 1], &self)
            } else if current.kind == .greater {
                throw fail("ranks are listed from lowest to highest with `<`",
                           help: "write the ladder as `ranks cm < trainee < moderator`")
            } else {
                break
            }
        }
        try finishStatement("the rank ladder")
        return RankLadder(ranks: ranks, labels: labels, range: range(from: start))
    }

    mutating func parseText() throws(StatementAbandoned) -> TextDeclaration {
        let name = try expectName("the text's name", after: "after `text`")
        if current.kind == .string {
            let text = decodeString(advance())
            try finishStatement("the text")
            return TextDeclaration(name: name, translations: [.init(locale: nil, text: text)])
        }
        var translations: [TextDeclaration.Translation] = []
        try parseBlock("the text `\(name.text)`") { (parser: inout Parser) throws(StatementAbandoned) in
            let locale = try parser.expectName("a language code such as `es`", after: "in a text block")
            let text = try parser.expectString("the text in `\(locale.text)`", after: "after the language code")
            try parser.finishStatement("the translation")
            translations.append(.init(locale: locale, text: text))
        }
        return TextDeclaration(name: name, translations: translations)
    }

    mutating func parseForm(start: Int) throws(StatementAbandoned) -> FormDeclaration {
        let name = try expectName("the form's name", after: "after `form`")
        let title = try expectString("the form's title", after: "after the form's name")
        var questions: [QuestionDeclaration] = []
        try parseBlock("the form `\(name.text)`") { (parser: inout Parser) throws(StatementAbandoned) in
            guard parser.isKeyword("question") else {
                throw parser.unknownStatement(parser.current, expected: ["question"], in: "inside a form")
            }
            questions.append(try parser.parseQuestion())
        }
        return FormDeclaration(name: name, title: title, questions: questions, range: range(from: start))
    }

    /// `question NAME "Label" [long] [optional] [placeholder "..."] [choice NAME "Label", …]`.
    mutating func parseQuestion() throws(StatementAbandoned) -> QuestionDeclaration {
        let start = advance().range.start
        let name = try expectName("the question's name", after: "after `question`")
        let label = try expectString("the question", after: "after its name")
        var isLong = false, isOptional = false
        var placeholder: StringLiteral?
        var choices: [QuestionDeclaration.Choice] = []
        while !atStatementEnd {
            if consumeKeyword("long") { isLong = true }
            else if consumeKeyword("optional") { isOptional = true }
            else if consumeKeyword("placeholder") {
                placeholder = try expectString("the placeholder", after: "after `placeholder`")
            } else if consumeKeyword("choice") {
                repeat {
                    let choice = try expectName("the choice's name", after: "after `choice`")
                    choices.append(.init(name: choice, label: try expectString("the choice's label", after: "after its name")))
                } while consume(.comma)
            } else {
                throw fail("unexpected \(current.spelling) in a question",
                           help: "a question may end with `long`, `optional`, `placeholder \"...\"` or `choice si \"Sí\", no \"No\"`")
            }
        }
        if isLong, let first = choices.first {
            diagnostics.report(.syntax, "a question with choices is a menu, never `long`", at: first.name.range,
                               help: "remove `long`, or the choices to let the member write")
        }
        return QuestionDeclaration(name: name, label: label, isLong: isLong, isOptional: isOptional,
                                   placeholder: placeholder, choices: choices, range: range(from: start))
    }

    /// `limit 2 per user`.
    mutating func parseLimit(start: Int) throws(StatementAbandoned) -> LimitSetting {
        let (count, numberRange) = try expectNumber("the number of open tickets", after: "after `limit`")
        try expectKeyword("per", after: "after the number")
        try expectKeyword("user", after: "after `per`")
        try finishStatement("the limit")
        if count < 1 {
            diagnostics.report(.invalidValue, "a limit of 0 would stop everyone from opening tickets",
                               at: numberRange, help: "use 1 or more, or remove the limit")
        }
        return LimitSetting(count: count, range: range(from: start))
    }

    /// `milestone 70 tickets handled: notify chat_staff premio pinging owner`.
    mutating func parseMilestone(start: Int) throws(StatementAbandoned) -> MilestoneDeclaration {
        let (count, countRange) = try expectNumber("the number of tickets", after: "after `milestone`")
        try expectKeyword("tickets", after: "after the number")
        try expectKeyword("handled", after: "after `tickets`")
        try expect(.colon, "`:`", after: "before the notice")
        guard isKeyword("notify") else {
            throw fail("a milestone can only `notify` a staff channel, found \(current.spelling)",
                       help: "write `milestone \(count) tickets handled: notify CHANNEL TEXT pinging RANK`")
        }
        let notice = try parseAction()
        try finishStatement("the milestone")
        if count < 1 {
            diagnostics.report(.invalidValue, "a milestone of 0 tickets is reached before anyone handles one",
                               at: countRange, help: "use 1 or more")
        }
        return MilestoneDeclaration(count: count, countRange: countRange, notice: notice, range: range(from: start))
    }

    mutating func parsePanel(start: Int) throws(StatementAbandoned) -> PanelDeclaration {
        let name = try expectName("the panel's name", after: "after `panel`")
        let title = try expectString("the panel's title", after: "after its name")
        try expectKeyword("in", after: "after the panel's title (the channel it is posted in)")
        let channel = try expectName("a channel name", after: "after `in`")
        var panel = PanelDeclaration(name: name, title: title, channel: channel, range: range(from: start))
        try parseBlock("the panel `\(name.text)`") { (parser: inout Parser) throws(StatementAbandoned) in
            let word = parser.current
            if parser.consumeKeyword("message") {
                panel.message = try parser.expectTextReference(after: "after `message`")
            } else if parser.consumeKeyword("menu") {
                panel.usesMenu = true
            } else if parser.consumeKeyword("buttons") {
                panel.usesMenu = false
            } else if parser.consumeKeyword("opens") {
                panel.categories += try parser.expectNameList("a ticket category", after: "after `opens`")
            } else {
                throw parser.unknownStatement(word, expected: Keywords.panelBody, in: "inside a panel")
            }
            try parser.finishStatement("`\(word.text)`")
        }
        return panel
    }

    mutating func parseOffence() throws(StatementAbandoned) -> OffenceDeclaration {
        let start = current.range.start
        guard consumeKeyword("offence") else {
            throw unknownStatement(current, expected: ["offence"], in: "inside `sanctions`")
        }
        let name = try expectName("the offence's name", after: "after `offence`")
        let label = try expectString("the offence's description", after: "after its name")
        var offence = OffenceDeclaration(name: name, label: label, range: range(from: start))
        try parseBlock("the offence `\(name.text)`") { (parser: inout Parser) throws(StatementAbandoned) in
            let word = parser.current
            if parser.consumeKeyword("sanction") {
                offence.sanction = try parser.expectString("the sanction", after: "after `sanction`")
            } else if parser.consumeKeyword("applied") {
                try parser.expectKeyword("by", after: "after `applied`")
                offence.appliedBy = try parser.expectNameList("a rank", after: "after `applied by`")
            } else if parser.consumeKeyword("evidence") {
                try parser.expectKeyword("required", after: "after `evidence`")
                offence.evidenceRequired = true
            } else if parser.consumeKeyword("warning") {
                try parser.expectKeyword("required", after: "after `warning`")
                offence.warningRequired = true
            } else if parser.consumeKeyword("blocks") {
                try parser.expectKeyword("tickets", after: "after `blocks`")
                try parser.expectKeyword("for", after: "after `blocks tickets`")
                offence.blocksTicketsFor = try parser.expectDuration(after: "after `blocks tickets for`")
            } else {
                throw parser.unknownStatement(word, expected: Keywords.offenceBody, in: "inside an offence")
            }
            try parser.finishStatement("`\(word.text)`")
        }
        return offence
    }
}
