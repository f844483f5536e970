import ArgumentParser
import Foundation
import WorkflowDSL

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a lint code (E101 or undefined-name), with a bad and a fixed example."
    )

    @Argument(help: "A code as lint prints it (`E101`, `W406`) or its name (`undefined-name`).")
    var code: String

    @Option(help: "The language to explain in: es, fr or en (default: LANG, else English).")
    var lang: String?

    func validate() throws {
        if let lang, DiagnosticLanguage(locale: lang) == nil {
            throw ValidationError("--lang is es, fr or en (Escala's explanations are written in these three)")
        }
    }

    func run() throws {
        let wanted = code.lowercased()
        // No workflow to take the language from: the one asked for, else
        // the system's, else English.
        let language = DiagnosticLanguage.chosen(asked: lang, environment: ProcessInfo.processInfo.environment) ?? .en
        guard let found = DiagnosticCode.allCases.first(where: { $0.rawValue.lowercased() == wanted || $0.title == wanted }) else {
            let codes = DiagnosticCode.allCases.map { "\($0.rawValue) \($0.title)" }.joined(separator: "\n  ")
            printError("escala explain: " + Self.unknown(code, language) + ":\n  \(codes)")
            throw ExitCode(2)
        }
        print(found.explanation(in: language))
    }

    static func unknown(_ code: String, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "no lint code `\(code)`; the codes are"
        case .es: "no hay ningún código de lint `\(code)`; los códigos son"
        case .fr: "aucun code de lint `\(code)` ; les codes sont"
        }
    }
}
