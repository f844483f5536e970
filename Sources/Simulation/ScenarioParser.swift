import Engine
import WorkflowDSL

/// A mistake in a scenario file, where it is and what to write instead.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let message: String

    public var description: String { "\(path):\(line): error: \(message)" }
}

/// Reads scenario files. Every line is one statement; a bad line is
/// reported and the rest of the file is still read, so one run shows every
/// mistake.
public enum ScenarioParser {
    public static func parse(_ text: String, path: String) -> (Scenario, [ScenarioError]) {
        var people: [Scenario.Character] = []
        var steps: [Scenario.Step] = []
        var errors: [ScenarioError] = []
        var openRepeat: (count: Int, line: Int, firstStep: Int)?
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            let tokens: [Token]
            do {
                tokens = try tokenize(String(rawLine))
            } catch {
                errors.append(ScenarioError(path: path, line: line, message: error.message))
                continue
            }
            guard !tokens.isEmpty else { continue }
            do {
                switch tokens[0] {
                case .word("repeat"):
                    guard openRepeat == nil else { throw LineError("a `repeat` cannot hold another: close the first with `end`") }
                    guard tokens.count == 2, case .word(let word) = tokens[1], let count = Int(word), count >= 1 else {
                        throw LineError("write `repeat N` (N at least 1), the lines to repeat, then `end`")
                    }
                    openRepeat = (count, line, steps.count)
                case .word("end") where tokens.count == 1:
                    guard let block = openRepeat else { throw LineError("`end` closes no `repeat`") }
                    let body = Array(steps[block.firstStep...])
                    steps.removeSubrange(block.firstStep...)
                    for iteration in 1...block.count {
                        steps += body.map { var step = $0; step.iteration = iteration; return step }
                    }
                    openRepeat = nil
                case .word("member"), .word("staff"):
                    guard tokens.count >= 2, case .word(let name) = tokens[1] else {
                        throw LineError("write `member NAME` or `staff NAME RANK`")
                    }
                    var titles = tokens.dropFirst(2).compactMap { if case .word(let word) = $0 { word } else { nil } }
                    var locale: String?
                    if let speaks = titles.firstIndex(of: "speaks") {
                        guard speaks + 1 < titles.count else {
                            throw LineError("write the language after `speaks`, e.g. `member \(name) speaks en`")
                        }
                        locale = titles[speaks + 1]
                        titles.removeSubrange(speaks...(speaks + 1))
                    }
                    if tokens[0] == .word("staff") && titles.isEmpty {
                        throw LineError("staff \(name) needs a rank or role, e.g. `staff \(name) moderator`")
                    }
                    if people.contains(where: { $0.name == name }) { throw LineError("\(name) is declared twice") }
                    people.append(Scenario.Character(name: name, titles: titles, locale: locale, line: line))
                default:
                    steps.append(Scenario.Step(line: line, action: try statement(tokens, people: people)))
                }
            } catch let error as LineError {
                errors.append(ScenarioError(path: path, line: line, message: error.message))
            } catch {
                errors.append(ScenarioError(path: path, line: line, message: String(describing: error)))
            }
        }
        if let block = openRepeat {
            errors.append(ScenarioError(path: path, line: block.line, message: "this `repeat` is never closed: add `end` after the lines to repeat"))
        }
        if steps.isEmpty && errors.isEmpty {
            errors.append(ScenarioError(path: path, line: 1, message: "the scenario does nothing: add a line such as `ana opens soporte`"))
        }
        return (Scenario(path: path, people: people, steps: steps), errors)
    }

    // MARK: Statements

    private static func statement(_ tokens: [Token], people: [Scenario.Character]) throws -> Scenario.Action {
        switch tokens[0] {
        case .word("wait"):
            let spelling = tokens.dropFirst().compactMap { if case .word(let word) = $0 { word } else { nil } }.joined()
            guard let seconds = DurationSyntax.seconds(spelling), seconds > 0 else {
                throw LineError("`wait` needs a duration such as `wait 15m` or `wait 2h 30m`")
            }
            return .wait(seconds: seconds)
        case .word("ticket"):
            guard tokens.count == 2, case .word(let spelling) = tokens[1], let number = Int(spelling.trimmingPrefix("#")) else {
                throw LineError("write `ticket 2` to act on ticket #2")
            }
            return .switchTicket(number: number)
        case .word("channel"):
            guard tokens.count == 2, tokens[1] == .word("deleted") || tokens[1] == .word("refused") else {
                throw LineError("did you mean `channel deleted` (by hand) or `channel refused` (Discord had no room for it)?")
            }
            return tokens[1] == .word("deleted") ? .deleteChannel : .refuseChannel
        case .word("places"):
            // Discord's side of a category: its Discord categories hold 50
            // channels each, and these are taken.
            let words = tokens.map { if case .word(let word) = $0 { word } else { "" } }
            guard words.count == 5, words[1] == "of", !words[2].isEmpty, words[3] == "are", ["full", "free"].contains(words[4]) else {
                throw LineError("write `places of CATEGORY are full` (its Discord categories hold 50 channels each) or `places of CATEGORY are free`")
            }
            return .placesFull(category: words[2], full: words[4] == "full")
        case .word("server"):
            // Discord's side of the whole server: 500 channels, categories
            // included, and no more.
            let words = tokens.map { if case .word(let word) = $0 { word } else { "" } }
            switch words.dropFirst().joined(separator: " ") {
            case "is full": return .serverFull(true)
            case "has room": return .serverFull(false)
            default: throw LineError("write `server is full` (Discord's 500 channels are taken) or `server has room`")
            }
        case .word("expect"):
            return .expect(try expectation(Array(tokens.dropFirst())))
        case .word("restart"):
            guard tokens.count > 1 else { return .restart(downFor: 0) }
            let spelling = tokens.dropFirst(2).compactMap { if case .word(let word) = $0 { word } else { nil } }.joined()
            guard tokens[1] == .word("after"), let seconds = DurationSyntax.seconds(spelling), seconds > 0 else {
                throw LineError("write `restart`, or `restart after 2d` for a bot that stays down that long")
            }
            return .restart(downFor: seconds)
        case .word(let name):
            guard people.contains(where: { $0.name == name }) else {
                let known = people.map(\.name).joined(separator: ", ")
                throw LineError("`\(name)` is not declared: add `member \(name)` or `staff \(name) RANK` above"
                                + (known.isEmpty ? "" : " (declared: \(known))"))
            }
            return try action(by: name, Array(tokens.dropFirst()))
        default:
            throw LineError("a line starts with a name, `wait`, `ticket`, `channel deleted` or `expect`")
        }
    }

    private static func action(by person: String, _ tokens: [Token]) throws -> Scenario.Action {
        guard case .word(let verb)? = tokens.first else { throw LineError("what does \(person) do? e.g. `\(person) says \"hola\"`") }
        let rest = Array(tokens.dropFirst())
        switch verb {
        case "opens":
            guard case .word(let category)? = rest.first else { throw LineError("`opens` needs a category: `\(person) opens soporte`") }
            if rest.count == 3, rest[1] == .word("for"), case .word(let member) = rest[2] {
                return .openFor(person: person, member: member, category: category)
            }
            return .open(person: person, category: category, answers: try pairs(after: rest.dropFirst()))
        case "reports":
            guard rest.count >= 2, case .word(let author) = rest[0], case .string(let text) = rest[1] else {
                throw LineError("write `\(person) reports NAME \"their message\"` (a message of NAME's, reported from its menu)")
            }
            return .report(person: person, author: author, text: text, answers: try pairs(after: rest.dropFirst(2)))
        case "says":
            guard case .string(let text)? = rest.first else { throw LineError("put the message in quotes: `\(person) says \"hola\"`") }
            var attachments: [String] = []
            if rest.count > 1 {
                guard rest[1] == .word("with"), rest.count > 2, rest[2] == .word("attachment") || rest[2] == .word("attachments") else {
                    throw LineError("after the message, only `with attachment \"URL\"` may follow")
                }
                attachments = rest.dropFirst(3).compactMap { if case .string(let url) = $0 { url } else { nil } }
                if attachments.isEmpty { throw LineError("`with attachment` needs a quoted URL") }
            }
            return .say(person: person, text: text, attachments: attachments)
        case "presses":
            guard rest.count == 1, case .word(let button) = rest[0] else { throw LineError("`presses` needs one button name") }
            return .press(person: person, button: button)
        case "runs":
            guard rest.count == 1, case .word(let command) = rest[0] else { throw LineError("`runs` needs one command name") }
            let name = String(command.trimmingPrefix("/"))
            // As on Discord, `/help` is Escala's own, answered anywhere.
            switch name {
            case "help": return .help(person: person)
            case "tickets": return .tickets(person: person)
            default: return .run(person: person, command: name)
            }
        case "blocks":
            // `pepe`, then `for 7d` if timed, then the reason in quotes.
            guard case .word(let member)? = rest.first, case .string(let reason)? = rest.last else {
                throw LineError("write `\(person) blocks NAME [for 7d] \"reason\"`")
            }
            var duration: String?
            if rest.count == 4, rest[1] == .word("for"), case .word(let span) = rest[2] { duration = span }
            else if rest.count != 2 { throw LineError("write `\(person) blocks NAME [for 7d] \"reason\"`") }
            return .block(person: person, member: member, duration: duration, reason: reason)
        case "closes":
            let usage = "write `\(person) closes inactive CATEGORY after 7d [\"reason\"]`"
            guard rest.count == 4 || rest.count == 5, rest[0] == .word("inactive"), case .word(let category) = rest[1], rest[2] == .word("after"),
                  case .word(let idle) = rest[3] else { throw LineError(usage) }
            var reason: String?
            if rest.count == 5 { guard case .string(let text) = rest[4] else { throw LineError(usage) }; reason = text }
            return .closeInactive(person: person, category: category, idleFor: idle, reason: reason)
        case "unblocks":
            guard rest.count == 1, case .word(let member) = rest[0] else { throw LineError("write `\(person) unblocks NAME`") }
            return .unblock(person: person, member: member)
        case "submits":
            guard case .word(let form)? = rest.first else { throw LineError("`submits` needs a form name") }
            return .submit(person: person, form: form, answers: try pairs(after: rest.dropFirst()))
        case "chooses":
            let words = rest.map { if case .word(let word) = $0 { word } else { "" } }
            let usage = "write `\(person) chooses sanction OFFENCE for MEMBER [warned]` to apply one, and in an appeal "
                + "`\(person) chooses appealed sanction OFFENCE` (one the member was given through Escala) or "
                + "`\(person) chooses outside sanction OFFENCE applied by NAME`"
            let kind = words.first ?? ""
            if kind == "sanction", words.count >= 4, words[2] == "for", !words[1].isEmpty, !words[3].isEmpty {
                guard words.count == 4 || (words.count == 5 && words[4] == "warned") else {
                    throw LineError("after the member, only `warned` may follow (the staff member ticks that the member was warned)")
                }
                return .applySanction(person: person, offence: words[1], member: words[3], warned: words.count == 5)
            }
            if kind == "sanction", words.count == 5, words[2] == "applied" {
                // Discord's sanction form has no "applied by": whoever
                // applies it is the applier, and an appeal reads the ledger.
                throw LineError("Discord cannot record someone else as the applier of a sanction: " + usage)
            }
            if kind == "appealed", words.count == 3, words[1] == "sanction", !words[2].isEmpty {
                return .chooseAppealedSanction(person: person, offence: words[2], outsideAppliedBy: nil)
            }
            if kind == "outside", words.count == 6, words[1] == "sanction", words[3] == "applied", words[4] == "by", !words[5].isEmpty {
                return .chooseAppealedSanction(person: person, offence: words[2], outsideAppliedBy: words[5])
            }
            throw LineError(usage)
        case "transfers":
            guard rest.count == 2, rest[0] == .word("to"), case .word(let receiver) = rest[1] else {
                throw LineError("write `\(person) transfers to NAME`")
            }
            return .tool(.transfer, person: person, target: receiver)
        case "moves":
            guard rest.count == 2, rest[0] == .word("to"), case .word(let category) = rest[1] else {
                throw LineError("write `\(person) moves to CATEGORY`")
            }
            return .tool(.move, person: person, target: category)
        case "replies":
            guard rest.count == 1, case .word(let reply) = rest[0] else { throw LineError("write `\(person) replies NAME` (a `reply` of the ticket)") }
            return .tool(.reply, person: person, target: reply)
        case "sets":
            // `/priority LEVEL`; `/topic`, whose form follows as
            // `NAME submits topic topic="…"`, as Discord shows it.
            if rest.count == 2, rest[0] == .word("priority"), case .word(let level) = rest[1] {
                return .tool(.priority, person: person, target: level)
            }
            if rest == [.word("topic")] { return .tool(.topic, person: person, target: "") }
            throw LineError("write `\(person) sets priority LEVEL` (a `priority` of the workflow) or `\(person) sets topic`, then `\(person) submits topic with topic=\"…\"`")
        case "adds", "removes":
            guard rest.count == 1, case .word(let target) = rest[0] else { throw LineError("write `\(person) \(verb) NAME`") }
            return .tool(verb == "adds" ? .add : .remove, person: person, target: target)
        case "leaves":
            return .leave(person: person)
        case "joins":
            guard rest.isEmpty else { throw LineError("`\(person) joins` takes nothing after it; for the past write `\(person) joined 40d ago`") }
            return .join(person: person, secondsAgo: 0)
        case "joined":
            let spelling = rest.compactMap { if case .word(let word) = $0, word != "ago" { word } else { nil } }.joined()
            guard rest.last == .word("ago"), let seconds = DurationSyntax.seconds(spelling) else {
                throw LineError("write `\(person) joined 40d ago`")
            }
            return .join(person: person, secondsAgo: seconds)
        case "gives":
            guard rest.count == 3, rest[0] == .word("rep"), rest[1] == .word("to"), case .word(let receiver) = rest[2] else {
                throw LineError("write `\(person) gives rep to NAME`")
            }
            return .giveReputation(person: person, to: receiver)
        case "reacts", "unreacts":
            guard rest.count == 3, case .string(let emoji) = rest[0], rest[1] == .word("to"), case .word(let message) = rest[2] else {
                throw LineError("write `\(person) \(verb) \"🎉\" to MESSAGE`")
            }
            return .react(person: person, emoji: emoji, message: message, added: verb == "reacts")
        case "chats":
            let count = rest.isEmpty ? 1 : rest.count == 1 ? (rest.first.flatMap { if case .word(let word) = $0 { Int(word) } else { nil } }) : nil
            guard let count, count >= 1 else { throw LineError("write `\(person) chats` or `\(person) chats 20` (messages outside tickets)") }
            return .chat(person: person, count: count)
        default:
            throw LineError("`\(verb)` is not an action: use opens, reports, says, presses, blocks, unblocks, closes inactive, runs, submits, chooses sanction, transfers to, moves to, sets priority, sets topic, adds, removes, replies, leaves, joins, joined, gives rep, reacts, unreacts or chats")
        }
    }

    /// `with motivo="robo", prueba="link"`.
    private static func pairs(after tokens: ArraySlice<Token>) throws -> [(String, String)] {
        guard let first = tokens.first else { return [] }
        guard first == .word("with") else { throw LineError("answers follow `with`, as in `with motivo=\"robo\"`") }
        return try tokens.dropFirst().map { token in
            guard case .pair(let key, let value) = token else { throw LineError("answers are written name=\"value\"") }
            return (key, value)
        }
    }

    private static func expectation(_ tokens: [Token]) throws -> Scenario.Expectation {
        func word(_ index: Int) -> String? {
            guard index < tokens.count, case .word(let word) = tokens[index] else { return nil }
            return word
        }
        func string(_ index: Int) -> String? {
            guard index < tokens.count, case .string(let text) = tokens[index] else { return nil }
            return text
        }
        let usage = LineError("unknown expectation; see docs/scenarios.md for the list (state, handler, channel, sent, deleted, refused, closed…)")
        // A line says one thing: words left over are a mistake to show,
        // not to ignore (`expect mentioned admin manager` checks nothing
        // about the manager).
        func exactly(_ count: ClosedRange<Int>, _ expectation: Scenario.Expectation) throws -> Scenario.Expectation {
            guard tokens.count <= count.upperBound else {
                let extra = tokens[count.upperBound...].map { token -> String in
                    switch token {
                    case .word(let word): word
                    case .string(let text): "\"\(text)\""
                    case .pair(let key, let value): "\(key)=\"\(value)\""
                    }
                }
                throw LineError("unexpected `\(extra.joined(separator: " "))` at the end: an `expect` line checks one thing; write another `expect` line for the rest")
            }
            return expectation
        }
        func exactly(_ count: Int, _ expectation: Scenario.Expectation) throws -> Scenario.Expectation {
            try exactly(count...count, expectation)
        }
        switch (word(0), word(1)) {
        case ("state", let name?): return try exactly(2, .state(name))
        case ("handler", let name?): return try exactly(2, .handler(name))
        case ("no", "handler"): return try exactly(2, .handler(nil))
        case ("channel", _): guard let name = string(1) ?? word(1) else { throw usage }; return try exactly(2, .channel(name))
        case ("sent", _): guard let text = string(1) else { throw LineError("`expect sent \"TEXT\"`") }; return try exactly(2, .sent(text, negated: false))
        case ("not", "sent"): guard let text = string(2) else { throw LineError("`expect not sent \"TEXT\"`") }; return try exactly(3, .sent(text, negated: true))
        case ("not", "deleted"): return try exactly(2, .deleted(negated: true))
        case ("deleted", _): return try exactly(1, .deleted(negated: false))
        case ("buttons", _):
            let names = tokens.dropFirst().compactMap { if case .word(let word) = $0 { word } else { nil } }
            return try exactly(1 + names.count, .buttons(names))
        case ("refused", _): return try exactly(1...2, .refused(string(1), negated: false))
        case ("not", "refused"): return try exactly(2, .refused(nil, negated: true))
        case ("mentioned", let name?): return try exactly(2, .mentioned(name, negated: false))
        case ("not", "mentioned"):
            guard let name = word(2) else { throw LineError("write `expect not mentioned RANK` (or a person's name)") }
            return try exactly(3, .mentioned(name, negated: true))
        case ("visible", "to"): guard let rank = word(2) else { throw usage }; return try exactly(3, .visibleTo(rank, negated: false))
        case ("not", "visible"):
            guard word(2) == "to", let rank = word(3) else { throw LineError("write `expect not visible to RANK` (or a person's name)") }
            return try exactly(4, .visibleTo(rank, negated: true))
        case ("notified", let channel?): return try exactly(2...3, .notified(channel: channel, text: string(2), negated: false))
        case ("not", "notified"):
            guard let channel = word(2) else { throw LineError("write `expect not notified CHANNEL [\"TEXT\"]`") }
            return try exactly(3...4, .notified(channel: channel, text: string(3), negated: true))
        case ("closed", _): return try exactly(1...2, .closed(reason: string(1)))
        case ("open", "tickets"): guard let count = word(2).flatMap(Int.init) else { throw usage }; return try exactly(3, .openTickets(count))
        case ("open", nil): return try exactly(1, .open)
        case ("flag", let flag?): return try exactly(2, .flag(flag, negated: false))
        case ("no", "flag"): guard let flag = word(2) else { throw usage }; return try exactly(3, .flag(flag, negated: true))
        case ("form", let form?): return try exactly(2, .form(form))
        case ("granted", let role?): return try exactly(2, .granted(role))
        case ("revoked", let role?): return try exactly(2, .revoked(role))
        case ("transcript", _): return try exactly(1, .transcript)
        case ("sanctions", "shown"): return try exactly(2, .sanctionsShown)
        case ("sanctioned", _), ("not", "sanctioned"):
            let negated = word(0) == "not"
            let at = negated ? 2 : 1
            guard let member = word(at), let offence = word(at + 1), word(at + 2) == "by", let staff = word(at + 3) else {
                throw LineError("write `expect sanctioned MEMBER OFFENCE by NAME` (the ledger holds it)")
            }
            return try exactly(at + 4, .sanctioned(person: member, offence: offence, by: staff, negated: negated))
        case ("role", let name?):
            guard let role = word(2) else { throw LineError("write `expect role NAME ROLE`") }
            return try exactly(3, .holds(person: name, role: role, negated: false))
        case ("no", "role"):
            guard let name = word(2), let role = word(3) else { throw LineError("write `expect no role NAME ROLE`") }
            return try exactly(4, .holds(person: name, role: role, negated: true))
        case ("reputation", let name?):
            guard let points = word(2).flatMap(Int.init) else { throw LineError("write `expect reputation NAME POINTS`") }
            return try exactly(3, .reputation(person: name, points: points))
        case ("activity", let name?):
            guard let total = word(2).flatMap(Int.init) else { throw LineError("write `expect activity NAME COUNT`") }
            return try exactly(3, .activity(person: name, total: total))
        case ("top", "posted"):
            return word(2) == "in" ? try exactly(4, .topPosted(channel: word(3))) : try exactly(2, .topPosted(channel: nil))
        case ("top", _):
            let names = tokens.dropFirst().compactMap { if case .word(let word) = $0 { word } else { nil } }
            guard !names.isEmpty else { throw LineError("write `expect top posted [in CHANNEL]` or `expect top ana beto` (the ranking, first first)") }
            return try exactly(1 + names.count, .top(names))
        case ("audit", let name?):
            guard let text = string(2) else { throw LineError("write `expect audit NAME \"TEXT\"`") }
            return try exactly(3, .audit(person: name, text: text))
        case ("stats", _):
            var subject: String?
            var figures: [(String, Int)] = []
            for token in tokens.dropFirst() {
                switch token {
                case .word(let word) where subject == nil && figures.isEmpty: subject = word
                case .pair(let key, let value) where Int(value) != nil && ["created", "resolved", "pending"].contains(key):
                    figures.append((key, Int(value)!))
                default: throw LineError("write `expect stats [CATEGORY|NAME] created=3 resolved=2 pending=1`")
                }
            }
            guard !figures.isEmpty else { throw LineError("write `expect stats [CATEGORY|NAME] created=3 resolved=2 pending=1`") }
            return .statistics(of: subject, figures)
        default: throw usage
        }
    }

    // MARK: Tokens

    enum Token: Equatable {
        case word(String)
        case string(String)
        case pair(String, String)
    }

    struct LineError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Words, "quoted strings" (with \" and \\), and name="value" pairs;
    /// commas separate like spaces; `#` outside quotes starts a comment.
    static func tokenize(_ line: String) throws(LineError) -> [Token] {
        var tokens: [Token] = []
        var characters = Array(line)[...]
        func quoted() throws(LineError) -> String {
            characters.removeFirst()
            var text = ""
            while let character = characters.popFirst() {
                switch character {
                case "\"": return text
                case "\\":
                    guard let next = characters.popFirst() else { break }
                    text.append(next == "n" ? "\n" : next)
                default: text.append(character)
                }
            }
            throw LineError("a quoted text is not closed: add the final \"")
        }
        while let character = characters.first {
            if character == " " || character == "\t" || character == "," || character == "\r" {
                characters.removeFirst()
            } else if character == "#" {
                break
            } else if character == "\"" {
                tokens.append(.string(try quoted()))
            } else {
                var word = ""
                while let next = characters.first, !" \t,\r\"".contains(next) {
                    word.append(next)
                    characters.removeFirst()
                }
                if word.hasSuffix("="), characters.first == "\"" {
                    tokens.append(.pair(String(word.dropLast()), try quoted()))
                } else if let equals = word.firstIndex(of: "="), equals != word.startIndex {
                    tokens.append(.pair(String(word[..<equals]), String(word[word.index(after: equals)...])))
                } else {
                    tokens.append(.word(word))
                }
            }
        }
        return tokens
    }
}
