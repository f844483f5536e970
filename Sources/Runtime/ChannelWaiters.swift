import Synchronization

/// Clicks waiting for their ticket's channel to exist, woken by the outbox
/// the moment the channel is recorded, instead of asking the database
/// every few milliseconds.
public final class ChannelWaiters: Sendable {
    private struct State {
        var waiting: [Int64: [UInt64: CheckedContinuation<String?, Never>]] = [:]
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// The ticket's channel is recorded: everyone waiting for it learns it.
    public func recorded(ticket: Int64, channel: String) {
        let waiters = state.withLock { $0.waiting.removeValue(forKey: ticket) } ?? [:]
        for waiter in waiters.values { waiter.resume(returning: channel) }
    }

    /// Waits until `ticket`'s channel is recorded, or `limit` passes (nil).
    /// `lookup` reads the store once the waiter is registered, so a channel
    /// recorded just before is not missed.
    public func wait(for ticket: Int64, limit: Duration, lookup: @escaping @Sendable () async -> String?) async -> String? {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        let timeout = Task { [self] in
            try? await Task.sleep(for: limit)
            resume(ticket: ticket, id: id, with: nil)
        }
        defer { timeout.cancel() }
        return await withCheckedContinuation { continuation in
            state.withLock { $0.waiting[ticket, default: [:]][id] = continuation }
            // Looked up only once registered, so that a channel recorded
            // just before is not missed; whichever answers first wins.
            Task { [self] in
                if let channel = await lookup() { resume(ticket: ticket, id: id, with: channel) }
            }
        }
    }

    private func resume(ticket: Int64, id: UInt64, with channel: String?) {
        let waiter = state.withLock { $0.waiting[ticket]?.removeValue(forKey: id) }
        waiter?.resume(returning: channel)
    }
}
