import Runtime
import Testing

@Suite("Manual clock")
struct EngineClockTests {
    @Test("sleepers wake in due order as the clock moves, each when its second comes")
    func sleepers() async throws {
        let clock = ManualClock(now: 0)
        let early = Task { try await clock.sleep(untilSecond: 5) }
        let late = Task { try await clock.sleep(untilSecond: 50) }
        clock.advance(by: 5)
        try await early.value
        clock.advance(by: 44)
        late.cancel()
        await #expect(throws: CancellationError.self) { try await late.value }
        try await clock.sleep(untilSecond: 49) // already past: returns at once
    }
}
