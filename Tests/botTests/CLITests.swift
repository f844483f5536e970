import Foundation
import WorkflowDSL
import Testing

/// Runs the real `escala` executable, as an admin or CI would.
struct CLI {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The built `escala`, beside the test bundle in the build folder.
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 where !FileManager.default.fileExists(atPath: folder.appendingPathComponent("escala").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("escala")
    }()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `input`: what the command reads on its standard input, then closed.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: Data? = nil) async throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DISCORD_TOKEN")
        // The same on every machine: no system language, so a workflow's
        // diagnostics are in its own first locale unless a test says.
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "LC_MESSAGES")
        env["LANG"] = "C.UTF-8"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        if input != nil { process.standardInput = stdin }
        try process.run()
        // Waiting on the process blocks a thread: not one of Swift's
        // cooperative pool (two on a 2-core machine), which every other
        // test's sockets and timers run on. Both pipes are read at once, so
        // a command that fills its standard error (64 KiB) while we read
        // its standard output cannot wait on us for ever.
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                if let input {
                    stdin.fileHandleForWriting.write(input)
                    try? stdin.fileHandleForWriting.close()
                }
                let errors = DispatchGroup()
                nonisolated(unsafe) var stderr = Data()
                errors.enter()
                DispatchQueue.global().async {
                    stderr = err.fileHandleForReading.readDataToEndOfFile()
                    errors.leave()
                }
                let stdout = out.fileHandleForReading.readDataToEndOfFile()
                errors.wait()
                process.waitUntilExit()
                continuation.resume(returning: Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                                      stderr: String(decoding: stderr, as: UTF8.self)))
            }
        }
    }

    /// A temporary workflow file.
    static func write(_ text: String, name: String = "test.flow") async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// `Tests/Fixtures/minimal.flow`: a small valid workflow.
let cleanWorkflow: String = {
    let url = CLI.repository.appendingPathComponent("Tests/Fixtures/minimal.flow")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}()

@Suite("escala lint")
struct LintCommandTests {
    @Test("the shipped workflows lint clean, even with --strict")
    func shippedWorkflows() async throws {
        let output = try await CLI.run(["lint", "--strict", "--ids-optional", "--lang", "en", "workflows/"])
        #expect(output.status == 0, "\(output.stdout)")
        #expect(output.stdout.contains("no problems"))
    }

    @Test("fmt rewrites a messy file in place and names it; --check changes nothing and fails; a broken file is left alone")
    func format() async throws {
        let messy = cleanWorkflow.replacingOccurrences(of: "  receives cm", with: "      receives   cm")
        let file = try await CLI.write(messy, name: "messy.flow")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let check = try await CLI.run(["fmt", "--check", file.path])
        #expect(check.status == 1 && check.stdout == "would reformat \(file.path)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == messy)
        let rewrite = try await CLI.run(["fmt", file.path])
        #expect(rewrite.status == 0 && rewrite.stdout == "reformatted \(file.path)\n")
        #expect(try String(contentsOf: file, encoding: .utf8).contains("\n  receives cm\n"))
        #expect(try await CLI.run(["fmt", "--check", file.path]).status == 0)
        let broken = try await CLI.write("ticket t \"T\" {\n   receives nadie\n", name: "broken.flow")
        let refused = try await CLI.run(["fmt", broken.path])
        #expect(refused.status == 1 && refused.stderr.contains("run `escala lint"))
        #expect(try String(contentsOf: broken, encoding: .utf8) == "ticket t \"T\" {\n   receives nadie\n")
    }

    @Test("--fix applies the certain fixes, says each, and reports what is left")
    func fix() async throws {
        let broken = cleanWorkflow.replacingOccurrences(of: "receives cm", with: "receives cn")
        let file = try await CLI.write(broken, name: "typo.flow")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let output = try await CLI.run(["lint", "--fix", "--ids-optional", "--lang", "en", file.path])
        #expect(output.status == 0, "\(output.stdout)")
        #expect(output.stdout.hasPrefix("fixed \(file.path):"), "\(output.stdout)")
        #expect(output.stdout.contains("`cn` → `cm`") && output.stdout.hasSuffix("1 file checked: no problems\n"))
        #expect(try String(contentsOf: file, encoding: .utf8) == cleanWorkflow)
    }

    @Test("a live server's CI fails while an id is unset, naming each where it goes; without --strict it is a note")
    func idsRequiredWhenStrict() async throws {
        let strict = try await CLI.run(["lint", "--strict", "--lang", "en", "workflows/roleplay.flow"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("workflows/roleplay.ids:7:1: note[N701]: 15 names have no Discord id yet: `cm`, `trainee`"), "\(strict.stdout)")
        #expect(strict.stdout.components(separatedBy: "note[N701]").count - 1 == 1, "one note for the file, not one a line")
        let relaxed = try await CLI.run(["lint", "--lang", "en", "workflows/roleplay.flow"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.hasSuffix("2 files checked: no problems, 1 note\n"), "\(relaxed.stdout)")
    }

    @Test("three independent mistakes: three errors and exit 1")
    func threeMistakes() async throws {
        let output = try await CLI.run(["lint", "Tests/WorkflowDSLTests/Golden/three-mistakes.flow"])
        #expect(output.status == 1)
        let errors = output.stdout.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(errors.count == 3)
        #expect(output.stdout.contains("three-mistakes.flow:6:12: error[E101]"))
    }

    @Test("warnings pass, unless --strict")
    func warningsAndStrict() async throws {
        let file = try await CLI.write(cleanWorkflow + "text sobra \"x\"\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        #expect(try await CLI.run(["lint", file.path]).status == 0)
        #expect(try await CLI.run(["lint", "--strict", file.path]).status == 1)
    }

    @Test("a missing path is named, with exit 2")
    func missingPath() async throws {
        let output = try await CLI.run(["lint", "no/such/file.flow"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("no/such/file.flow"))
    }

    @Test("usage errors exit 2, not ArgumentParser's 64")
    func usageError() async throws {
        #expect(try await CLI.run(["lint"]).status == 2)
        #expect(try await CLI.run(["lint", "--format", "xml", "workflows/"]).status == 2)
    }

    @Test("--format json parses and carries the documented fields")
    func json() async throws {
        let output = try await CLI.run(["lint", "--format", "json", "Tests/WorkflowDSLTests/Golden/three-mistakes.flow"])
        #expect(output.status == 1)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [[String: Any]])
        #expect(records.map { $0["code"] as? String } == ["E101", "E004", "E301"])
    }

    @Test("--format github prints one workflow command per problem")
    func github() async throws {
        let output = try await CLI.run(["lint", "--format", "github", "Tests/WorkflowDSLTests/Golden/three-mistakes.flow"])
        #expect(output.stdout.split(separator: "\n").filter { $0.hasPrefix("::error file=") }.count == 3)
    }
}

@Suite("escala graph and run")
struct GraphAndRunTests {
    @Test("graph draws a category in dot and in mermaid")
    func graph() async throws {
        let dot = try await CLI.run(["graph", "workflows/roleplay.flow", "--category", "reportes"])
        #expect(dot.status == 0)
        #expect(dot.stdout.hasPrefix("digraph escala {"))
        #expect(dot.stdout.contains("reportes__con_cm"))
        #expect(!dot.stdout.contains("consultas__"), "only the category asked for")
        let mermaid = try await CLI.run(["graph", "workflows/roleplay.flow", "--format", "mermaid"])
        #expect(mermaid.stdout.hasPrefix("stateDiagram-v2"))
    }

    /// A text of an SVG Graphviz drew, and the box it covers, from its
    /// anchor point, its font size and its length (Helvetica averages
    /// about half an em a character).
    struct TextBox {
        let group: String
        let text: String
        let left, top, right, bottom: Double

        func overlaps(_ other: TextBox) -> Bool {
            // A point of slack: Graphviz's own boxes touch.
            left < other.right - 1 && other.left < right - 1 && top < other.bottom - 1 && other.top < bottom - 1
        }
    }

    static func textBoxes(_ svg: String) -> [TextBox] {
        var boxes: [TextBox] = []
        var group = ""
        let pieces = #/<g id="([^"]+)"|<text([^>]*)>([^<]*)</text>/#
        for match in svg.matches(of: pieces) {
            if let id = match.1 { group = String(id); continue }
            guard let attributes = match.2, let content = match.3 else { continue }
            func number(_ name: String) -> Double? {
                guard let range = attributes.range(of: " \(name)=\"") else { return nil }
                return Double(attributes[range.upperBound...].prefix { $0 != "\"" })
            }
            guard let x = number("x"), let y = number("y"), let size = number("font-size") else { continue }
            let text = String(content).replacing(#/&[^;]+;/#, with: "x")
            let width = Double(text.count) * size * 0.5
            let left = attributes.contains("text-anchor=\"middle\"") ? x - width / 2 : attributes.contains("text-anchor=\"end\"") ? x - width : x
            boxes.append(TextBox(group: group, text: text, left: left, top: y - size * 0.8, right: left + width, bottom: y + size * 0.2))
        }
        return boxes
    }

    @Test("no label of a drawn workflow runs into another, and the rules of every state are not drawn as a loop", arguments: ["roleplay", "communaute", "comunidad"])
    func graphLayout(_ name: String) async throws {
        let svg = try await CLI.run(["graph", "workflows/\(name).flow", "--format", "svg"])
        #expect(svg.status == 0, "\(svg.stderr)")
        let boxes = Self.textBoxes(svg.stdout)
        #expect(boxes.count > 30, "the SVG's texts were read")
        var overlapping: [String] = []
        for (index, box) in boxes.enumerated() {
            for other in boxes[(index + 1)...] where other.group != box.group && box.overlaps(other) {
                overlapping.append("«\(box.text)» and «\(other.text)»")
            }
        }
        #expect(overlapping.isEmpty, "\(name): \(overlapping.joined(separator: "\n"))")
        // A loop (an edge from a node to itself) is what Graphviz piles up.
        let dot = try await CLI.run(["graph", "workflows/\(name).flow"])
        let loops = dot.stdout.matches(of: #/"([^"]+)" -> "([^"]+)"/#).filter { $0.1 == $0.2 }
        #expect(loops.isEmpty, "\(loops.map { String($0.0) })")
        #expect(dot.stdout.contains(["roleplay": "↻ al abrirse", "communaute": "↻ à l'ouverture", "comunidad": "↻ al abrirse"][name]!),
                "`on opened` is listed in the box of the rules of every state")
    }

    @Test("graph draws SVG and PNG with Graphviz, and says how to get it when it is missing")
    func graphPictures() async throws {
        let svg = try await CLI.run(["graph", "workflows/roleplay.flow", "--category", "reportes", "--format", "svg"])
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("<svg") && svg.stdout.contains("recibe: un CM o superior"), "Graphviz drew the Spanish note")
        let png = try await CLI.run(["graph", "workflows/roleplay.flow", "--category", "reportes", "--format", "png"])
        // A PNG starts with byte 0x89 (not UTF-8: read here as U+FFFD), then "PNG".
        #expect(png.status == 0 && png.stdout.dropFirst().hasPrefix("PNG\r\n"), "a PNG file")
        let missing = try await CLI.run(["graph", "workflows/roleplay.flow", "--format", "svg"], environment: ["PATH": "/nonexistent"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("needs Graphviz's `dot`") && missing.stderr.contains("apt install graphviz"))
    }

    @Test("graph of a broken file prints the errors and exits 1")
    func graphOfBrokenFile() async throws {
        let output = try await CLI.run(["graph", "Tests/WorkflowDSLTests/Golden/E101-undefined-name.flow"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("error[E101]"))
    }

    @Test("graph of an unknown category lists the real ones")
    func graphUnknownCategory() async throws {
        let output = try await CLI.run(["graph", "workflows/roleplay.flow", "--category", "nada"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("reportes"))
    }

    @Test("run without a token explains how to get one and exits 2")
    func runWithoutToken() async throws {
        let output = try await CLI.run(["run"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("DISCORD_TOKEN"))
        #expect(output.stderr.contains("MESSAGE CONTENT INTENT"))
    }

    @Test("run refuses broken workflows before connecting, and never prints the token")
    func runWithBrokenWorkflows() async throws {
        let file = try await CLI.write("ticket t \"T\" { receives nadie }\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let token = "secret-token-value"
        let output = try await CLI.run(["run", "--workflows", file.deletingLastPathComponent().path],
                                 environment: ["DISCORD_TOKEN": token])
        #expect(output.status == 1)
        #expect(output.stderr.contains("nothing was started"))
        #expect(!(output.stdout + output.stderr).contains(token))
    }
}

@Suite("escala explain")
struct ExplainCommandTests {
    @Test("a code, by number or by name, prints its section of the checks catalogue; an unknown one lists the codes and exits 2")
    func explain() async throws {
        let document = try String(contentsOf: CLI.repository.appendingPathComponent("docs/language.md"), encoding: .utf8)
        for code in ["E208", "w406", "undefined-name"] {
            let output = try await CLI.run(["explain", code])
            #expect(output.status == 0)
            #expect(output.stdout.contains("Bad:") && output.stdout.contains("Fixed:"), "\(code): \(output.stdout)")
            #expect(document.contains(output.stdout.trimmingCharacters(in: .newlines)), "\(code): the tool and docs/language.md disagree: run scripts/gen-checks-doc.py")
        }
        #expect(try await CLI.run(["explain", "E101"]).stdout.hasPrefix("### E101 undefined-name"))
        let unknown = try await CLI.run(["explain", "E999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no lint code `E999`") && unknown.stderr.contains("E101 undefined-name"))
    }

    @Test("every code's explanation is its section of docs/language.md, word for word")
    func matchesTheCatalogue() throws {
        let document = try String(contentsOf: CLI.repository.appendingPathComponent("docs/language.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(document.contains(code.explanation), "\(code.rawValue): run python3 scripts/gen-checks-doc.py .build/debug/escala")
        }
    }
}

@Suite("Related locations")
struct RelatedLocationTests {
    @Test("a name declared twice shows both places: a second caret in text, `related` in JSON, relatedLocations in SARIF")
    func duplicateShowsBothPlaces() async throws {
        let file = "Tests/WorkflowDSLTests/Golden/E102-duplicate-name.flow"
        let text = try await CLI.run(["lint", file])
        #expect(text.stdout.contains(" 3 | channel soporte\n   |         ------- first declared here\n"), "\(text.stdout)")
        let json = try await CLI.run(["lint", "--format", "json", file])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let related = try #require(records.first?["related"] as? [[String: Any]])
        #expect(related.first?["line"] as? Int == 3 && related.first?["message"] as? String == "first declared here")
        let sarif = try await CLI.run(["lint", "--format", "sarif", file])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let location = try #require((result["relatedLocations"] as? [[String: Any]])?.first)
        #expect((location["message"] as? [String: Any])?["text"] as? String == "first declared here")
        #expect(((location["physicalLocation"] as? [String: Any])?["region"] as? [String: Any])?["startLine"] as? Int == 3)
    }
}

