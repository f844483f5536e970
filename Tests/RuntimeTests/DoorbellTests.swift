import Runtime
import Testing

@Suite("Doorbell")
struct DoorbellTests {
    @Test("a ring while nobody waits is kept, once")
    func ringKept() async {
        let bell = Doorbell()
        bell.ring()
        bell.ring()
        await bell.wait() // returns at once: it rang
        let clock = ManualClock(now: 0)
        let waited = Task { await bell.wait(untilSecond: 10, on: clock) }
        clock.advance(by: 10) // the second wait ends by the clock, not by the two rings
        await waited.value
    }

    @Test("a waiting loop wakes on a ring")
    func wakesOnRing() async {
        let bell = Doorbell()
        let waiting = Task { await bell.wait() }
        bell.ring()
        await waiting.value
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

    @Test("cancelling a waiting task ends its wait")
    func cancellation() async {
        let bell = Doorbell()
        let waiting = Task { await bell.wait() }
        waiting.cancel()
        await waiting.value
    }
}
