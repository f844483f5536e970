import ArgumentParser
import Foundation

@main
struct Escala: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "escala",
        abstract: "Run a Discord support desk from plain-text workflow files.",
        version: version,
        subcommands: [LintCommand.self, FormatCommand.self, LanguageServerCommand.self, ExplainCommand.self, GraphCommand.self, SimulateCommand.self, RunCommand.self, PlaygroundCommand.self, AuditCommand.self, SanctionsCommand.self, BlocklistCommand.self, StatsCommand.self, OutboxCommand.self]
    )

    /// ArgumentParser exits 64 on a usage error; Escala's contract (and the
    /// CI scripts built on it) is 0 clean, 1 problems found, 2 usage or I/O.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure || code.rawValue == 64 {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Prints to standard error, where problems go when standard output is data.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
