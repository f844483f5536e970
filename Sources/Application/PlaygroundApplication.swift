import Discord
import DiscordFace
import Engine
import Foundation
import LocalDiscord
import Logging
import Runtime
import ServiceLifecycle
import Synchronization
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
    /// The staff desk, at `/desk` beside the page: signed in through the
    /// built-in server's OAuth2 as any of its people.
    public let desk: StaffDesk
    /// The desk's OAuth2 application on the built-in server: its secret
    /// is made here, to register it there.
    let oauthSecret: String
    var oauth: OAuthCredentials { OAuthCredentials(clientID: "escala-playground", secret: oauthSecret) }
    public let host: String
    public let port: Int
    let workflowsFolder: String
    let logger: Logger

    /// How a run of the playground ended: stopped for good, to start
    /// afresh (the page's reset), or to start Escala again on the same
    /// server and database (a saved workflow file that lints clean).
    public enum Ending: Sendable, Equatable {
        case stopped
        case reset
        case reloaded
    }

    /// What may end a run early: the page asks for a reset, or a `.flow`
    /// file of the folder was saved.
    enum Request: Sendable {
        case reset
        case folderChanged
    }

    let requests: (stream: AsyncStream<Request>, continuation: AsyncStream<Request>.Continuation)
    private let ending = Mutex<Ending>(.stopped)

    /// Where the playground keeps its database and its `.ids` files:
    /// under the data folder, never the live database.
    public static func folder(inData data: String) -> String { (data as NSString).appendingPathComponent("playground") }

    /// Builds the built-in server for the workflows of `workflowsFolder`,
    /// starts it, and composes Escala on it. The playground's folder starts
    /// empty: the built-in server has no memory of a last run.
    ///
    /// After a saved workflow file, `previous` (whose run has ended with
    /// `.reloaded`) hands over its server, people, clock and what was
    /// played, and Escala starts again over the same database, as `escala
    /// run` restarts: new tickets take the new version, open ones keep
    /// theirs. The server is then this playground's to stop.
    public init(workflowsFolder: String, dataFolder: String, host: String = "127.0.0.1", port: Int = 0,
                logger: Logger = Logger(label: "escala.playground"), after previous: PlaygroundApplication? = nil)
        async throws(DeskError) {
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
        let before = previous?.playground
        let guild = PlaygroundGuild(workflows: workflows, previous: before?.guild)
        do {
            if previous == nil { try? FileManager.default.removeItem(atPath: folder) }
            try guild.writeIDs(into: idsFolder)
        } catch {
            if let previous { await previous.server.stop() }
            throw .store("cannot write the playground's folder \(folder): \(error.localizedDescription)")
        }
        let server: LocalDiscord
        if let previous {
            server = previous.server
        } else {
            do {
                server = try await LocalDiscord.start(checksContract: true, timedLimits: .discord)
            } catch {
                throw .failed("the built-in Discord server did not start: \(error)")
            }
        }
        let cast = PlaygroundCast(guild: guild)
        guild.install(on: server, after: before?.guild)
        cast.install(on: server, guild: guild, after: before?.cast)
        // Time the admin moved stays moved: the database's timers count on it.
        let clock = before?.clock ?? SteerableClock()
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
        let requests = AsyncStream.makeStream(of: Request.self)
        self.requests = requests
        var kept: Int?
        if previous != nil {
            do throws(EngineError) {
                kept = try await application.runtime.engine.outdatedTickets().values.reduce(0, +)
            } catch {
                await server.stop()
                throw .store(error.description)
            }
        }
        playground = Playground(server: server, guild: guild, cast: cast, clock: clock, engine: application.runtime.engine,
                                sources: WorkflowSources(texts), onReset: { requests.continuation.yield(.reset) },
                                settleOutbox: { [runtime = application.runtime] in await runtime.drained(limit: .seconds(3)) },
                                continuing: before, keptOnOldVersions: kept)
        let oauthSecret = previous?.oauthSecret ?? DeskSessions.randomToken()
        self.oauthSecret = oauthSecret
        do {
            desk = try EscalaApplication.staffDesk(configuration: configuration, desk: application.desk,
                                                   oauth: OAuthCredentials(clientID: "escala-playground", secret: oauthSecret), publicURL: nil,
                                                   sources: WorkflowSources(texts))
        } catch {
            await server.stop()
            throw error
        }
        self.workflowsFolder = workflowsFolder
        self.host = host
        self.port = port
        self.logger = logger
    }

    /// Serves the page and Escala until `stop()`, a signal, a reset from
    /// the page or a saved workflow file; `onRunning` hears the page's port
    /// once it listens. Returns why it ended.
    @discardableResult
    public func run(gracefulShutdownSignals: [UnixSignal] = [], onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws(DeskError) -> Ending {
        let web = PlaygroundRoutes.application(playground: playground, desk: desk, host: host, port: port, logger: logger) {
            [server, oauth, oauthSecret] port in
            // Discord sends a sign-in back only to a registered address.
            server.registerOAuthApplication(clientID: oauth.clientID, secret: oauthSecret,
                                            redirectURIs: ["http://127.0.0.1:\(port)/desk/callback", "http://localhost:\(port)/desk/callback"])
            await onRunning(port)
        }
        let watch = WorkflowFolderWatch(folder: workflowsFolder)
        let supervisor = Supervisor(requests: requests.stream, continuation: requests.continuation, watch: watch) { [weak self] request in await self?.take(request) }
        do {
            try await application.run(adding: [web, supervisor], gracefulShutdownSignals: gracefulShutdownSignals)
        } catch {
            watch?.stop()
            await server.stop()
            throw error
        }
        watch?.stop()
        let ending = ending.withLock { $0 }
        // A reload hands the server on to the next run (`init(after:)`).
        if ending != .reloaded { await server.stop() }
        return ending
    }

    public func stop() async {
        await application.stop()
    }

    /// A reset starts afresh at once; a saved file does only if the folder
    /// lints clean, else its diagnostics go to the page and the playground
    /// keeps running the workflows it has.
    private func take(_ request: Request) async {
        switch request {
        case .reset:
            ending.withLock { $0 = .reset }
            await application.stop()
        case .folderChanged:
            let lint: LintRun
            do {
                lint = try LintRun.lint(paths: [workflowsFolder])
            } catch {
                playground.showDiagnostics(error.description)
                return
            }
            if lint.errorCount > 0 {
                playground.showDiagnostics(TextReporter.render(lint))
                return
            }
            logger.notice("a workflow file was saved: Escala starts again with it; open tickets keep their version")
            ending.withLock { $0 = .reloaded }
            await application.stop()
        }
    }

    /// Hears the page's reset and the folder's saves for as long as the
    /// playground runs.
    struct Supervisor: Service {
        let requests: AsyncStream<Request>
        let continuation: AsyncStream<Request>.Continuation
        let watch: WorkflowFolderWatch?
        let take: @Sendable (Request) async -> Void

        func run() async throws {
            await withDiscardingTaskGroup { group in
                if let watch {
                    group.addTask {
                        for await _ in watch.changes.cancelOnGracefulShutdown() { continuation.yield(.folderChanged) }
                    }
                }
                for await request in requests.cancelOnGracefulShutdown() { await take(request) }
                group.cancelAll()
            }
        }
    }
}

/// The playground for as long as it is wanted: a reset from the page or a
/// saved workflow file ends one run, and the next starts on the same port,
/// so the open page reconnects to it by itself: afresh after a reset, on
/// the same server and database after a save.
public final class PlaygroundSessions: Sendable {
    let workflowsFolder: String
    let dataFolder: String
    let host: String
    let logger: Logger
    private let state: Mutex<(port: Int, current: PlaygroundApplication?, stopping: Bool, runs: Int)>

    public init(workflowsFolder: String, dataFolder: String, host: String = "127.0.0.1", port: Int = 0,
                logger: Logger = Logger(label: "escala.playground")) {
        self.workflowsFolder = workflowsFolder
        self.dataFolder = dataFolder
        self.host = host
        self.logger = logger
        state = Mutex((port, nil, false, 0))
    }

    /// The playground running now, if one is.
    public var current: PlaygroundApplication? { state.withLock { $0.current } }
    /// How many runs have started: a reset or a reload makes one more.
    public var runs: Int { state.withLock { $0.runs } }

    /// Runs until `stop()` or a signal. `onRunning` hears the port and why
    /// this run started (nil the first time).
    public func run(gracefulShutdownSignals: [UnixSignal] = [],
                    onRunning: @escaping @Sendable (Int, PlaygroundApplication.Ending?) async -> Void = { _, _ in }) async throws(DeskError) {
        var why: PlaygroundApplication.Ending?
        var reloading: PlaygroundApplication?
        while true {
            let port = state.withLock { $0.port }
            let app = try await PlaygroundApplication(workflowsFolder: workflowsFolder, dataFolder: dataFolder, host: host, port: port,
                                                      logger: logger, after: reloading)
            reloading = nil
            let stopped = state.withLock { state -> Bool in
                state.current = app
                state.runs += 1
                return state.stopping
            }
            if stopped {
                await app.server.stop()
                return
            }
            let reason = why
            let ending = try await app.run(gracefulShutdownSignals: gracefulShutdownSignals) { [self] port in
                // The next run takes the same port: the page stays where it is.
                self.state.withLock { $0.port = port }
                await onRunning(port, reason)
            }
            let again = state.withLock { state -> Bool in
                state.current = nil
                return !state.stopping
            }
            guard ending != .stopped, again else {
                if ending == .reloaded { await app.server.stop() }
                return
            }
            why = ending
            if ending == .reloaded { reloading = app }
        }
    }

    public func stop() async {
        let app = state.withLock { state -> PlaygroundApplication? in
            state.stopping = true
            return state.current
        }
        await app?.stop()
    }
}
