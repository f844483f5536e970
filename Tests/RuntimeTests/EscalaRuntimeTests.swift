import Engine
import Foundation
import Logging
import Runtime
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing
import WorkflowDSL

/// The runtime's loops in a service group, on a manual clock: they wake on
/// commits and due times, and retry failures by themselves.
@Suite("Runtime services")
struct EscalaRuntimeTests {
    static let workflow = """
        ranks cm < admin
        channel soporte
        text hola "Hola {user}"
        text cerrado "Cerrado: 15 minutos sin motivo."
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives cm
          greeting hola
          after 15m without reason: close cerrado
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }
        """

    /// Records what it carries out; fails the first `failFirst` sends.
    final class Recorder: EffectExecutor {
        let state: Mutex<(effects: [Effect], failuresLeft: Int)>

        init(failFirst: Int = 0) {
            state = Mutex(([], failFirst))
        }

        var effects: [Effect] { state.withLock { $0.effects } }

        func execute(_ pending: PendingEffect) async throws -> EffectReceipt {
            guard case .ticket(let effect, let ticket, _) = pending.work else { return EffectReceipt() }
            let fail = state.withLock { state -> Bool in
                if case .send = effect, state.failuresLeft > 0 {
                    state.failuresLeft -= 1
                    return true
                }
                state.effects.append(effect)
                return false
            }
            if fail { throw URLError(.badServerResponse) }
            if case .createChannel = effect { return EffectReceipt(channelID: "c\(ticket)") }
            return EffectReceipt()
        }
    }

    struct Running {
        let runtime: EscalaRuntime
        let clock: ManualClock
        let group: ServiceGroup
        let task: Task<Void, any Error>
        let engine: TicketEngine

        func stop() async {
            await group.triggerGracefulShutdown()
            _ = await task.result
        }
    }

    /// Holds the first ticket's channel until `release()`; carries out the
    /// rest at once.
    final class HoldsFirstChannel: EffectExecutor {
        let recorder = Recorder()
        let gate = Mutex<(held: CheckedContinuation<Void, Never>?, released: Bool)>((nil, false))

        func execute(_ pending: PendingEffect) async throws -> EffectReceipt {
            if case .ticket(.createChannel, 1, _) = pending.work {
                await withCheckedContinuation { continuation in
                    let now = gate.withLock { gate -> Bool in
                        if gate.released { return true }
                        gate.held = continuation
                        return false
                    }
                    if now { continuation.resume() }
                }
            }
            return try await recorder.execute(pending)
        }

        var isHolding: Bool { gate.withLock { $0.held != nil } }

        func release() {
            gate.withLock { gate in
                gate.released = true
                return gate.held.take()
            }?.resume()
        }
    }

    /// Keeps the database's writer busy from the moment a channel is made
    /// until the greeting is sent (or 20 s pass), so the channel's record
    /// cannot be written before the greeting leaves; notes what the
    /// greeting saw.
    final class HoldsChannelRecord: EffectExecutor {
        let recorder = Recorder()
        let store = Mutex<(any TicketStorage)?>(nil)
        let writerBusy = DispatchSemaphore(value: 0)
        let greetingSent = DispatchSemaphore(value: 0)
        /// The channel the greeting was sent in, and the ticket's channel on
        /// record at that moment.
        let greeting = Mutex<(channel: String?, recorded: String?)?>(nil)

        func execute(_ pending: PendingEffect) async throws -> EffectReceipt {
            guard let store = store.withLock({ $0 }), case .ticket(let effect, let ticketID, let channel) = pending.work else {
                return try await recorder.execute(pending)
            }
            switch effect {
            case .createChannel:
                let greetingSent = greetingSent, writerBusy = writerBusy
                Task {
                    try await store.write { _ in
                        writerBusy.signal()
                        _ = greetingSent.wait(timeout: .now() + 20)
                    }
                }
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().async {
                        writerBusy.wait()
                        continuation.resume()
                    }
                }
            case .send:
                let recorded = try await store.read { try $0.ticket(id: ticketID)?.channelID }
                greeting.withLock { $0 = (channel, recorded) }
                greetingSent.signal()
            default:
                break
            }
            return try await recorder.execute(pending)
        }
    }

    static func start(_ recorder: some EffectExecutor) async throws -> Running {
        let engine = try await TicketEngine(store: try TicketStore.temporary())
        _ = try await engine.load(SourceFile(path: "w.flow", text: workflow), now: 0)
        let clock = ManualClock(now: 0)
        let runtime = EscalaRuntime(engine: engine, community: CommunityEngine(store: engine.store, guild: "g"), clock: clock)
        let logger = Logger(label: "test")
        let group = ServiceGroup(services: runtime.services(executor: recorder, logger: logger), logger: logger)
        let task = Task { try await group.run() }
        return Running(runtime: runtime, clock: clock, group: group, task: task, engine: engine)
    }

    @Test("an open's effects leave when it commits, and its 15-minute timer fires when the clock gets there")
    func commitsAndDueTimes() async throws {
        let recorder = Recorder()
        let running = try await Self.start(recorder)
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "ana"), locale: "es", now: 0)
        try await eventually("the channel and the greeting") { recorder.effects.count >= 2 }
        #expect(!recorder.effects.contains { if case .close = $0 { true } else { false } })
        try await eventually("the scheduler asleep until the timer") { running.clock.waits.contains(.seconds(15 * 60)) }
        running.clock.advance(by: 15 * 60)
        try await eventually("closed by the timer") { recorder.effects.contains { if case .close = $0 { true } else { false } } }
        await running.stop()
    }

    @Test("a failed effect is retried on the outbox's own backoff, with no other event to wake it")
    func retriesByItself() async throws {
        let recorder = Recorder(failFirst: 1)
        let running = try await Self.start(recorder)
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "ana"), locale: "es", now: 0)
        try await eventually("the outbox waiting to retry") { running.clock.waits.contains(.seconds(1)) }
        #expect(!recorder.effects.contains { if case .send = $0 { true } else { false } }, "the greeting failed once")
        running.clock.advance(by: 1)
        try await eventually("the greeting sent on the retry") { recorder.effects.contains { if case .send = $0 { true } else { false } } }
        await running.stop()
    }

    @Test("a ticket's effects leave at once while another ticket's effect is still out: a slow one holds back only its own ticket")
    func slowLaneHoldsOnlyItself() async throws {
        let executor = HoldsFirstChannel()
        let running = try await Self.start(executor)
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "ana"), locale: "es", now: 0)
        try await eventually("the first ticket's channel out, and held") { executor.isHolding }
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "beto"), locale: "es", now: 0)
        try await eventually("the second ticket's channel and greeting") { executor.recorder.effects.count == 2 }
        #expect(executor.isHolding, "the first is still out")
        executor.release()
        try await eventually("the first ticket's channel and greeting") { executor.recorder.effects.count == 4 }
        await running.stop()
    }

    @Test("a ticket's greeting leaves as soon as its channel exists, while the channel is still being written down; both are recorded in order")
    func greetingDoesNotWaitForChannelRecord() async throws {
        let executor = HoldsChannelRecord()
        let running = try await Self.start(executor)
        executor.store.withLock { $0 = running.engine.store }
        let opened = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "ana"), locale: "es", now: 0)
        guard case .opened(let ticket, _, _) = opened else { Issue.record("not opened: \(opened)"); return }
        try await eventually("the greeting") { executor.greeting.withLock { $0 } != nil }
        let greeting = executor.greeting.withLock { $0 }
        #expect(greeting?.channel == "c\(ticket.id)", "sent in the channel just made")
        #expect(greeting?.recorded == nil, "sent before the channel's record was written")
        try await eventually("both recorded") { (try? await running.engine.store.outboxCounts()["pending"]) == nil }
        #expect(try await running.engine.ticket(id: ticket.id)?.channelID == "c\(ticket.id)")
        let kinds = executor.recorder.effects.map { effect -> String in
            switch effect {
            case .createChannel: "channel"
            case .send: "greeting"
            default: "other"
            }
        }
        #expect(kinds.filter { $0 != "other" } == ["channel", "greeting"])
        await running.stop()
    }
}
