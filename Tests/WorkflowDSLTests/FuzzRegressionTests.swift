import Foundation
import Testing
import WorkflowDSL
import WorkflowFuzzing

/// Every input `make fuzz` ever found to crash, hang or run slow, compiled
/// again: each must end, with diagnostics or a workflow, in little time.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs() throws -> [(name: String, bytes: [UInt8])] {
        var inputs: [(String, [UInt8])] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".flow") {
            inputs.append((name, Array(try Data(contentsOf: folder.appendingPathComponent(name)))))
        }
        let originals = try ShippedWorkflows.all().map(\.bytes)
        let list = (try? String(contentsOf: folder.appendingPathComponent("regressions.txt"), encoding: .utf8)) ?? ""
        for line in list.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let seed = UInt64(fields[0]), let round = Int(fields[1]) else { continue }
            inputs.append(("seed \(seed) round \(round)", Mutator.input(seed: seed, round: round, originals: originals)))
        }
        return inputs
    }

    @Test("each kept input compiles to diagnostics or a workflow")
    func replay() throws {
        for (name, bytes) in try Self.inputs() {
            let result = WorkflowCompiler.compile(SourceFile(path: name, bytes: bytes))
            #expect(result.workflow != nil || result.diagnostics.contains { $0.severity == .error }, "\(name)")
        }
    }

    @Test("the extremes: 10,000-deep nesting of each kind, a 200,000-byte line, invalid UTF-8, NUL and RTL characters")
    func extremes() throws {
        let original = try #require(try ShippedWorkflows.all().first).bytes
        var random = Mutator.Generator(state: 2026)
        for mutation in [Mutator.Mutation.deepNesting, .longLine, .insertInvalidUTF8, .insertUnicode] {
            for _ in 0..<5 {
                let bytes = Mutator.mutate(original, mutation, &random)
                let result = WorkflowCompiler.compile(SourceFile(path: "extreme.flow", bytes: bytes))
                #expect(result.workflow != nil || !result.diagnostics.isEmpty, "\(mutation)")
            }
        }
    }
}
