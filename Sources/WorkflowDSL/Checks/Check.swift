/// One lint rule. Each rule lives in its own file beside its siblings, with
/// its golden test in `Tests/WorkflowDSLTests/Golden/<code>-*.flow`.
protocol Check: Sendable {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag)
}

/// What every check reads: the parsed file, its names, and each ticket as
/// it behaves once the defaults are applied.
struct CheckContext {
    let file: WorkflowFile
    let symbols: SymbolTable
    let tickets: [EffectiveTicket]
    /// Declared texts by name; the first declaration wins (a second is E102).
    let texts: [String: TextDeclaration]

    init(file: WorkflowFile, symbols: SymbolTable, tickets: [EffectiveTicket]) {
        self.file = file
        self.symbols = symbols
        self.tickets = tickets
        texts = Dictionary(file.texts.map { ($0.name.text, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The rules, in the order their diagnostics read best: names first,
    /// since a later rule may depend on a name being right.
    static let checks: [any Check.Type] = [
        NameResolutionCheck.self,
        LocalNamesCheck.self,
        ReportCategoryCheck.self,
        MissingRanksCheck.self,
        InitialStateCheck.self,
        ReachabilityCheck.self,
        DeadEndCheck.self,
        EscalationCheck.self,
        NeverFiresCheck.self,
        AmbiguityCheck.self,
        FormInteractionCheck.self,
        SanctionerCheck.self,
        MandatoryStepCheck.self,
        PatternCheck.self,
        TemplateCheck.self,
        ChannelNameCheck.self,
        DiscordLimitsCheck.self,
        ValueCheck.self,
        TranslationCheck.self,
        PanelCoverageCheck.self,
        CrowdedPlaceCheck.self,
        UnusedDeclarationCheck.self,
    ]

    // MARK: Walking the file

    /// Every transition with the ticket (nil for `defaults`) and state it is
    /// written in (nil for ticket-level ones).
    func forEachTransition(_ body: (Transition, EffectiveTicket?, StateDeclaration?) -> Void) {
        for transition in file.defaults?.transitions ?? [] { body(transition, nil, nil) }
        for ticket in tickets {
            for transition in ticket.declaration.body.transitions { body(transition, ticket, nil) }
            for state in ticket.declaration.body.states {
                for transition in state.transitions { body(transition, ticket, state) }
            }
        }
    }

    /// The lists of transitions in which order matters, each once: every
    /// declared state's own, every ticket's ticket-level ones, the defaults'.
    /// Within a list the first match wins, so shadowing and ambiguity are
    /// judged per list.
    var transitionGroups: [(transitions: [Transition], inFinalState: Bool)] {
        var groups: [(transitions: [Transition], inFinalState: Bool)] = []
        if let defaults = file.defaults { groups.append((defaults.transitions, false)) }
        for ticket in file.tickets {
            groups.append((ticket.body.transitions, false))
            groups += ticket.body.states.map { ($0.transitions, $0.isFinal) }
        }
        return groups
    }

    /// Every text a person reads, with the ticket whose answers it may quote.
    func forEachMessage(_ body: (TextReference, EffectiveTicket?) -> Void) {
        func settings(_ own: TicketBody, _ ticket: EffectiveTicket?) {
            for text in [own.greeting, own.farewell, own.rating, own.outsideHours, own.reminder?.text] {
                if let text { body(text, ticket) }
            }
            for reply in own.autoReplies { body(reply.text, ticket) }
            for reply in own.replies { body(reply.text, ticket) }
        }
        if let defaults = file.defaults { settings(defaults, nil) }
        for ticket in tickets { settings(ticket.declaration.body, ticket) }
        for panel in file.panels { if let message = panel.message { body(message, nil) } }
        for milestone in file.milestones {
            if case .notify(_, let text, _) = milestone.notice.kind { body(text, nil) }
        }
        for activity in file.activities { if let title = activity.title { body(title, nil) } }
        forEachTransition { transition, ticket, _ in
            for action in transition.actions {
                switch action.kind {
                case .say(let text), .notify(_, let text, _), .publish(_, let text): body(text, ticket)
                case .close(let reason?): body(reason, ticket)
                default: break
                }
            }
        }
    }

    /// The translations of a text reference: locale → literal. A literal is
    /// in the default locale; an undefined name has none.
    func translations(of reference: TextReference) -> [(locale: String, text: StringLiteral)] {
        switch reference {
        case .literal(let literal):
            return [(symbols.locales[0], literal)]
        case .named(let name):
            guard let declaration = texts[name.text] else { return [] }
            return declaration.translations.map { ($0.locale?.text ?? symbols.locales[0], $0.text) }
        }
    }

    func line(of range: SourceRange) -> Int { file.source.location(of: range.start).line }
}
