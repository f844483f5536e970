import Foundation
import WorkflowDSL

/// What Discord suggests under `/reply` and `/move` as staff type: the
/// engine's choice, so that the list itself tells nobody what they may
/// not use.
extension TicketMachine {
    /// Discord shows at most this many suggestions under an option.
    public static let suggestionLimit = 25

    /// The category's replies whose label or name holds what was typed
    /// (accents and case aside), in the order written; none when the
    /// workflow does not let `person` reply.
    public func replies(offeredTo person: Person, in state: TicketState, typed: String) -> [Category.Reply] {
        guard offers(.reply, to: person, in: state) else { return [] }
        return Self.suggested(category.replies ?? [], typed: typed) { [$0.label, $0.name] }
    }

    /// The workflow's other categories, the same way, for `/move`.
    public func destinations(offeredTo person: Person, in state: TicketState, typed: String) -> [Category] {
        guard offers(.move, to: person, in: state) else { return [] }
        return Self.suggested(workflow.categories.filter { $0.name != category.name }, typed: typed) { [$0.label, $0.name] }
    }

    /// The workflow's priorities, the same way, for `/priority`.
    public func priorities(offeredTo person: Person, in state: TicketState, typed: String) -> [Priority] {
        guard offers(.priority, to: person, in: state) else { return [] }
        return Self.suggested(workflow.priorities, typed: typed) { [$0.name] }
    }

    /// Whether `person` may read the transcript of a ticket in `state`.
    public func mayRead(_ state: TicketState, _ person: Person) -> Bool {
        MachineStep(machine: self, state: state, now: state.enteredStateAt).mayRead(person)
    }

    private func offers(_ tool: StaffTool, to person: Person, in state: TicketState) -> Bool {
        !state.isClosed && MachineStep(machine: self, state: state, now: state.enteredStateAt).permits(tool, person)
    }

    /// What `typed` picks out of `items` by their words, accents and case
    /// aside, at most Discord's 25: every suggestion list's filter.
    static func suggested<Item>(_ items: [Item], typed: String, words: (Item) -> [String]) -> [Item] {
        let wanted = folded(typed)
        return Array(items.filter { item in wanted.isEmpty || words(item).contains { folded($0).contains(wanted) } }.prefix(suggestionLimit))
    }

    private static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }
}
