import Engine
import Synchronization

/// Reports whose category asks questions first: the message is captured
/// when the menu item is used, and waits here while the member fills the
/// form in (its id names the message; Discord sends the form back without
/// it). Memory only: what was acknowledged is the form, not a ticket, and
/// a member whose form outlives a restart is asked to report again.
final class PendingReports: Sendable {
    /// Forms left unsent are forgotten oldest first past this many.
    static let limit = 500

    private let kept = Mutex<[(key: String, message: ReportedMessage)]>([])

    func keep(_ message: ReportedMessage, reporter: String) {
        let key = reporter + ":" + message.id
        kept.withLock { kept in
            kept.removeAll { $0.key == key }
            kept.append((key, message))
            if kept.count > Self.limit { kept.removeFirst(kept.count - Self.limit) }
        }
    }

    /// The capture, left in place: a form Discord delivers twice finds it
    /// again, and the engine's de-duplication opens one ticket.
    func take(message: String, reporter: String) -> ReportedMessage? {
        let key = reporter + ":" + message
        return kept.withLock { kept in
            guard let index = kept.firstIndex(where: { $0.key == key }) else { return nil }
            return kept[index].message
        }
    }
}
