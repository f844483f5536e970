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

/// A clock that moves only when told to.
public final class ManualClock: EngineClock {
    private struct Sleeper {
        let second: Int64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Int64
        var sleepers: [UInt64: Sleeper] = [:]
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    public init(now: Int64) {
        state = Mutex(State(now: now))
    }

    public func now() -> Int64 { state.withLock { $0.now } }

    /// Moves the clock forward and wakes every sleep that is now due.
    public func advance(by seconds: Int64) {
        let due = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.now += seconds
            let ready = state.sleepers.filter { $0.value.second <= state.now }
            for id in ready.keys { state.sleepers[id] = nil }
            return ready.values.map(\.continuation)
        }
        due.forEach { $0.resume() }
    }

    public func sleep(untilSecond second: Int64) async throws {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let ready = state.withLock { state -> Bool in
                    if state.now >= second || Task.isCancelled { return true }
                    state.sleepers[id] = Sleeper(second: second, continuation: continuation)
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
