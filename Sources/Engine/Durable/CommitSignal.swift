import Synchronization

/// What a commit changed that a loop outside the engine acts on: effects
/// queued for the outbox, timers set. The runtime listens and wakes the
/// matching loop; nothing polls the database to find out.
public struct CommitSignal: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let effects = CommitSignal(rawValue: 1 << 0)
    public static let timers = CommitSignal(rawValue: 1 << 1)
    public static let webhooks = CommitSignal(rawValue: 1 << 2)
    /// A ticket was opened or changed: what the staff desk's pages show.
    public static let tickets = CommitSignal(rawValue: 1 << 3)
}

/// Who is told about commits: set once by the runtime that runs the loops.
public final class CommitListener: Sendable {
    private let listener = Mutex<(@Sendable (CommitSignal) -> Void)?>(nil)

    public init() {}

    public func listen(_ body: @escaping @Sendable (CommitSignal) -> Void) {
        listener.withLock { $0 = body }
    }

    func tell(_ signal: CommitSignal) {
        guard !signal.isEmpty, let body = listener.withLock({ $0 }) else { return }
        body(signal)
    }
}
