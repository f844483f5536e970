/// The Language Server Protocol's types that `escala lsp` uses, as its
/// specification names them. Positions count UTF-16 code units, as LSP
/// says; `DocumentIndex` converts from the parser's byte offsets.
public struct Position: Codable, Sendable, Hashable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) { self.line = line; self.character = character }
}

public struct Range: Codable, Sendable, Hashable {
    public var start: Position
    public var end: Position
    public init(start: Position, end: Position) { self.start = start; self.end = end }
}

public struct Location: Codable, Sendable, Hashable {
    public var uri: String
    public var range: Range
}

public struct TextDocumentIdentifier: Codable, Sendable {
    public var uri: String
}

public struct TextDocumentItem: Codable, Sendable {
    public var uri: String
    public var text: String
}

public struct TextDocumentPositionParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct DidOpenParams: Codable, Sendable { public var textDocument: TextDocumentItem }
public struct DidChangeParams: Codable, Sendable {
    public struct Change: Codable, Sendable { public var text: String }
    public var textDocument: TextDocumentIdentifier
    public var contentChanges: [Change]
}
public struct DidCloseParams: Codable, Sendable { public var textDocument: TextDocumentIdentifier }
public struct DocumentParams: Codable, Sendable { public var textDocument: TextDocumentIdentifier }
public struct RenameParams: Codable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var newName: String
}
public struct InitializeParams: Codable, Sendable {
    /// The editor's language (`es`, `fr-CA`), for diagnostics.
    public var locale: String?
}

public struct LSPDiagnostic: Codable, Sendable, Hashable {
    public struct Related: Codable, Sendable, Hashable {
        public var location: Location
        public var message: String
    }
    public var range: Range
    /// 1 error, 2 warning, 3 information.
    public var severity: Int
    public var code: String
    public var source: String
    public var message: String
    public var relatedInformation: [Related]?
}

public struct PublishDiagnosticsParams: Codable, Sendable {
    public var uri: String
    public var diagnostics: [LSPDiagnostic]
}

public struct MarkupContent: Codable, Sendable, Hashable {
    public var kind = "markdown"
    public var value: String
}

public struct Hover: Codable, Sendable, Hashable {
    public var contents: MarkupContent
    public var range: Range?
}

public struct CompletionItem: Codable, Sendable, Hashable {
    public var label: String
    /// 14 keyword, 6 variable, 20 enum member, 7 class, 21 constant.
    public var kind: Int
    public var detail: String?
}

public struct TextEdit: Codable, Sendable, Hashable {
    public var range: Range
    public var newText: String
}

public struct WorkspaceEdit: Codable, Sendable, Hashable {
    public var changes: [String: [TextEdit]]
}

public struct DocumentSymbol: Codable, Sendable, Hashable {
    public var name: String
    public var detail: String?
    /// 5 class, 22 enum member, 13 variable, 14 constant, 2 module, 23 struct.
    public var kind: Int
    public var range: Range
    public var selectionRange: Range
    public var children: [DocumentSymbol]?
}

public struct SemanticTokens: Codable, Sendable, Hashable {
    public var data: [Int]
}
