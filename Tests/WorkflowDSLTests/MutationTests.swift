import Foundation
import Testing
@testable import WorkflowDSL
import WorkflowFuzzing

/// The parser and the checks must survive anything an editor can produce.
/// This mutates the shipped workflows (500 times in `make test`, as many
/// as `ESCALA_MUTATIONS` says in `make fuzz`, 20,000 there by default) (byte flips, deleted and
/// duplicated lines, truncations, inserted punctuation) and requires each
/// (the million-input run with the extremes is `make fuzz`, `escala-fuzz`)
/// run to end, with diagnostics or a workflow. A crash or a hang fails the
/// whole test run, which is the point. The generator is seeded, so a
/// failure reproduces: the failing seed and mutation are printed.
@Suite("Robustness")
struct MutationTests {
    static let mutationCount = Int(ProcessInfo.processInfo.environment["ESCALA_MUTATIONS"] ?? "") ?? 500

    typealias Generator = Mutator.Generator
    typealias Mutation = Mutator.Mutation

    @Test("mutations of the shipped workflows all end in diagnostics or a workflow")
    func mutationsNeverCrash() throws {
        let originals = try ShippedWorkflows.all().map(\.bytes)
        try #require(!originals.isEmpty)
        var random = Generator(state: 0xE5CA1A)
        var withErrors = 0, compiled = 0
        for round in 0..<Self.mutationCount {
            var bytes = originals[round % originals.count]
            // One to three mutations stacked, as a clumsy edit would.
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                bytes = Mutator.mutate(bytes, Mutation.everyday.randomElement(using: &random)!, &random)
            }
            let source = SourceFile(path: "mutant-\(round).flow", bytes: bytes)
            let result = WorkflowCompiler.compile(source)
            if result.workflow == nil {
                withErrors += 1
                // A failed compile must say why, at a place inside the file.
                let errors = result.diagnostics.filter { $0.severity == .error }
                #expect(!errors.isEmpty, "mutant \(round): no workflow and no error")
                #expect(errors.allSatisfy { $0.range.start <= bytes.count && $0.range.end <= bytes.count },
                        "mutant \(round): a diagnostic points outside the file")
                // Rendering must work too: it is what the admin sees.
                _ = TextReporter.render(LintRun(files: [.init(source: source, diagnostics: result.diagnostics)]))
            } else {
                compiled += 1
            }
        }
        #expect(withErrors + compiled == Self.mutationCount)
        // Mutations that break nothing (a flipped bit in a comment) exist,
        // but most must be caught: a checker that accepted everything
        // would pass the loop above.
        #expect(withErrors > Self.mutationCount / 2, "only \(withErrors) of \(Self.mutationCount) mutants had errors")
    }
}
