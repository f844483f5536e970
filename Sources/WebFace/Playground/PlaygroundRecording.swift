import Foundation
import Synchronization
import WorkflowDSL

/// What the admin did on the page, in order, as the built-in server took
/// it: the raw material of a scenario file (`Playground+Scenario`).
struct PlaygroundRecording: Sendable {
    enum Action: Sendable {
        /// A message, with the id the server gave it (to see later whether
        /// Escala removed it) and the names of its files.
        case said(person: String, channel: String, text: String, files: [String], message: String)
        case clicked(person: String, channel: String, customID: CustomID, values: [String])
        case submitted(person: String, channel: String, customID: CustomID, answers: [(String, String)])
        case waited(minutes: Int)
    }

    private(set) var actions: [Action] = []

    mutating func append(_ action: Action) { actions.append(action) }
}

/// The recording a playground keeps from its start.
final class RecordingBox: Sendable {
    private let recording = Mutex(PlaygroundRecording())

    func append(_ action: PlaygroundRecording.Action) { recording.withLock { $0.append(action) } }

    var actions: [PlaygroundRecording.Action] { recording.withLock { $0.actions } }
}
