/// Carries out an effect in the world (Discord, or the simulator's record
/// of it), a ticket's or a community rule's, and says when it is done.
///
/// An executor may be handed the same effect twice: when the process dies
/// after Discord confirmed an effect but before the store recorded it, the
/// effect is offered again after the restart. `idempotencyKey` is there so
/// the executor can make that second delivery a no-op (Discord's message
/// `nonce` with `enforce_nonce`, a channel topic that carries the key).
public protocol EffectExecutor: Sendable {
    /// Throws `EffectCannotSucceed` for an effect that will never succeed
    /// as it is; any other error is taken as passing, and retried.
    func execute(_ effect: PendingEffect) async throws -> EffectReceipt
    /// Tells staff, once, that `effect` was set aside and why.
    func tellStaff(setAside effect: PendingEffect, reason: String) async
}

extension EffectExecutor {
    public func tellStaff(setAside effect: PendingEffect, reason: String) async {}
}

/// Hands the outbox's effects to an executor, and marks each done only
/// after the executor confirmed it.
public struct OutboxDrainer: Sendable {
    public let store: any TicketStorage
    public let executor: any EffectExecutor
    /// Told of each effect once the store has recorded it done (a ticket's
    /// channel, for the click waiting to name it).
    public let delivered: @Sendable (PendingEffect, EffectReceipt) -> Void

    public init(store: any TicketStorage, executor: any EffectExecutor,
                delivered: @escaping @Sendable (PendingEffect, EffectReceipt) -> Void = { _, _ in }) {
        self.store = store
        self.executor = executor
        self.delivered = delivered
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public var delivered = 0
        public var failed = 0
        /// Effects that can never succeed, taken out of their lanes.
        public var setAside = 0
        /// The lanes held back by a failure in this pass.
        public var failedLanes: Set<String> = []
    }

    /// Delivers pending effects until none is left (or only failing ones):
    /// the effects of one lane (a ticket, a server's community rules)
    /// strictly in order, different lanes in the order their effects were
    /// emitted.
    ///
    /// Up to `concurrency` lanes are served at once, so that one ticket
    /// waiting (a rename held by Discord's two-per-ten-minutes limit) holds
    /// back only itself. An effect that fails is not retried within the
    /// same call: the next call tries it again.
    @discardableResult
    /// Lanes in `skipping` are left for later: their last failure's
    /// backoff has not run out.
    ///
    /// `newEffects` returns when a commit may have queued effects (the
    /// runtime's outbox doorbell): while effects are out, the drainer looks
    /// for new lanes' effects then, rather than only when one of its own
    /// finishes. Without it, a slow effect holds back new lanes until an
    /// effect comes back.
    public func drain(concurrency: Int = 1, skipping: Set<String> = [], now: @escaping @Sendable () -> Int64,
                      newEffects: (@Sendable () async -> Void)? = nil) async throws(StoreError) -> Pass {
        concurrency <= 1 ? try await drainInOrder(skipping: skipping, now: now)
            : try await drainConcurrently(concurrency, skipping: skipping, now: now, newEffects: newEffects)
    }

    /// One effect at a time: what the simulator uses, so that a run is the
    /// same byte for byte.
    private func drainInOrder(skipping: Set<String>, now: @Sendable () -> Int64) async throws(StoreError) -> Pass {
        var pass = Pass()
        var failedLanes = skipping
        while true {
            let batch = try await store.pendingEffects(limit: 64, excludingLanes: failedLanes)
            if batch.isEmpty { return pass }
            for effect in batch {
                do {
                    let receipt = try await executor.execute(effect)
                    try await store.complete(effect, receipt: receipt, now: now())
                    delivered(effect, receipt)
                    pass.delivered += 1
                } catch {
                    if try await record(error, of: effect, in: &pass, now: now) { failedLanes.insert(effect.lane) }
                }
            }
        }
    }

    /// Several tickets at once. Each effect runs in a task of its own that
    /// reports to a stream, rather than in a task group: with a task group,
    /// children finishing while URLSession resumed another task deadlocked
    /// the concurrency runtime on this machine (Swift 6.3.1, Linux; seen
    /// with gdb, both threads waiting in `withStatusRecordLock`).
    ///
    /// A delivered effect is recorded done in a task of its own too, and
    /// its lane stays busy until it is: the records of effects that finish
    /// together share one commit (the store's group commit) instead of
    /// queueing one fsync each behind this loop.
    ///
    /// One effect does not wait for that record: a message in a channel
    /// just created (a ticket's greeting) starts as soon as Discord has
    /// answered with the channel, while the channel is being written
    /// down. It is still carried out after the channel exists, and its own
    /// record still comes after the channel's; a crash in between offers
    /// both again, and each is safe to repeat (`EffectExecutor`).
    private func drainConcurrently(_ concurrency: Int, skipping: Set<String>, now: @escaping @Sendable () -> Int64,
                                   newEffects: (@Sendable () async -> Void)?) async throws(StoreError) -> Pass {
        let store = store, executor = executor, delivered = delivered
        enum Outcome: Sendable {
            case carriedOut(PendingEffect, Result<EffectReceipt, any Error>)
            case recorded(PendingEffect, EffectReceipt, StoreError?)
            /// A commit queued effects: new lanes may start.
            case queued
        }
        let (outcomes, report) = AsyncStream.makeStream(of: Outcome.self)
        defer { report.finish() }
        // Told of commits while the pass runs, and gone (no longer waiting
        // on the doorbell) before it returns.
        let watcher = newEffects.map { newEffects in
            Task {
                while !Task.isCancelled {
                    await newEffects()
                    report.yield(.queued)
                }
            }
        }
        func start(_ effect: PendingEffect) {
            Task {
                do { report.yield(.carriedOut(effect, .success(try await executor.execute(effect)))) } catch {
                    report.yield(.carriedOut(effect, .failure(error)))
                }
            }
        }
        var pass = Pass()
        var inFlight: Set<String> = []
        var failedLanes = skipping
        // Lanes whose last effect's record is being written, and what their
        // next effect (started early) did meanwhile: it is taken up once
        // that record is made, so that records keep the lane's order.
        var recording: Set<String> = []
        var heldBack: [String: Outcome] = [:]
        // Lanes whose next effect was started early and has not reported.
        var startedEarly: Set<String> = []
        func refill() async throws(StoreError) {
            guard inFlight.count < concurrency else { return }
            // Only as many as can start, decoded: a burst leaves hundreds
            // pending, and decoding them all at every completion was most
            // of a busy drainer's time.
            for effect in try await store.pendingEffects(limit: concurrency - inFlight.count, excludingLanes: inFlight.union(failedLanes)) {
                inFlight.insert(effect.lane)
                start(effect)
            }
        }
        func serve() async throws(StoreError) {
            try await refill()
            guard !inFlight.isEmpty else { return }
            for await next in outcomes {
                switch next {
                case .carriedOut(let effect, _) where recording.contains(effect.lane):
                    heldBack[effect.lane] = next
                    continue
                case .carriedOut(let effect, .success(let receipt)):
                    recording.insert(effect.lane)
                    Task {
                        do throws(StoreError) {
                            try await store.complete(effect, receipt: receipt, now: now())
                            report.yield(.recorded(effect, receipt, nil))
                        } catch {
                            report.yield(.recorded(effect, receipt, error))
                        }
                    }
                    if Self.createsChannel(effect), receipt.channelID != nil,
                       let following = try await store.effect(after: effect, receipt: receipt), Self.speaksInChannel(following) {
                        startedEarly.insert(effect.lane)
                        start(following)
                    }
                    continue // the lane is busy until its record is made
                case .carriedOut(let effect, .failure(let error)):
                    inFlight.remove(effect.lane)
                    if try await record(error, of: effect, in: &pass, now: now) { failedLanes.insert(effect.lane) }
                case .recorded(let effect, let receipt, let failure):
                    if let failure { throw failure }
                    recording.remove(effect.lane)
                    delivered(effect, receipt)
                    pass.delivered += 1
                    // The lane stays busy for an effect started early: taken
                    // up now if it has reported, else when it does.
                    if startedEarly.remove(effect.lane) != nil {
                        if let held = heldBack.removeValue(forKey: effect.lane) { report.yield(held) }
                        continue
                    }
                    inFlight.remove(effect.lane)
                case .queued:
                    break
                }
                try await refill()
                if inFlight.isEmpty { return }
            }
        }
        let served: Result<Void, StoreError>
        do throws(StoreError) {
            try await serve()
            served = .success(())
        } catch {
            served = .failure(error)
        }
        watcher?.cancel()
        await watcher?.value
        try served.get()
        return pass
    }

    /// A ticket's channel being created.
    private static func createsChannel(_ effect: PendingEffect) -> Bool {
        if case .ticket(.createChannel, _, _) = effect.work { true } else { false }
    }

    /// A message in the ticket's channel: all it needs of the effect
    /// before it is the channel itself. (A transcript, say, reads the
    /// record of what was said, and so waits for the records.)
    private static func speaksInChannel(_ effect: PendingEffect) -> Bool {
        switch effect.work {
        case .ticket(.send, _, _?), .ticket(.notice, _, _?), .ticket(.mention, _, _?): true
        default: false
        }
    }

    /// A delivery that did not succeed: set aside (and staff told) when it
    /// never can, else kept pending for the lane's next try. Returns
    /// whether the lane is held back.
    private func record(_ error: any Error, of effect: PendingEffect, in pass: inout Pass,
                        now: @Sendable () -> Int64) async throws(StoreError) -> Bool {
        if let error = error as? StoreError { throw error }
        if let hopeless = error as? EffectCannotSucceed {
            try await store.setAside(effect, reason: hopeless.reason, now: now())
            pass.setAside += 1
            await executor.tellStaff(setAside: effect, reason: hopeless.reason)
            return false
        }
        try await store.failed(effect, error: String(describing: error))
        pass.failedLanes.insert(effect.lane)
        pass.failed += 1
        return true
    }
}
