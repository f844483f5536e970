import Engine
import Foundation
import WorkflowDSL

/// Effects as the trace prints them: people as `@name`, texts on one line.
extension Play {
    static func text(of effect: Effect) -> RichText? {
        switch effect {
        case .send(let text, _, _, _) where !text.isEmpty: text
        case .notice(let text, _), .tellPrivately(_, let text), .showPrivately(_, let text): text
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
            return words("creates channel {0}, visible to the member and {1}", name, visibleTo.map(\.description).joined(separator: ", "))
        case .send(let text, let buttons, _, let answers):
            let shown = buttons.isEmpty ? "" : " [" + buttons.joined(separator: "] [") + "]"
            let answered = (answers ?? []).map { " {\($0.question) → \(Self.oneLine($0.answer))}" }.joined()
            return (text.isEmpty ? words(buttons.isEmpty ? "shows the answers" : "shows buttons") + shown
                                 : words("says \"{0}\"", Self.oneLine(humanize(text))) + shown) + answered
        case .notice(let text, _):
            return words("says \"{0}\"", Self.oneLine(humanize(text)))
        case .deleteMessage(let id):
            let line = Int(id.dropFirst()) ?? 0
            let author: String? = scenario.steps.first { $0.line == line }.flatMap {
                if case .say(let name, _, _) = $0.action { name } else { nil }
            }
            return author.map { words("deletes the message of @{0}", $0) } ?? words("deletes the message")
        case .rename(let name): return words("renames the channel to {0}", name)
        case .setTopic(let topic):
            return topic.isEmpty ? words("clears the channel's topic") : words("sets the channel's topic to \"{0}\"", Self.oneLine(topic))
        case .setVisibility(let ranks, let people):
            return words("shows the channel to {0}", (ranks.map(\.description) + people.map(who)).joined(separator: ", "))
        case .move(let category):
            return words("moves the channel to the place of {0}", category)
        case .hide(let people):
            return words("hides the channel from {0}", people.map(who).joined(separator: ", "))
        case .mention(let ranks, let people):
            return words("mentions {0}", (ranks.map(\.description) + people.map(who)).joined(separator: ", "))
        case .notify(let channel, let text, let pings):
            return words("notifies #{0}: \"{1}\"", channel, Self.oneLine(humanize(text)))
                + (pings.isEmpty ? "" : words(", pinging {0}", pings.map(\.description).joined(separator: ", ")))
        case .publish(let channel, let text): return words("publishes in #{0}: \"{1}\"", channel, Self.oneLine(humanize(text)))
        case .refuse(let person, let reason): return words("refuses {0}: \"{1}\"", who(person), humanize(reason))
        case .tellPrivately(let person, let text): return words("tells {0} privately: \"{1}\"", who(person), humanize(text))
        case .showPrivately(let person, let text): return words("shows {0} privately: \"{1}\"", who(person), Self.oneLine(humanize(text)))
        case .showForm(let form, let person): return words("shows the form {0} to {1}", form, who(person))
        case .showSanctions(let person): return words("shows the sanction form to {0}", who(person))
        case .showAppealedSanctions(let person): return words("shows {0} the member's recorded sanctions", who(person))
        case .recordSanction(let entry):
            return words("records in the ledger: {0} for {1}, applied by {2}", entry.offence, who(entry.member), who(entry.appliedBy))
                + (entry.outsideEscala ? words(" (given outside Escala, recorded by {0})", who(entry.recordedBy)) : "")
                + (entry.warned ? words(", warned first") : "")
                + (entry.evidence.isEmpty ? "" : words(", {0} piece(s) of evidence", entry.evidence.count))
        case .grantRole(let role, let person, let seconds):
            return words("grants {0} to {1}", role, who(person)) + (seconds.map { words(" for {0}", Self.duration($0)) } ?? "")
        case .revokeRole(let role, let person): return words("revokes {0} from {1}", role, who(person))
        case .transcript(let channel): return channel.map { words("posts the transcript in #{0}", $0) } ?? words("posts the transcript")
        case .transcriptTo(let person): return words("sends the transcript to {0} by direct message", who(person))
        case .close(let reason): return reason.map { words("closes the ticket: {0}", $0) } ?? words("closes the ticket")
        case .askRating(let text, let person): return words("asks {0} for a rating: \"{1}\"", who(person), Self.oneLine(humanize(text)))
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
    func describe(rule: FiredRule) -> String {
        "\(rule.place) " + (rule.outcome == .refused ? words("refused by {0}", rule.rule) : rule.rule)
    }
}
