import Foundation

/// Where the client connects and who it is. The base URLs are configuration
/// so that tests run this same client against a local Discord-speaking
/// server; nothing else in the client knows whether it talks to Discord.
public struct DiscordConfiguration: Sendable {
    /// The bot token. Never logged: `description` redacts it.
    public let token: BotToken
    /// REST API base, ending in the version (`https://discord.com/api/v10`).
    public var apiBaseURL: URL
    /// The gateway to connect to; nil asks REST (`GET /gateway/bot`).
    public var gatewayURL: URL?
    public var userAgent = "DiscordBot (https://github.com/escala-bot/escala, 0.1)"
    /// How long one HTTP request may take before it counts as a timeout.
    public var requestTimeout: Duration = .seconds(15)

    public static let discordAPI = URL(string: "https://discord.com/api/v10")!

    public init(token: BotToken, apiBaseURL: URL = Self.discordAPI, gatewayURL: URL? = nil) {
        self.token = token
        self.apiBaseURL = apiBaseURL
        self.gatewayURL = gatewayURL
    }
}

/// A bot token that cannot leak into logs or error messages by accident.
public struct BotToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    let secret: String

    public init(_ secret: String) { self.secret = secret }

    public var description: String { "<bot token redacted>" }
    public var debugDescription: String { description }

    var authorization: String { "Bot " + secret }
}
