import Discord
import Engine

/// The workflows this face serves, each with its ids on this server.
///
/// A ticket belongs to the file its version was read from (the engine
/// knows it by the version's hash), never to the first file that has a
/// category of the same name.
struct ServedWorkflows: Sendable {
    let all: [BoundWorkflow]
    let engine: TicketEngine

    func bound(path: String) -> BoundWorkflow? {
        all.first { $0.path == path }
    }

    func bound(of ticket: TicketState) -> BoundWorkflow? {
        engine.workflowPath(of: ticket).flatMap(bound(path:))
    }
}
