/// The workflows of one folder run on one Discord server (`escala run`
/// serves every `*.flow` in it): a category name given in two of them
/// would share its panel button's meaning, its commands and its line in
/// the statistics, so the second declaration is an error that names the
/// first.
///
/// Not a `Check`: those see one file, and this needs every file of a
/// folder at once (`LintRun.lint`).
public enum SharedCategoryCheck {
    /// One parsed workflow of a folder.
    public struct Member: Sendable {
        public let source: SourceFile
        public let file: WorkflowFile

        public init(source: SourceFile, file: WorkflowFile) {
            self.source = source
            self.file = file
        }
    }

    /// Diagnostics by path, for every category declared in an earlier
    /// workflow of the same folder (workflows in path order).
    public static func check(_ members: [Member]) -> [String: [Diagnostic]] {
        var found: [String: [Diagnostic]] = [:]
        let byFolder = Dictionary(grouping: members) { folder(of: $0.source.path) }
        for (_, workflows) in byFolder {
            var first: [String: (path: String, line: Int)] = [:]
            for member in workflows.sorted(by: { $0.source.path < $1.source.path }) {
                for ticket in member.file.tickets {
                    let name = ticket.name.text
                    if let earlier = first[name], earlier.path != member.source.path {
                        found[member.source.path, default: []].append(Diagnostic(
                            .duplicateName,
                            "the ticket category `\(name)` is also declared in `\(earlier.path):\(earlier.line)`",
                            path: member.source.path, range: ticket.name.range,
                            help: "the workflows of one folder serve one Discord server: give one of the two categories another name"))
                    } else if first[name] == nil {
                        first[name] = (member.source.path, member.source.location(of: ticket.name.range.start).line)
                    }
                }
            }
        }
        return found
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
