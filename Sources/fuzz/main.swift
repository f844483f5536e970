import Foundation
import Synchronization
import WorkflowDSL
import WorkflowFuzzing

// `make fuzz`: the language front end against a million damaged workflow
// files, in worker processes so that a crash or a hang is caught, named and
// kept rather than ending the run. Each input is regenerated from the seed
// and its round number; a failing one is kept in `Tests/WorkflowDSLTests/Fuzz`
// and replayed by `swift test` for ever.
//
//   escala-fuzz [--inputs N] [--workers W] [--seed S] [--limit SECONDS]
//   escala-fuzz --dump ROUND [--seed S] > round.flow

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? fallback
}
let seed = UInt64(option("--seed", 0xE5CA1A))
let limit = Double(option("--limit", 2))
let workflowsFolder = "workflows"
let originals: [[UInt8]] = ((try? FileManager.default.contentsOfDirectory(atPath: workflowsFolder)) ?? []).sorted()
    .filter { $0.hasSuffix(".flow") }
    .compactMap { FileManager.default.contents(atPath: "\(workflowsFolder)/\($0)").map(Array.init) }
guard !originals.isEmpty else {
    FileHandle.standardError.write(Data("escala-fuzz: run from the repository's root (no workflows/*.flow here)\n".utf8))
    exit(2)
}

/// The input of one round: the same on every run and machine.
func input(round: Int) -> [UInt8] { Mutator.input(seed: seed, round: round, originals: originals) }

// `--dump N`: round N's input on standard output, to lint it by hand.
if arguments.contains("--dump") {
    FileHandle.standardOutput.write(Data(input(round: option("--dump", 0))))
    exit(0)
}

if arguments.contains("--worker") {
    // Compiles rounds from..<to; writes each round number to the progress
    // file before starting it, so that the parent knows which one died.
    let from = option("--from", 0), to = option("--to", 0), progress = arguments[arguments.firstIndex(of: "--progress")! + 1]
    let descriptor = open(progress, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var errors = 0
    for round in from..<to {
        var value = Int64(round)
        _ = pwrite(descriptor, &value, 8, 0)
        let bytes = input(round: round)
        let started = ContinuousClock.now
        let result = WorkflowCompiler.compile(SourceFile(path: "fuzz-\(round).flow", bytes: bytes))
        if result.workflow == nil {
            errors += 1
            _ = TextReporter.render(LintRun(files: [.init(source: SourceFile(path: "fuzz.flow", bytes: bytes), diagnostics: result.diagnostics)]))
        }
        let seconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e18 + Double((ContinuousClock.now - started).components.seconds)
        if seconds > limit { print("SLOW \(round) \(seconds)") }
    }
    print("DONE \(to - from) \(errors)")
    exit(0)
}

let total = option("--inputs", 1_000_000)
let workers = max(1, option("--workers", ProcessInfo.processInfo.activeProcessorCount))
let batch = 20_000
let started = ContinuousClock.now
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-fuzz-\(getpid())")
try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

struct Finding: Sendable { let kind: String; let round: Int; let detail: String }

/// What the workers found, gathered from several threads.
final class Tally: Sendable {
    struct Counts { var found: [Finding] = []; var compiled = 0; var withErrors = 0 }
    let counts = Mutex(Counts())
}

/// Runs rounds from..<to in worker processes, restarting after the round
/// that crashed or hung.
struct WorkerPool: Sendable {
    let seed: UInt64
    let limit: Double
    let folder: URL
    let executable: String
    let tally: Tally

    func progress(_ path: String) -> Int? {
        FileManager.default.contents(atPath: path).flatMap { $0.count == 8 ? $0.withUnsafeBytes { Int($0.load(as: Int64.self)) } : nil }
    }

    func run(_ from: Int, _ to: Int, worker: Int) {
        var next = from
        while next < to {
            let progressFile = folder.appendingPathComponent("progress-\(worker)").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--worker", "--from", "\(next)", "--to", "\(to)", "--progress", progressFile, "--seed", "\(seed)", "--limit", "\(Int(limit))"]
            let output = Pipe()
            process.standardOutput = output
            try! process.run()
            // A watchdog, not a notification: a hung worker says nothing.
            // A round that does not end in ten times the limit is a hang.
            var lastRound = -1, lastChange = ContinuousClock.now
            while process.isRunning {
                Thread.sleep(forTimeInterval: 0.5)
                let round = progress(progressFile) ?? -1
                if round != lastRound { lastRound = round; lastChange = .now }
                if ContinuousClock.now - lastChange > .seconds(limit * 10) { process.terminate(); break }
            }
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            tally.counts.withLock { counts in
                for line in text.split(separator: "\n") {
                    let parts = line.split(separator: " ")
                    if parts.first == "SLOW", let round = Int(parts[1]) { counts.found.append(Finding(kind: "slow", round: round, detail: "\(parts[2]) s")) }
                    if parts.first == "DONE", let count = Int(parts[1]), let errors = Int(parts[2]) { counts.compiled += count; counts.withErrors += errors }
                }
            }
            if process.terminationReason == .exit && process.terminationStatus == 0 { return }
            let round = progress(progressFile) ?? next
            tally.counts.withLock { counts in
                counts.found.append(Finding(kind: process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGTERM ? "hang" : "crash",
                                            round: round, detail: "signal \(process.terminationStatus)"))
                counts.compiled += round - next + 1
            }
            next = round + 1
        }
    }
}

let pool = WorkerPool(seed: seed, limit: limit, folder: folder, executable: CommandLine.arguments[0], tally: Tally())
let batches = Mutex(stride(from: 0, to: total, by: batch).map { ($0, min($0 + batch, total)) }[...])
DispatchQueue.concurrentPerform(iterations: workers) { worker in
    while let (from, to) = batches.withLock({ $0.popFirst() }) {
        pool.run(from, to, worker: worker)
        if (from / batch) % 10 == 9 { print("  \(to) of \(total)…") }
    }
}
let (found, compiled, withErrors) = pool.tally.counts.withLock { ($0.found, $0.compiled, $0.withErrors) }

let seconds = Double((ContinuousClock.now - started).components.seconds)
print("escala-fuzz: \(compiled) inputs in \(Int(seconds)) s (\(workers) workers, seed \(seed)): \(withErrors) with errors, \(compiled - withErrors) compiled")
print("  crashes: \(found.filter { $0.kind == "crash" }.count), hangs: \(found.filter { $0.kind == "hang" }.count), over \(Int(limit)) s: \(found.filter { $0.kind == "slow" }.count)")
if !found.isEmpty {
    // Each failing input is kept: as the file itself when it is small (so
    // it survives changes to the shipped workflows), else as its seed and
    // round.
    let folder = "Tests/WorkflowDSLTests/Fuzz"
    var lines: [String] = []
    for finding in found {
        let bytes = input(round: finding.round)
        if bytes.count < 1_000_000 {
            _ = FileManager.default.createFile(atPath: "\(folder)/\(finding.kind)-\(seed)-\(finding.round).flow", contents: Data(bytes))
        } else {
            lines.append("\(seed) \(finding.round) # \(finding.kind), \(finding.detail)")
        }
    }
    let list = "\(folder)/regressions.txt"
    let existing = (try? String(contentsOfFile: list, encoding: .utf8)) ?? ""
    if !lines.isEmpty { try? (existing + lines.joined(separator: "\n") + "\n").write(toFile: list, atomically: true, encoding: .utf8) }
    print("  kept in \(folder): replayed by `swift test` (FuzzRegressionTests)")
    exit(1)
}
