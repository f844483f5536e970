import Engine
import Foundation
import LocalDiscord
import Simulation
import Synchronization
import WorkflowDSL

/// A scenario file played on the page, one line at a time: each action
/// goes through the same API a person's click or message does (so the
/// built-in server checks it as Discord's app would, and Escala hears an
/// ordinary gateway event), and each expectation the page can see is
/// checked against the engine and the server. What only `escala simulate`
/// can check (texts sent, mentions, the ledger…) is said so, not passed.
extension Playground {
    /// The scenario loaded, where it has got to, and how each line went.
    struct Replay: Sendable {
        struct Line: Sendable {
            let line: Int
            let text: String
            var result: String?
            var detail: String?
        }

        let workflow: String
        let scenario: Scenario
        var lines: [Line]
        var next = 0
        /// Scenario name → cast id.
        var people: [String: String] = [:]
        /// Scenario ticket number → the ticket's id in the engine.
        var tickets: [Int: Int64] = [:]
        var current: Int64?
        /// The message the last `says` sent, for `expect deleted`.
        var lastSaid: String?
    }

    /// Loads `text` (a scenario of `workflow`, its key or file name) to be
    /// played from its first line; the people are cast as the playground's
    /// (members in order, staff by their first rank or side role).
    public func loadScenario(_ text: String, workflow: String) throws(PlaygroundError) {
        guard let (file, _) = guild.workflows.first(where: { $0.file == workflow || CustomID.workflowKey(path: $0.file) == workflow }) else {
            throw PlaygroundError(status: 404, key: "error.unknownWorkflow", detail: workflow)
        }
        let (scenario, errors) = ScenarioParser.parse(text, path: "loaded.scenario")
        if let first = errors.first { throw .malformed(String(describing: first)) }
        var people: [String: String] = [:]
        var members = cast.people.filter { $0.plays == nil }.makeIterator()
        for character in scenario.people {
            if character.titles.isEmpty {
                guard let member = members.next() else { throw .malformed("line \(character.line): the playground has two members") }
                people[character.name] = member.id
            } else {
                let taken = Set(people.values)
                guard let staff = character.titles.lazy.compactMap({ title in
                    self.cast.people.first { $0.plays == title && !taken.contains($0.id) }
                }).first else {
                    throw .malformed("line \(character.line): the playground has one person for each rank and role, and none left for \(character.titles.joined(separator: ", "))")
                }
                people[character.name] = staff.id
            }
        }
        let source = text.split(separator: "\n", omittingEmptySubsequences: false)
        let lines = scenario.steps.map { step in
            Replay.Line(line: step.line, text: source.indices.contains(step.line - 1) ? source[step.line - 1].trimmingCharacters(in: .whitespaces) : "")
        }
        var replay = Replay(workflow: CustomID.workflowKey(path: file), scenario: scenario, lines: lines)
        replay.people = people
        replaying.withLock { $0 = replay }
        server.changes.announce()
    }

    /// Plays the next line; false when there is none left.
    @discardableResult
    public func playNextLine() async throws(PlaygroundError) -> Bool {
        guard var replay = replaying.withLock({ $0 }), replay.next < replay.scenario.steps.count else { return false }
        let index = replay.next
        let step = replay.scenario.steps[index]
        var result = "played", detail: String?
        do throws(PlaygroundError) {
            (result, detail) = try await play(step.action, in: &replay)
        } catch {
            result = "refused"
            detail = error.key + (error.detail.isEmpty ? "" : ": " + error.detail)
        }
        replay.lines[index].result = result
        replay.lines[index].detail = detail
        replay.next = index + 1
        replaying.withLock { $0 = replay }
        server.changes.announce()
        return true
    }

    var replayView: JSONValue {
        guard let replay = replaying.withLock({ $0 }) else { return .null }
        return .object([
            "workflow": .string(replay.workflow),
            "next": .number(Double(replay.next)),
            "lines": .array(replay.lines.map { line in
                .object(["line": .number(Double(line.line)), "text": .string(line.text),
                         "result": line.result.map(JSONValue.string) ?? .null, "detail": line.detail.map(JSONValue.string) ?? .null])
            }),
        ])
    }

    // MARK: Playing a line

    private func play(_ action: Scenario.Action, in replay: inout Replay) async throws(PlaygroundError) -> (String, String?) {
        func who(_ name: String) throws(PlaygroundError) -> String {
            guard let id = replay.people[name] else { throw .unknownPerson(name) }
            return id
        }
        func channel() async throws(PlaygroundError) -> String {
            guard let id = replay.current, let found = try? await engine.ticket(id: id), let channel = found.channelID else {
                throw .malformed("no ticket is open yet")
            }
            return channel
        }
        switch action {
        case .open(let name, let category, let answers):
            let person = try who(name)
            let before = Set(((try? await engine.tickets()) ?? []).map(\.id))
            try await openTicket(category, as: person, workflow: replay.workflow, answers: answers)
            let opened = await settled { [engine] in
                ((try? await engine.tickets()) ?? []).first { !before.contains($0.id) && $0.state.owner == person && $0.channelID != nil }
            }
            guard let opened else { return ("failed", "no ticket was opened") }
            replay.tickets[replay.tickets.count + 1] = opened.id
            replay.current = opened.id
        case .say(let name, let text, let attachments):
            let person = try who(name)
            var mentioning = text
            for (scenarioName, id) in replay.people { mentioning = mentioning.replacingOccurrences(of: "@" + scenarioName, with: "<@\(id)>") }
            let before = await taken(replay)
            try await say(as: person, in: try await channel(), text: mentioning,
                          files: attachments.map { (($0 as NSString).lastPathComponent, 1_024) })
            replay.lastSaid = recording.actions.last.flatMap { if case .said(_, _, _, _, let message) = $0 { message } else { nil } }
            await heard(after: before, replay)
        case .press(let name, let button):
            let category = try await ticketCategory(replay)
            let before = await taken(replay)
            try await click(as: try who(name), in: try await channel(), customID: CustomID.button(category: category, button: button).wire)
            await heard(after: before, replay)
        case .submit(let name, let form, let answers):
            let person = try who(name)
            guard let modal = server.openModal(of: person), modal.json.contains("\"" + CustomID.form(form).wire + "\"") else {
                throw .noModal(form)
            }
            let before = await taken(replay)
            try await submit(as: person, answers: Dictionary(answers, uniquingKeysWith: { _, last in last }))
            await heard(after: before, replay)
        case .wait(let seconds):
            guard seconds % 60 == 0 else { return ("not played here", "the page's clock moves by whole minutes") }
            try advance(minutes: seconds / 60)
        case .switchTicket(let number):
            guard let id = replay.tickets[number] else { return ("failed", "no ticket #\(number) was opened") }
            replay.current = id
            return ("played", nil)
        case .expect(let expectation):
            return await check(expectation, replay)
        default:
            return ("not played here", "escala simulate plays this line")
        }
        await settleOutbox()
        return ("played", nil)
    }

    private func check(_ expectation: Scenario.Expectation, _ replay: Replay) async -> (String, String?) {
        guard let id = replay.current, let ticket = try? await engine.ticket(id: id) else { return ("failed", "no ticket") }
        func verdict(_ holds: Bool, _ actual: String) -> (String, String?) { holds ? ("held", nil) : ("failed", actual) }
        switch expectation {
        case .state(let state):
            return verdict(ticket.state.state == state && !ticket.state.isClosed, ticket.state.isClosed ? "closed" : ticket.state.state)
        case .handler(let name):
            let expected = name.flatMap { replay.people[$0] }
            return verdict(ticket.state.handler == expected, ticket.state.handler.flatMap { cast.person($0)?.name } ?? "no handler")
        case .closed:
            return verdict(ticket.state.isClosed, ticket.state.state)
        case .open:
            return verdict(!ticket.state.isClosed, "closed")
        case .deleted(let negated):
            guard let said = replay.lastSaid, let channel = ticket.channelID else { return ("failed", "nothing was said") }
            let removed = server.removedMessages(in: channel).contains { $0["id"]?.string == said }
            return verdict(removed != negated, removed ? "removed" : "not removed")
        case .visibleTo(let title, let negated):
            guard let person = cast.people.first(where: { $0.plays == title }), let channelID = ticket.channelID,
                  let channel = server.guildChannels.first(where: { $0["id"]?.string == channelID }) else {
                return ("failed", "\(title) has no person here, or the channel is gone")
            }
            let sees = server.canSee(channel, member: person.id, roles: server.roles(of: person.id), guild: guild.id)
            return verdict(sees != negated, sees ? "sees it" : "does not see it")
        default:
            return ("not checked here", "escala simulate checks this line")
        }
    }

    /// Opens `category` as `person` from its panel, as they would: the
    /// panel's menu or button, then the opening form if it has questions.
    private func openTicket(_ category: String, as person: String, workflow key: String, answers: [(String, String)]) async throws(PlaygroundError) {
        guard let (_, served) = guild.workflows.first(where: { CustomID.workflowKey(path: $0.file) == key }),
              let panel = served.panels.first(where: { $0.categories.contains(category) }), let channel = guild.ids[panel.channel] else {
            throw .noSuchComponent(category)
        }
        if panel.usesMenu {
            try await click(as: person, in: channel, customID: CustomID.panelMenu(workflow: key).wire, values: [category])
        } else {
            try await click(as: person, in: channel, customID: CustomID.open(workflow: key, category: category).wire)
        }
        guard served.category(named: category)?.questions.isEmpty == false else { return }
        let asked = await settled { [server] in server.openModal(of: person) != nil ? true : nil }
        guard asked != nil else { throw .noModal(category) }
        try await submit(as: person, answers: Dictionary(answers, uniquingKeysWith: { _, last in last }))
    }

    private func ticketCategory(_ replay: Replay) async throws(PlaygroundError) -> String {
        guard let id = replay.current, let ticket = try? await engine.ticket(id: id) else { throw .malformed("no ticket is open yet") }
        return ticket.state.category
    }

    /// How many events the current ticket's log holds.
    private func taken(_ replay: Replay) async -> Int {
        guard let id = replay.current else { return 0 }
        return ((try? await engine.history(ofTicket: id)) ?? []).count
    }

    /// Waits for Escala to have taken the line's event into the ticket's log.
    private func heard(after count: Int, _ replay: Replay) async {
        guard let id = replay.current else { return }
        _ = await settled { [engine] in ((try? await engine.history(ofTicket: id)) ?? []).count > count ? true : nil }
    }

    /// Waits for `found` to give a value, looking again each time the
    /// built-in server changes, for at most `limit`: what Escala does in
    /// answer comes back as requests to the server.
    func settled<T: Sendable>(within limit: Swift.Duration = .seconds(3), _ found: @escaping @Sendable () async -> T?) async -> T? {
        let changes = server.changes.listen()
        if let value = await found() { return value }
        return await withTaskGroup(of: T?.self) { group in
            group.addTask {
                for await _ in changes { if let value = await found() { return value } }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return await found()
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }
}
