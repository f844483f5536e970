import Discord
import Synchronization

/// Who the bot is on Discord, learnt from each READY: the desk reads it to
/// tell its own messages and reactions from people's, the executor to let
/// itself into the channels it makes and to sign transcripts.
final class BotIdentity: Sendable {
    private struct Known {
        var userID: Snowflake?
        var name: String?
    }

    private let known = Mutex(Known())

    var userID: Snowflake? { known.withLock { $0.userID } }
    /// How the bot is called on Discord: its lines in transcripts.
    var name: String { known.withLock { $0.name } ?? "Escala" }

    func learn(from ready: GatewayEvent.Ready) {
        known.withLock {
            $0.userID = ready.user.id
            $0.name = ready.user.globalName ?? ready.user.username
        }
    }
}
