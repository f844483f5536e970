/// The statements of community operations: reaction messages, reputation,
/// automatic roles and activity boards.
extension Parser {
    /// `message NAME ["description"]`.
    mutating func parseMessageDeclaration() throws(StatementAbandoned) -> MessageDeclaration {
        let name = try expectName("the message's name", after: "after `message`")
        let label = current.kind == .string ? decodeString(advance()) : nil
        try finishStatement("the message")
        return MessageDeclaration(name: name, label: label)
    }

    /// `reputation { limit 1 per member per 1d; level conocido 10 }`.
    mutating func parseReputation(start: Int) throws(StatementAbandoned) -> ReputationDeclaration {
        var reputation = ReputationDeclaration(range: range(from: start))
        try parseBlock("the `reputation` block") { (parser: inout Parser) throws(StatementAbandoned) in
            let word = parser.current
            let statementStart = word.range.start
            if parser.consumeKeyword("limit") {
                let (count, countRange) = try parser.expectNumber("how many points", after: "after `limit`")
                try parser.expectKeyword("per", after: "after the number")
                let perMember = parser.consumeKeyword("member")
                if perMember { try parser.expectKeyword("per", after: "after `per member`") }
                let period = try parser.expectDuration(after: "after `per`")
                if count < 1 {
                    parser.diagnostics.report(.invalidValue, "a limit of 0 would stop everyone from giving reputation",
                                              at: countRange, help: "use 1 or more, or remove the limit")
                }
                reputation.limits.append(.init(count: count, perMember: perMember, period: period,
                                               range: parser.range(from: statementStart)))
            } else if parser.consumeKeyword("level") {
                let name = try parser.expectName("the level's name", after: "after `level`")
                let (threshold, _) = try parser.expectNumber("the points it takes", after: "after the level's name")
                reputation.levels.append(.init(name: name, threshold: threshold, range: parser.range(from: statementStart)))
            } else {
                throw parser.unknownStatement(word, expected: Keywords.reputationBody, in: "inside `reputation`")
            }
            try parser.finishStatement("`\(word.text)`")
        }
        return reputation
    }

    /// `autorole NAME: grant ROLE after 30d in server | at reputation LEVEL |
    /// on reaction "🎉" to MESSAGE [for 7d]`.
    mutating func parseAutorole(start: Int) throws(StatementAbandoned) -> AutoroleDeclaration {
        let name = try expectName("the rule's name", after: "after `autorole`")
        try expect(.colon, "`:`", after: "after the rule's name")
        try expectKeyword("grant", after: "after `:`")
        let role = try expectName("the role to grant", after: "after `grant`")
        let trigger: AutoroleDeclaration.Trigger
        if consumeKeyword("after") {
            let seniority = try expectDuration(after: "after `after`")
            try expectKeyword("in", after: "after the time (`after 30d in server`)")
            try expectKeyword("server", after: "after `in`")
            trigger = .seniority(seniority)
        } else if consumeKeyword("at") {
            try expectKeyword("reputation", after: "after `at`")
            trigger = .reputation(try expectName("a level of `reputation`", after: "after `at reputation`"))
        } else if consumeKeyword("on") {
            try expectKeyword("reaction", after: "after `on`")
            let emoji = try expectString("the emoji", after: "after `on reaction`")
            try expectKeyword("to", after: "after the emoji")
            trigger = .reaction(emoji: emoji, message: try expectName("a declared `message`", after: "after `to`"))
        } else {
            throw fail("expected when to grant the role, found \(current.spelling)",
                       help: "write `after 30d in server`, `at reputation LEVEL` or `on reaction \"🎉\" to MESSAGE`")
        }
        var duration: Duration?
        if consumeKeyword("for") { duration = try expectDuration(after: "after `for`") }
        try finishStatement("the autorole")
        return AutoroleDeclaration(name: name, role: role, trigger: trigger, duration: duration, range: range(from: start))
    }

    /// `activity NAME { count …; every week from mon 00:00 in "Zone"; top 10 in CHANNEL; title T; image "URL" }`.
    mutating func parseActivity(start: Int) throws(StatementAbandoned) -> ActivityDeclaration {
        let name = try expectName("the board's name", after: "after `activity`")
        var activity = ActivityDeclaration(name: name, range: range(from: start))
        try parseBlock("the activity `\(name.text)`") { (parser: inout Parser) throws(StatementAbandoned) in
            let word = parser.current
            let statementStart = word.range.start
            if parser.consumeKeyword("count") {
                for counter in try parser.expectNameList("what to count", after: "after `count`") {
                    guard let kind = ActivityDeclaration.Counter(rawValue: counter.text) else {
                        throw parser.fail("`\(counter.text)` cannot be counted", code: .invalidValue, at: counter.range,
                                          help: "count `messages`, `reactions` or `reputation`")
                    }
                    activity.counters.append(kind)
                }
                activity.countersRange = parser.range(from: statementStart)
            } else if parser.consumeKeyword("every") {
                let period = try parser.expectName("`day`, `week` or `month`", after: "after `every`")
                guard let kind = ActivityDeclaration.Period(rawValue: period.text) else {
                    throw parser.fail("`\(period.text)` is not a period", code: .invalidValue, at: period.range,
                                      help: "write `every day`, `every week` or `every month`")
                }
                activity.period = kind
                if parser.consumeKeyword("from") {
                    if kind == .week {
                        let day = try parser.expectName("a day such as `mon`", after: "after `from`")
                        guard let index = Parser.dayNames.firstIndex(of: String(day.text.lowercased().prefix(3))) else {
                            throw parser.fail("`\(day.text)` is not a day", code: .invalidValue, at: day.range,
                                              help: "write mon, tue, wed, thu, fri, sat or sun")
                        }
                        activity.startDay = index
                    } else if kind == .month {
                        let (day, dayRange) = try parser.expectNumber("the day of the month", after: "after `from`")
                        guard (1...28).contains(day) else {
                            throw parser.fail("a month window starts on day 1 to 28", code: .invalidValue, at: dayRange,
                                              help: "every month has those days; 29 to 31 would skip February")
                        }
                        activity.startDay = day
                    }
                    activity.startMinutes = try parser.expectTime().minutes
                }
                try parser.expectKeyword("in", after: "after the period (the time zone)")
                activity.timeZone = try parser.expectString("a time zone such as \"Europe/Madrid\"", after: "after `in`")
            } else if parser.consumeKeyword("top") {
                let (size, sizeRange) = try parser.expectNumber("how many members the TOP shows", after: "after `top`")
                guard (1...25).contains(size) else {
                    throw parser.fail("a TOP shows 1 to 25 members", code: .invalidValue, at: sizeRange,
                                      help: "an embed holds at most 25 fields")
                }
                activity.topSize = size
                try parser.expectKeyword("in", after: "after the number (the channel it is posted in)")
                activity.channel = try parser.expectName("a channel", after: "after `in`")
            } else if parser.consumeKeyword("title") {
                activity.title = try parser.expectTextReference(after: "after `title`")
            } else if parser.consumeKeyword("image") {
                activity.image = try parser.expectString("the image's address", after: "after `image`")
            } else {
                throw parser.unknownStatement(word, expected: Keywords.activityBody, in: "inside `activity`")
            }
            try parser.finishStatement("`\(word.text)`")
        }
        if activity.period == nil {
            diagnostics.report(.invalidValue, "the activity `\(name.text)` has no window",
                               at: name.range, help: "add `every week from mon 00:00 in \"Europe/Madrid\"`")
        }
        if activity.channel == nil {
            diagnostics.report(.invalidValue, "the activity `\(name.text)` has nowhere to post its TOP",
                               at: name.range, help: "add `top 10 in CHANNEL`")
        }
        if activity.counters.isEmpty { activity.counters = ActivityDeclaration.Counter.allCases }
        return activity
    }
}
