import Application
import ArgumentParser
import Discord
import DiscordFace
import Foundation
import Webhooks
#if canImport(Glibc)
import Glibc
#endif
import Logging
import Metrics
import Prometheus
import WorkflowDSL

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check the workflows and serve the Discord server."
    )

    @Option(help: "The folder of *.flow workflow files.")
    var workflows = "workflows"

    @Option(help: "The folder for Escala's database (env: ESCALA_DATA).")
    var data = ProcessInfo.processInfo.environment["ESCALA_DATA"] ?? "data"

    @Option(help: "The Discord server's id (env: ESCALA_GUILD_ID).")
    var guild = ProcessInfo.processInfo.environment["ESCALA_GUILD_ID"] ?? ""

    @Option(help: "trace, debug, info, notice, warning, error or critical (env: ESCALA_LOG_LEVEL).")
    var logLevel = ProcessInfo.processInfo.environment["ESCALA_LOG_LEVEL"] ?? "info"

    /// Where Discord's REST API is; tests point it at a local server.
    @Option(help: .hidden)
    var apiURL = ProcessInfo.processInfo.environment["ESCALA_DISCORD_API"] ?? DiscordConfiguration.discordAPI.absoluteString

    /// The gateway to use instead of asking Discord for it (tests); empty
    /// asks Discord.
    @Option(help: .hidden)
    var gatewayURL = ProcessInfo.processInfo.environment["ESCALA_DISCORD_GATEWAY"] ?? ""

    @Option(help: "Where the staff desk listens (env: ESCALA_WEB_HOST). Keep 127.0.0.1 behind a reverse proxy with TLS.")
    var webHost = ProcessInfo.processInfo.environment["ESCALA_WEB_HOST"] ?? "127.0.0.1"

    @Option(help: "The port of the staff desk, /healthz and /metrics (env: ESCALA_WEB_PORT; default 8081). Given without the desk's credentials, it serves /healthz and /metrics alone.")
    var webPort: Int?

    /// The port asked for by flag, else by environment; nil: none asked.
    var chosenWebPort: Int? { webPort ?? Int(ProcessInfo.processInfo.environment["ESCALA_WEB_PORT"] ?? "") }

    @Option(help: "The desk's address as browsers reach it, e.g. https://desk.example.org (env: ESCALA_WEB_URL); its /desk/callback is the OAuth2 redirect to register.")
    var webURL = ProcessInfo.processInfo.environment["ESCALA_WEB_URL"] ?? ""

    static let guildHelp = """
    escala run needs the id of the Discord server to serve: --guild ID or ESCALA_GUILD_ID.
    In Discord: User Settings > Advanced > Developer Mode, then right-click the server's icon and choose "Copy Server ID".
    """

    static let tokenHelp = """
    escala run needs a Discord bot token in the environment variable DISCORD_TOKEN.

    To get one:
      1. Open https://discord.com/developers/applications and choose "New Application".
      2. In "Bot", choose "Reset Token" and copy the token. Keep it secret.
      3. In "Bot" > "Privileged Gateway Intents", turn on SERVER MEMBERS INTENT
         and MESSAGE CONTENT INTENT (Escala reads ticket messages and roles).
      4. In "OAuth2" > "URL Generator", tick the scopes `bot` and
         `applications.commands`, and the permissions Manage Channels, Manage
         Roles, Manage Messages, Manage Threads, Send Messages, Embed Links,
         Attach Files, Read Message History, Mention Everyone (for staff pings
         only; user text never pings). Open the URL to invite the bot.
      5. Run again:  DISCORD_TOKEN=your-token make run
    """

    func run() async throws {
        let token = ProcessInfo.processInfo.environment["DISCORD_TOKEN"] ?? ""
        guard !token.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            printError(RunCommand.tokenHelp)
            throw ExitCode(2)
        }
        let lint = try ServingStart.lintedWorkflows(workflows, command: "run")
        guard guild.count >= 17, guild.allSatisfy(\.isNumber) else {
            printError(RunCommand.guildHelp)
            throw ExitCode(2)
        }
        guard let api = URL(string: apiURL) else {
            printError("escala run: \(apiURL) is not a URL")
            throw ExitCode(2)
        }
        // glibc gives each thread that allocates an arena of its own (up to
        // eight a core); a long-running server on a thread pool then holds
        // memory it freed long ago. Two arenas serve its two busy threads
        // and keep the process small (measured: `make bench-discord`).
        Self.limitMallocArenas(to: 2)
        ServingStart.bootstrapLogging(level: logLevel, otherwise: .info)
        var discord = DiscordConfiguration(token: BotToken(token.trimmingCharacters(in: .whitespacesAndNewlines)), apiBaseURL: api)
        discord.gatewayURL = gatewayURL.isEmpty ? nil : URL(string: gatewayURL)
        var configuration = DeskConfiguration(guild: Snowflake(guild), workflowsFolder: workflows, dataFolder: data, discord: discord)
        configuration.webhooks = WebhookSecret(ProcessInfo.processInfo.environment["ESCALA_WEBHOOK_SECRET"] ?? "").map { SignedWebhookTransport(secret: $0) }
        // The web face: the staff desk when the Discord application's OAuth2
        // credentials are given (Developer Portal > OAuth2), /healthz and
        // /metrics beside it, or alone when only a port is.
        let environment = ProcessInfo.processInfo.environment
        let clientID = environment["DISCORD_CLIENT_ID"] ?? "", clientSecret = environment["DISCORD_CLIENT_SECRET"] ?? ""
        var web: WebSettings?
        let webPort = chosenWebPort
        if !clientID.isEmpty || !clientSecret.isEmpty || webPort != nil {
            guard clientID.isEmpty == clientSecret.isEmpty else {
                printError("escala run: the staff desk needs both DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET (Developer Portal > OAuth2)")
                throw ExitCode(2)
            }
            let registry = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
            web = WebSettings(oauth: clientID.isEmpty ? nil : OAuthCredentials(clientID: clientID, secret: clientSecret), host: webHost,
                              port: webPort ?? 8081, publicURL: webURL.isEmpty ? nil : webURL, metricsText: {
                                  var text: [UInt8] = []
                                  registry.emit(into: &text)
                                  return String(decoding: text, as: UTF8.self)
                              })
        }
        let application: EscalaApplication
        do {
            application = try await EscalaApplication(configuration: configuration, web: web)
        } catch {
            printError("escala run: \(error.description)")
            throw ExitCode(1)
        }
        print("escala: \(lint.files.count) workflow file(s) checked; serving server \(guild)")
        if web?.oauth == nil {
            print("escala: no staff desk (set DISCORD_CLIENT_ID and DISCORD_CLIENT_SECRET to serve it)")
        }
        // Start-up's code (the workflows' parser and lint, the migrations)
        // is not needed again: its pages go back (`ResidentCode`).
        ResidentCode.releaseStartupPages()
        do {
            // SIGTERM and SIGINT start a graceful shutdown (swift-service-
            // lifecycle's ServiceGroup) instead of killing the process mid-effect.
            try await application.run(gracefulShutdownSignals: [.sigterm, .sigint]) { [web] port in
                guard let web else { return }
                let address = web.publicURL ?? "http://\(web.host):\(port)"
                // Written at once, not buffered: scripts read it while the process runs.
                var lines = "escala: health at http://\(web.host):\(port)/healthz, metrics at http://\(web.host):\(port)/metrics\n"
                if web.oauth != nil {
                    lines = "escala: the staff desk is at \(address)/desk (OAuth2 redirect to register: \(address)/desk/callback)\n" + lines
                }
                FileHandle.standardOutput.write(Data(lines.utf8))
            }
        } catch {
            printError("escala run: \(error.description)")
            throw ExitCode(1)
        }
        print("escala: stopped")
    }

    /// `mallopt(M_ARENA_MAX, n)`, found at run time: Swift's Glibc module
    /// does not carry `malloc.h`.
    static func limitMallocArenas(to count: Int32) {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8 // M_ARENA_MAX
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, count)
        }
        #endif
    }
}
