import Foundation

/// Source text in, diagnostics and (when there are no errors) a `Workflow`
/// out. The single entry point of the module.
public enum WorkflowCompiler {
    public struct Result: Sendable {
        public let diagnostics: [Diagnostic]
        /// Nil when any diagnostic is an error.
        public let workflow: Workflow?
    }

    public static func compile(_ source: SourceFile) -> Result {
        let (context, diagnostics) = analyze(source)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Result(diagnostics: diagnostics, workflow: nil)
        }
        var lowering = Lowering(context: context)
        var workflow = lowering.workflow()
        workflow.contentHash = contentHash(of: workflow)
        return Result(diagnostics: diagnostics, workflow: workflow)
    }

    /// Parses and checks without building the workflow: all `escala lint`
    /// needs, at less than half the cost of a full compile.
    public static func check(_ source: SourceFile) -> [Diagnostic] {
        analyze(source).diagnostics
    }

    /// Every ticket inherits every `defaults` transition, so the checks
    /// do tickets × inherited transitions of work: a file pasted into
    /// itself a hundred times (a hundred `defaults` blocks merged into a
    /// thousand tickets) took seconds. Far beyond any real server (Discord
    /// holds 500 channels), these bounds keep the work linear in the file.
    static let maximumTickets = 500
    static let maximumDefaultTransitions = 200

    static func analyze(_ source: SourceFile) -> (context: CheckContext, diagnostics: [Diagnostic]) {
        var (file, parseDiagnostics) = Parser.parse(source)
        var bag = DiagnosticBag(path: source.path)
        // Names first, from the whole file, so that a panel opening a
        // ticket past the bound does not read as a name never declared.
        let symbols = SymbolTable(file: file, diagnostics: &bag)
        if file.tickets.count > maximumTickets {
            bag.report(.syntax, "more than \(maximumTickets) ticket categories in this file: the rest are not checked",
                       at: file.tickets[maximumTickets].name.range, help: "a server holds 500 channels: split the categories, or remove repeated ones")
            file.tickets.removeLast(file.tickets.count - maximumTickets)
        }
        if let defaults = file.defaults, defaults.transitions.count > maximumDefaultTransitions {
            bag.report(.syntax, "more than \(maximumDefaultTransitions) transitions in `defaults`: the rest are not checked",
                       at: defaults.transitions[maximumDefaultTransitions].headRange,
                       help: "every ticket inherits each of them: keep in `defaults` what all tickets share")
            file.defaults?.transitions.removeLast(defaults.transitions.count - maximumDefaultTransitions)
        }
        let tickets = file.tickets.map { EffectiveTicket($0, defaults: file.defaults, forms: file.forms) }
        let context = CheckContext(file: file, symbols: symbols, tickets: tickets)
        for check in CheckContext.checks { check.run(context, &bag) }
        let diagnostics = (parseDiagnostics + bag.diagnostics).sorted {
            ($0.range.start, $0.code.rawValue) < ($1.range.start, $1.code.rawValue)
        }
        return (context, DiagnosticBag.capped(diagnostics))
    }

    /// The hash of everything that changes behaviour, not of where it was
    /// written: keys sorted, source spots left out.
    static func contentHash(of workflow: Workflow) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.userInfo[SourceSpot.omitKey] = true
        let data = (try? encoder.encode(workflow)) ?? Data()
        return SHA256.hex(Array(data))
    }
}
