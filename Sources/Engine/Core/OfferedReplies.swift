import Foundation
import WorkflowDSL

extension TicketMachine {
    /// Discord shows at most this many suggestions under an option.
    public static let suggestionLimit = 25

    /// What `/reply` suggests to `person` in a ticket as they type: the
    /// category's replies whose label or name holds what they typed
    /// (accents and case aside), in the order written; none at all when
    /// the workflow does not let them reply, so that the list itself tells
    /// nobody what they may not send.
    public func replies(offeredTo person: Person, in state: TicketState, typed: String) -> [Category.Reply] {
        guard !state.isClosed, MachineStep(machine: self, state: state, now: state.enteredStateAt).permits(.reply, person) else { return [] }
        let wanted = Self.folded(typed)
        let replies = (category.replies ?? []).filter { wanted.isEmpty || Self.folded($0.label).contains(wanted) || Self.folded($0.name).contains(wanted) }
        return Array(replies.prefix(Self.suggestionLimit))
    }

    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).trimmingCharacters(in: .whitespaces)
    }
}
