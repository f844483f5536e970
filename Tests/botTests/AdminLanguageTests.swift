import Foundation
import Testing
import TestSupport
import WorkflowDSL

/// Every text an admin reads, in a Spanish or French run, is in that
/// language: lint, `escala explain`, `escala fmt`, `escala simulate`'s
/// trace and the editor's hover. Each output is scanned for English words
/// outside names and quotes (`untranslatedEnglish`); a sentence a command
/// says in English only shows here with its words.
@Suite("Every word in the admin's language")
struct AdminLanguageTests {
    static let languages = ["es", "fr"]

    /// A lint line (`file:3:5: error[E101]: …`) without its place and
    /// severity, which are the same in every language.
    static func message(ofLintLine line: String) -> String {
        guard let range = line.range(of: #"^\S+:\d+:\d+: \w+\[[EWN]\d{3}\]: "#, options: .regularExpression) else { return line }
        return String(line[range.upperBound...])
    }

    @Test("escala explain, for every code: the paragraph, the labels and lint's line, in Spanish and French")
    func explain() async throws {
        for language in Self.languages {
            for code in DiagnosticCode.allCases {
                let output = try await CLI.run(["explain", code.rawValue, "--lang", language])
                #expect(output.status == 0)
                // The examples are workflows (English keywords, Spanish
                // names); of them, only lint's line is words to read.
                var prose = ""
                var lintLines: [String] = []
                var inFence = false
                for line in output.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
                    if line.hasPrefix("```") { inFence.toggle(); continue }
                    if !inFence { prose += line + "\n" } else if line.range(of: #"^\S+:\d+:\d+: "#, options: .regularExpression) != nil {
                        lintLines.append(String(line))
                    }
                }
                #expect(lintLines.count == 1, "\(code.rawValue): \(output.stdout)")
                let english = untranslatedEnglish(in: prose) + lintLines.flatMap { untranslatedEnglish(in: Self.message(ofLintLine: $0)) }
                #expect(english.isEmpty, "\(language) \(code.rawValue): \(english) in\n\(output.stdout)")
            }
        }
        #expect(try await CLI.run(["explain", "E101", "--lang", "es"]).stdout.contains("Mal:\n"))
        #expect(try await CLI.run(["explain", "E101"], environment: ["LANG": "fr_FR.UTF-8"]).stdout.contains("Incorrect :\n"))
        #expect(try await CLI.run(["explain", "E101"]).stdout.contains("Bad:\n"), "no system language: English")
    }

    @Test("escala lint of every golden mistake, in Spanish and French: messages, help and the summary")
    func lint() async throws {
        for language in Self.languages {
            let output = try await CLI.run(["lint", "--lang", language, "--ids-optional", "Tests/WorkflowDSLTests/Golden"])
            #expect(output.status == 1)
            var english: [String] = []
            for line in output.stdout.split(separator: "\n").map(String.init) {
                if line.range(of: #"^\S+:\d+:\d+: "#, options: .regularExpression) != nil {
                    english += untranslatedEnglish(in: Self.message(ofLintLine: line))
                } else if let help = line.range(of: #"^\s*= [^:]+: "#, options: .regularExpression) {
                    english += untranslatedEnglish(in: String(line[help.upperBound...]))
                } else if !line.contains("|") {
                    english += untranslatedEnglish(in: line)
                }
            }
            #expect(english.isEmpty, "\(language): \(english)")
        }
    }

    @Test("escala fmt says what it did in the workflow's language")
    func format() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-fmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let untidy = folder.appendingPathComponent("soporte.flow")
        try "locales es\nranks cm < admin\nchannel panel\npanel p \"P\" in panel { opens t }\nticket t \"T\" {\nreceives cm\nbutton cerrar \"Cerrar\"\non button cerrar by staff: close\n}\n"
            .write(to: untidy, atomically: true, encoding: .utf8)
        let broken = folder.appendingPathComponent("roto.flow")
        try "locales fr\nticket t \"T\" {\n  receives\n".write(to: broken, atomically: true, encoding: .utf8)

        let check = try await CLI.run(["fmt", "--check", untidy.path])
        #expect(check.status == 1 && check.stdout == "se reformatearía \(untidy.path)\n", "\(check.stdout)")
        let done = try await CLI.run(["fmt", untidy.path])
        #expect(done.stdout == "reformateado \(untidy.path)\n")
        let again = try await CLI.run(["fmt", untidy.path])
        #expect(again.stdout == "1 archivo ya está formateado\n")
        let refused = try await CLI.run(["fmt", broken.path])
        #expect(refused.status == 1 && refused.stderr.contains("corrigez-les d'abord"), "\(refused.stderr)")
        for output in [check.stdout, done.stdout, again.stdout, refused.stderr] {
            #expect(untranslatedEnglish(in: output.replacingOccurrences(of: folder.path, with: "")).isEmpty, "\(output)")
        }
        #expect(try await CLI.run(["fmt", "--lang", "en", untidy.path]).stdout == "1 file(s) already formatted\n")
    }

    @Test("escala simulate's trace, in the workflow's language: actions, effects, failures and the summary")
    func simulate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases = [
            ("roleplay", "workflows/scenarios/roleplay/reportes-escalado.scenario"),
            ("roleplay", "workflows/scenarios/roleplay/servidor-lleno.scenario"),
            ("communaute", "workflows/scenarios/communaute/appel-ban.scenario"),
        ]
        for (workflow, scenario) in cases {
            // The scenario as shipped, and a failing expectation after it,
            // so the trace says why something did not hold.
            let failing = folder.appendingPathComponent(workflow + "-" + URL(fileURLWithPath: scenario).lastPathComponent)
            let text = try String(contentsOf: CLI.repository.appendingPathComponent(scenario), encoding: .utf8)
            try (text + "\nexpect state inexistente\nexpect mentioned nadie\n").write(to: failing, atomically: true, encoding: .utf8)
            let output = try await CLI.run(["simulate", "workflows/\(workflow).flow", failing.path])
            #expect(output.status == 1, "\(output.stdout)\(output.stderr)")
            var english: [String] = []
            for line in output.stdout.split(separator: "\n").map(String.init) {
                let body = line.trimmingCharacters(in: .whitespaces)
                // The written rule a step followed is the workflow's own text.
                if body.hasPrefix("∵") || body.hasPrefix("==") { continue }
                // An expectation: the scenario's line as written, then why.
                if let mark = body.range(of: #"[✓✗–] (línea|ligne) \d+: "#, options: .regularExpression) {
                    english += body[mark.upperBound...].components(separatedBy: " — ").dropFirst().flatMap(untranslatedEnglish(in:))
                    continue
                }
                // The failures again at the end: `path:line: scenario line: why`.
                if body.hasPrefix(failing.path + ":") {
                    english += body.dropFirst(failing.path.count).components(separatedBy: ": ").dropFirst(2).flatMap(untranslatedEnglish(in:))
                    continue
                }
                english += untranslatedEnglish(in: body)
            }
            #expect(english.isEmpty, "\(scenario): \(english) in\n\(output.stdout)")
            #expect(output.stdout.contains(workflow == "roleplay" ? "FALLÓ: 2 comprobación(es)" : "ÉCHEC : 2 vérification(s)"), "\(output.stdout)")
        }
    }

    @Test("escala simulate's checks before anything runs, in the workflow's language")
    func simulateValidation() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("nombres.scenario")
        try """
            member jugador
            staff ana moderadora
            jugador opens consultas
            ana presses cerar
            jugador gives rep to nadie
            """.write(to: scenario, atomically: true, encoding: .utf8)
        let output = try await CLI.run(["simulate", "workflows/roleplay.flow", scenario.path])
        #expect(output.status == 2)
        let messages = output.stderr.split(separator: "\n").map { $0.components(separatedBy: ": error: ").last ?? "" }
        #expect(messages.count == 3, "\(output.stderr)")
        #expect(messages.first?.hasPrefix("`moderadora` no es un rango ni un rol del flujo (rangos: ") == true, "\(output.stderr)")
        for message in messages {
            // The names the workflow knows are listed as it writes them.
            let said = message.replacing(#/\([^)]*\)/#, with: "")
            #expect(untranslatedEnglish(in: said).isEmpty, "\(message)")
        }
    }

    @Test("the editor's hover, on a keyword and on a name, in the workflow's language")
    func hover() async throws {
        for (language, workflow) in [("es", LanguageServerCommandTests.workflow),
                                     ("fr", LanguageServerCommandTests.workflow.replacingOccurrences(of: "locales es", with: "locales fr"))] {
            let uri = "file:///tmp/soporte.flow"
            var requests: [[String: Any]] = [
                LanguageServerCommandTests.request(1, "initialize", ["processId": NSNull(), "capabilities": [:] as [String: Any]]),
                ["jsonrpc": "2.0", "method": "textDocument/didOpen",
                 "params": ["textDocument": ["uri": uri, "languageId": "escala", "version": 1, "text": workflow]]],
            ]
            // Every keyword of the reference, and the names of line 3 (ranks) and 8 (a button).
            let lines = workflow.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var id = 2
            for (number, line) in lines.enumerated() {
                for (column, _) in line.enumerated() where column == 0 || line[line.index(line.startIndex, offsetBy: column - 1)] == " " {
                    requests.append(LanguageServerCommandTests.request(id, "textDocument/hover", LanguageServerCommandTests.at(uri, number, column)))
                    id += 1
                }
            }
            requests += [LanguageServerCommandTests.request(id, "shutdown", [:]), ["jsonrpc": "2.0", "method": "exit"]]
            let (status, replies) = try await LanguageServerCommandTests.session(requests)
            #expect(status == 0)
            let hovers = (2..<id).compactMap { ((LanguageServerCommandTests.reply($0, in: replies) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String }
            #expect(hovers.count > 20, "\(hovers.count) hovers")
            #expect(hovers.contains { $0.hasPrefix(language == "es" ? "**botón** `cerrar` de `soporte`" : "**bouton** `cerrar` de `soporte`") })
            for hover in hovers {
                // The shape and the declaration's line are the workflow's own words.
                let prose = hover.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
                #expect(untranslatedEnglish(in: prose).isEmpty, "\(language): \(hover)")
            }
        }
    }
}
