import Foundation
import Testing

/// The real `escala lsp` process, driven with JSON-RPC messages as an
/// editor sends them.
@Suite("escala lsp")
struct LanguageServerCommandTests {
    /// A session: the messages written to the server's standard input at
    /// once, then its replies and notifications, read back in order.
    static func session(_ messages: [[String: Any]]) async throws -> (status: Int32, replies: [[String: Any]]) {
        var input = Data()
        for message in messages {
            let body = try JSONSerialization.data(withJSONObject: message)
            input += Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        let output = try await CLI.run(["lsp"], input: input)
        let data = Data(output.stdout.utf8)
        var replies: [[String: Any]] = []
        var rest = data
        while let header = rest.range(of: Data("\r\n\r\n".utf8)) {
            let length = Int(String(decoding: rest[rest.startIndex..<header.lowerBound], as: UTF8.self)
                .replacingOccurrences(of: "Content-Length: ", with: "")) ?? 0
            let body = rest[header.upperBound..<rest.index(header.upperBound, offsetBy: length)]
            replies.append(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] ?? [:])
            rest = Data(rest[rest.index(header.upperBound, offsetBy: length)...])
        }
        return (output.status, replies)
    }

    static func request(_ id: Int, _ method: String, _ params: [String: Any]) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "method": method, "params": params]
    }

    static func at(_ uri: String, _ line: Int, _ character: Int) -> [String: Any] {
        ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]
    }

    static func reply(_ id: Int, in replies: [[String: Any]]) -> Any? {
        replies.first { $0["id"] as? Int == id }?["result"]
    }

    static let workflow = """
    workflow "Soporte"
    locales es
    ranks cm < admin
    channel panel
    panel p "P" in panel { opens soporte }
    ticket soporte "Soporte" {
      receives cm
      button cerrar "Cerrar"
      state abierta initial {
        on button cerrar by cm: close
        on button escalar by cm: escalate to admin; go to espera
      }
      state espera {
        on button cerrar by admin: close
      }
    }

    """

    @Test("diagnostics as you type, in the workflow's language; hover, definition, references, completion, outline, highlighting")
    func editing() async throws {
        let uri = "file:///tmp/soporte.flow"
        let (status, replies) = try await Self.session([
            Self.request(1, "initialize", ["processId": NSNull(), "capabilities": [:] as [String: Any]]),
            ["jsonrpc": "2.0", "method": "initialized", "params": [:] as [String: Any]],
            ["jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": ["textDocument": ["uri": uri, "languageId": "escala", "version": 1, "text": Self.workflow]]],
            Self.request(2, "textDocument/hover", Self.at(uri, 6, 3)),
            Self.request(3, "textDocument/hover", Self.at(uri, 9, 16)),
            Self.request(4, "textDocument/definition", Self.at(uri, 10, 56)),
            Self.request(5, "textDocument/references", Self.at(uri, 2, 6)),
            Self.request(6, "textDocument/completion", Self.at(uri, 13, 24)),
            Self.request(7, "textDocument/documentSymbol", ["textDocument": ["uri": uri]]),
            Self.request(8, "textDocument/semanticTokens/full", ["textDocument": ["uri": uri]]),
            Self.request(9, "textDocument/unknownThing", [:]),
            Self.request(10, "shutdown", [:]),
            ["jsonrpc": "2.0", "method": "exit"],
        ])
        #expect(status == 0)
        let capabilities = (Self.reply(1, in: replies) as? [String: Any])?["capabilities"] as? [String: Any]
        #expect(capabilities?["renameProvider"] as? Bool == true && capabilities?["hoverProvider"] as? Bool == true)

        // The undeclared button, said in Spanish (the workflow's language).
        let published = replies.first { $0["method"] as? String == "textDocument/publishDiagnostics" }?["params"] as? [String: Any]
        let diagnostics = published?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.map { $0["code"] as? String } == ["E101"])
        #expect((diagnostics.first?["message"] as? String)?.hasPrefix("no hay ningún botón llamado `escalar` en este ticket") == true,
                "\(diagnostics)")
        #expect((diagnostics.first?["range"] as? [String: Any]).flatMap { ($0["start"] as? [String: Int])?["line"] } == 10)

        // Hover: a keyword's reference, a name's declaration.
        let keyword = ((Self.reply(2, in: replies) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(keyword?.contains("receives RANK") == true, "\(keyword ?? "nil")")
        let name = ((Self.reply(3, in: replies) as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String
        #expect(name?.hasPrefix("**botón** `cerrar` de `soporte`") == true, "\(name ?? "nil")")

        // `go to espera` leads to the state's declaration.
        let definition = (Self.reply(4, in: replies) as? [String: Any])?["range"] as? [String: Any]
        #expect((definition?["start"] as? [String: Int]) == ["line": 12, "character": 8])

        // `cm`: declared once, used three times.
        #expect((Self.reply(5, in: replies) as? [Any])?.count == 4)

        // After `by`: the ranks, and who else may act.
        let labels = (Self.reply(6, in: replies) as? [[String: Any]])?.compactMap { $0["label"] as? String } ?? []
        #expect(labels.contains("cm") && labels.contains("admin") && labels.contains("handler") && !labels.contains("say"), "\(labels)")

        // The outline: the category, its states and button.
        let outline = Self.reply(7, in: replies) as? [[String: Any]] ?? []
        let ticket = outline.first { $0["name"] as? String == "soporte" }
        #expect((ticket?["children"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["cerrar", "abierta", "espera"])

        // Highlighting: five numbers per token, the first a keyword.
        let data = (Self.reply(8, in: replies) as? [String: Any])?["data"] as? [Int] ?? []
        #expect(data.count % 5 == 0 && data.count > 50)
        #expect(data.prefix(5) == [0, 0, 8, 0, 0], "`workflow` at 0:0, 8 long, a keyword")

        // A request it does not handle is answered with an error, not silence.
        let unknown = replies.first { $0["id"] as? Int == 9 }
        #expect((unknown?["error"] as? [String: Any])?["code"] as? Int == -32601)
    }

    @Test("rename changes the name everywhere in the workflow and in its .ids file; formatting is escala fmt; exit without shutdown is 1")
    func renameAndFormat() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flow = folder.appendingPathComponent("soporte.flow")
        try "cm = 700000000000000001\nadmin = unset\npanel = unset\n".write(to: folder.appendingPathComponent("soporte.ids"),
                                                                             atomically: true, encoding: .utf8)
        let uri = flow.absoluteString
        let messy = Self.workflow.replacingOccurrences(of: "  receives cm", with: "      receives    cm")
            .replacingOccurrences(of: "  button cerrar \"Cerrar\"", with: "  button cerrar \"Cerrar\"\n  button escalar \"Escalar\"")
        let (status, replies) = try await Self.session([
            Self.request(1, "initialize", [:]),
            ["jsonrpc": "2.0", "method": "textDocument/didOpen",
             "params": ["textDocument": ["uri": uri, "languageId": "escala", "version": 1, "text": messy]]],
            Self.request(2, "textDocument/rename", ["textDocument": ["uri": uri], "position": ["line": 2, "character": 6], "newName": "moderador"]),
            Self.request(3, "textDocument/formatting", ["textDocument": ["uri": uri], "options": ["tabSize": 2, "insertSpaces": true]]),
            ["jsonrpc": "2.0", "method": "exit"],
        ])
        #expect(status == 1, "exit before shutdown")
        let changes = (Self.reply(2, in: replies) as? [String: Any])?["changes"] as? [String: [[String: Any]]] ?? [:]
        #expect(changes[uri]?.count == 4 && changes[uri]?.allSatisfy { $0["newText"] as? String == "moderador" } == true)
        let idsEdits = changes.first { $0.key.hasSuffix("/soporte.ids") }?.value ?? []
        #expect(idsEdits.count == 1 && ((idsEdits.first?["range"] as? [String: Any])?["start"] as? [String: Int]) == ["line": 0, "character": 0])
        let edits = Self.reply(3, in: replies) as? [[String: Any]] ?? []
        #expect((edits.first?["newText"] as? String)?.contains("\n  receives cm\n") == true)
    }
}
