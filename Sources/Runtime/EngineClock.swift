import Foundation
import Synchronization

/// The time the engine runs on, in whole seconds since 1970, and a way to
/// sleep until a given second. `escala run` uses the wall clock; tests move
/// a `ManualClock` forward and the loops waiting on it wake at once, so a
/// 12-hour timeout is tested without waiting 12 hours or polling.
public protocol EngineClock: Sendable {
    func now() -> Int64
    /// Returns when `now() >= second`; throws `CancellationError` if the
    /// task is cancelled first.
    func sleep(untilSecond second: Int64) async throws
}

public struct WallClock: EngineClock {
    public init() {}

    public func now() -> Int64 { Int64(Date().timeIntervalSince1970) }

    public func sleep(untilSecond second: Int64) async throws {
        let seconds = Double(second) - Date().timeIntervalSince1970
        if seconds > 0 { try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded(.up)))) }
        try Task.checkCancellation()
    }
}

/// A clock that moves only when told to. Every sleep is kept with its
/// deadline and wakes when the clock is advanced past it; `waits` tells a
/// test what is asleep and for how long. Its time is a `Duration` since
/// 1970, so the same clock can drive the engine (whole seconds) and
/// anything that counts in milliseconds (the REST client's limits).
public final class ManualClock: EngineClock {
    private struct Sleeper {
        let deadline: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var instant: Duration
        var sleepers: [UInt64: Sleeper] = [:]
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(now: Int64) {
        state = Mutex(State(instant: .seconds(now)))
    }

    /// Time since 1970.
    public var instant: Duration { state.withLock { $0.instant } }

    public func now() -> Int64 { instant.components.seconds }

    /// How long from now each waiting sleep lasts, shortest first.
    public var waits: [Duration] {
        state.withLock { state in state.sleepers.values.map { $0.deadline - state.instant }.sorted() }
    }

    public func advance(by seconds: Int64) {
        advance(by: .seconds(seconds))
    }

    /// Moves the clock forward and wakes every sleep that is now due.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.instant += duration
            let ready = state.sleepers.filter { $0.value.deadline <= state.instant }
            for id in ready.keys { state.sleepers[id] = nil }
            return ready.values.map(\.continuation)
        }
        due.forEach { $0.resume() }
    }

    public func sleep(untilSecond second: Int64) async throws {
        try await sleep(until: .seconds(second))
    }

    public func sleep(until deadline: Duration) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready = state.withLock { state -> Bool in
                    if state.instant >= deadline || Task.isCancelled { return true }
                    state.sleepers[id] = Sleeper(deadline: deadline, continuation: continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
            try Task.checkCancellation()
        } onCancel: {
            let sleeper = state.withLock { $0.sleepers.removeValue(forKey: id) }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }
}
