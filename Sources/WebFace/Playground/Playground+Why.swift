import Engine
import Foundation
import LocalDiscord
import WorkflowDSL

/// "Why it happened", beside a ticket: where it stands (state, handler,
/// escalation, evidence), which rule each of its timers will fire and when,
/// and for each event the rules it followed, each with its file, line and
/// source line. All of it read from the engine (its event log and its
/// machine's outlook), never worked out in the page.
extension Playground {
    /// How many of a ticket's latest events the panel lists.
    static let historyShown = 50

    func why(inChannel channel: String) async -> JSONValue {
        guard let ticket = try? await engine.ticket(channel: channel),
              let outlook = try? await engine.outlook(of: ticket),
              let history = try? await engine.history(ofTicket: ticket.id) else { return .null }
        let state = ticket.state
        func name(_ id: String?) -> JSONValue {
            guard let id else { return .null }
            return .string(cast.person(id)?.name ?? id)
        }
        return .object([
            "number": .number(Double(state.number)),
            "category": .string(state.category),
            "state": .string(state.isClosed ? State.closed : state.state),
            "handler": name(state.handler),
            "escalationStep": .number(Double(outlook.escalationStep)),
            "assignedTo": outlook.assignedTo.map(JSONValue.string) ?? .null,
            "evidence": .array(outlook.evidence.map { .object(["label": .string($0.label), "received": .bool(!$0.received.isEmpty)]) }),
            "due": .array(outlook.due.map { due in
                rule(due.rule).setting("at", to: .number(Double(due.dueAt)))
            }),
            "history": .array(history.suffix(Self.historyShown).map { entry in
                let change: JSONValue = entry.stateBefore == entry.stateAfter ? .null
                    : .string([entry.stateBefore, entry.stateAfter].compactMap { $0 }.joined(separator: " → "))
                return .object(["at": .number(Double(entry.at)), "who": name(entry.actor), "kind": .string(entry.kind), "change": change,
                                "rules": .array(entry.rules.map(rule))])
            }),
        ])
    }

    /// A rule as the panel draws it: what it is, where, and its line as written.
    func rule(_ rule: FiredRule) -> JSONValue {
        .object(["rule": .string(rule.rule), "where": .string(rule.place),
                        "source": sources.line(rule.location.line, of: rule.location.path).map(JSONValue.string) ?? .null,
                        "refused": .bool(rule.outcome == .refused)])
    }
}

/// The workflow files as they were compiled, by path: the source line a
/// rule names is shown from the text that made it, not from a file that
/// may have been edited since.
public struct WorkflowSources: Sendable {
    /// By file name: the engine may have been given the folder's path in
    /// another spelling than the playground's.
    let lines: [String: [String]]

    public init(_ texts: [String: String]) {
        lines = Dictionary(texts.map { (($0.key as NSString).lastPathComponent,
                                        $0.value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)) },
                           uniquingKeysWith: { first, _ in first })
    }

    func line(_ number: Int, of path: String) -> String? {
        guard let file = lines[(path as NSString).lastPathComponent], file.indices.contains(number - 1) else { return nil }
        return file[number - 1].trimmingCharacters(in: .whitespaces)
    }
}
