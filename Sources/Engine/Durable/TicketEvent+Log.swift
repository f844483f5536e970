extension TicketEvent {
    /// The event's name in the event log.
    var kind: String {
        switch self {
        case .opened: "opened"
        case .message(let message): message.author.isStaff ? "staff message" : "message"
        case .button(let name, _): "button " + name
        case .command(let name, _): "command " + name
        case .formSubmitted(let form, _, _): "form " + form
        case .sanctionApplied(let offence, _, _, _): "sanction " + offence
        case .appealedSanctionChosen: "appealed sanction"
        case .timerFired(let timer): "timer " + timer.key
        case .memberLeft: "member left"
        case .channelDeleted: "channel deleted"
        case .noRoomForChannel: "no room for the channel"
        case .transferred(let target, _): "transfer to " + target.id
        case .added(let invitee, _): "add " + invitee.id
        case .removed(let guest, _): "remove " + guest.id
        case .cannedReply(let name, _): "reply " + name
        case .moved(let target, _): "move to " + target
        case .prioritized(let priority, _): "priority " + priority
        case .topicAsked: "topic asked"
        case .closedForInactivity: "close inactive"
        }
    }

    /// Who caused it, by Discord user id; nil for the clock and Discord.
    var actorID: String? {
        switch self {
        case .opened(let person, _, _), .button(_, let person), .command(_, let person),
             .formSubmitted(_, let person, _), .sanctionApplied(_, _, _, let person), .appealedSanctionChosen(_, let person),
             .transferred(_, let person), .added(_, let person), .removed(_, let person),
             .cannedReply(_, let person), .moved(_, let person), .prioritized(_, let person), .topicAsked(let person),
             .closedForInactivity(_, _, let person):
            person.id
        case .message(let message): message.author.id
        case .timerFired, .memberLeft, .channelDeleted, .noRoomForChannel: nil
        }
    }
}
