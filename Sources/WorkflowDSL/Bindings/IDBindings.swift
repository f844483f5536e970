/// The Discord ids of a workflow's ranks, roles and channels, kept in a
/// file of their own (`roleplay.ids` beside `roleplay.flow`).
///
/// Ids differ between a test server and the real one and change when a
/// role is recreated; the rules do not. Keeping them apart means an admin
/// can copy a workflow to another server by editing one small file, and a
/// change of id never touches the logic (nor its version hash).
///
/// The file is one `name = id` per line; `unset` marks an id not filled in
/// yet, which `escala run` refuses but lint allows, so a workflow can be
/// shared with placeholders.
public struct IDBindings: Sendable {
    public struct Binding: Sendable {
        public let name: Name
        /// Nil for `unset`.
        public let id: String?
    }

    public let source: SourceFile
    public let bindings: [Binding]

    /// The conventional path of the bindings of a workflow file.
    public static func path(forWorkflow path: String) -> String {
        (path.hasSuffix(".flow") ? String(path.dropLast(5)) : path) + ".ids"
    }

    public static func parse(_ source: SourceFile) -> (IDBindings, [Diagnostic]) {
        var bag = DiagnosticBag(path: source.path)
        let tokens = Lexer.tokenize(source, diagnostics: &bag)
        var bindings: [Binding] = []
        var index = 0
        func lineEnd(_ i: Int) -> Int {
            var i = i
            while tokens[i].kind != .newline && tokens[i].kind != .endOfFile { i += 1 }
            return i
        }
        while tokens[index].kind != .endOfFile {
            if tokens[index].kind == .newline { index += 1; continue }
            let end = lineEnd(index)
            let line = Array(tokens[index..<end])
            if line.count == 3, line[0].kind == .identifier, line[1].kind == .equals,
               line[2].kind == .number || (line[2].kind == .identifier && line[2].text == "unset") {
                let id = line[2].kind == .number ? line[2].text : nil
                if let id, !(17...20).contains(id.count) {
                    bag.report(.invalidValue, "`\(id)` is not a Discord id", at: line[2].range,
                               help: "Discord ids have 17 to 20 digits: in Discord, turn on Developer Mode, right-click the role or channel and choose Copy ID")
                }
                bindings.append(Binding(name: Name(line[0].text, line[0].range), id: id))
            } else {
                let range = SourceRange(start: line[0].range.start, end: line[line.count - 1].range.end)
                bag.report(.syntax, "expected `name = id` on this line", at: range,
                           help: "write one binding per line, such as `moderator = 123456789012345678`, or `moderator = unset`")
            }
            index = end
        }
        return (IDBindings(source: source, bindings: bindings), bag.diagnostics)
    }

    /// Checks the names against a workflow's declarations: each must be a
    /// rank, a role, a channel or a message, bound once.
    public func check(against file: WorkflowFile) -> [Diagnostic] {
        var bag = DiagnosticBag(path: source.path)
        var symbolsBag = DiagnosticBag(path: file.source.path)
        let symbols = SymbolTable(file: file, diagnostics: &symbolsBag)
        let bindable: [SymbolTable.Kind] = [.rank, .role, .channel, .message]
        let candidates = bindable.flatMap { symbols.names(of: $0) }
        var seen: Set<String> = []
        for binding in bindings {
            if !seen.insert(binding.name.text).inserted {
                bag.report(.duplicateName, "`\(binding.name.text)` is bound twice", at: binding.name.range)
            }
            guard let kind = symbols.kind(of: binding.name.text) else {
                bag.report(.undefinedName, "`\(binding.name.text)` is not a rank, role, channel or message of \(file.source.path)",
                           at: binding.name.range,
                           help: Suggestions.closest(to: binding.name.text, among: candidates).map { "did you mean `\($0)`?" },
                           fix: Suggestions.closest(to: binding.name.text, among: candidates).map { Diagnostic.Fix(binding.name.range, $0) })
                continue
            }
            if !bindable.contains(kind) {
                bag.report(.wrongKindOfName, "`\(binding.name.text)` is \(kind.article); only ranks, roles, channels and messages have Discord ids",
                           at: binding.name.range)
            }
        }
        return bag.diagnostics
    }
}
