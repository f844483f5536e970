import ArgumentParser
import Foundation
import WorkflowDSL

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Lay out workflow files the one way: indentation, spacing, blank lines; comments kept.",
        discussion: """
        Rewrites each file in place and names the ones it changed. Only whitespace changes, so the \
        rules stay the same. A file with errors is left as it is (run `escala lint` on it). \
        Exit status: 0 done (or, with --check, nothing to change), 1 with --check when a file \
        would change or a file has errors, 2 a path could not be read.
        """
    )

    @Argument(help: "Workflow files, or folders to search for *.flow files.")
    var paths: [String]

    @Flag(help: "Change nothing; list the files fmt would change and fail if there are any (for CI).")
    var check = false

    @Flag(help: "Print the formatted file instead of rewriting it (one file).")
    var stdout = false

    @Option(help: "The language of the messages: es, fr or en (default: LANG, else the workflow's first locale).")
    var lang: String?

    func validate() throws {
        if let lang, DiagnosticLanguage(locale: lang) == nil {
            throw ValidationError("--lang is es, fr or en (Escala speaks these three)")
        }
        if paths.isEmpty { throw ValidationError("name at least one workflow file or folder, e.g. `escala fmt workflows/`") }
        if stdout && check { throw ValidationError("--stdout and --check do not go together") }
    }

    func run() throws {
        let files: [String]
        do { files = try LintRun.workflowFiles(in: paths) } catch {
            printError("escala fmt: \(error.description)")
            throw ExitCode(2)
        }
        let chosen = DiagnosticLanguage.chosen(asked: lang, environment: ProcessInfo.processInfo.environment)
        var changed: [(path: String, language: DiagnosticLanguage)] = []
        var broken: [String] = []
        var languages: [DiagnosticLanguage] = []
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else {
                printError("escala fmt: " + FormatWords.unreadable(path, chosen ?? .en))
                throw ExitCode(2)
            }
            let source = SourceFile(path: path, bytes: Array(data))
            let language = chosen ?? DiagnosticLanguage.resolve(asked: nil, environment: [:],
                                                                workflowLocales: WorkflowDSL.Parser.parse(source).file.locales.map(\.text))
            languages.append(language)
            switch Formatter.format(source) {
            case .refused(let errors):
                broken.append(path)
                printError("escala fmt: " + FormatWords.hasErrors(path, errors.count, language))
            case .formatted(let text):
                if stdout { print(text, terminator: ""); continue }
                guard Array(text.utf8) != Array(data) else { continue }
                changed.append((path, language))
                if !check { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) }
            }
        }
        if stdout { if !broken.isEmpty { throw ExitCode(1) }; return }
        for (path, language) in changed {
            print(check ? FormatWords.wouldReformat(path, language) : FormatWords.reformatted(path, language))
        }
        if changed.isEmpty && broken.isEmpty {
            print(FormatWords.alreadyFormatted(files.count, chosen ?? DiagnosticLanguage.most(of: languages) ?? .en))
        }
        if !broken.isEmpty || (check && !changed.isEmpty) { throw ExitCode(1) }
    }
}
