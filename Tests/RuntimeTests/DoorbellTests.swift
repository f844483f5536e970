import Runtime
import Testing

@Suite("Doorbell")
struct DoorbellTests {
    @Test("a ring while nobody waits is kept, once")
    func ringKept() async {
        let bell = Doorbell()
        bell.ring()
        bell.ring()
        #expect(await bell.wait(), "the rings before the wait are heard")
        // The two rings were one: a second wait hears nothing.
        let nothing = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await bell.wait()
        }
        #expect(await nothing.value == false, "two rings are kept as one")
    }

    @Test("a waiting loop wakes on a ring, and hears that it rang")
    func wakesOnRing() async {
        let bell = Doorbell()
        let waiting = Task { await bell.wait() }
        bell.ring()
        #expect(await waiting.value)
    }

    @Test("a wait with a due time ends when the clock reaches it, and not before")
    func dueTime() async throws {
        let bell = Doorbell()
        let clock = ManualClock(now: 100)
        let woke = Task { () -> Int64 in
            await bell.wait(untilSecond: 160, on: clock)
            return clock.now()
        }
        clock.advance(by: 30)
        clock.advance(by: 30)
        #expect(await woke.value == 160)
    }

    @Test("cancelling a waiting task ends its wait, without a ring")
    func cancellation() async {
        let bell = Doorbell()
        let waiting = Task { await bell.wait() }
        waiting.cancel()
        #expect(await waiting.value == false)
    }

    @Test("a cancelled wait that takes a ring says so, so that whoever cancelled it can ring again (the outbox's pass, then its loop)")
    func cancelledWaitSaysItRang() async {
        let bell = Doorbell()
        bell.ring()
        let cancelled = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await bell.wait()
        }
        #expect(await cancelled.value, "it rang before the wait")
        let nothing = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await bell.wait()
        }
        #expect(await nothing.value == false, "nothing rang since")
    }
}
