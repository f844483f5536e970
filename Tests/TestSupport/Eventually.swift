import Testing

/// Waits until `condition` holds, looking again every few milliseconds.
/// For what a test cannot be told directly (a request reaching the local
/// Discord, a loop having acted). The bound only keeps a broken test from
/// hanging; it is not a performance limit, and a condition that never
/// holds is recorded as the test's failure at the caller's line.
public func eventually(_ what: String, within bound: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
                       _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + bound
    while !(try await condition()) {
        guard ContinuousClock.now < deadline else {
            Issue.record("never happened: \(what)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(5))
    }
}
