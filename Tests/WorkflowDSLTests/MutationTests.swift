import Foundation
import Testing
@testable import WorkflowDSL

/// The parser and the checks must survive anything an editor can produce.
/// This mutates the shipped workflows (500 times in `make test`, as many
/// as `ESCALA_MUTATIONS` says in `make fuzz`, 20,000 there by default) (byte flips, deleted and
/// duplicated lines, truncations, inserted punctuation) and requires each
/// run to end, with diagnostics or a workflow. A crash or a hang fails the
/// whole test run, which is the point. The generator is seeded, so a
/// failure reproduces: the failing seed and mutation are printed.
@Suite("Robustness")
struct MutationTests {
    static let mutationCount = Int(ProcessInfo.processInfo.environment["ESCALA_MUTATIONS"] ?? "") ?? 500

    /// SplitMix64: small, seedable, the same on every machine.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum Mutation: CaseIterable {
        case flipByte, deleteLine, duplicateLine, truncate, insertPunctuation, swapLines, deleteRange
    }

    static func mutate(_ bytes: [UInt8], _ mutation: Mutation, _ random: inout Generator) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var bytes = bytes
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        switch mutation {
        case .flipByte:
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case .deleteLine:
            var copy = lines
            copy.remove(at: Int.random(in: 0..<copy.count, using: &random))
            bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
        case .duplicateLine:
            var copy = lines
            let index = Int.random(in: 0..<copy.count, using: &random)
            copy.insert(copy[index], at: Int.random(in: 0...copy.count, using: &random))
            bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
        case .truncate:
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case .insertPunctuation:
            let punctuation = Array("{}\":;,<>()#\\-=".utf8)
            bytes.insert(punctuation.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
        case .swapLines:
            var copy = lines
            copy.swapAt(Int.random(in: 0..<copy.count, using: &random), Int.random(in: 0..<copy.count, using: &random))
            bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
        case .deleteRange:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 1...200, using: &random))
            bytes.removeSubrange(start..<end)
        }
        return bytes
    }

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
                bytes = Self.mutate(bytes, Mutation.allCases.randomElement(using: &random)!, &random)
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
