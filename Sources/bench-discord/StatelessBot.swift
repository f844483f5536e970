import Discord
import Foundation
import LocalDiscord
import Synchronization

/// The simplest ticket bot there can be on Escala's own Discord client: on
/// a click it acknowledges, creates the channel, posts the greeting, and
/// keeps nothing. The benchmark runs it as a process of its own
/// (`escala-bench-discord stateless-bot`) once Escala has stopped, against
/// the same local Discord, so that its figures are what the gateway and the
/// REST calls cost with no store, no workflow and no durability: the floor
/// any bot on this stack can reach.
final class StatelessBot: Sendable {
    let rest: RESTClient
    let gateway: GatewayClient
    let guild: Snowflake
    /// Discord holds 50 channels a category: the next one every 50 tickets.
    let categories: [Snowflake]
    private let opened = Atomic(0)

    init(apiBaseURL: URL, gatewayURL: String, guild: String, categories: [String]) {
        let token = BotToken("bench-token")
        rest = RESTClient(configuration: DiscordConfiguration(token: token, apiBaseURL: apiBaseURL))
        gateway = GatewayClient(token: token, gatewayURL: gatewayURL)
        self.guild = Snowflake(guild)
        self.categories = categories.map { Snowflake($0) }
    }

    /// The process the benchmark starts: what to serve comes from the
    /// environment `BotProcess` sets. Runs until the process is terminated.
    static func serveFromEnvironment() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let api = environment["ESCALA_DISCORD_API"].flatMap(URL.init(string:)), let gateway = environment["ESCALA_DISCORD_GATEWAY"],
              let guild = environment["BENCH_GUILD"], let categories = environment["BENCH_CATEGORIES"] else {
            throw BenchError.notStartedByTheBenchmark
        }
        try await StatelessBot(apiBaseURL: api, gatewayURL: gateway, guild: guild,
                               categories: categories.split(separator: ",").map(String.init)).run()
    }

    /// Serves clicks until `gateway.stop()`.
    func run() async throws {
        try await gateway.run { dispatch in
            guard dispatch.name == "INTERACTION_CREATE", let interaction = try? dispatch.decode(Interaction.self),
                  let member = interaction.actor else { return }
            // Each click on a task of its own, as any bot's event handler.
            Task { try? await self.open(for: interaction, member: member.id) }
        }
    }

    /// The acknowledgement goes beside the channel's creation, not before
    /// it, so that neither waits for the other: the quickest order there is.
    private func open(for interaction: Interaction, member: Snowflake) async throws {
        async let acknowledged: Void = rest.respond(to: interaction, .deferredEphemeral)
        let overwrites = [PermissionOverwrite(id: guild, type: .role, deny: .viewChannel),
                          PermissionOverwrite(id: member, type: .member, allow: [.viewChannel, .sendMessages, .readMessageHistory])]
        let category = categories[opened.add(1, ordering: .relaxed).oldValue / 50 % categories.count]
        let channel = try await rest.createChannel(guild: guild, .init(name: "plain-\(member.rawValue)", parentID: category,
                                                                       permissionOverwrites: overwrites))
        _ = try await rest.createMessage(channel.id, MessageBody(content: "¡Buenos días!", allowedMentions: .none))
        try await acknowledged
    }
}
