import ArgumentParser
import Foundation
import WorkflowDSL

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw each ticket category's state machine, in the workflow's language (Graphviz dot, Mermaid, SVG or PNG).",
        discussion: """
        escala graph workflows/x.flow --format svg > x.svg   (SVG and PNG need Graphviz's `dot`)
        escala graph workflows/x.flow | dot -Tsvg > x.svg    (the same, by hand)
        """
    )

    /// The drawings: the two texts the renderer writes, and the two
    /// pictures Graphviz makes from the first.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case dot, mermaid, svg, png
    }

    @Argument(help: "A workflow file.")
    var file: String

    @Option(help: "Only this ticket category.")
    var category: String?

    @Option(help: "dot (default), mermaid, svg or png (svg and png need Graphviz).")
    var format: OutputFormat = .dot

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
        switch format {
        case .dot: print(GraphRenderer.render(workflow, category: category, format: .dot), terminator: "")
        case .mermaid: print(GraphRenderer.render(workflow, category: category, format: .mermaid), terminator: "")
        case .svg, .png: try draw(GraphRenderer.render(workflow, category: category, format: .dot))
        }
    }

    /// Graphviz's `dot`, found on the PATH, turns the graph into a picture.
    private func draw(_ graph: String) throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        guard let dot = path.split(separator: ":").map({ "\($0)/dot" }).first(where: FileManager.default.isExecutableFile(atPath:)) else {
            printError("""
                escala graph: --format \(format.rawValue) needs Graphviz's `dot`, which is not installed here.
                Install Graphviz (Debian or Ubuntu: `sudo apt install graphviz`; macOS: `brew install graphviz`), \
                or write `--format dot` and render it elsewhere (`dot -T\(format.rawValue) graph.dot > graph.\(format.rawValue)`).
                """)
            throw ExitCode(2)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T\(format.rawValue)"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(graph.utf8))
        try input.fileHandleForWriting.close()
        let picture = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            printError("escala graph: Graphviz could not draw the graph (`dot` exited \(process.terminationStatus))")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(picture)
    }
}
