import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import Logging
import Runtime
import ServiceLifecycle
import UnixSignals
import WebFace
import WorkflowDSL

/// `escala playground`: the real Escala (the same `EscalaApplication`,
/// Discord face, engine and SQLite store as `escala run`) against a
/// Discord server that lives in the process, and a web page where the
/// admin plays every part. The built-in server speaks Discord's REST and
/// gateway on 127.0.0.1 and checks every request against Discord's OpenAPI
/// description, so Escala cannot tell it from Discord.
public final class PlaygroundApplication: Sendable {
    public let server: LocalDiscord
    public let playground: Playground
    public let application: EscalaApplication
    public let host: String
    public let port: Int
    let logger: Logger

    /// Where the playground keeps its database and its `.ids` files:
    /// under the data folder, never the live database.
    public static func folder(inData data: String) -> String { (data as NSString).appendingPathComponent("playground") }

    /// Builds the built-in server for the workflows of `workflowsFolder`,
    /// starts it, and composes Escala on it. The playground's folder starts
    /// empty each time: the built-in server has no memory of a last run.
    public init(workflowsFolder: String, dataFolder: String, host: String = "127.0.0.1", port: Int = 0,
                logger: Logger = Logger(label: "escala.playground")) async throws(DeskError) {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: workflowsFolder)) ?? []).filter { $0.hasSuffix(".flow") }.sorted()
        guard !files.isEmpty else { throw .noWorkflows(workflowsFolder) }
        var workflows: [(path: String, workflow: Workflow)] = []
        var texts: [String: String] = [:]
        for file in files {
            let path = (workflowsFolder as NSString).appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
            texts[path] = String(decoding: data, as: UTF8.self)
            guard let workflow = WorkflowCompiler.compile(SourceFile(path: path, bytes: Array(data))).workflow else { throw .workflowErrors(path) }
            workflows.append((path, workflow))
        }
        let folder = Self.folder(inData: dataFolder)
        let idsFolder = (folder as NSString).appendingPathComponent("ids")
        let guild = PlaygroundGuild(workflows: workflows)
        do {
            try? FileManager.default.removeItem(atPath: folder)
            try guild.writeIDs(into: idsFolder)
        } catch {
            throw .store("cannot write the playground's folder \(folder): \(error.localizedDescription)")
        }
        let server: LocalDiscord
        do {
            server = try await LocalDiscord.start(checksContract: true, timedLimits: .discord)
        } catch {
            throw .failed("the built-in Discord server did not start: \(error)")
        }
        let cast = PlaygroundCast(guild: guild)
        guild.install(on: server)
        cast.install(on: server, guild: guild)
        let clock = SteerableClock()
        var discord = DiscordConfiguration(token: BotToken("playground"), apiBaseURL: server.apiBaseURL)
        discord.gatewayURL = URL(string: server.gatewayURL)
        var configuration = DeskConfiguration(guild: Snowflake(guild.id), workflowsFolder: workflowsFolder, dataFolder: folder, discord: discord)
        configuration.idsFolder = idsFolder
        configuration.clock = clock
        do {
            application = try await EscalaApplication(configuration: configuration, logger: logger)
        } catch {
            await server.stop()
            throw error
        }
        self.server = server
        playground = Playground(server: server, guild: guild, cast: cast, clock: clock, engine: application.runtime.engine,
                                sources: WorkflowSources(texts))
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// Serves the page and Escala until `stop()` or a signal; `onRunning`
    /// hears the page's port once it listens.
    public func run(gracefulShutdownSignals: [UnixSignal] = [], onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws(DeskError) {
        let web = PlaygroundRoutes.application(playground: playground, host: host, port: port, logger: logger, onRunning: onRunning)
        defer { Task { [server] in await server.stop() } }
        try await application.run(adding: [web], gracefulShutdownSignals: gracefulShutdownSignals)
    }

    public func stop() async {
        await application.stop()
    }
}
