import Synchronization

/// Waits for a ticket's channel to be recorded, from either side, woken by
/// the outbox the moment it is, instead of asking the database every few
/// milliseconds: a click waits for the channel of the ticket it opened; a
/// member's message in a channel Discord has just created waits to learn
/// which ticket the channel is.
public final class ChannelWaiters: Sendable {
    /// What a click waiting for its ticket's channel learns.
    public enum Outcome: Sendable, Equatable {
        case channel(String)
        /// No channel will come (Discord had no room); the words to say
        /// instead, rendered by the face.
        case refused(saying: String)
    }

    private let channelOfTicket = Waiters<Int64, Outcome>()
    private let ticketOfChannel = Waiters<String, Int64>()

    public init() {}

    /// The ticket's channel is recorded: everyone waiting for either learns it.
    public func recorded(ticket: Int64, channel: String) {
        channelOfTicket.resolve(ticket, with: .channel(channel))
        ticketOfChannel.resolve(channel, with: ticket)
    }

    /// The ticket will have no channel: a click still waiting for it says
    /// `text` instead. Returns whether one was waiting (if none was, the
    /// person must be told another way).
    public func refused(ticket: Int64, saying text: String) -> Bool {
        channelOfTicket.resolve(ticket, with: .refused(saying: text))
    }

    /// Waits until `ticket`'s channel is recorded or refused, or `limit`
    /// passes (nil). `lookup` reads the store once the waiter is
    /// registered, so a channel recorded just before is not missed.
    public func wait(for ticket: Int64, limit: Duration, lookup: @escaping @Sendable () async -> Outcome?) async -> Outcome? {
        await channelOfTicket.wait(for: ticket, limit: limit, lookup: lookup)
    }

    /// Waits until `channel` is recorded as some ticket's, or `limit` passes (nil).
    public func ticket(ofChannel channel: String, limit: Duration, lookup: @escaping @Sendable () async -> Int64?) async -> Int64? {
        await ticketOfChannel.wait(for: channel, limit: limit, lookup: lookup)
    }
}

/// Continuations waiting for the value of a key, each with its own timeout.
private final class Waiters<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct State {
        var waiting: [Key: [UInt64: CheckedContinuation<Value?, Never>]] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    /// Returns whether anyone was waiting.
    @discardableResult
    func resolve(_ key: Key, with value: Value) -> Bool {
        let waiters = state.withLock { $0.waiting.removeValue(forKey: key) } ?? [:]
        for waiter in waiters.values { waiter.resume(returning: value) }
        return !waiters.isEmpty
    }

    func wait(for key: Key, limit: Duration, lookup: @escaping @Sendable () async -> Value?) async -> Value? {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        let timeout = Task { [self] in
            try? await Task.sleep(for: limit)
            resume(key, id: id, with: nil)
        }
        defer { timeout.cancel() }
        return await withCheckedContinuation { continuation in
            state.withLock { $0.waiting[key, default: [:]][id] = continuation }
            // Looked up only once registered, so that a value recorded
            // just before is not missed; whichever answers first wins.
            Task { [self] in
                if let value = await lookup() { resume(key, id: id, with: value) }
            }
        }
    }

    private func resume(_ key: Key, id: UInt64, with value: Value?) {
        let waiter = state.withLock { state -> CheckedContinuation<Value?, Never>? in
            let waiter = state.waiting[key]?.removeValue(forKey: id)
            if state.waiting[key]?.isEmpty == true { state.waiting[key] = nil }
            return waiter
        }
        waiter?.resume(returning: value)
    }
}
