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
    @discardableResult
    public func drain(now: @Sendable () -> Int64) async throws(StoreError) -> Pass {
        var pass = Pass()
        while true {
            let batch = try store.pendingEffects(limit: 64)
            var progressed = false
            for effect in batch {
                do {
                    let receipt = try await executor.execute(effect)
                    try store.complete(effect, receipt: receipt, now: now())
                    pass.delivered += 1
                    progressed = true
                } catch let error as StoreError {
                    throw error
                } catch {
                    try store.failed(effect, error: String(describing: error))
                    pass.failed += 1
                }
            }
            if !progressed { return pass }
        }
    }
}
