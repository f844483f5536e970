import Discord
import Engine
import WorkflowDSL

/// The Discord components Escala shows: panel buttons or menu, a ticket
/// state's buttons, forms as modals, the sanctions table as a menu.
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

    /// Buttons by name, five to a row.
    static func rows(_ names: [String], of category: Category) -> [Component] {
        rows(names.compactMap { name in category.buttons.first { $0.name == name } }
            .map { Component.button($0.customID, label: $0.label, style: buttonStyle($0.style)) })
    }

    /// Buttons five to a row: Discord's limit for one action row.
    static func rows(_ buttons: [Component]) -> [Component] {
        stride(from: 0, to: buttons.count, by: 5).map { Component.actionRow(Array(buttons[$0..<min($0 + 5, buttons.count)])) }
    }

    static func panel(_ panel: Panel, of workflow: Workflow) -> [Component] {
        let categories = panel.categories.compactMap(workflow.category(named:))
        if panel.usesMenu {
            let options = categories.map { Component.SelectOption(label: String($0.label.prefix(100)), value: $0.name,
                                                                  description: $0.description.map { String($0.prefix(100)) }) }
            return [.actionRow([.select(CustomID.panelMenu.wire, placeholder: String(panel.title.prefix(150)), options: options)])]
        }
        return rows(categories.map { Component.button(CustomID.open(category: $0.name).wire, label: $0.label, style: 2) })
    }

    static func input(_ question: Question) -> Component {
        .textInput(question.name, label: String(question.label.prefix(45)), long: question.isLong, required: !question.isOptional,
                   placeholder: question.placeholder.map { String($0.prefix(100)) })
    }

    static func sanctions(_ workflow: Workflow, locale: String) -> [Component] {
        let options = workflow.offences.prefix(25).map {
            Component.SelectOption(label: String($0.label.prefix(100)), value: $0.name, description: $0.sanction.map { String($0.prefix(100)) })
        }
        return [.actionRow([.select(CustomID.sanctionMenu.wire, placeholder: DiscordMarkup.render(.sanctionPlaceholder, locale: workflow.locale(closestTo: locale)), options: Array(options))])]
    }

}
