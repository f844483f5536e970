import ArgumentParser
import Foundation
import WorkflowDSL

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check workflow files and report every problem.",
        discussion: """
        Exit status: 0 no errors (warnings allowed), 1 errors (or warnings \
        with --strict), 2 a path could not be read or the command was misused.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, github
    }

    @Argument(help: "Workflow files, or folders to search for *.flow files.")
    var paths: [String]

    @Option(help: "text (default), json, sarif or github.")
    var format: OutputFormat = .text

    @Flag(help: "Fail on warnings and notes too (a live server's CI: every Discord id filled in).")
    var strict = false

    @Flag(help: "The workflows are templates for other servers: do not note ids missing from their .ids files.")
    var idsOptional = false

    @Option(help: "The language of the messages: es, fr or en (default: LANG, else the workflow's first locale).")
    var lang: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one workflow file or folder, e.g. `escala lint workflows/`") }
        if let lang, DiagnosticLanguage(locale: lang) == nil {
            throw ValidationError("--lang is es, fr or en (Escala's diagnostics are written in these three)")
        }
    }

    func run() throws {
        let run: LintRun
        do {
            run = try LintRun.lint(paths: paths, idsOptional: idsOptional).localized(asked: lang, environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("escala lint: \(error.description)")
            throw ExitCode(2)
        }
        switch format {
        case .text: print(TextReporter.render(run), terminator: "")
        case .json: print(JSONReporter.render(run), terminator: "")
        case .sarif: print(SARIFReporter.render(run, toolVersion: Escala.version), terminator: "")
        case .github: print(GitHubReporter.render(run), terminator: "")
        }
        if run.errorCount > 0 || (strict && run.warningCount + run.noteCount > 0) { throw ExitCode(1) }
    }
}
