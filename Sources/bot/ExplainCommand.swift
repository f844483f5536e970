import ArgumentParser
import WorkflowDSL

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a lint code (E101 or undefined-name), with a bad and a fixed example."
    )

    @Argument(help: "A code as lint prints it (`E101`, `W406`) or its name (`undefined-name`).")
    var code: String

    func run() throws {
        let wanted = code.lowercased()
        guard let found = DiagnosticCode.allCases.first(where: { $0.rawValue.lowercased() == wanted || $0.title == wanted }) else {
            let codes = DiagnosticCode.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: "\n  ")
            printError("escala explain: no lint code `\(code)`; the codes are:\n  \(codes)")
            throw ExitCode(2)
        }
        print(found.explanation)
    }
}
