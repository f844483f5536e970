import Discord
import Engine
import WorkflowDSL

/// The Discord components Escala shows: panel buttons or menu, a ticket
/// state's buttons, forms as modals, the sanction forms.
enum Components {
    /// Discord's button style numbers.
    static func buttonStyle(_ style: Category.Button.Style) -> Int {
        switch style {
        case .primary: 1
        case .secondary: 2
        case .success: 3
        case .danger: 4
        }
    }

    /// Buttons by name, five to a row: the workflow's, and the engine's own
    /// (the reported message's) in the ticket's language.
    static func rows(_ names: [String], of category: Category, language: String) -> [Component] {
        rows(names.compactMap { name in
            if name == TicketMachine.reportedMessageButton {
                return Component.button(CustomID.button(category: category.name, button: name).wire,
                                        label: NoticeCatalogue.text(.reportedMessageButton, locale: language).plain, style: 2)
            }
            return category.buttons.first { $0.name == name }.map { Component.button($0.customID, label: $0.label, style: buttonStyle($0.style)) }
        })
    }

    /// Buttons five to a row: Discord's limit for one action row.
    static func rows(_ buttons: [Component]) -> [Component] {
        stride(from: 0, to: buttons.count, by: 5).map { Component.actionRow(Array(buttons[$0..<min($0 + 5, buttons.count)])) }
    }

    /// `path`: the workflow's file, which the panel's ids name.
    static func panel(_ panel: Panel, of workflow: Workflow, path: String) -> [Component] {
        let key = CustomID.workflowKey(path: path)
        let categories = panel.categories.compactMap(workflow.category(named:))
        if panel.usesMenu {
            let options = categories.map { Component.SelectOption(label: String($0.label.prefix(100)), value: $0.name,
                                                                  description: $0.description.map { String($0.prefix(100)) }) }
            return [.actionRow([.select(CustomID.panelMenu(workflow: key).wire, placeholder: String(panel.title.prefix(150)), options: options)])]
        }
        return rows(categories.map { Component.button(CustomID.open(workflow: key, category: $0.name).wire, label: $0.label, style: 2) })
    }

    /// A form as Discord shows it: a written answer in a text input, a
    /// question with choices as a menu under its label (the answer is the
    /// choice's name). A form with a menu is all labels, as Discord's
    /// newer modals are; one of text inputs only keeps the action rows
    /// every client shows. Discord holds five fields.
    static func form(_ customID: String, title: String, questions: [Question]) -> InteractionResponse {
        let labelled = questions.prefix(5).contains { $0.choices != nil }
        return .modal(customID, title: title, fields: questions.prefix(5).map { question -> Component in
            guard let choices = question.choices else {
                let input = Component.textInput(question.name, label: String(question.label.prefix(45)), long: question.isLong,
                                                required: !question.isOptional, placeholder: question.placeholder.map { String($0.prefix(100)) })
                guard labelled else { return .actionRow([input]) }
                var bare = input
                bare.label = nil
                return .label(question.label, bare)
            }
            let options = choices.map { Component.SelectOption(label: DiscordLimits.cut($0.label, to: 100), value: $0.name, description: nil) }
            var menu = Component.modalSelect(question.name, options: options, required: !question.isOptional)
            menu.placeholder = question.placeholder.map { DiscordLimits.cut($0, to: 150) }
            return .label(question.label, menu)
        })
    }

    /// The ids of the sanction forms' fields.
    enum SanctionField {
        static let offence = "offence"
        static let member = "member"
        static let warned = "warned"
        static let record = "record"
        static let outsideOffence = "outside_offence"
        static let outsideApplier = "outside_applier"
        /// The appeal menu's choice for a sanction given outside Escala;
        /// a recorded one is its ledger id.
        static let outside = "outside"
    }

    static func offenceOptions(_ workflow: Workflow) -> [Component.SelectOption] {
        workflow.offences.prefix(25).map {
            Component.SelectOption(label: DiscordLimits.cut($0.label, to: 100), value: $0.name,
                                   description: $0.sanction.map { DiscordLimits.cut($0, to: 100) })
        }
    }

    /// Applying a sanction: the row of the table, the member, and, when a
    /// row asks for it, the box saying the member was warned first. One
    /// modal, so that the engine judges the three together.
    static func sanctionForm(_ workflow: Workflow, language: String) -> InteractionResponse {
        func words(_ notice: Notice) -> String { DiscordMarkup.render(notice, locale: language) }
        var fields: [Component] = [
            .label(words(.sanctionOffenceLabel), .modalSelect(SanctionField.offence, options: offenceOptions(workflow), required: true)),
            .label(words(.sanctionMemberLabel), .userSelect(SanctionField.member, required: true)),
        ]
        if workflow.offences.contains(where: \.warningRequired) {
            fields.append(.label(words(.sanctionWarnedLabel), .checkbox(SanctionField.warned)))
        }
        return .modal(CustomID.sanctionForm.wire, title: words(.sanctionFormTitle), fields: fields)
    }

    /// Naming the sanction an appeal is about: the owner's recorded
    /// sanctions (newest first, Discord shows 25), or "given outside
    /// Escala" with its offence and applier.
    static func appealedSanctionForm(_ workflow: Workflow, ledger: [SanctionRecord], language: String) -> InteractionResponse {
        func words(_ notice: Notice) -> String { DiscordMarkup.render(notice, locale: language) }
        let recorded = ledger.reversed().prefix(24).map {
            Component.SelectOption(label: DiscordLimits.cut(SanctionListing.title($0, in: workflow), to: 100), value: String($0.id),
                                   description: $0.entry.sanction.map { DiscordLimits.cut($0, to: 100) })
        }
        let options = recorded + [Component.SelectOption(label: words(.appealOutsideOption), value: SanctionField.outside)]
        return .modal(CustomID.appealedSanctionForm.wire, title: words(.appealFormTitle), fields: [
            .label(words(.appealRecordLabel), .modalSelect(SanctionField.record, options: options, required: true)),
            .label(words(.appealOutsideOffenceLabel), .modalSelect(SanctionField.outsideOffence, options: offenceOptions(workflow), required: false)),
            .label(words(.appealOutsideSanctionerLabel), .userSelect(SanctionField.outsideApplier, required: false)),
        ])
    }

}
