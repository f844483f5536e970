/// N701: the Discord ids `escala run` will ask for, found missing now.
/// Lint names each one where the admin fills it in, so that a workflow
/// copied to a new server shows its to-do list before the first start,
/// and a live server's CI (`escala lint --strict`) refuses a workflow
/// whose ids are not all there.
enum MissingIDs {
    /// The ranks, roles, channels and messages a workflow declares: each
    /// needs its Discord id.
    static func needed(by file: WorkflowFile) -> [String] {
        var bag = DiagnosticBag(path: file.source.path)
        let symbols = SymbolTable(file: file, diagnostics: &bag)
        return [SymbolTable.Kind.rank, .role, .channel, .message].flatMap { symbols.names(of: $0) }
    }

    /// A workflow with no ids file: one note on its first line, naming
    /// what needs an id and the file to write.
    static func noFile(for file: WorkflowFile, idsPath: String) -> [Diagnostic] {
        let names = needed(by: file)
        guard !names.isEmpty else { return [] }
        let fileName = idsPath.split(separator: "/").last.map(String.init) ?? idsPath
        var bag = DiagnosticBag(path: file.source.path)
        bag.report(.idsMissing, "no ids file `\(fileName)`: `escala run` needs the Discord ids of "
                   + names.prefix(12).map { "`\($0)`" }.joined(separator: ", ") + (names.count > 12 ? " and \(names.count - 12) more" : ""),
                   at: SourceRange(start: 0, end: 0),
                   help: "create `\(fileName)` beside the workflow, one line per name: `\(names[0]) = 123456789012345678` "
                       + "(in Discord: User Settings > Advanced > Developer Mode, then right-click > Copy ID)")
        return bag.diagnostics
    }

    /// Names left `unset` in the ids file, said once, at the first of
    /// them (a template's ids file is all `unset`: one note, not one a
    /// line); names the workflow declares that the file does not list, at
    /// its last line.
    static func unset(in bindings: IDBindings, for file: WorkflowFile) -> [Diagnostic] {
        var bag = DiagnosticBag(path: bindings.source.path)
        let help = "replace `unset` with its id (in Discord: User Settings > Advanced > Developer Mode, then right-click > Copy ID)"
        let needed = needed(by: file)
        // A name the workflow does not declare is an error of its own.
        let unset = bindings.bindings.filter { $0.id == nil && needed.contains($0.name.text) }
        if let first = unset.first {
            let names = unset.map { "`\($0.name.text)`" }
            bag.report(.idsMissing, unset.count == 1 ? "\(names[0]) has no Discord id yet"
                           : "\(unset.count) names have no Discord id yet: " + names.joined(separator: ", "),
                       at: first.name.range, help: help)
        }
        let listed = Set(bindings.bindings.map(\.name.text))
        let unlisted = needed.filter { !listed.contains($0) }
        if !unlisted.isEmpty {
            let end = bindings.source.bytes.count
            bag.report(.idsMissing, "this file has no line for " + unlisted.map { "`\($0)`" }.joined(separator: ", "),
                       at: SourceRange(start: end, end: end), help: "add `\(unlisted[0]) = 123456789012345678`, one line per name")
        }
        return bag.diagnostics
    }
}
