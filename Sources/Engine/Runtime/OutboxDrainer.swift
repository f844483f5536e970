/// Carries out an effect in the world (Discord, or the simulator's record
/// of it) and says when it is done.
///
/// An executor may be handed the same effect twice: when the process dies
/// after Discord confirmed an effect but before the store recorded it, the
/// effect is offered again after the restart. `idempotencyKey` is there so
/// the executor can make that second delivery a no-op (Discord's message
/// `nonce` with `enforce_nonce`, a channel topic that carries the key).
public protocol EffectExecutor: Sendable {
    func execute(_ effect: PendingEffect) async throws -> EffectReceipt
}

/// Hands the outbox's effects to an executor, and marks each done only
/// after the executor confirmed it.
public struct OutboxDrainer: Sendable {
    public let store: TicketStore
    public let executor: any EffectExecutor

    public init(store: TicketStore, executor: any EffectExecutor) {
        self.store = store
        self.executor = executor
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public var delivered = 0
        public var failed = 0
    }

    /// Delivers pending effects until none is left (or only failing ones):
    /// the effects of one ticket strictly in order, different tickets in
    /// the order their effects were emitted.
    ///
    /// Up to `concurrency` tickets are served at once, so that one ticket
    /// waiting (a rename held by Discord's two-per-ten-minutes limit) holds
    /// back only itself. An effect that fails is not retried within the
    /// same call: the next call tries it again.
    @discardableResult
    public func drain(concurrency: Int = 1, now: @escaping @Sendable () -> Int64) async throws(StoreError) -> Pass {
        let store = store, executor = executor
        // nil: a tick, to look for new effects while a slow one is out.
        typealias Outcome = (effect: PendingEffect, result: Result<EffectReceipt, any Error>)?
        var pass = Pass()
        var failure: StoreError?
        await withTaskGroup(of: Outcome.self) { group in
            var inFlight: Set<Int64> = []
            var failedTickets: Set<Int64> = []
            var ticking = false
            func refill() throws(StoreError) {
                if inFlight.count < max(concurrency, 1) {
                    let batch = try store.pendingEffects(limit: 64)
                    for effect in batch where !inFlight.contains(effect.ticketID) && !failedTickets.contains(effect.ticketID) {
                        guard inFlight.count < max(concurrency, 1) else { break }
                        inFlight.insert(effect.ticketID)
                        group.addTask {
                            do { return (effect, .success(try await executor.execute(effect))) } catch { return (effect, .failure(error)) }
                        }
                    }
                }
                if concurrency > 1, !inFlight.isEmpty, !ticking {
                    ticking = true
                    group.addTask {
                        try? await Task.sleep(for: .milliseconds(50))
                        return nil
                    }
                }
            }
            do throws(StoreError) {
                try refill()
                while let next = await group.next() {
                    guard let outcome = next else {
                        ticking = false
                        try refill()
                        continue
                    }
                    inFlight.remove(outcome.effect.ticketID)
                    switch outcome.result {
                    case .success(let receipt):
                        try store.complete(outcome.effect, receipt: receipt, now: now())
                        pass.delivered += 1
                    case .failure(let error):
                        if let error = error as? StoreError { throw error }
                        try store.failed(outcome.effect, error: String(describing: error))
                        failedTickets.insert(outcome.effect.ticketID)
                        pass.failed += 1
                    }
                    try refill()
                }
            } catch {
                failure = error
                group.cancelAll()
            }
        }
        if let failure { throw failure }
        return pass
    }
}
