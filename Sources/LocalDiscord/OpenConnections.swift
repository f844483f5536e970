import HummingbirdCore
import Logging
import NIOCore
import Synchronization

/// The server's accepted connections, so that stopping it can close them
/// all, including one that never carried a request.
final class OpenConnections: Sendable {
    private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

    var count: Int { channels.withLock { $0.count } }

    func closeAll() {
        for channel in channels.withLock({ Array($0.values) }) { channel.close(promise: nil) }
    }

    /// A server child channel that reports each connection it sets up.
    struct Kept<Base: ServerChildChannel>: ServerChildChannel {
        let base: Base
        let connections: OpenConnections

        func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Base.Value> {
            let id = ObjectIdentifier(channel)
            connections.channels.withLock { $0[id] = channel }
            channel.closeFuture.whenComplete { [connections] _ in connections.channels.withLock { _ = $0.removeValue(forKey: id) } }
            return base.setup(channel: channel, logger: logger)
        }

        func handle(value: Base.Value, logger: Logger) async {
            await base.handle(value: value, logger: logger)
        }
    }
}
