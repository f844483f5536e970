import ArgumentParser
import Foundation
import WorkflowDSL

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw each ticket category's state machine (Graphviz dot or Mermaid).",
        discussion: "Render dot with Graphviz: escala graph workflows/x.flow | dot -Tsvg > x.svg"
    )

    @Argument(help: "A workflow file.")
    var file: String

    @Option(help: "Only this ticket category.")
    var category: String?

    @Option(help: "dot (default) or mermaid.")
    var format: GraphRenderer.Format = .dot

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("escala graph: \(file): no such file or it cannot be read")
            throw ExitCode(2)
        }
        let source = SourceFile(path: file, bytes: Array(data))
        let result = WorkflowCompiler.compile(source)
        guard let workflow = result.workflow else {
            let run = LintRun(files: [.init(source: source, diagnostics: result.diagnostics)])
            printError(TextReporter.render(run) + "escala graph: fix the errors above first (`escala lint \(file)`)")
            throw ExitCode(1)
        }
        if let category, workflow.category(named: category) == nil {
            let names = workflow.categories.map(\.name).joined(separator: ", ")
            printError("escala graph: no ticket category `\(category)` in \(file); it has: \(names)")
            throw ExitCode(2)
        }
        print(GraphRenderer.render(workflow, category: category, format: format), terminator: "")
    }
}

extension GraphRenderer.Format: ExpressibleByArgument {}
