/// The engines' way into their store: the same transactions, with a store
/// failure reported as the engine's own error.
protocol StoreBacked {
    var store: any TicketStorage { get }
}

extension StoreBacked {
    func read<T: Sendable>(_ body: @Sendable (any StorageTransaction) throws -> T) async throws(EngineError) -> T {
        do { return try await store.read(body) } catch { throw .store(error) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StorageTransaction) throws -> T) async throws(EngineError) -> T {
        do { return try await store.write(body) } catch { throw .store(error) }
    }
}
