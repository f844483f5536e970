import Discord
import ServiceLifecycle

/// The Discord face's place in the service group: start-up
/// (`TicketDesk.startUp`: reconciliation, panels), then the gateway session
/// until shutdown. On shutdown the gateway closes
/// first, and the clicks it already delivered are answered (within a bound)
/// before the runtime's loops stop.
struct GatewayService: Service {
    let desk: TicketDesk
    /// How long shutdown waits for clicks being answered.
    static let interactionGrace: Duration = .seconds(5)

    func run() async throws {
        // The lanes run beside the session and outlive it: what the gateway
        // delivered before it closed is still done (clicks within a bound).
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await desk.lanes.run() }
            defer { desk.lanes.finish() }
            try await withGracefulShutdownHandler {
                try await desk.startUp()
                try await desk.connectGateway()
            } onGracefulShutdown: {
                Task { await desk.disconnectGateway() }
            }
            desk.lanes.finish()
            if !(await desk.interactions.settled(limit: Self.interactionGrace)) {
                desk.logger.warning("stopping with interactions still being answered", metadata: ["count": "\(desk.interactions.count)"])
            }
        }
    }
}
