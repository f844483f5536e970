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

    /// `check`, keeping the parsed file for what else lint reads from it
    /// (its locales, the names that need Discord ids) without parsing twice.
    public static func checkKeepingFile(_ source: SourceFile) -> (file: WorkflowFile, diagnostics: [Diagnostic]) {
        let (context, diagnostics) = analyze(source)
        return (context.file, diagnostics)
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
        // A block never closed makes every top-level statement after it
        // "misplaced": the missing `}` is the one mistake to show.
        if let unclosed = file.unclosedBlocks.map(\.start).min() {
            parseDiagnostics.removeAll { $0.code == .misplacedStatement && $0.range.start > unclosed }
        }
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
        let checked = withoutCascades(bag.diagnostics, parseErrors: parseDiagnostics.filter { $0.severity == .error }, file: file)
        let diagnostics = (parseDiagnostics + checked).sorted {
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

    /// One error per mistake. A statement the parser could not read is
    /// missing from what the checks see: the names it declared are
    /// undeclared, the names it used look unused, and the transitions it
    /// held are absent, so states look stuck or unreachable. Those follow
    /// from the syntax error and are left out: a name diagnostic when the
    /// name is written on a line the parser gave up on, a state-machine
    /// diagnostic in a ticket (or every ticket, for `defaults`) where it
    /// gave up. Independent mistakes are still reported, and the rest come
    /// back, if real, once the syntax is fixed.
    static func withoutCascades(_ checked: [Diagnostic], parseErrors: [Diagnostic], file: WorkflowFile) -> [Diagnostic] {
        guard !parseErrors.isEmpty else { return checked }
        let machineCodes: Set<DiagnosticCode> = [.deadEndState, .unreachableState, .transitionNeverFires, .missingInitialState,
                                                 .ambiguousTransitions, .closeAlwaysRefused, .mandatoryStepImpossible]
        let nameCodes: Set<DiagnosticCode> = [.undefinedName, .unusedDeclaration, .wrongKindOfName, .categoryWithoutPanel, .missingRanks]
        func within(_ inner: SourceRange, _ outer: SourceRange) -> Bool { inner.start >= outer.start && inner.start <= outer.end }
        var brokenTickets: [SourceRange] = []
        var brokenDefaults = false
        var brokenLines: Set<Int> = []
        var swallowedFrom = Int.max
        for error in parseErrors {
            if let ticket = file.tickets.first(where: { within(error.range, $0.range) }) {
                if brokenTickets.last != ticket.range { brokenTickets.append(ticket.range) }
            } else if file.defaultsRanges.contains(where: { within(error.range, $0) }) {
                brokenDefaults = true
            }
            brokenLines.insert(file.source.location(of: error.range.start).line)
        }
        // A block never closed swallowed what followed it: its lines to the
        // end of the file are all in doubt.
        if let unclosed = file.unclosedBlocks.map(\.start).min() { swallowedFrom = file.source.location(of: unclosed).line }
        // Read once, and only if a name diagnostic needs them: a fuzzed
        // file may hold hundreds of errors over megabytes.
        lazy var brokenWords: Set<String> = {
            var words: Set<String> = []
            let bytes = file.source.bytes
            func collect(_ range: Range<Int>) {
                // Bytes, not Characters: a name is ASCII letters, digits,
                // `_` and any non-ASCII letter, and this may be megabytes.
                var start: Int?
                for index in range.lowerBound...range.upperBound {
                    let byte = index < range.upperBound ? bytes[index] : 0x20
                    let inWord = byte >= 0x80 || byte == 0x5F || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    if inWord, start == nil { start = index }
                    if !inWord, let first = start {
                        words.insert(String(decoding: bytes[first..<index], as: UTF8.self))
                        start = nil
                    }
                }
            }
            let lineCount = file.source.lineStarts.count
            if swallowedFrom <= lineCount { collect(file.source.lineStarts[swallowedFrom - 1]..<bytes.count) }
            for line in brokenLines where line < swallowedFrom { collect(file.source.lineRange(line)) }
            for skipped in file.skippedRanges { collect(skipped.start..<min(skipped.end, bytes.count)) }
            return words
        }()
        return checked.filter { diagnostic in
            if nameCodes.contains(diagnostic.code) {
                if diagnostic.code == .missingRanks { return !brokenWords.contains("ranks") && brokenWords.isDisjoint(with: ["rangos", "rango", "rangs"]) }
                // The name a name diagnostic is about is its first `quoted` word.
                let pieces = diagnostic.message.split(separator: "`", omittingEmptySubsequences: false)
                guard pieces.count > 2 else { return true }
                let name = String(pieces[1])
                return !brokenWords.contains(name)
            }
            guard machineCodes.contains(diagnostic.code) else { return true }
            if brokenDefaults, file.tickets.contains(where: { within(diagnostic.range, $0.range) }) { return false }
            return !brokenTickets.contains { within(diagnostic.range, $0) }
        }
    }
}
