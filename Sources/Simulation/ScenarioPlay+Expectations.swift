import Engine
import Foundation
import WorkflowDSL

/// The `expect` lines: each checks one thing against what the scenario
/// did so far, and a failure says what happened instead.
extension Play {
    mutating func check(_ expectation: Scenario.Expectation, line: Int) async throws {
        var ticket: StoredTicket?
        if let id = currentTicket { ticket = try await engine.ticket(id: id) }
        let effects = lastEffects.filter { $0.ticketID == currentTicket || $0.ticketID == 0 }.map(\.effect)
        // The opening answers count as said: they are in the first message.
        let texts = effects.compactMap(Self.text(of:)).map(humanize)
            + effects.flatMap { effect -> [String] in
                guard case .send(_, _, _, let answers?) = effect else { return [] }
                return answers.map { "\($0.question): \($0.answer)" }
            }
        var description = ""
        var holds: Bool?
        var detail: String?
        var skipped = false
        func needTicket() -> TicketState? {
            if ticket == nil { detail = words("no ticket is open yet") }
            return ticket?.state
        }
        /// Effect expectations cannot be judged on a step replayed after a
        /// restart: its effects were produced by the earlier run.
        func judgeEffects(_ result: Bool, _ failure: @autoclosure () -> String) {
            if lastReplayed { skipped = true; detail = words("skipped: the step was applied before a restart"); return }
            holds = result
            if !result { detail = failure() }
        }
        let saidNothing = texts.isEmpty ? words("nothing was said") : words("said: {0}", texts.map { "\"\(Self.oneLine($0))\"" }.joined(separator: "; "))
        switch expectation {
        case .state(let name):
            description = "state \(name)"
            if let state = needTicket() { holds = state.state == name; if holds == false { detail = words("the state is `{0}`", state.state) } }
        case .handler(let name):
            description = name.map { "handler \($0)" } ?? "no handler"
            if let state = needTicket() {
                holds = state.handler == name.flatMap { people[$0]?.id }
                if holds == false { detail = state.handler.map { words("the handler is {0}", "@" + (names[$0] ?? $0)) } ?? words("the ticket has no handler") }
            }
        case .channel(let name):
            description = "channel \(name)"
            let actual = currentTicket.flatMap { channelNames[$0] }
            holds = actual == name
            if holds == false { detail = actual.map { words("the channel is {0}", $0) } ?? words("the channel is not created") }
        case .sent(let text, let negated):
            description = (negated ? "not sent \"" : "sent \"") + text + "\""
            let found = texts.contains { $0.localizedCaseInsensitiveContains(text) }
            judgeEffects(found != negated, negated ? words("it was sent") : saidNothing)
        case .buttons(let expected):
            description = "buttons " + expected.joined(separator: ", ")
            let actual = currentTicket.flatMap { buttons[$0] } ?? []
            holds = actual == expected
            if holds == false { detail = actual.isEmpty ? words("there are no buttons") : words("the buttons are {0}", actual.joined(separator: ", ")) }
        case .deleted(let negated):
            description = negated ? "not deleted" : "deleted"
            let deleted = effects.contains { if case .deleteMessage = $0 { true } else { false } }
            judgeEffects(deleted != negated, words(negated ? "the message was deleted" : "no message was deleted"))
        case .refused(let text, let negated):
            description = (negated ? "not refused" : "refused") + (text.map { " \"\($0)\"" } ?? "")
            // A refusal said at the click, or later, privately, when Discord
            // refused the ticket's channel.
            let reasons = effects.compactMap { effect -> String? in
                switch effect {
                case .refuse(_, let reason), .tellPrivately(_, let reason): humanize(reason)
                default: nil
                }
            }
            let refused = reasons.contains { text == nil || $0.localizedCaseInsensitiveContains(text!) }
            judgeEffects(refused != negated, !negated && reasons.isEmpty ? words("nothing was refused")
                                                                          : words("refused: {0}", reasons.joined(separator: "; ")))
        case .mentioned(let name, let negated):
            description = (negated ? "not mentioned " : "mentioned ") + name
            var owner: String?
            if let id = currentTicket { owner = try await engine.ticket(id: id)?.state.owner }
            // Who the engine says Discord notifies, as the face sends it.
            let pinged = engine.currentWorkflow(runner.workflowPath).map { effects.pinged(in: $0, owner: owner ?? "") } ?? Pinged()
            let mentioned = pinged.ranksAndRoles.contains(name) || pinged.people.contains(people[name]?.id ?? "")
            judgeEffects(mentioned != negated, negated ? words("{0} was pinged", name) : pinged.isEmpty ? words("nobody was pinged")
                : words("pinged: {0}", (Set(pinged.ranksAndRoles).sorted() + Set(pinged.people).map { "@" + (names[$0] ?? $0) }.sorted()).joined(separator: ", ")))
        case .visibleTo(let name, let negated):
            description = (negated ? "not visible to " : "visible to ") + name
            let seen = currentTicket.flatMap { visibility[$0] }
            let visible = seen.map { seen in
                let standing = self.standing(seen)
                return standing.contains(name) || seen.ranks.contains { Self.names($0, name) } || seen.people.contains(people[name]?.id ?? "")
            } ?? false
            holds = visible != negated
            if holds == false {
                detail = seen.map { words("visible to {0}", ($0.ranks.map(\.description) + $0.people.map { "@" + (names[$0] ?? $0) }).joined(separator: ", ")) }
                    ?? words("the channel is not created")
            }
        case .notified(let channel, let text, let negated):
            description = (negated ? "not notified " : "notified ") + channel + (text.map { " \"\($0)\"" } ?? "")
            let notes = effects.compactMap { effect -> String? in
                if case .notify(channel, let said, _) = effect { humanize(said) } else { nil }
            }
            let notified = notes.contains { text == nil || $0.localizedCaseInsensitiveContains(text!) }
            judgeEffects(notified != negated, negated ? words("{0} was notified: {1}", channel, notes.joined(separator: "; ")) : words("{0} was not notified", channel))
        case .closed(let reason):
            description = "closed" + (reason.map { " \"\($0)\"" } ?? "")
            if let state = needTicket() {
                holds = state.isClosed && (reason == nil || (state.closeReason ?? "").localizedCaseInsensitiveContains(reason!))
                if holds == false { detail = state.isClosed ? words("closed with reason \"{0}\"", state.closeReason ?? "") : words("the ticket is open, in state `{0}`", state.state) }
            }
        case .open:
            description = "open"
            if let state = needTicket() { holds = !state.isClosed; if holds == false { detail = words("closed: {0}", state.closeReason ?? "") } }
        case .flag(let flag, let negated):
            description = (negated ? "no flag " : "flag ") + flag
            if let state = needTicket() { holds = state.flags.contains(flag) != negated; if holds == false { detail = state.flags.isEmpty ? words("no flag is set") : words("flags: {0}", state.flags.joined(separator: ", ")) } }
        case .form(let form):
            description = "form \(form)"
            judgeEffects(effects.contains { if case .showForm(form, _) = $0 { true } else { false } }, words("the form {0} was not shown", form))
        case .granted(let role):
            description = "granted \(role)"
            judgeEffects(effects.contains { if case .grantRole(role, _, _) = $0 { true } else { false } }
                         || lastCommunity.contains { if case .grantRole(role, _) = $0 { true } else { false } }, words("{0} was not granted", role))
        case .revoked(let role):
            description = "revoked \(role)"
            judgeEffects(effects.contains { if case .revokeRole(role, _) = $0 { true } else { false } }
                         || lastCommunity.contains { if case .revokeRole(role, _) = $0 { true } else { false } }, words("{0} was not revoked", role))
        case .holds(let name, let role, let negated):
            description = (negated ? "no role " : "role ") + "\(name) \(role)"
            let held = try await community.holds(role, member: people[name]?.id ?? name)
            holds = held != negated
            if holds == false { detail = words(held ? "{0} holds {1}" : "{0} does not hold {1}", name, role) }
        case .reputation(let name, let points):
            description = "reputation \(name) \(points)"
            let actual = try await community.reputation(of: people[name]?.id ?? name).points
            holds = actual == points
            if holds == false { detail = words("{0} has {1} point(s)", name, actual) }
        case .activity(let name, let total):
            description = "activity \(name) \(total)"
            let board = engine.currentWorkflow(runner.workflowPath)?.activities.first
            let actual = try await community.activity(of: people[name]?.id ?? name, board: board?.name ?? "", workflow: runner.workflowPath, now: now)
            holds = actual == total
            if holds == false { detail = board == nil ? words("the workflow has no `activity` board") : words("{0} has {1} in this window", name, actual) }
        case .topPosted(let channel):
            description = "top posted" + (channel.map { " in \($0)" } ?? "")
            judgeEffects(lastCommunity.contains { if case .postRanking(let posted, _) = $0 { channel == nil || posted == channel } else { false } },
                         channel.map { words("no TOP was posted in {0}", $0) } ?? words("no TOP was posted"))
        case .top(let expected):
            description = "top " + expected.joined(separator: " ")
            let board = engine.currentWorkflow(runner.workflowPath)?.activities.first
            var ranking: ActivityRanking?
            if let board { ranking = try await community.ranking(workflow: runner.workflowPath, board: board.name, back: 1, now: now) }
            let actual = (ranking?.entries ?? []).map { names[$0.member] ?? $0.member }
            holds = Array(actual.prefix(expected.count)) == expected
            if holds == false { detail = ranking == nil ? words("no window has closed yet") : actual.isEmpty ? words("the TOP is empty") : words("the TOP is {0}", actual.joined(separator: " ")) }
        case .audit(let name, let text):
            description = "audit \(name) \"\(text)\""
            let lines = try await community.audit(member: people[name]?.id ?? name).map { "\($0.action.rawValue) \($0.role): \($0.reason)" }
            holds = lines.contains { $0.localizedCaseInsensitiveContains(text) }
            if holds == false { detail = lines.isEmpty ? words("no audit line for {0}", name) : words("audit: {0}", lines.joined(separator: "; ")) }
        case .statistics(let subject, let figures):
            description = "stats " + (subject.map { $0 + " " } ?? "") + figures.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
            let statistics = try await community.ticketStatistics()
            let line: TicketStatistics.Line? = switch subject {
            case nil: statistics.total
            case let name?: statistics.byCategory.first { $0.key == name } ?? statistics.byStaff.first { $0.key == people[name]?.id }
            }
            let actual: [String: Int] = line.map { ["created": $0.created, "resolved": $0.resolved, "pending": $0.pending] } ?? [:]
            holds = figures.allSatisfy { actual[$0.0] == $0.1 }
            if holds == false {
                detail = line == nil ? words("no statistics for {0}", subject ?? "") : actual.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            }
        case .transcript:
            description = "transcript"
            judgeEffects(effects.contains { if case .transcript = $0 { true } else { false } }, words("no transcript was posted"))
        case .sanctionsShown:
            description = "sanctions shown"
            judgeEffects(effects.contains {
                switch $0 {
                case .showSanctions, .showAppealedSanctions: true
                default: false
                }
            }, words("the sanctions table was not shown"))
        case .sanctioned(let name, let offence, let staff, let negated):
            description = (negated ? "not " : "") + "sanctioned \(name) \(offence) by \(staff)"
            let ledger = try await engine.sanctions(guild: runner.guild, member: people[name]?.id ?? name)
            let found = ledger.contains { $0.entry.offence == offence && $0.entry.appliedBy == people[staff]?.id }
            holds = found != negated
            if holds == false {
                detail = ledger.isEmpty ? words("{0} has no recorded sanction", name)
                    : words("the ledger of {0}: {1}", name, ledger.map { words("{0} by {1}", $0.entry.offence, who($0.entry.appliedBy)) }.joined(separator: "; "))
            }
        case .openTickets(let count):
            description = "open tickets \(count)"
            let actual = try await engine.tickets(openOnly: true).count
            holds = actual == count
            if holds == false { detail = words("{0} open", actual) }
        }
        var entry = entry(line, "expect " + description)
        // Not judged means failed (e.g. no ticket yet), unless skipped.
        entry.passed = skipped ? nil : (holds ?? false)
        entry.detail = detail
        report.entries.append(entry)
    }

    mutating func fail(_ line: Int, _ text: String, _ detail: String) {
        var entry = entry(line, text)
        entry.passed = false
        entry.detail = detail
        report.entries.append(entry)
    }

    /// The ranks and roles a channel opened to `seen` shows itself to: a
    /// channel visible to cm+ is visible to a trainee, the ladder as
    /// Discord's overwrites give it.
    func standing(_ seen: (ranks: [Actor], people: [String])) -> Set<String> {
        engine.currentWorkflow(runner.workflowPath).map { workflow in Set(seen.ranks.flatMap(workflow.ranksAndRoles(standingFor:))) } ?? []
    }

    /// Whether the scenario's person `name` sees the ticket's channel: its
    /// member, and the ranks, roles and people Escala opened it to. Nil
    /// while the channel has no overwrites yet (nothing to judge by).
    func sees(_ name: String, ticket: Int64) async -> Bool? {
        guard let seen = visibility[ticket], let person = people[name] else { return nil }
        if let owner = try? await engine.ticket(id: ticket)?.state.owner, owner == person.id { return true }
        if seen.people.contains(person.id) { return true }
        let standing = standing(seen)
        return !standing.isDisjoint(with: person.ranks + person.roles)
    }

    static func names(_ actor: Actor, _ name: String) -> Bool {
        switch actor {
        case .rank(let rank, _): rank == name
        case .role(let role): role == name
        default: false
        }
    }
}
