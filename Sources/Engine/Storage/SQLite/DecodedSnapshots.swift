import Foundation
import Synchronization

/// The tickets' states last decoded, by their stored bytes.
///
/// A ticket's row is read again and again between two of its events: for
/// each effect the outbox carries out, for each message in its channel.
/// Decoding its JSON each time was the largest single cost of the bot's
/// CPU in `make bench-discord`. The row is still read every time; only when
/// its bytes are the very bytes decoded before is the state reused, so a
/// state can never be stale, whoever wrote the row.
final class DecodedSnapshots: Sendable {
    static let shared = DecodedSnapshots()

    /// Enough for every ticket a busy desk touches within a few seconds;
    /// past it the cache starts over rather than keeping old tickets.
    static let capacity = 256

    private let entries = Mutex<[Int64: (snapshot: Data, state: TicketState)]>([:])

    func state(of ticketID: Int64, snapshot: Data) throws(StoreError) -> TicketState {
        if let known = entries.withLock({ $0[ticketID] }), known.snapshot == snapshot { return known.state }
        let state = try StoreCoding.decode(TicketState.self, from: snapshot, what: "ticket \(ticketID)")
        remember(state, encodedAs: snapshot, of: ticketID)
        return state
    }

    /// A state as it is written: the outbox reads the ticket right after
    /// the step that wrote it (to create its channel, to post its
    /// greeting), and finds it without decoding what was just encoded. A
    /// write that is then rolled back leaves an entry whose bytes no row
    /// has, which is never used.
    func remember(_ state: TicketState, encodedAs snapshot: Data, of ticketID: Int64) {
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[ticketID] = (snapshot, state)
        }
    }
}
