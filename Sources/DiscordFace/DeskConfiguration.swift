import Discord
import Foundation
import Runtime

/// Everything `escala run` needs, from flags and the environment.
public struct DeskConfiguration: Sendable {
    public var guild: Snowflake
    public var workflowsFolder: String
    public var dataFolder: String
    /// Where the workflows' `.ids` files are, when not beside them.
    public var idsFolder: String?
    public var discord: DiscordConfiguration
    public var gatewayOptions: GatewayClient.Options = {
        var options = GatewayClient.Options()
        options.intents = .escala
        return options
    }()
    /// The time the engine runs on. Tests use a `ManualClock` and move it
    /// forward to see a 12-hour timeout fire without waiting 12 hours.
    public var clock: any EngineClock = WallClock()
    /// How long a message written in a ticket's channel that the store
    /// does not know yet (Discord made it a moment ago) waits for the
    /// record, holding the next events back. Past it the message is left
    /// to the creation's retry, which reads the channel when it finds it.
    public var unrecordedChannelWait: Duration = .seconds(10)
    /// How webhook deliveries are posted and signed (`escala run` makes it
    /// from `ESCALA_WEBHOOK_SECRET`); nil when no secret is set, which a
    /// workflow with `webhook` lines refuses to start with.
    public var webhooks: (any WebhookTransport)?

    public init(guild: Snowflake, workflowsFolder: String, dataFolder: String, discord: DiscordConfiguration) {
        self.guild = guild
        self.workflowsFolder = workflowsFolder
        self.dataFolder = dataFolder
        self.discord = discord
    }

    /// The SQLite file in the data folder.
    public var databasePath: String { (dataFolder as NSString).appendingPathComponent("escala.sqlite") }
}
