import Application
import ArgumentParser
import DiscordFace
import Foundation
import Logging
import WorkflowDSL

struct PlaygroundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playground",
        abstract: "Try the workflows in the browser, on a Discord server built into Escala (no bot token needed)."
    )

    @Option(help: "The folder of *.flow workflow files.")
    var workflows = "workflows"

    @Option(help: "The data folder; the playground keeps its own database in its playground/ folder, never the live one (env: ESCALA_DATA).")
    var data = ProcessInfo.processInfo.environment["ESCALA_DATA"] ?? "data"

    @Option(help: "The port of the page (0: any free port).")
    var port = 8080

    @Option(help: "The address the page listens on; only this machine by default.")
    var host = "127.0.0.1"

    @Option(help: "trace, debug, info, notice, warning, error or critical (env: ESCALA_LOG_LEVEL).")
    var logLevel = ProcessInfo.processInfo.environment["ESCALA_LOG_LEVEL"] ?? "warning"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
    }

    func run() async throws {
        let lint = try ServingStart.lintedWorkflows(workflows, command: "playground")
        ServingStart.bootstrapLogging(level: logLevel, otherwise: .warning)
        let sessions = PlaygroundSessions(workflowsFolder: workflows, dataFolder: data, host: host, port: port)
        let host = self.host
        let files = lint.files.count
        do {
            try await sessions.run(gracefulShutdownSignals: [.sigterm, .sigint]) { port, why in
                // Written at once, not buffered: a script waits for this line.
                let line = switch why {
                case nil: """
                    escala: \(files) workflow file(s) checked; the playground is at http://\(host):\(port)/
                    escala: to go live on your own Discord server: DISCORD_TOKEN=your-token make run (see README.md)

                    """
                case .reset?: "escala: the playground started afresh, as the page asked\n"
                case .reloaded?: "escala: a workflow file was saved; Escala started again with it (open tickets keep their version)\n"
                case .stopped?: ""
                }
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            printError("escala playground: \(error.description)")
            throw ExitCode(1)
        }
        print("escala: stopped")
    }
}
