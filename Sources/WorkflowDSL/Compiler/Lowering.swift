/// Turns a checked file into the compiled model. Runs only when the checks
/// found no error, so every name here resolves.
struct Lowering {
    let context: CheckContext
    private var texts: [String: LocalizedText] = [:]

    init(context: CheckContext) {
        self.context = context
        for declaration in context.file.texts {
            var translations: [String: Template] = [:]
            for translation in declaration.translations {
                translations[translation.locale?.text ?? context.symbols.locales[0]] = Template.parse(translation.text.value).0
            }
            texts[declaration.name.text] = LocalizedText(translations: translations)
        }
    }

    mutating func workflow() -> Workflow {
        let file = context.file
        let forms = Dictionary(file.forms.map { form in
            (form.name.text, Form(name: form.name.text, title: form.title.value, questions: form.questions.map(question)))
        }, uniquingKeysWith: { first, _ in first })
        return Workflow(
            title: file.title?.value ?? file.source.path,
            locales: context.symbols.locales,
            ranks: context.symbols.ranks.map(\.text),
            roles: file.roles.map(\.name.text),
            channels: file.channels.map(\.name.text),
            texts: texts,
            forms: forms,
            userLimit: file.userLimit?.count,
            panels: file.panels.map { panel in
                Panel(name: panel.name.text, title: panel.title.value, channel: panel.channel.text,
                      message: panel.message.map(text), usesMenu: panel.usesMenu, categories: panel.categories.map(\.text))
            },
            categories: context.tickets.map(category),
            offences: file.offences.map { offence in
                Offence(name: offence.name.text, label: offence.label.value, sanction: offence.sanction?.value,
                        appliedBy: offence.appliedBy.map(\.text), evidenceRequired: offence.evidenceRequired,
                        warningRequired: offence.warningRequired, blocksTicketsForSeconds: offence.blocksTicketsFor?.seconds)
            },
            milestones: file.milestones.map { milestone in
                Milestone(count: milestone.count, notice: step(milestone.notice), location: spot(milestone.range))
            }.sorted { $0.count < $1.count },
            messages: file.messages.map(\.name.text),
            reputation: file.reputation.map { reputation in
                ReputationRules(
                    limits: reputation.limits.map { .init(count: $0.count, perMember: $0.perMember, periodSeconds: $0.period.seconds) },
                    levels: reputation.levels.map { .init(name: $0.name.text, threshold: $0.threshold) }.sorted { $0.threshold < $1.threshold })
            },
            autoroles: file.autoroles.map(autorole),
            activities: file.activities.map(activity),
            blockers: file.blocklist.map { blocklist in blocklist.actors.map { actor($0, exact: blocklist.exact) } },
            priorities: file.priorities.map { Priority(name: $0.name.text, mark: $0.mark?.value, location: spot($0.range)) },
            webhooks: file.webhooks.map { webhook in
                Webhook(url: webhook.url.value, events: webhook.events.isEmpty ? LifecycleEvent.allCases : webhook.events.compactMap { LifecycleEvent(rawValue: $0.text) },
                        location: spot(webhook.range))
            },
            displayNames: Dictionary(file.rankLadders.flatMap { $0.labels.map { ($0.key, $0.value.value) } }
                                     + file.roles.compactMap { role in role.label.map { (role.name.text, $0.value) } },
                                     uniquingKeysWith: { first, _ in first })
        )
    }

    func autorole(_ declaration: AutoroleDeclaration) -> AutoroleRule {
        let trigger: AutoroleRule.Trigger = switch declaration.trigger {
        case .seniority(let duration): .seniority(seconds: duration.seconds)
        case .reputation(let level): .reputation(level: level.text)
        case .reaction(let emoji, let message): .reaction(emoji: emoji.value, message: message.text)
        }
        return AutoroleRule(name: declaration.name.text, role: declaration.role.text, trigger: trigger,
                            durationSeconds: declaration.duration?.seconds)
    }

    func activity(_ declaration: ActivityDeclaration) -> ActivityBoard {
        ActivityBoard(name: declaration.name.text,
                      counters: declaration.counters.compactMap { ActivityBoard.Counter(rawValue: $0.rawValue) },
                      period: declaration.period.flatMap { ActivityBoard.Period(rawValue: $0.rawValue) } ?? .week,
                      startDay: declaration.startDay, startMinutes: declaration.startMinutes,
                      timeZone: declaration.timeZone?.value ?? "UTC", topSize: declaration.topSize,
                      channel: declaration.channel?.text ?? "", title: declaration.title.map(text),
                      image: declaration.image?.value)
    }

    func text(_ reference: TextReference) -> LocalizedText {
        switch reference {
        case .named(let name): texts[name.text] ?? LocalizedText(translations: [:])
        case .literal(let literal): LocalizedText(translations: [context.symbols.locales[0]: Template.parse(literal.value).0])
        }
    }

    func question(_ question: QuestionDeclaration) -> Question {
        Question(name: question.name.text, label: question.label.value, isLong: question.isLong,
                 isOptional: question.isOptional, placeholder: question.placeholder?.value,
                 choices: question.choices.isEmpty ? nil : question.choices.map { .init(name: $0.name.text, label: $0.label.value) })
    }

    func spot(_ range: SourceRange) -> SourceSpot {
        let location = context.file.source.location(of: range.start)
        return SourceSpot(path: context.file.source.path, line: location.line, column: location.column)
    }

    func actor(_ name: Name, exact: Bool = false) -> Actor {
        switch name.text {
        case "user": return .user
        case "staff": return .anyStaff
        case "handler": return .handler
        case "sanctioner": return .sanctioner
        default:
            return context.symbols.kind(of: name.text) == .role ? .role(name.text) : .rank(name.text, exact: exact)
        }
    }

    func category(_ ticket: EffectiveTicket) -> Category {
        let body = ticket.body
        let states = ticket.states.map { state in
            var buttons: [String] = []
            for transition in ticket.transitions(in: state) {
                if case .button(let name) = transition.trigger, !buttons.contains(name.text) { buttons.append(name.text) }
            }
            return State(name: state.name.text, isFinal: state.isFinal,
                         transitions: state.transitions.map(self.transition), buttons: buttons)
        }
        let closed = State(name: EffectiveTicket.closedState, isFinal: true, transitions: [], buttons: [])
        var spots = Category.RuleSpots()
        spots.userSpeaksFirst = body.userSpeaksFirst.map(spot)
        spots.claim = body.claim.map { spot($0.range) }
        spots.takeover = body.takeover.map { spot($0.range) }
        spots.override = body.override.map { spot($0.range) }
        spots.reminder = body.reminder.map { spot($0.range) }
        spots.mandatory = body.mandatory.map { spot($0.range) }
        spots.autoReplies = body.autoReplies.map { spot($0.range) }
        var category = Category(
            name: ticket.name,
            label: ticket.declaration.label.value,
            emoji: body.emoji?.value,
            description: body.description?.value,
            receivers: body.receivers.map { actor($0) },
            escalation: body.escalation.map { actor($0) },
            mode: Category.Mode(rawValue: body.mode?.text ?? "channel") ?? .channel,
            place: body.place?.text,
            overflows: body.overflows.map(\.text),
            userLimit: body.limit?.count,
            questions: body.questions.map(question),
            evidence: body.evidence.map {
                Category.Evidence(kind: Category.Evidence.Kind(rawValue: $0.kind.rawValue) ?? .text, name: $0.name.text, label: $0.label.value,
                                  pattern: $0.pattern?.value, from: $0.from.map { actor($0) })
            },
            greeting: body.greeting.map(text),
            farewell: body.farewell.map(text),
            farewellWaitSeconds: body.farewellWait?.seconds,
            mandatory: body.mandatory.map { step in
                let requirement: Category.Mandatory.Requirement = switch step.requirement {
                case .escalation(let target): .escalation(actor(target))
                case .evidenceComplete: .evidenceComplete
                case .sanctionChosen: .sanctionChosen
                }
                let gate: Category.Mandatory.Gate = switch step.gate {
                case .close: .close
                case .escalation(let target): .escalation(actor(target))
                }
                return Category.Mandatory(requirement: requirement, gate: gate)
            },
            exclusiveClaim: (body.claim?.text ?? "shared") == "exclusive",
            override: body.override.flatMap { setting in
                setting.aboveHandler ? .aboveHandler : lowestRank(setting.ranks).map(Category.Override.rank)
            },
            takeover: body.takeover.map { Category.Takeover(afterSeconds: $0.after.seconds, allowsPeers: $0.allowsPeers) },
            userSpeaksFirst: body.userSpeaksFirst != nil,
            reminder: body.reminder.map { Category.Reminder(beforeSeconds: $0.before.seconds, text: text($0.text)) },
            closeReasonRequired: body.closeReasonRequired != nil,
            rating: body.rating.map(text),
            hours: body.hours.map { hours in
                Category.Hours(windows: hours.windows.map {
                    .init(firstDay: $0.firstDay, lastDay: $0.lastDay, opensAt: $0.opensAt, closesAt: $0.closesAt)
                }, timeZone: hours.timeZone.value)
            },
            outsideHours: body.outsideHours.map(text),
            transcriptChannel: body.transcriptChannel?.text,
            autoReplies: body.autoReplies.map { Category.AutoReplyRule(pattern: $0.pattern.value, text: text($0.text)) },
            buttons: body.buttons.map {
                Category.Button(name: $0.name.text, label: $0.label.value, style: $0.style.flatMap { Category.Button.Style(rawValue: $0.text) } ?? .secondary,
                                customID: CustomID.button(category: ticket.name, button: $0.name.text).wire)
            } + (body.farewellWait == nil ? [] : Category.FarewellAnswer.allCases.map { answer in
                Category.Button(name: answer.rawValue, label: answer.label(in: context.symbols.locales[0]), style: answer.style,
                                customID: CustomID.button(category: ticket.name, button: answer.rawValue).wire)
            }),
            flags: body.flags.map(\.name.text),
            sharedTransitions: body.transitions.map(transition),
            initialState: ticket.initialState?.name.text ?? EffectiveTicket.implicitOpenState,
            states: states + [closed],
            location: spot(ticket.declaration.name.range)
        )
        category.ruleSpots = spots
        let tools = body.permissions.flatMap { permission in
            permission.tools.compactMap { StaffTool(rawValue: $0.text) }.map {
                ToolRule(tool: $0, actors: permission.actors.map { actor($0, exact: permission.exact) }, location: spot(permission.range))
            }
        }
        category.tools = tools.isEmpty ? nil : tools
        category.transcriptToUser = body.transcriptToUser == nil ? nil : true
        category.reportsMessages = body.reportMessages == nil ? nil : true
        let replies = body.replies.map { Category.Reply(name: $0.name.text, label: $0.label.value, text: text($0.text), location: spot($0.range)) }
        category.replies = replies.isEmpty ? nil : replies
        return category
    }

    func lowestRank(_ names: [Name]) -> String? {
        names.min { (context.symbols.rankLevels[$0.text] ?? .max) < (context.symbols.rankLevels[$1.text] ?? .max) }?.text
    }

    func transition(_ transition: Transition) -> CompiledTransition {
        let event: CompiledTransition.Event = switch transition.trigger {
        case .opened: .opened
        case .userMessage(let pattern): .userMessage(pattern: pattern?.value)
        case .staffMessage: .staffMessage
        case .anyMessage: .anyMessage
        case .button(let name): .button(name.text)
        case .command(let name): .command(name.text)
        case .formSubmitted(let name): .formSubmitted(name.text)
        case .evidenceComplete: .evidenceComplete
        case .memberLeft: .memberLeft
        case .channelDeleted: .channelDeleted
        case .timer(let duration, let kind): .timer(seconds: duration.seconds, since: CompiledTransition.TimerStart(rawValue: kind.rawValue) ?? .inState)
        }
        return CompiledTransition(
            event: event,
            actors: transition.actors.map { actor($0, exact: transition.actorsExact) },
            condition: transition.condition.map(condition),
            steps: transition.actions.map(step),
            target: transition.target,
            location: spot(transition.headRange)
        )
    }

    func condition(_ condition: Condition) -> CompiledTransition.Guard {
        switch condition {
        case .flag(let name): .flag(name.text)
        case .contains(let name, let text): .contains(answer: name.text, text: text.value)
        case .matches(let name, let pattern): .matches(answer: name.text, pattern: pattern.value)
        case .answerIs(let name, let choice): .answerIs(answer: name.text, choice: choice.text)
        case .handlerIs(let rank): .handlerIs(rank.text)
        case .sanctionIs(let offence): .sanctionIs(offence.text)
        case .sanctionChosen: .sanctionChosen
        case .evidenceComplete: .evidenceComplete
        case .not(let inner): .not(self.condition(inner))
        case .and(let left, let right): .and(self.condition(left), self.condition(right))
        case .or(let left, let right): .or(self.condition(left), self.condition(right))
        }
    }

    func step(_ action: Action) -> CompiledTransition.Step {
        switch action.kind {
        case .say(let reference): .say(text(reference))
        case .ask(let form): .ask(form.text)
        case .rename(let name): .rename(Template.parse(name.value).0)
        case .notify(let channel, let reference, let pings): .notify(channel: channel.text, text(reference), pings: pings.map { actor($0) })
        case .publish(let channel, let reference): .publish(channel: channel.text, text(reference))
        case .mention(let who): .mention(actor(who))
        case .grant(let role, let duration): .grant(role.text, seconds: duration?.seconds)
        case .revoke(let role): .revoke(role.text)
        case .close(let reason): .close(reason.map(text))
        case .transcript(let channel): .transcript(channel?.text)
        case .escalateUp: .escalateUp
        case .escalateTo(let target, _): .escalateTo(actor(target))
        case .release: .release
        case .claim: .claim
        case .set(let flag): .set(flag.text)
        case .clear(let flag): .clear(flag.text)
        case .goTo(let state): .goTo(state.text)
        case .moveTo(let category): .moveTo(category.text)
        case .chooseSanction: .chooseSanction
        case .chooseAppealedSanction: .chooseAppealedSanction
        }
    }
}
