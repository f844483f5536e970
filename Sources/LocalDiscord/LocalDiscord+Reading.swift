import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// What a test (or the playground's page) reads back: what channels hold
/// and what the bot created.
extension LocalDiscord {
    /// A message as Discord's documentation shows it.
    static func messageJSON(id: String, channel: String, content: String, author: (id: String, name: String, bot: Bool),
                            mentions: String = "", attachments: String = "", extra: String = "") -> String {
        let encoded = String(decoding: (try? JSONEncoder().encode(content)) ?? Data("\"\"".utf8), as: UTF8.self)
        return """
            {"id":"\(id)","channel_id":"\(channel)","content":\(encoded),"author":{"id":"\(author.id)","username":"\(author.name)","bot":\(author.bot),"discriminator":"0"},"attachments":[\(attachments)],"mentions":[\(mentions)],"timestamp":"2026-01-05T09:00:00.000000+00:00","type":0,"pinned":false,"tts":false,"mention_everyone":false,"flags":0\(extra.contains(#""embeds":"#) ? "" : #","embeds":[]"#)\(extra)}
            """
    }

    /// The channel an interaction (by its id) happened in.
    public func channel(ofInteraction id: String) -> String? {
        state.withLock { $0.interactionChannels["token-\(id)"] }
    }

    /// What a channel holds now, oldest first: each message's author id
    /// and text (a message sent twice with one nonce is there once).
    public func messages(in channel: String) -> [(author: String, content: String)] {
        state.withLock { $0.messages[channel] ?? [] }.compactMap { json in
            guard let value = try? JSONValue.parse(Data(json.utf8)) else { return nil }
            return (value["author"]?["id"]?.string ?? "", value["content"]?.string ?? "")
        }
    }

    /// Every channel the bot created, in order, with the name it was
    /// created with, whether deleted since or not.
    public var createdChannels: [(id: String, name: String)] { state.withLock { $0.created } }

    /// The channels the bot created that still exist.
    public var liveCreatedChannels: [String] {
        state.withLock { state in state.created.map(\.id).filter { state.channels[$0] != nil } }
    }

    /// What members and staff see, as lines to compare between two runs
    /// of the same script: for each channel the bot created (by the name it
    /// was created with), the bot's messages in order and the people's in
    /// order (which of a greeting and a member's first words lands first is
    /// a test's timing, not the bot's); then the messages of `channels`;
    /// then how many created channels still exist. Snowflakes are written
    /// `#`: they differ between runs.
    public func snapshot(createdNamed names: [String], channels: [String]) -> [String] {
        func normal(_ text: String) -> String { text.replacingOccurrences(of: "[0-9]{15,}", with: "#", options: .regularExpression) }
        var lines: [String] = []
        for name in names {
            let created = createdChannels.filter { $0.name == name }
            lines.append("\(name): \(created.count) channel(s)")
            for channel in created {
                let messages = self.messages(in: channel.id)
                lines += messages.filter { $0.author == "1" }.map { "  escala: \(normal($0.content))" }
                lines += messages.filter { $0.author != "1" }.map { "  \(normal($0.author)): \(normal($0.content))" }
            }
        }
        for channel in channels {
            lines += messages(in: channel).map { "\(channel): \(normal($0.content))" }.sorted()
        }
        lines.append("channels created and not deleted: \(liveCreatedChannels.count)")
        return lines
    }

    /// What the bot suggested to an autocomplete interaction, as Discord
    /// shows it: each choice's name and value; nil before it answered.
    public func suggestions(ofInteraction id: String) -> [(name: String, value: String)]? {
        state.withLock { $0.suggestions["token-" + id] }?.map { ($0["name"]?.string ?? "", $0["value"]?.string ?? "") }
    }
}
