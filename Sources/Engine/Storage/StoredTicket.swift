/// A ticket as the store holds it: its row identity and Discord channel
/// beside the engine's state.
public struct StoredTicket: Sendable, Hashable {
    /// The database id: stable, unlike the per-server number shown to people.
    public let id: Int64
    public let guild: String
    /// The channel (or thread) once Discord has confirmed creating it.
    public let channelID: String?
    public let state: TicketState

    public var number: Int { state.number }
}
