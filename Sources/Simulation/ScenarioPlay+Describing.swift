import Engine
import Foundation
import WorkflowDSL

/// Effects as the trace prints them: people as `@name`, texts on one line.
extension Play {
    static func text(of effect: Effect) -> RichText? {
        switch effect {
        case .send(let text, _, _, _) where !text.isEmpty: text
        case .notice(let text, _): text
        case .notify(_, let text, _), .publish(_, let text), .askRating(let text, _): text
        default: nil
        }
    }

    /// The engine's text as the scenario's people read it: `@name`.
    func humanize(_ text: RichText) -> String {
        text.rendered(person: who, channel: { "#" + $0 })
    }

    func who(_ id: String) -> String { "@" + (names[id] ?? id) }

    func describe(_ effect: Effect) -> String? {
        switch effect {
        case .createChannel(let name, let visibleTo):
            return "creates channel \(name), visible to the member and \(visibleTo.map(\.description).joined(separator: ", "))"
        case .send(let text, let buttons, _, let answers):
            let shown = buttons.isEmpty ? "" : " [" + buttons.joined(separator: "] [") + "]"
            let answered = (answers ?? []).map { " {\($0.question) → \(Self.oneLine($0.answer))}" }.joined()
            return (text.isEmpty ? (buttons.isEmpty ? "shows the answers" : "shows buttons") + shown : "says \"\(Self.oneLine(humanize(text)))\"" + shown) + answered
        case .notice(let text, _):
            return "says \"\(Self.oneLine(humanize(text)))\""
        case .deleteMessage(let id):
            let line = Int(id.dropFirst()) ?? 0
            let author: String? = scenario.steps.first { $0.line == line }.flatMap {
                if case .say(let name, _, _) = $0.action { name } else { nil }
            }
            return "deletes the message" + (author.map { " of @\($0)" } ?? "")
        case .rename(let name): return "renames the channel to \(name)"
        case .setVisibility(let ranks, let people):
            return "shows the channel to " + (ranks.map(\.description) + people.map(who)).joined(separator: ", ")
        case .mention(let ranks, let people):
            return "mentions " + (ranks.map(\.description) + people.map(who)).joined(separator: ", ")
        case .notify(let channel, let text, let pings):
            return "notifies #\(channel): \"\(Self.oneLine(humanize(text)))\""
                + (pings.isEmpty ? "" : ", pinging " + pings.map(\.description).joined(separator: ", "))
        case .publish(let channel, let text): return "publishes in #\(channel): \"\(Self.oneLine(humanize(text)))\""
        case .refuse(let person, let reason): return "refuses \(who(person)): \"\(humanize(reason))\""
        case .tellPrivately(let person, let text): return "tells \(who(person)) privately: \"\(humanize(text))\""
        case .showForm(let form, let person): return "shows the form \(form) to \(who(person))"
        case .showSanctions(let person): return "shows the sanction form to \(who(person))"
        case .showAppealedSanctions(let person): return "shows \(who(person)) the member's recorded sanctions"
        case .recordSanction(let entry):
            return "records in the ledger: \(entry.offence) for \(who(entry.member)), applied by \(who(entry.appliedBy))"
                + (entry.outsideEscala ? " (given outside Escala, recorded by \(who(entry.recordedBy)))" : "")
                + (entry.warned ? ", warned first" : "") + (entry.evidence.isEmpty ? "" : ", \(entry.evidence.count) piece(s) of evidence")
        case .grantRole(let role, let person, let seconds):
            return "grants \(role) to \(who(person))" + (seconds.map { " for \(Self.duration($0))" } ?? "")
        case .revokeRole(let role, let person): return "revokes \(role) from \(who(person))"
        case .transcript(let channel): return "posts the transcript" + (channel.map { " in #\($0)" } ?? "")
        case .close(let reason): return "closes the ticket" + (reason.map { ": \($0)" } ?? "")
        case .askRating(let text, let person): return "asks \(who(person)) for a rating: \"\(Self.oneLine(humanize(text)))\""
        case .schedule, .cancelTimer: return nil
        }
    }

    static func oneLine(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        return flat.count > 120 ? String(flat.prefix(119)) + "…" : flat
    }

    static func duration(_ seconds: Int) -> String {
        var parts: [String] = []
        var rest = seconds
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)] where rest >= size {
            parts.append("\(rest / size)\(unit)")
            rest %= size
        }
        return parts.joined(separator: " ")
    }

    /// `roleplay.flow:107 on button a_trainee by cm`.
    static func describe(_ rule: FiredRule) -> String {
        "\(rule.place) " + (rule.outcome == .refused ? "refused by " : "") + rule.rule
    }
}
