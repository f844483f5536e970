// Engine benchmarks (not tests). Run in release: `make bench-engine`.
//
// (a) The pure step function: transitions per second on the role-play
//     workflow's Reportes category, a realistic mix of user and staff
//     messages, button presses and timers.
import Engine
import Foundation
import WorkflowDSL

func loadWorkflow(_ path: String) -> Workflow {
    guard let data = FileManager.default.contents(atPath: path),
          let workflow = WorkflowCompiler.compile(SourceFile(path: path, bytes: Array(data))).workflow else {
        fatalError("\(path) does not compile: run `escala lint \(path)`")
    }
    return workflow
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let workflow = loadWorkflow(CommandLine.arguments.dropFirst().first ?? "workflows/roleplay.flow")
let machine = TicketMachine(workflow: workflow, category: "reportes")!
let user = Person(id: "100", ranks: [])
let cm = Person(id: "200", ranks: ["cm"])
let cm2 = Person(id: "201", ranks: ["cm"])
let trainee = Person(id: "300", ranks: ["trainee"])

let (opened, _) = machine.open(number: 1, owner: user, locale: "es", answers: ["reportado": "x"], now: 0)
let events: [TicketEvent] = [
    .message(.init(id: "1", author: user, text: "Me insultaron en la plaza")),
    .message(.init(id: "2", author: cm, text: "<@100> ¿tienes pruebas?", mentionsOwner: true)),
    .message(.init(id: "3", author: cm2, text: "Hola")),
    .message(.init(id: "4", author: user, text: "Sí", attachments: ["https://cdn/x.png"])),
    .button(name: "a_trainee", by: user),
    .button(name: "a_trainee", by: cm),
    .message(.init(id: "5", author: trainee, text: "Reviso")),
]
let total = Int(ProcessInfo.processInfo.environment["BENCH_STEPS"] ?? "") ?? 1_000_000
var effectCount = 0
var state = opened
let elapsed = seconds {
    for index in 0..<total {
        if index % events.count == 0 { state = opened }
        let (next, effects) = machine.step(state, events[index % events.count], now: Int64(index))
        state = next
        effectCount &+= effects.count
    }
}
print(String(format: "(a) step function: %d transitions in %.3f s = %.0f transitions/s (%d effects)",
             total, elapsed, Double(total) / elapsed, effectCount))
