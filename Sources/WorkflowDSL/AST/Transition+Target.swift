extension Transition {
    /// The state this transition leads to: the last `go to`, or `closed`
    /// after a `close`; nil when the ticket stays where it is.
    public var target: String? {
        var target: String?
        for action in actions {
            switch action.kind {
            case .goTo(let state): target = state.text
            case .close: target = EffectiveTicket.closedState
            default: break
            }
        }
        return target
    }
}
