/// Draws each category's state machine for `escala graph`, in the
/// workflow's language: states, the transitions between them labelled with
/// the event (buttons by their labels), who (ranks by their names: «un CM o
/// superior»), the condition and what happens (what the bot says too),
/// timers dashed, the rules that keep a ticket where it is listed in its
/// state's box, the rules shared by every state in a box of their own
/// (drawn apart from the states), and a note with who receives the category, its chain, its
/// opening form and evidence, who owns a ticket, and its mandatory steps.
public enum GraphRenderer {
    public enum Format: String, Sendable, CaseIterable { case dot, mermaid }

    public static func render(_ workflow: Workflow, category: String? = nil, format: Format) -> String {
        let categories = workflow.categories.filter { category == nil || $0.name == category }
        switch format {
        case .dot: return dot(workflow, categories)
        case .mermaid: return mermaid(workflow, categories)
        }
    }

    // MARK: Labels

    /// Words for one category's edges, in the workflow's language: buttons
    /// by their labels, ranks by their names, what the bot says.
    struct Labeller {
        let workflow: Workflow
        let category: Category
        let words: GraphWords
        var locale: String { workflow.locales[0] }

        init(_ workflow: Workflow, _ category: Category) {
            self.workflow = workflow
            self.category = category
            words = GraphWords.forLanguage(workflow.locales[0])
        }

        /// `botón «Escalar a Trainee» por un CM o superior si pruebas completas → escalar a un Trainee o superior`
        func label(_ transition: CompiledTransition) -> String {
            var parts = [event(transition.event)]
            if !transition.actors.isEmpty { parts.append(words.by + " " + people(transition.actors)) }
            if let condition = transition.condition { parts.append(words.condition + " " + guardText(condition)) }
            let effects = transition.steps.compactMap(step)
            if !effects.isEmpty { parts.append("→ " + effects.joined(separator: "; ")) }
            return parts.joined(separator: " ")
        }

        func quoted(_ text: String) -> String { "«\(text)»" }

        func event(_ event: CompiledTransition.Event) -> String {
            switch event {
            case .opened: words.opened
            case .userMessage(let pattern): words.userMessage + (pattern.map { " ~ \($0)" } ?? "")
            case .staffMessage: words.staffMessage
            case .anyMessage: words.anyMessage
            case .button(let name): words.button + " " + quoted(category.buttons.first { $0.name == name }?.label ?? name)
            case .command(let name): "/\(name)"
            case .formSubmitted(let name): words.form + " " + quoted(workflow.forms[name]?.title ?? name)
            case .evidenceComplete: words.evidenceComplete
            case .memberLeft: words.memberLeft
            case .channelDeleted: words.channelDeleted
            case .timer(let seconds, let since):
                words.after + " " + GraphRenderer.duration(seconds) + (since == .inState ? "" : " (\(timerWords(since)))")
            }
        }

        func timerWords(_ kind: CompiledTransition.TimerStart) -> String {
            switch kind {
            case .inState: words.inState
            case .withoutReason: words.withoutReason
            case .userSilence: words.userSilence
            case .handlerInactivity: words.handlerInactivity
            }
        }

        func people(_ actors: [Actor]) -> String {
            let names = actors.map(person)
            guard names.count > 1 else { return names.first ?? "" }
            return names.dropLast().joined(separator: ", ") + " " + words.or + " " + names[names.count - 1]
        }

        func person(_ actor: Actor) -> String {
            switch actor {
            case .user: words.user
            case .anyStaff: words.staff
            case .handler: words.handler
            case .sanctioner: words.sanctioner
            case .rank(let name, let exact): GraphWords.fill(exact ? words.only : words.orAbove, workflow.displayName(of: name))
            case .role(let name): workflow.displayName(of: name)
            }
        }

        func guardText(_ condition: CompiledTransition.Guard) -> String {
            switch condition {
            case .flag(let name): name
            case .contains(let answer, let text): GraphWords.fill(words.contains, answer, quoted(text))
            case .matches(let answer, let pattern): "\(answer) ~ \(pattern)"
            case .answerIs(let answer, let choice): "\(answer) = \(quoted(category.questions.first { $0.name == answer }?.shown(choice) ?? choice))"
            case .handlerIs(let rank): GraphWords.fill(words.handlerIs, person(.rank(rank, exact: false)))
            case .sanctionIs(let offence): GraphWords.fill(words.sanctionIs, quoted(workflow.offences.first { $0.name == offence }?.label ?? offence))
            case .sanctionChosen: words.sanctionChosen
            case .evidenceComplete: words.evidenceComplete
            case .not(let inner):
                switch inner {
                case .and(let left, let right): words.not + " (\(guardText(left)) \(words.and) \(guardText(right)))"
                case .or: words.not + " " + guardText(inner)
                default: words.not + " " + guardText(inner)
                }
            case .and(let left, let right): "\(guardText(left)) \(words.and) \(guardText(right))"
            case .or(let left, let right): "(\(guardText(left)) \(words.or) \(guardText(right)))"
            }
        }

        /// What the bot says, cut to a glance.
        func spoken(_ text: LocalizedText) -> String {
            let words = (text.template(for: locale, default: locale)?.segments ?? []).map { segment -> String in
                switch segment {
                case .literal(let text): text
                case .variable(let name): "{\(name)}"
                }
            }.joined().replacingOccurrences(of: "\n", with: " ")
            return quoted(words.count > 40 ? String(words.prefix(39)) + "…" : words)
        }

        func step(_ step: CompiledTransition.Step) -> String? {
            switch step {
            case .say(let text): GraphWords.fill(words.say, spoken(text))
            case .escalateUp: words.escalateUp
            case .escalateTo(let target): GraphWords.fill(words.escalateTo, person(target))
            case .rename: words.rename
            case .ask(let form): GraphWords.fill(words.ask, quoted(workflow.forms[form]?.title ?? form))
            case .grant(let role, _): GraphWords.fill(words.grant, workflow.displayName(of: role))
            case .revoke(let role): GraphWords.fill(words.revoke, workflow.displayName(of: role))
            case .release: words.release
            case .claim: words.claim
            case .set(let flag): GraphWords.fill(words.set, flag)
            case .clear(let flag): GraphWords.fill(words.clear, flag)
            case .notify(let channel, _, let pings):
                GraphWords.fill(words.notify, channel) + (pings.isEmpty ? "" : " " + GraphWords.fill(words.pinging, people(pings)))
            case .publish(let channel, _): GraphWords.fill(words.publish, channel)
            case .mention(let who): GraphWords.fill(words.mention, person(who))
            case .chooseSanction: words.chooseSanction
            case .chooseAppealedSanction: words.chooseAppealedSanction
            case .transcript: words.transcript
            case .moveTo(let category): GraphWords.fill(words.moveTo, category)
            case .close, .goTo: nil
            }
        }

        /// The category's note: who receives it, its chain, the opening
        /// form, the evidence, who owns a ticket, the mandatory steps.
        func note() -> String {
            var lines = [GraphWords.fill(words.receives, people(category.receivers))]
            if !category.escalation.isEmpty {
                lines.append(GraphWords.fill(words.escalation, category.escalation.map { rank -> String in
                    if case .rank(let name, _) = rank { workflow.displayName(of: name) } else { person(rank) }
                }.joined(separator: " → ")))
            }
            if !category.questions.isEmpty { lines.append(GraphWords.fill(words.openingForm, category.questions.map(\.label).joined(separator: "; "))) }
            if !category.evidence.isEmpty {
                lines.append(GraphWords.fill(words.evidence, category.evidence.map { $0.isMembers ? $0.label : GraphWords.fill(words.fromStaff, $0.label) }
                    .joined(separator: "; ")))
            }
            lines.append(category.exclusiveClaim ? words.exclusiveClaim : words.sharedClaim)
            if let takeover = category.takeover {
                lines.append(GraphWords.fill(takeover.allowsPeers ? words.takeoverPeers : words.takeoverHigher, GraphRenderer.duration(takeover.afterSeconds)))
            }
            switch category.override {
            case .rank(let rank)?: lines.append(GraphWords.fill(words.overrideBy, person(.rank(rank, exact: false))))
            case .aboveHandler?: lines.append(words.overrideAboveHandler)
            case nil: break
            }
            for step in category.mandatory {
                let what = switch step.requirement {
                case .escalation(let target): GraphWords.fill(words.mustEscalate, person(target))
                case .evidenceComplete: words.mustEvidence
                case .sanctionChosen: words.mustSanction
                }
                switch step.gate {
                case .close: lines.append(GraphWords.fill(words.beforeClose, what))
                case .escalation(let target): lines.append(GraphWords.fill(words.beforeEscalating, what, person(target)))
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    static func duration(_ seconds: Int) -> String {
        for (unit, size) in [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)] where seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }

    // MARK: Graphviz

    static func dot(_ workflow: Workflow, _ categories: [Category]) -> String {
        var out = "digraph escala {\n  rankdir=LR;\n  fontname=\"Helvetica\";\n  nodesep=0.4;\n  ranksep=0.6;\n"
        out += "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=rounded];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for category in categories {
            let labeller = Labeller(workflow, category)
            let prefix = "\(category.name)__"
            out += "  subgraph \(quote("cluster_" + category.name)) {\n"
            out += "    label=\(quote("\(category.emoji.map { $0 + " " } ?? "")\(category.label) (\(category.name))"));\n"
            out += "    \(quote(prefix + "start")) [shape=point, width=0.15];\n"
            for state in category.states {
                let shape = state.isFinal ? ", shape=doublecircle, style=solid" : ""
                out += "    \(quote(prefix + state.name)) [label=\(ruleBox(state.name, staying(state.name, state.transitions), labeller))\(shape)];\n"
            }
            out += "    \(quote(prefix + "start")) -> \(quote(prefix + category.initialState));\n"
            for state in category.states {
                out += edges(prefix, from: state.name, state.transitions, labeller)
            }
            // The rules of every state are drawn apart from the states: the
            // ones that stay (`on opened`, a button that only says
            // something) listed in one box, the ones that lead somewhere as
            // edges from it.
            if !category.sharedTransitions.isEmpty {
                let staying = staying("*", category.sharedTransitions)
                out += "    \(quote(prefix + "*")) [label=\(ruleBox(labeller.words.anyState, staying, labeller)), shape=box, style=\"rounded,dashed\"];\n"
                out += edges(prefix, from: "*", category.sharedTransitions, labeller)
            }
            out += "    \(quote(prefix + "note")) [shape=note, label=\(quote(labeller.note()))];\n"
            out += "  }\n"
        }
        return out + "}\n"
    }

    /// The rules of `from` that leave the ticket where it is.
    static func staying(_ from: String, _ transitions: [CompiledTransition]) -> [CompiledTransition] {
        transitions.filter { ($0.target ?? from) == from }
    }

    /// A state's box: its name, then each rule that stays in it on lines of
    /// its own (`↻ botón «Añadir nota» …`), left-aligned. Graphviz draws a
    /// node's loops on top of each other and over their neighbours' labels;
    /// inside the box, nothing overlaps.
    static func ruleBox(_ name: String, _ rules: [CompiledTransition], _ labeller: Labeller) -> String {
        guard !rules.isEmpty else { return quote(name) }
        let lines = rules.flatMap { rule -> [String] in
            let mark = if case .timer = rule.event { "⏱ " } else { "↻ " }
            return wrap(mark + labeller.label(rule)).enumerated().map { $0.offset == 0 ? $0.element : "   " + $0.element }
        }
        return "\"" + escape(name) + "\\n" + lines.map { escape($0) + "\\l" }.joined() + "\""
    }

    /// A state's edges to other states, one per rule; long labels wrapped
    /// so that two side by side do not run into each other.
    static func edges(_ prefix: String, from: String, _ transitions: [CompiledTransition], _ labeller: Labeller) -> String {
        var out = ""
        for transition in transitions where (transition.target ?? from) != from {
            var attributes = ["label=\(quote(wrap(labeller.label(transition)).joined(separator: "\n")))"]
            if case .timer = transition.event { attributes.append("style=dashed") }
            out += "    \(quote(prefix + from)) -> \(quote(prefix + (transition.target ?? from))) [\(attributes.joined(separator: ", "))];\n"
        }
        return out
    }

    /// `text` in lines of at most `width` characters, broken between words.
    static func wrap(_ text: String, width: Int = 48) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        return lines + [line]
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }

    static func quote(_ text: String) -> String {
        "\"" + escape(text).replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    // MARK: Mermaid

    static func mermaid(_ workflow: Workflow, _ categories: [Category]) -> String {
        var out = "stateDiagram-v2\n"
        for category in categories {
            let labeller = Labeller(workflow, category)
            let id = mermaidID(category.name)
            out += "  state \"\(mermaidText(category.label))\" as \(id) {\n"
            out += "    [*] --> \(id)_\(mermaidID(category.initialState))\n"
            for state in category.states {
                out += "    state \"\(mermaidText(state.name))\" as \(id)_\(mermaidID(state.name))\n"
                for transition in state.transitions {
                    let target = transition.target ?? state.name
                    out += "    \(id)_\(mermaidID(state.name)) --> \(id)_\(mermaidID(target)): \(mermaidText(labeller.label(transition)))\n"
                }
                if state.isFinal { out += "    \(id)_\(mermaidID(state.name)) --> [*]\n" }
            }
            if !category.sharedTransitions.isEmpty {
                out += "    state \"\(mermaidText(labeller.words.anyState))\" as \(id)_any\n"
                for transition in category.sharedTransitions {
                    let target = transition.target.map { "\(id)_\(mermaidID($0))" } ?? "\(id)_any"
                    out += "    \(id)_any --> \(target): \(mermaidText(labeller.label(transition)))\n"
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
