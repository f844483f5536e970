import Discord
import Foundation

/// Everything `escala run` needs, from flags and the environment.
public struct DeskConfiguration: Sendable {
    public var guild: Snowflake
    public var workflowsFolder: String
    public var dataFolder: String
    public var discord: DiscordConfiguration
    /// How often due timers are looked for, at most.
    public var timerTick: Duration = .seconds(1)
    public var gatewayOptions: GatewayClient.Options = {
        var options = GatewayClient.Options()
        options.intents = .escala
        return options
    }()
    /// The time, in seconds since 1970. Tests move it forward to see a
    /// 12-hour timeout fire without waiting 12 hours.
    public var clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    public init(guild: Snowflake, workflowsFolder: String, dataFolder: String, discord: DiscordConfiguration) {
        self.guild = guild
        self.workflowsFolder = workflowsFolder
        self.dataFolder = dataFolder
        self.discord = discord
    }

    var databasePath: String { (dataFolder as NSString).appendingPathComponent("escala.sqlite") }
}
