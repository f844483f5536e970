import WorkflowDSL

/// `/priority` and `/topic`: how urgent a ticket is and what it is about,
/// set by staff and shown where Discord's staff look first (the channel's
/// name in the sidebar, its topic under the name).
extension MachineStep {
    /// Discord's limit on a channel's topic.
    static let topicLength = 1024

    /// The ticket's channel name: its category and number, after the mark
    /// of its priority when it has one (`🔴-reportes-12`).
    var channelName: String {
        let base = "\(category.name)-\(state.number)"
        guard let mark = state.priority.flatMap({ name in workflow.priorities.first { $0.name == name } })?.mark, !mark.isEmpty else { return base }
        return "\(mark)-\(base)"
    }

    /// `/priority LEVEL`: the level by name; the channel is renamed (the
    /// face paces renames by Discord's limit) and told who set it.
    mutating func prioritize(_ name: String, by person: Person) {
        guard mayUse(.priority, person) else { return }
        guard let priority = workflow.priorities.first(where: { $0.name == name }) else {
            effects.append(.refuse(person: person.id, reason: NoticeCatalogue.text(.noSuchPriority(String(name.prefix(100))), locale: locale)))
            return
        }
        guard state.priority != priority.name else { return }
        state.priority = priority.name
        rules.append(FiredRule(location: priority.location, rule: "priority \(priority.name)"))
        effects.append(.rename(channelName))
        let shown = [priority.mark, priority.name].compactMap { $0 }.joined(separator: " ")
        effects.append(.notice(text: NoticeCatalogue.text(.priorityChanged(shown, by: person.id), locale: locale), pinging: []))
    }

    /// `/topic`: the form to write it in, offered to that person only.
    mutating func askTopic(by person: Person) {
        guard mayUse(.topic, person) else { return }
        offer(.form(TicketMachine.topicForm, to: person.id))
        effects.append(.showForm(TicketMachine.topicForm, to: person.id))
    }

    /// The topic form's answer, cut to Discord's limit; an empty answer
    /// clears it. Checked again: who may set it can change between the
    /// form shown and the form sent.
    mutating func setTopic(_ text: String, by person: Person) {
        guard mayUse(.topic, person) else { return }
        let topic = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.topicLength))
        guard topic != (state.topic ?? "") else { return }
        state.topic = topic.isEmpty ? nil : topic
        rules.append(FiredRule(location: toolSpot(.topic), rule: topic.isEmpty ? "topic cleared" : "topic set"))
        effects.append(.setTopic(topic))
        effects.append(.notice(text: NoticeCatalogue.text(topic.isEmpty ? .topicCleared(by: person.id) : .topicChanged(topic, by: person.id), locale: locale),
                               pinging: []))
    }
}
