/// Draws each category's state machine for `escala graph`: states, the
/// transitions between them labelled with event, people and condition,
/// timers (dashed), the rules shared by every state (from an "any state"
/// node), and the escalation chain.
public enum GraphRenderer {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    public static func render(_ workflow: Workflow, category: String? = nil, format: Format) -> String {
        let categories = workflow.categories.filter { category == nil || $0.name == category }
        switch format {
        case .dot: return dot(workflow, categories)
        case .mermaid: return mermaid(categories)
        }
    }

    // MARK: Labels

    /// `button escalar by cm if reportado_staff`
    static func label(_ transition: CompiledTransition) -> String {
        var parts = [event(transition.event)]
        if !transition.actors.isEmpty { parts.append("by " + transition.actors.map(actor).joined(separator: ", ")) }
        if let condition = transition.condition { parts.append("if " + guardText(condition)) }
        let effects = transition.steps.compactMap(step)
        if !effects.isEmpty { parts.append("/ " + effects.joined(separator: "; ")) }
        return parts.joined(separator: " ")
    }

    static func event(_ event: CompiledTransition.Event) -> String {
        switch event {
        case .opened: "opened"
        case .userMessage(let pattern): pattern.map { "user message ~ \($0)" } ?? "user message"
        case .staffMessage: "staff message"
        case .anyMessage: "message"
        case .button(let name): "button \(name)"
        case .command(let name): "/\(name)"
        case .formSubmitted(let name): "form \(name)"
        case .evidenceComplete: "evidence complete"
        case .memberLeft: "member left"
        case .channelDeleted: "channel deleted"
        case .timer(let seconds, let since):
            "after \(duration(seconds))" + (since == .inState ? "" : " (\(timerWords(since)))")
        }
    }

    static func timerWords(_ kind: CompiledTransition.TimerStart) -> String {
        switch kind {
        case .inState: "in state"
        case .withoutReason: "without reason"
        case .userSilence: "user silent"
        case .handlerInactivity: "handler inactive"
        }
    }

    static func duration(_ seconds: Int) -> String {
        for (unit, size) in [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }

    static func actor(_ actor: Actor) -> String {
        switch actor {
        case .user: "user"
        case .anyStaff: "staff"
        case .handler: "handler"
        case .sanctioner: "sanctioner"
        case .rank(let name, let exact): exact ? "\(name) only" : "\(name)+"
        case .role(let name): name
        }
    }

    /// A rank or role by its name alone, for the escalation chain.
    static func rankName(_ actor: Actor) -> String {
        switch actor {
        case .rank(let name, _), .role(let name): name
        default: self.actor(actor)
        }
    }

    static func guardText(_ condition: CompiledTransition.Guard) -> String {
        switch condition {
        case .flag(let name): name
        case .contains(let answer, let text): "\(answer) contains \"\(text)\""
        case .matches(let answer, let pattern): "\(answer) ~ \(pattern)"
        case .handlerIs(let rank): "handler is \(rank)"
        case .sanctionIs(let offence): "sanction is \(offence)"
        case .sanctionChosen: "sanction chosen"
        case .evidenceComplete: "evidence complete"
        case .not(let inner): "not \(guardText(inner))"
        case .and(let left, let right): "\(guardText(left)) and \(guardText(right))"
        case .or(let left, let right): "(\(guardText(left)) or \(guardText(right)))"
        }
    }

    /// The steps worth seeing on an edge; messages are left out to keep
    /// the picture readable.
    static func step(_ step: CompiledTransition.Step) -> String? {
        switch step {
        case .escalateUp: "escalate up"
        case .escalateTo(let target): "escalate to \(actor(target))"
        case .rename: "rename"
        case .ask(let form): "ask \(form)"
        case .grant(let role, _): "grant \(role)"
        case .revoke(let role): "revoke \(role)"
        case .release: "release"
        case .claim: "claim"
        case .set(let flag): "set \(flag)"
        case .clear(let flag): "clear \(flag)"
        case .notify(let channel, _, let pings): "notify #\(channel)" + (pings.isEmpty ? "" : " @" + pings.map(\.description).joined(separator: ", @"))
        case .mention(let who): "mention \(actor(who))"
        case .chooseSanction: "choose sanction"
        case .chooseAppealedSanction: "choose appealed sanction"
        case .transcript: "transcript"
        default: nil
        }
    }

    // MARK: Graphviz

    static func dot(_ workflow: Workflow, _ categories: [Category]) -> String {
        var out = "digraph escala {\n  rankdir=LR;\n  fontname=\"Helvetica\";\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=rounded];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for category in categories {
            let prefix = "\(category.name)__"
            out += "  subgraph \(quote("cluster_" + category.name)) {\n"
            out += "    label=\(quote("\(category.emoji.map { $0 + " " } ?? "")\(category.label) (\(category.name))"));\n"
            out += "    \(quote(prefix + "start")) [shape=point, width=0.15];\n"
            for state in category.states {
                let shape = state.isFinal ? ", shape=doublecircle, style=solid" : ""
                out += "    \(quote(prefix + state.name)) [label=\(quote(state.name))\(shape)];\n"
            }
            out += "    \(quote(prefix + "start")) -> \(quote(prefix + category.initialState));\n"
            for state in category.states {
                for transition in state.transitions {
                    out += "    " + edge(prefix, from: state.name, transition) + "\n"
                }
            }
            if !category.sharedTransitions.isEmpty {
                out += "    \(quote(prefix + "*")) [label=\"any state\", shape=box, style=\"rounded,dashed\"];\n"
                for transition in category.sharedTransitions {
                    out += "    " + edge(prefix, from: "*", transition) + "\n"
                }
            }
            if !category.escalation.isEmpty {
                let chain = category.escalation.map(rankName).joined(separator: " → ")
                let receivers = category.receivers.map(rankName).joined(separator: ", ")
                out += "    \(quote(prefix + "escalation")) [shape=note, label=\(quote("receives: \(receivers)\nescalation: \(chain)"))];\n"
            }
            out += "  }\n"
        }
        return out + "}\n"
    }

    static func edge(_ prefix: String, from: String, _ transition: CompiledTransition) -> String {
        let target = transition.target ?? from
        var attributes = ["label=\(quote(label(transition)))"]
        if case .timer = transition.event { attributes.append("style=dashed") }
        return "\(quote(prefix + from)) -> \(quote(prefix + target)) [\(attributes.joined(separator: ", "))];"
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    // MARK: Mermaid

    static func mermaid(_ categories: [Category]) -> String {
        var out = "stateDiagram-v2\n"
        for category in categories {
            let id = mermaidID(category.name)
            out += "  state \"\(mermaidText(category.label))\" as \(id) {\n"
            out += "    [*] --> \(id)_\(mermaidID(category.initialState))\n"
            for state in category.states {
                out += "    state \"\(mermaidText(state.name))\" as \(id)_\(mermaidID(state.name))\n"
                for transition in state.transitions {
                    let target = transition.target ?? state.name
                    out += "    \(id)_\(mermaidID(state.name)) --> \(id)_\(mermaidID(target)): \(mermaidText(label(transition)))\n"
                }
                if state.isFinal { out += "    \(id)_\(mermaidID(state.name)) --> [*]\n" }
            }
            if !category.sharedTransitions.isEmpty {
                out += "    state \"any state\" as \(id)_any\n"
                for transition in category.sharedTransitions {
                    let target = transition.target.map { "\(id)_\(mermaidID($0))" } ?? "\(id)_any"
                    out += "    \(id)_any --> \(target): \(mermaidText(label(transition)))\n"
                }
            }
            out += "  }\n"
        }
        return out
    }

    static func mermaidID(_ name: String) -> String {
        String(name.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_" })
    }

    /// Mermaid labels end at a line break and treat `:` and `;` specially.
    static func mermaidText(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: ";", with: ",")
            .replacingOccurrences(of: ":", with: " ").replacingOccurrences(of: "\"", with: "'")
    }
}
