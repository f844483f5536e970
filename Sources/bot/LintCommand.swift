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

    @Option(help: "Where docs/language.md is published (an absolute URL): SARIF rules then link to each code's section (env: ESCALA_DOCS_URL).")
    var docsURL: String?

    /// `--docs-url`, else the environment's.
    var publishedDocs: String? { docsURL ?? ProcessInfo.processInfo.environment["ESCALA_DOCS_URL"] }

    @Flag(help: "Apply the fixes that are certain (a did-you-mean, a unit written in words, a block left open at the end), say what changed, and report what is left.")
    var fix = false

    @Option(help: "The language of the messages: es, fr or en (default: LANG, else the workflow's first locale).")
    var lang: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one workflow file or folder, e.g. `escala lint workflows/`") }
        if let docsURL = publishedDocs, URL(string: docsURL)?.scheme == nil {
            throw ValidationError("--docs-url is an absolute URL, such as https://example.org/escala/docs/language.md")
        }
        if let lang, DiagnosticLanguage(locale: lang) == nil {
            throw ValidationError("--lang is es, fr or en (Escala's diagnostics are written in these three)")
        }
    }

    func run() throws {
        let run: LintRun
        do {
            run = try lintFixingFirst().localized(asked: lang, environment: ProcessInfo.processInfo.environment)
        } catch {
            printError("escala lint: \(error.description)")
            throw ExitCode(2)
        }
        switch format {
        case .text: print(TextReporter.render(run), terminator: "")
        case .json: print(JSONReporter.render(run), terminator: "")
        case .sarif: print(SARIFReporter.render(run, toolVersion: Escala.version, docsURL: publishedDocs), terminator: "")
        case .github: print(GitHubReporter.render(run), terminator: "")
        }
        if run.errorCount > 0 || (strict && run.warningCount + run.noteCount > 0) { throw ExitCode(1) }
    }

    /// With `--fix`: the certain fixes written to the files, each named
    /// (on standard error for a machine format, whose output is the
    /// report), then the files linted again.
    private func lintFixingFirst() throws(LintRun.InputError) -> LintRun {
        let run = try LintRun.lint(paths: paths, idsOptional: idsOptional)
        guard fix else { return run }
        var fixedAny = false
        for file in run.files {
            let fixes = file.diagnostics.compactMap(\.fix)
            guard !fixes.isEmpty else { continue }
            let (bytes, applied) = Diagnostic.Fix.apply(fixes, to: file.source.bytes)
            do { try Data(bytes).write(to: URL(fileURLWithPath: file.source.path), options: .atomic) } catch {
                throw LintRun.InputError(path: file.source.path, reason: "cannot be written: \(error.localizedDescription)")
            }
            fixedAny = true
            for change in applied {
                let location = file.source.location(of: change.range.start)
                let old = file.source.text(change.range)
                let line = "fixed \(file.source.path):\(location.line):\(location.column): "
                    + (old.isEmpty ? "added `\(change.replacement.trimmingCharacters(in: .newlines))`" : "`\(old)` → `\(change.replacement)`")
                if format == .text { print(line) } else { printError(line) }
            }
        }
        return fixedAny ? try LintRun.lint(paths: paths, idsOptional: idsOptional) : run
    }
}
