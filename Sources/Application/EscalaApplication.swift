import Discord
import DiscordFace
import Engine
import Foundation
import Logging
import Runtime
import ServiceLifecycle
import Synchronization
import UnixSignals
import WebFace

/// The composition root of `escala run`: the workflows into a `Directory`,
/// the data folder locked, the store opened, the engines and the runtime
/// built, the faces put on them, and one `ServiceGroup` that runs the
/// runtime's loops and every face's services.
///
/// A library rather than code in `bot`, so that the tests, the benchmarks
/// and the playground (which adds a web face and an in-process Discord)
/// compose Escala exactly as `escala run` does; `bot` parses the command
/// line and calls this.
public final class EscalaApplication: Sendable {
    public let configuration: DeskConfiguration
    public let runtime: EscalaRuntime
    /// The SQLite file: the engine's store, and the Discord face's own
    /// records (panel messages, transcripts) through `FaceRecords`.
    public let store: TicketStore
    public let directory: Directory
    public let desk: TicketDesk
    /// The workflow files as they were read: the line a rule names is
    /// shown from them.
    public let sources: WorkflowSources
    /// The web face's settings, and the staff desk when `escala run` was
    /// given the Discord application's OAuth2 credentials.
    public let web: WebSettings?
    public let staffDesk: StaffDesk?
    let logger: Logger
    /// The hold on the data folder, from `init` until `run` ends.
    private let folderLock: Mutex<DataFolderLock?>
    private let serving = Mutex<(group: ServiceGroup?, stopping: Bool)>((nil, false))

    /// Reads the workflows and their bindings and opens the database; no
    /// network yet.
    public init(configuration: DeskConfiguration, web settings: WebSettings? = nil,
                logger: Logger = Logger(label: "escala.desk")) async throws(DeskError) {
        self.configuration = configuration
        self.logger = logger
        let workflows = try BoundWorkflow.loadFolder(configuration.workflowsFolder, idsFolder: configuration.idsFolder)
        do throws(DirectoryError) {
            directory = try Directory(workflows: workflows.map { ($0.path, $0.workflow) })
        } catch {
            throw .failed(error.description)
        }
        do {
            try FileManager.default.createDirectory(atPath: configuration.dataFolder, withIntermediateDirectories: true)
        } catch {
            throw .store("cannot create the data folder \(configuration.dataFolder): \(error.localizedDescription)")
        }
        // Before the database is touched: a second copy must not serve.
        do throws(DataFolderLock.Failure) {
            folderLock = Mutex(try DataFolderLock(folder: configuration.dataFolder))
        } catch {
            throw .alreadyServing(error.description)
        }
        if configuration.webhooks == nil,
           let spot = workflows.lazy.compactMap({ $0.workflow.webhooks.first?.location }).first {
            throw .failed("\(spot): the workflows post webhooks, signed with a secret: set ESCALA_WEBHOOK_SECRET (the same secret the receiver checks)")
        }
        let engine: TicketEngine
        do {
            store = try TicketStore(path: configuration.databasePath)
            engine = try await TicketEngine(store: store)
            for workflow in workflows {
                let report = try await engine.load(workflow.source, now: configuration.clock.now())
                for (hash, count) in report.ticketsOnOldVersions.sorted(by: { $0.key < $1.key }) {
                    logger.notice("open tickets keep an older version of their workflow",
                                  metadata: ["workflow": "\(workflow.path)", "version": "\(hash.prefix(12))", "tickets": "\(count)"])
                }
            }
        } catch let error as StoreError {
            throw .store(error.description)
        } catch {
            throw .store(String(describing: error))
        }
        let community = CommunityEngine(store: engine.store, guild: configuration.guild.rawValue,
                                        workflows: Dictionary(workflows.map { ($0.path, $0.workflow) }, uniquingKeysWith: { first, _ in first }))
        runtime = EscalaRuntime(engine: engine, community: community, clock: configuration.clock)
        desk = TicketDesk(configuration: configuration, workflows: workflows, directory: directory, runtime: runtime, store: store,
                          logger: logger)
        sources = WorkflowSources(Dictionary(workflows.map { ($0.path, String(decoding: $0.source.bytes, as: UTF8.self)) },
                                             uniquingKeysWith: { first, _ in first }))
        web = settings
        if let settings, let oauth = settings.oauth {
            staffDesk = try Self.staffDesk(configuration: configuration, desk: desk, oauth: oauth,
                                           publicURL: settings.publicURL ?? "http://\(settings.host):\(settings.port)", sources: sources)
        } else {
            staffDesk = nil
        }
    }

    /// Every service, in the order the group starts them: the runtime's
    /// loops, then the faces (which stop first).
    public func services(onWebRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> [any Service] {
        let webhooks: [any Service] = configuration.webhooks.map { [WebhookService(runtime: runtime, transport: $0, logger: logger)] } ?? []
        let web: [any Service] = self.web.map { settings in
            [DeskRoutes.application(desk: staffDesk, operations: EscalaOperations(desk: desk, store: store, metricsText: settings.metricsText),
                                    host: settings.host, port: settings.port, logger: logger, onRunning: onWebRunning)]
        } ?? []
        return runtime.services(executor: desk.executor, logger: logger) + webhooks + desk.services() + web
    }

    /// Serves until `stop()` or a fatal gateway error (`escala run` adds
    /// the signals that stop it). `faces` join the group after the
    /// Discord face (the playground's page), and so stop before it.
    public func run(adding faces: [any Service] = [], gracefulShutdownSignals: [UnixSignal] = [],
                    onWebRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(DeskError) {
        let group = ServiceGroup(services: services(onWebRunning: onWebRunning) + faces, gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
        let stopped = serving.withLock { serving -> Bool in
            serving.group = group
            return serving.stopping
        }
        if stopped { return }
        defer { folderLock.withLock { $0 = nil } }
        do {
            try await group.run()
        } catch let error as DeskError {
            throw error
        } catch let error as DiscordError {
            throw .discord(error)
        } catch {
            throw .failed(String(describing: error))
        }
    }

    /// Graceful stop: the gateway closes with 1000, clicks in flight are
    /// answered, the effect being sent finishes, the rest stays in the
    /// outbox for the next start.
    public func stop() async {
        let group = serving.withLock { serving -> ServiceGroup? in
            serving.stopping = true
            return serving.group
        }
        await group?.triggerGracefulShutdown()
    }
}
