@testable import Engine
import Foundation
import Synchronization
import Testing

/// Writes that arrive while the writer is busy share the next commit; each
/// caller returns once its own work is durable, and one that fails is
/// rolled back alone.
@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error {}

    /// A write that holds the writer, as a long commit would, until told
    /// to go: the test queues others behind it with no race on timing.
    final class HeldWrite: Sendable {
        let started = Atomic(false)
        let release = DispatchSemaphore(value: 0)

        func body(_ transaction: any StorageTransaction) throws -> Int {
            started.store(true, ordering: .releasing)
            release.wait()
            return try transaction.nextNumber(guild: "g")
        }
    }

    static func until(_ condition: () -> Bool) async throws {
        while !condition() { try await Task.sleep(for: .milliseconds(1)) }
    }

    @Test("twenty writes queued behind a slow one commit together; a failing one among them leaves no trace; each gets its own answer")
    func batch() async throws {
        let store = try TicketStore.temporary()
        let before = store.groupCommit.committed.load(ordering: .relaxed)
        let held = HeldWrite()
        let slow = Task { try await store.write(held.body) }
        try await Self.until { held.started.load(ordering: .acquiring) }
        let writes = (0..<21).map { index in
            Task { () throws -> Int? in
                guard index == 10 else { return try await store.write { try $0.nextNumber(guild: "g") } }
                do {
                    _ = try await store.write { transaction -> Int in
                        _ = try transaction.nextNumber(guild: "h")
                        throw Refused()
                    }
                    Issue.record("the failing write succeeded")
                } catch {}
                return nil
            }
        }
        try await Self.until { store.groupCommit.queuedCount == 21 }
        held.release.signal()
        #expect(try await slow.value == 1)
        var numbers: [Int] = []
        for write in writes { if let number = try await write.value { numbers.append(number) } }
        #expect(numbers.sorted() == Array(2...21), "each write saw the ones committed before it in the batch")
        #expect(store.groupCommit.committed.load(ordering: .relaxed) - before == 2, "the slow write, then all twenty in one transaction")
        #expect(try await store.write { try $0.nextNumber(guild: "h") } == 1, "the failed write was rolled back")
    }

    @Test("a caller cancelled while its write waits neither loses it to a later batch nor breaks the batch it shares")
    func cancelledCaller() async throws {
        let store = try TicketStore.temporary()
        let held = HeldWrite()
        let slow = Task { try await store.write(held.body) }
        try await Self.until { held.started.load(ordering: .acquiring) }
        let cancelled = Task { try await store.write { try $0.nextNumber(guild: "g") } }
        try await Self.until { store.groupCommit.queuedCount == 1 }
        let others = (0..<3).map { _ in Task { try await store.write { try $0.nextNumber(guild: "g") } } }
        try await Self.until { store.groupCommit.queuedCount == 4 }
        cancelled.cancel()
        held.release.signal()
        var numbers = [try await slow.value]
        for other in others { numbers.append(try await other.value) }
        // Its work was queued before the cancellation: it commits, whole.
        numbers.append(try await cancelled.value)
        #expect(numbers.sorted() == [1, 2, 3, 4, 5])
        #expect(try await store.write { try $0.nextNumber(guild: "g") } == 6, "nothing left queued to run later")
    }
}
