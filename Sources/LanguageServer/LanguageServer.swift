import Foundation
import WorkflowDSL

/// `escala lsp`: the language server editors talk to. A value that takes
/// one JSON-RPC message and returns the messages to send back, so that the
/// process around it only frames bytes; the same checks as `escala lint`,
/// in the admin's language.
public struct LanguageServer: Sendable {
    private var documents: [String: DocumentIndex] = [:]
    private var editorLocale: String?
    private var shutdownRequested = false
    private let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// What handling one message produced: replies and notifications to
    /// send, and the exit status when the editor said `exit`.
    public struct Outcome: Sendable {
        public var messages: [Data] = []
        public var exitStatus: Int32?
    }

    public mutating func handle(_ message: Data) -> Outcome {
        var outcome = Outcome()
        guard let incoming = try? JSONDecoder().decode(Incoming.self, from: message) else {
            outcome.messages.append(Self.error(id: nil, code: -32700, message: "not JSON-RPC: \(String(decoding: message.prefix(200), as: UTF8.self))"))
            return outcome
        }
        let method = incoming.method ?? ""
        do {
            switch method {
            case "initialize":
                editorLocale = try Self.params(InitializeParams.self, message)?.locale
                outcome.messages.append(Self.reply(incoming.id, InitializeResult()))
            case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
                break
            case "shutdown":
                shutdownRequested = true
                outcome.messages.append(Self.reply(incoming.id, Optional<String>.none))
            case "exit":
                outcome.exitStatus = shutdownRequested ? 0 : 1
            case "textDocument/didOpen":
                guard let params = try Self.params(DidOpenParams.self, message) else { break }
                outcome.messages.append(open(params.textDocument.uri, text: params.textDocument.text))
            case "textDocument/didChange":
                guard let params = try Self.params(DidChangeParams.self, message), let text = params.contentChanges.last?.text else { break }
                outcome.messages.append(open(params.textDocument.uri, text: text))
            case "textDocument/didClose":
                guard let params = try Self.params(DidCloseParams.self, message) else { break }
                documents[params.textDocument.uri] = nil
                outcome.messages.append(Self.notification("textDocument/publishDiagnostics",
                                                          PublishDiagnosticsParams(uri: params.textDocument.uri, diagnostics: [])))
            case "textDocument/hover":
                let params = try Self.params(TextDocumentPositionParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.flatMap(hover)))
            case "textDocument/definition":
                let params = try Self.params(TextDocumentPositionParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.flatMap(definition)))
            case "textDocument/references":
                let params = try Self.params(TextDocumentPositionParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.map(references) ?? []))
            case "textDocument/completion":
                let params = try Self.params(TextDocumentPositionParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.map(completion) ?? []))
            case "textDocument/rename":
                let params = try Self.params(RenameParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.flatMap(rename)))
            case "textDocument/documentSymbol":
                let params = try Self.params(DocumentParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.map { symbols($0.textDocument.uri) } ?? []))
            case "textDocument/semanticTokens/full":
                let params = try Self.params(DocumentParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.map { semanticTokens($0.textDocument.uri) }))
            case "textDocument/formatting":
                let params = try Self.params(DocumentParams.self, message)
                outcome.messages.append(Self.reply(incoming.id, params.map { formatting($0.textDocument.uri) } ?? []))
            default:
                // A request must be answered; a notification need not.
                if incoming.id != nil {
                    outcome.messages.append(Self.error(id: incoming.id, code: -32601, message: "escala lsp does not handle \(method)"))
                }
            }
        } catch {
            outcome.messages.append(Self.error(id: incoming.id, code: -32602, message: "invalid params for \(method): \(error)"))
        }
        return outcome
    }

    // MARK: Documents and diagnostics

    private mutating func open(_ uri: String, text: String) -> Data {
        let index = DocumentIndex(uri: uri, text: text)
        documents[uri] = index
        let language = language(of: index)
        let diagnostics = index.diagnostics.map { $0.localized(to: language) }.map { diagnostic in
            let severity = switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
            return LSPDiagnostic(range: index.range(diagnostic.range), severity: severity,
                          code: diagnostic.code.rawValue, source: "escala",
                          message: diagnostic.message + (diagnostic.help.map { "\n" + $0 } ?? ""),
                          relatedInformation: diagnostic.related.isEmpty ? nil : diagnostic.related.map {
                              .init(location: Location(uri: uri, range: index.range($0.range)), message: $0.message)
                          })
        }
        return Self.notification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, diagnostics: diagnostics))
    }

    /// What the admin reads in: the editor's language, else the system's,
    /// else the workflow's first locale, as `escala lint` chooses.
    private func language(of index: DocumentIndex) -> DiagnosticLanguage {
        DiagnosticLanguage.resolve(asked: editorLocale, environment: environment, workflowLocales: index.file.locales.map(\.text))
    }

    // MARK: Questions about a place

    private func hover(_ params: TextDocumentPositionParams) -> Hover? {
        guard let index = documents[params.textDocument.uri] else { return nil }
        let offset = index.offset(params.position)
        guard let word = index.word(at: offset) else { return nil }
        let language = language(of: index)
        if let declaration = index.declaration(of: word.text, at: offset) {
            let line = index.source.location(of: declaration.range.start).line
            var text = "**\(HoverWords.kind(declaration.kind, language))** `\(declaration.name)`"
                + (declaration.ticket.map { HoverWords.of($0, language) } ?? "")
            if declaration.kind == "rank", let level = index.ranks.firstIndex(of: declaration.name) {
                text += HoverWords.level(level + 1, of: index.ranks.count, language)
            }
            text += "\n\n```flow\n\(index.source.lineText(line).trimmingCharacters(in: .whitespaces))\n```\n"
                + HoverWords.declared(onLine: line, language)
            return Hover(contents: MarkupContent(value: text), range: index.range(word.range))
        }
        return KeywordReference.markdown(word.text, in: language).map { Hover(contents: MarkupContent(value: $0), range: index.range(word.range)) }
    }

    private func definition(_ params: TextDocumentPositionParams) -> Location? {
        guard let index = documents[params.textDocument.uri] else { return nil }
        let offset = index.offset(params.position)
        guard let word = index.word(at: offset), let declaration = index.declaration(of: word.text, at: offset) else { return nil }
        return Location(uri: params.textDocument.uri, range: index.range(declaration.range))
    }

    private func references(_ params: TextDocumentPositionParams) -> [Location] {
        guard let index = documents[params.textDocument.uri] else { return [] }
        let offset = index.offset(params.position)
        guard let word = index.word(at: offset), let declaration = index.declaration(of: word.text, at: offset) else { return [] }
        return index.occurrences(of: declaration).map { Location(uri: params.textDocument.uri, range: index.range($0)) }
    }

    /// A name renamed wherever it is written, and in the `.ids` file
    /// beside the workflow for a rank, role, channel or message.
    private func rename(_ params: RenameParams) -> WorkspaceEdit? {
        guard let index = documents[params.textDocument.uri] else { return nil }
        let offset = index.offset(params.position)
        guard let word = index.word(at: offset), let declaration = index.declaration(of: word.text, at: offset) else { return nil }
        var changes = [params.textDocument.uri: index.occurrences(of: declaration).map {
            TextEdit(range: index.range($0), newText: params.newName)
        }]
        if ["rank", "role", "channel", "message"].contains(declaration.kind) {
            let idsPath = IDBindings.path(forWorkflow: index.source.path)
            if let data = FileManager.default.contents(atPath: idsPath) {
                // Its words, not a workflow's statements: lexed, not parsed.
                let ids = SourceFile(path: idsPath, bytes: Array(data))
                var ignored = DiagnosticBag(path: idsPath)
                let edits = Lexer.tokenize(ids, diagnostics: &ignored).filter { $0.kind == .identifier && $0.text == declaration.name }.map {
                    TextEdit(range: ids.range($0.range), newText: params.newName)
                }
                if !edits.isEmpty { changes[URL(fileURLWithPath: idsPath).absoluteString] = edits }
            }
        }
        return WorkspaceEdit(changes: changes)
    }

    /// Keywords that start a statement where the cursor is, and the names
    /// that fit after the word before it (`by` → ranks, `go to` → states…).
    private func completion(_ params: TextDocumentPositionParams) -> [CompletionItem] {
        guard let index = documents[params.textDocument.uri] else { return [] }
        let offset = index.offset(params.position)
        let before = index.tokens.filter { $0.range.end <= offset && index.source.location(of: $0.range.start).line == params.position.line + 1 }
        let previous = before.last(where: { $0.kind == .identifier || $0.kind == .comma })?.text ?? ""
        let inTicket = index.file.tickets.first { $0.range.start < offset && offset < $0.range.end }
        func names(_ kinds: Set<String>) -> [CompletionItem] {
            index.declarations.filter { kinds.contains($0.kind) && ($0.scope == nil || $0.ticket == inTicket?.name.text) }
                .map { CompletionItem(label: $0.name, kind: 6, detail: $0.kind) }
        }
        switch previous {
        case "by", "receives", "override", "pinging": return names(["rank", "role"]) + ["user", "staff", "handler", "sanctioner"].map { CompletionItem(label: $0, kind: 21, detail: "who") }
        case "to" where before.dropLast().last?.text == "go": return names(["state"])
        case "to", "mention": return names(["rank", "role"]) + [CompletionItem(label: "sanctioner", kind: 21, detail: "who applied the sanction")]
        case "button": return names(["button"])
        case "set", "clear": return names(["flag"])
        case "ask": return names(["form"])
        case "say", "greeting", "farewell", "close": return names(["text"])
        case "in", "notify", "transcript", "publish": return names(["channel"])
        case "opens": return names(["ticket"])
        case "grant", "revoke": return names(["role"])
        case "is": return names(["offence", "rank"])
        default: break
        }
        let depth = index.tokens.filter { $0.range.end <= offset }.reduce(0) { depth, token in
            depth + (token.kind == .leftBrace ? 1 : token.kind == .rightBrace ? -1 : 0)
        }
        let keywords: [String]
        if inTicket == nil || depth == 0 {
            keywords = Keywords.topLevel
        } else if inTicket?.body.states.contains(where: { $0.range.start < offset && offset < $0.range.end }) == true {
            keywords = Keywords.stateBody + Keywords.actions
        } else {
            keywords = Keywords.ticketBody + Keywords.actions
        }
        return keywords.map { CompletionItem(label: $0, kind: 14, detail: KeywordReference.entries[$0]?.shape) }
    }

    // MARK: The whole document

    /// The outline: ticket categories with their states and buttons, then
    /// the file's other declarations.
    private func symbols(_ uri: String) -> [DocumentSymbol] {
        guard let index = documents[uri] else { return [] }
        var symbols: [DocumentSymbol] = []
        for ticket in index.file.tickets {
            let children = index.declarations.filter { $0.ticket == ticket.name.text && ($0.kind == "state" || $0.kind == "button") }.map {
                DocumentSymbol(name: $0.name, detail: $0.kind, kind: $0.kind == "state" ? 22 : 13, range: index.range($0.range),
                               selectionRange: index.range($0.range), children: nil)
            }
            symbols.append(DocumentSymbol(name: ticket.name.text, detail: ticket.label.value, kind: 5, range: index.range(ticket.range),
                                          selectionRange: index.range(ticket.name.range), children: children))
        }
        let others = index.declarations.filter { $0.scope == nil && $0.kind != "ticket" && $0.kind != "locale" }
        symbols += others.map {
            DocumentSymbol(name: $0.name, detail: $0.kind, kind: $0.kind == "rank" || $0.kind == "role" ? 22 : 14,
                           range: index.range($0.range), selectionRange: index.range($0.range), children: nil)
        }
        return symbols.sorted { ($0.range.start.line, $0.range.start.character) < ($1.range.start.line, $1.range.start.character) }
    }

    /// The words highlighted as keywords: those that start statements,
    /// actions and events, and the ones that join them.
    static let highlightedKeywords = Set(Keywords.topLevel + Keywords.ticketBody + Keywords.actions + Keywords.triggers + Keywords.panelBody
        + Keywords.offenceBody + ["by", "if", "not", "and", "or", "to", "initial", "final", "up", "directly", "without",
                                  "reply", "is", "contains", "matching", "in", "before", "chosen", "complete",
                                  "appealed", "from", "pinging", "required", "exclusive", "shared", "same", "higher",
                                  "rank", "long", "optional", "choice", "primary", "secondary", "success", "danger", "submitted"])

    public static let tokenTypes = ["keyword", "string", "number", "comment", "class", "enumMember", "variable", "property", "type"]

    /// Highlighting the editor cannot guess from a grammar: which words are
    /// keywords here, which are names, and of what.
    private func semanticTokens(_ uri: String) -> SemanticTokens {
        guard let index = documents[uri] else { return SemanticTokens(data: []) }
        let keywords = Self.highlightedKeywords
        var marks: [(range: SourceRange, type: Int)] = index.comments().map { ($0, 3) }
        for token in index.tokens {
            switch token.kind {
            case .string: marks.append((token.range, 1))
            case .number, .duration, .time: marks.append((token.range, 2))
            case .identifier:
                if let declaration = index.declaration(of: token.text, at: token.range.start) {
                    let type = switch declaration.kind {
                    case "ticket": 4
                    case "state": 5
                    case "rank", "role": 8
                    case "button", "flag", "question", "evidence": 7
                    default: 6
                    }
                    marks.append((token.range, type))
                } else if keywords.contains(token.text) {
                    marks.append((token.range, 0))
                }
            default: break
            }
        }
        var data: [Int] = []
        var last = Position(line: 0, character: 0)
        for mark in marks.sorted(by: { $0.range.start < $1.range.start }) {
            let range = index.range(mark.range)
            guard range.start.line == range.end.line else { continue }
            let deltaLine = range.start.line - last.line
            data += [deltaLine, deltaLine == 0 ? range.start.character - last.character : range.start.character,
                     range.end.character - range.start.character, mark.type, 0]
            last = range.start
        }
        return SemanticTokens(data: data)
    }

    private func formatting(_ uri: String) -> [TextEdit] {
        guard let index = documents[uri], case .formatted(let text) = Formatter.format(index.source),
              Array(text.utf8) != index.source.bytes else { return [] }
        return [TextEdit(range: Range(start: Position(line: 0, character: 0), end: index.position(index.source.bytes.count)), newText: text)]
    }

    // MARK: JSON-RPC

    enum RequestID: Codable, Sendable, Hashable {
        case number(Int)
        case string(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) { self = .number(number) } else { self = .string(try container.decode(String.self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .string(let string): try container.encode(string)
            }
        }
    }

    struct Incoming: Decodable {
        let id: RequestID?
        let method: String?
    }

    struct Envelope<P: Decodable>: Decodable { let params: P? }

    static func params<P: Decodable>(_ type: P.Type, _ message: Data) throws -> P? {
        try JSONDecoder().decode(Envelope<P>.self, from: message).params
    }

    struct Response<R: Encodable>: Encodable {
        let id: RequestID?
        let result: R?

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            // `null` is an answer too (no hover here): it must be sent.
            if let result { try container.encode(result, forKey: .result) } else { try container.encodeNil(forKey: .result) }
        }
    }

    struct Notification<P: Encodable>: Encodable {
        var jsonrpc = "2.0"
        let method: String
        let params: P
    }

    struct ErrorResponse: Encodable {
        struct Body: Encodable { let code: Int; let message: String }
        var jsonrpc = "2.0"
        let id: RequestID?
        let error: Body

        enum CodingKeys: String, CodingKey { case jsonrpc, id, error }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
            try container.encode(error, forKey: .error)
        }
    }

    static func encoded(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    static func reply<R: Encodable>(_ id: RequestID?, _ result: R?) -> Data { encoded(Response(id: id, result: result)) }
    static func notification<P: Encodable>(_ method: String, _ params: P) -> Data { encoded(Notification(method: method, params: params)) }
    static func error(id: RequestID?, code: Int, message: String) -> Data {
        encoded(ErrorResponse(id: id, error: .init(code: code, message: message)))
    }

    struct InitializeResult: Encodable {
        struct Capabilities: Encodable {
            struct Completion: Encodable { var triggerCharacters = [" "] }
            struct SemanticTokensOptions: Encodable {
                struct Legend: Encodable { var tokenTypes = LanguageServer.tokenTypes; var tokenModifiers: [String] = [] }
                var legend = Legend()
                var full = true
            }
            var textDocumentSync = 1
            var hoverProvider = true
            var definitionProvider = true
            var referencesProvider = true
            var renameProvider = true
            var documentSymbolProvider = true
            var documentFormattingProvider = true
            var completionProvider = Completion()
            var semanticTokensProvider = SemanticTokensOptions()
        }
        struct ServerInfo: Encodable { var name = "escala"; var version: String? }
        var capabilities = Capabilities()
        var serverInfo = ServerInfo()
    }
}
