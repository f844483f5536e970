import Engine
/// What a scenario run did and whether its expectations held: the trace a
/// person reads, or `--format json` a program reads.
public struct SimulationReport: Sendable, Codable {
    public let scenario: String
    public var entries: [Entry] = []

    public var failures: [Entry] { entries.filter { $0.passed == false } }
    public var passed: Bool { failures.isEmpty }

    public init(scenario: String) {
        self.scenario = scenario
    }

    /// One line of the trace: an action with what it caused, or an
    /// expectation with its verdict.
    public struct Entry: Sendable, Codable {
        public let line: Int
        /// Seconds since the scenario started.
        public let time: Int64
        public let ticket: Int?
        public let text: String
        /// "from → to" when the ticket's state changed.
        public var stateChange: String?
        public var effects: [String] = []
        /// The written rules the step followed, `file:line rule`.
        public var rules: [String] = []
        /// For expectations: whether it held (nil for actions, and for an
        /// expectation skipped because its step was replayed).
        public var passed: Bool?
        public var detail: String?
    }
}
