import ArgumentParser
import Logging
import WorkflowDSL

/// What `escala run` and `escala playground` do before serving: check
/// the workflows (nothing starts on errors), and send logs to standard
/// error at the level asked for.
enum ServingStart {
    /// Lints `folder`; prints the diagnostics and exits 1 on errors, 2 when
    /// it cannot be read.
    static func lintedWorkflows(_ folder: String, command: String) throws -> LintRun {
        let lint: LintRun
        do {
            lint = try LintRun.lint(paths: [folder])
        } catch {
            printError("escala \(command): \(error.description)")
            throw ExitCode(2)
        }
        if lint.errorCount > 0 {
            printError(TextReporter.render(lint) + "escala \(command): the workflows have errors; nothing was started")
            throw ExitCode(1)
        }
        return lint
    }

    static func bootstrapLogging(level: String, otherwise fallback: Logger.Level) {
        let level = Logger.Level(rawValue: level) ?? fallback
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
