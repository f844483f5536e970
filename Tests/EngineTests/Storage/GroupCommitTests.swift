@testable import Engine
import Foundation
import Testing

/// Writes that arrive while the writer is busy share the next commit; each
/// caller returns once its own work is durable, and one that fails is
/// rolled back alone.
@Suite("Group commit")
struct GroupCommitTests {
    struct Refused: Error {}

    @Test("twenty writes queued behind a slow one commit together; a failing one among them leaves no trace; each gets its own answer")
    func batch() async throws {
        let store = try TicketStore.temporary()
        let before = store.groupCommit.committed.load(ordering: .relaxed)
        // Holds the writer, as a long commit would, while the others queue.
        async let slow: Int = store.write { transaction in
            Thread.sleep(forTimeInterval: 0.3)
            return try transaction.nextNumber(guild: "g")
        }
        try await Task.sleep(for: .milliseconds(100))
        let numbers = try await withThrowingTaskGroup(of: Int?.self) { group in
            for index in 0..<21 {
                group.addTask {
                    if index == 10 {
                        do {
                            _ = try await store.write { transaction -> Int in
                                _ = try transaction.nextNumber(guild: "h")
                                throw Refused()
                            }
                        } catch {
                            return nil
                        }
                        Issue.record("the failing write succeeded")
                        return nil
                    }
                    return try await store.write { try $0.nextNumber(guild: "g") }
                }
            }
            return try await group.reduce(into: [Int]()) { if let number = $1 { $0.append(number) } }
        }
        let first = try await slow
        #expect(first == 1)
        #expect(numbers.sorted() == Array(2...21), "each write saw the ones committed before it in the batch")
        #expect(store.groupCommit.committed.load(ordering: .relaxed) - before == 2, "the slow write, then all twenty in one transaction")
        #expect(try await store.write { try $0.nextNumber(guild: "h") } == 1, "the failed write was rolled back")
    }

    @Test("a caller cancelled while its write waits neither loses it to a later batch nor breaks the batch it shares")
    func cancelledCaller() async throws {
        let store = try TicketStore.temporary()
        async let slow: Int = store.write { transaction in
            Thread.sleep(forTimeInterval: 0.3)
            return try transaction.nextNumber(guild: "g")
        }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = Task { try await store.write { try $0.nextNumber(guild: "g") } }
        let others = (0..<3).map { _ in Task { try await store.write { try $0.nextNumber(guild: "g") } } }
        try await Task.sleep(for: .milliseconds(20))
        cancelled.cancel()
        var numbers = [try await slow]
        for other in others { numbers.append(try await other.value) }
        // Its work was queued before the cancellation: it commits, whole.
        numbers.append(try await cancelled.value)
        #expect(numbers.sorted() == [1, 2, 3, 4, 5])
        #expect(try await store.write { try $0.nextNumber(guild: "g") } == 6, "nothing left queued to run later")
    }
}
