import ArgumentParser
import Engine
import Simulation
import Foundation
import WorkflowDSL

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Play scenarios against a workflow, with a virtual clock, and check their expectations.",
        discussion: "Scenario files are described in docs/scenarios.md. Exit status: 0 every expectation held, 1 one failed (or the workflow has errors), 2 a scenario file is malformed."
    )

    @Argument(help: "The workflow file (*.flow).")
    var workflow: String

    @Argument(help: "Scenario files (*.scenario), or folders of them.")
    var scenarios: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "The language of the trace: es, fr or en (default: LANG, else the workflow's first locale).")
    var lang: String?

    @Option(help: .hidden)
    var database: String?

    @Option(help: .hidden)
    var ledger: String?

    enum OutputFormat: String, ExpressibleByArgument { case text, json }

    func validate() throws {
        if let lang, DiagnosticLanguage(locale: lang) == nil {
            throw ValidationError("--lang is es, fr or en (Escala speaks these three)")
        }
    }

    func run() async throws {
        let lint = try? LintRun.lint(paths: [workflow])
        guard let lint, let file = lint.files.first else {
            printError("escala simulate: cannot read \(workflow)")
            throw ExitCode(2)
        }
        if lint.errorCount > 0 {
            printError(TextReporter.render(lint) + "escala simulate: \(workflow) has errors; fix them first (`escala lint \(workflow)`)")
            throw ExitCode(1)
        }
        let language = DiagnosticLanguage.resolve(asked: lang, environment: ProcessInfo.processInfo.environment,
                                                  workflowLocales: file.locales ?? Parser.parse(file.source).file.locales.map(\.text))
        let words = TraceWords(language)
        let parsed = try parseScenarios()
        var reports: [SimulationReport] = []
        for scenario in parsed {
            reports.append(try await play(scenario, source: file.source, language: language))
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(reports), as: UTF8.self))
        case .text:
            for report in reports { print(TraceFormatter.text(report, words: words)) }
            let failed = reports.filter { !$0.passed }
            print(words.scenarios(passed: reports.count - failed.count, failed: failed.count))
            for report in failed {
                for failure in report.failures {
                    print("  \(report.scenario):\(failure.line): \(failure.text): \(failure.detail ?? "")")
                }
            }
        }
        if reports.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }

    /// Every scenario, parsed before any runs: a malformed file stops the
    /// whole command with every mistake listed.
    func parseScenarios() throws -> [Scenario] {
        var paths: [String] = []
        for argument in scenarios {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                printError("escala simulate: \(argument) does not exist")
                throw ExitCode(2)
            }
            if isFolder.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                paths += names.filter { $0.hasSuffix(".scenario") }.sorted().map { (argument as NSString).appendingPathComponent($0) }
            } else {
                paths.append(argument)
            }
        }
        if paths.isEmpty {
            printError("escala simulate: no *.scenario file in \(scenarios.joined(separator: ", "))")
            throw ExitCode(2)
        }
        var parsed: [Scenario] = []
        var errors: [ScenarioError] = []
        for path in paths {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                printError("escala simulate: cannot read \(path) as UTF-8 text")
                throw ExitCode(2)
            }
            let (scenario, problems) = ScenarioParser.parse(text, path: path)
            parsed.append(scenario)
            errors += problems
        }
        if !errors.isEmpty {
            printError(errors.map(\.description).joined(separator: "\n"))
            throw ExitCode(2)
        }
        return parsed
    }

    /// One scenario on a fresh database (or the one named by --database,
    /// which a crash test reuses across restarts).
    func play(_ scenario: Scenario, source: SourceFile, language: DiagnosticLanguage) async throws -> SimulationReport {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-simulate-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = database ?? folder.appendingPathComponent("escala.sqlite").path
        let engine: TicketEngine
        do {
            engine = try await TicketEngine(store: try TicketStore(path: path))
            _ = try await engine.load(source, now: ScenarioRunner.start)
        } catch {
            printError("escala simulate: \(error)")
            throw ExitCode(2)
        }
        let runner = ScenarioRunner(engine: engine, workflowPath: source.path, discord: try SimulatedDiscord(ledgerPath: ledger),
                                    language: language)
        let problems = runner.validate(scenario)
        if !problems.isEmpty {
            printError(problems.map(\.description).joined(separator: "\n"))
            throw ExitCode(2)
        }
        return try await runner.run(scenario)
    }
}
