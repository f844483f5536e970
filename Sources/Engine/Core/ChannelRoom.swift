/// Whether Discord has room for a new ticket's channel, as the face
/// counts it: the face reports the fact; the engine decides what a member
/// and staff are told (`TicketEngine.open`, `TicketEvent.noRoomForChannel`),
/// so that `escala simulate` shows it too.
public enum ChannelRoom: Sendable, Hashable, Codable {
    case available
    /// Every Discord category the ticket may go in holds its 50 channels.
    case categoriesFull
    /// The server holds Discord's 500 channels (categories included;
    /// threads do not count).
    case serverFull
}

extension ChannelRoom {
    /// The close reason of a ticket Discord had no room for, which says
    /// which room it lacked.
    var closeReason: String {
        self == .serverFull ? "no room: the server's 500 channels" : "no room: its categories' 50 channels"
    }

    init?(closeReason: String?) {
        switch closeReason {
        case ChannelRoom.serverFull.closeReason: self = .serverFull
        case ChannelRoom.categoriesFull.closeReason: self = .categoriesFull
        default: return nil
        }
    }

    /// What the member is told: refused at the click, or after Discord
    /// refused the channel.
    func memberNotice(category: String) -> Notice {
        self == .serverFull ? .serverFull(category: category) : .placesFull(category: category)
    }

    /// What staff are told in the category's log channel.
    func staffNotice(category: String, member: String) -> Notice {
        self == .serverFull ? .serverFullStaff(category: category, member: member) : .placesFullStaff(category: category, member: member)
    }
}
