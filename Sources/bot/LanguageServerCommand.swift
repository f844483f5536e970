import ArgumentParser
import Foundation
import LanguageServer

struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "The language server for editors (VS Code, Neovim, Helix, Zed), over standard input and output.",
        discussion: """
        Your editor starts it; see editors/README.md. Diagnostics as you type (the checks of \
        `escala lint`, in the editor's language), hover, go to definition, references, completion, \
        rename (also in the .ids file), the outline, highlighting and formatting (`escala fmt`).
        """
    )

    func run() throws {
        var server = LanguageServer(environment: ProcessInfo.processInfo.environment)
        var framing = MessageFraming()
        let input = FileHandle.standardInput
        let output = FileHandle.standardOutput
        while true {
            let bytes = input.availableData
            // The editor closed the pipe without `exit`: nothing more to do.
            if bytes.isEmpty { throw ExitCode(1) }
            let messages: [Data]
            do { messages = try framing.append(bytes) } catch {
                printError("escala lsp: \(error)")
                throw ExitCode(1)
            }
            for message in messages {
                let outcome = server.handle(message)
                for reply in outcome.messages { output.write(MessageFraming.frame(reply)) }
                if let status = outcome.exitStatus { throw ExitCode(status) }
            }
        }
    }
}
