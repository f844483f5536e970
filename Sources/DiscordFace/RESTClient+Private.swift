import Discord
import Foundation

extension RESTClient {
    /// A file to a person by direct message; Discord's refusal, if any
    /// (50007 when their direct messages are closed), for the caller to
    /// weigh: a member's closed DMs are their choice, not a fault.
    func sendPrivately(_ content: String, file: (name: String, data: Data, contentType: String), to person: String,
                       nonce: String? = nil) async -> DiscordError? {
        do throws(DiscordError) {
            let dm = try await directMessageChannel(with: Snowflake(person))
            _ = try await createMessage(dm.id, MessageBody(content: content, allowedMentions: .none, nonce: nonce), file: file)
            return nil
        } catch {
            return error
        }
    }
}
