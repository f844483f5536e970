import Engine
import Foundation
import WorkflowDSL

/// What was played, written as a scenario file of one workflow (the format
/// `escala simulate` plays), with `expect` lines for what was seen: a
/// message Escala removed, and each ticket's state and handler at the end.
/// A click-through becomes a regression test.
extension Playground {
    /// The scenario of `workflow` (its file's name, `roleplay.flow`, or its
    /// key, `roleplay`); nil when the playground serves no such file.
    public func scenario(of workflow: String) async -> String? {
        guard let (file, served) = guild.workflows.first(where: { $0.file == workflow || CustomID.workflowKey(path: $0.file) == workflow })
        else { return nil }
        let key = CustomID.workflowKey(path: file)
        let categories = Dictionary(served.categories.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func ours(_ named: String?) -> Bool { named == nil || named == key }

        // Its tickets in the order they were opened: the scenario numbers them 1, 2, …
        let tickets = ((try? await engine.tickets()) ?? []).filter { categories[$0.state.category] != nil }.sorted { $0.number < $1.number }
        let scenarioNumber = Dictionary(tickets.enumerated().map { ($0.element.number, $0.offset + 1) }, uniquingKeysWith: { first, _ in first })

        var lines: [String] = []
        var people: [String] = [] // cast ids, in the order they first act
        var current: Int?
        var opened = 0
        func name(_ id: String) -> String {
            if !people.contains(id) { people.append(id) }
            return Self.scenarioName(cast.person(id)?.name ?? id)
        }
        func ticket(in channel: String) async -> StoredTicket? {
            guard let found = try? await engine.ticket(channel: channel), categories[found.state.category] != nil else { return nil }
            return found
        }
        func switchTo(_ found: StoredTicket) {
            guard let number = scenarioNumber[found.number], number != current else { return }
            lines.append("ticket \(number)")
            current = number
        }
        func open(_ person: String, _ category: String, answers: [(String, String)]) {
            let with = answers.isEmpty ? "" : " with " + answers.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: ", ")
            lines.append("\(name(person)) opens \(category)\(with)")
            opened += 1
            current = opened
        }
        for action in recording.actions {
            switch action {
            case .clicked(let person, _, .panelMenu(let workflow), let values) where ours(workflow):
                if let category = values.first, let found = categories[category], found.questions.isEmpty { open(person, category, answers: []) }
            case .clicked(let person, _, .open(let workflow, let category), _) where ours(workflow):
                if let found = categories[category], found.questions.isEmpty { open(person, category, answers: []) }
            case .submitted(let person, _, .openingForm(let workflow, let category), let answers) where ours(workflow):
                if categories[category] != nil { open(person, category, answers: answers) }
            case .clicked(let person, let channel, .button(let category, let button), _) where categories[category] != nil:
                guard let found = await ticket(in: channel) else { continue }
                switchTo(found)
                lines.append("\(name(person)) presses \(button)")
            case .submitted(let person, let channel, .form(let form), let answers):
                guard let found = await ticket(in: channel) else { continue }
                switchTo(found)
                let with = answers.isEmpty ? "" : " with " + answers.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: ", ")
                lines.append("\(name(person)) submits \(form)\(with)")
            case .submitted(_, let channel, .sanctionForm, _), .submitted(_, let channel, .appealedSanctionForm, _):
                if await ticket(in: channel) != nil { lines.append("# (a sanction form was sent here: not recorded yet)") }
            case .said(let person, let channel, let text, let files, let message):
                guard let found = await ticket(in: channel) else { continue }
                switchTo(found)
                let attachments = files.isEmpty ? "" : " with attachment " + files.map { Self.quoted("https://cdn.example/" + $0) }.joined(separator: " ")
                lines.append("\(name(person)) says \(Self.quoted(mentionsByName(text)))\(attachments)")
                if server.removedMessages(in: channel).contains(where: { $0["id"]?.string == message }) { lines.append("expect deleted") }
            case .waited(let minutes):
                lines.append("wait \(minutes % 60 == 0 ? "\(minutes / 60)h" : "\(minutes)m")")
            default:
                continue
            }
        }
        // What each ticket came to.
        if !tickets.isEmpty { lines.append("") }
        for found in tickets {
            guard let number = scenarioNumber[found.number], let now = try? await engine.ticket(id: found.id) else { continue }
            if number != current {
                lines.append("ticket \(number)")
                current = number
            }
            if now.state.isClosed {
                lines.append("expect closed")
            } else {
                lines.append("expect state \(now.state.state)")
                lines.append(now.state.handler.map { "expect handler \(name($0))" } ?? "expect no handler")
                lines += visibility(of: now, ranks: served.ranks)
            }
        }
        let declarations = people.compactMap { id -> String? in
            guard let person = cast.person(id) else { return nil }
            return person.plays.map { "staff \(Self.scenarioName(person.name)) \($0)" } ?? "member \(Self.scenarioName(person.name))"
        }
        return (["# Played in Escala's playground on \(file) and saved as a scenario:",
                 "#   escala simulate workflows/\(file) this-file.scenario"]
                + declarations + [""] + lines).joined(separator: "\n") + "\n"
    }

    /// Which ranks see the ticket's channel on the built-in server (from
    /// the overwrites Escala sent), as `expect visible to` lines: the
    /// scenario then checks that simulate's visibility is Discord's.
    func visibility(of ticket: StoredTicket, ranks: [String]) -> [String] {
        guard let id = ticket.channelID, let channel = server.guildChannels.first(where: { $0["id"]?.string == id }) else { return [] }
        return ranks.compactMap { rank in
            guard let person = cast.people.first(where: { $0.plays == rank }) else { return nil }
            let sees = server.canSee(channel, member: person.id, roles: server.roles(of: person.id), guild: guild.id)
            return (sees ? "expect visible to " : "expect not visible to ") + rank
        }
    }

    /// `<@id>` mentions of the cast written `@name`, as scenarios write them.
    func mentionsByName(_ text: String) -> String {
        var result = text
        for person in cast.people { result = result.replacingOccurrences(of: "<@\(person.id)>", with: "@" + Self.scenarioName(person.name)) }
        return result
    }

    /// A person's name as a scenario's word: the first name, lower case,
    /// without accents («Óscar (trainee)» → `oscar`).
    static func scenarioName(_ name: String) -> String {
        let first = name.split(separator: " ").first.map(String.init) ?? name
        return first.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            .filter { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// A text in a scenario's quotes, which have no escapes: a `"` in it
    /// becomes `'`, a line break a space.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ") + "\""
    }
}
