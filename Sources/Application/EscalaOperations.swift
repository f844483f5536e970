import DiscordFace
import Engine
import Foundation
import Metrics
import WebFace

/// `/healthz` and `/metrics` for `escala run`: the gateway's session, a
/// commit to the store, and the outbox, asked at each request.
struct EscalaOperations: WebOperations {
    let desk: TicketDesk
    let store: any TicketStorage
    let metricsText: (@Sendable () -> String)?

    func health() async -> HealthReport {
        let gateway = await desk.gatewayConnected
        var checks = [HealthCheck(name: "gateway", ok: gateway, detail: gateway ? "connected" : "no session")]
        // An empty write transaction: the writer lock taken and a commit made.
        let started = ContinuousClock.now
        do {
            try await store.write { _ in }
            checks.append(HealthCheck(name: "store", ok: true, detail: "writable (\(ContinuousClock.now - started))"))
        } catch {
            checks.append(HealthCheck(name: "store", ok: false, detail: error.description))
        }
        let counts = (try? await store.outboxCounts()) ?? [:]
        let pending = counts["pending", default: 0], setAside = counts["failed", default: 0]
        checks.append(HealthCheck(name: "outbox", ok: true, detail: "\(pending) pending, \(setAside) set aside"))
        return HealthReport(checks: checks)
    }

    func metrics() async -> String {
        let counts = (try? await store.outboxCounts()) ?? [:]
        Gauge(label: "escala_outbox_pending").record(counts["pending", default: 0])
        Gauge(label: "escala_outbox_set_aside").record(counts["failed", default: 0])
        Gauge(label: "escala_gateway_connected").record(await desk.gatewayConnected ? 1 : 0)
        return metricsText?() ?? "# no metrics backend in this process\n"
    }
}
