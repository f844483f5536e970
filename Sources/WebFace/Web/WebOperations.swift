import Foundation
import Hummingbird
import LocalDiscord
import NIOCore

/// What an operator's tools read from a running Escala: `/healthz` (is
/// the gateway up, can the store commit, how much the outbox holds) and
/// `/metrics` (Prometheus's text format). Given by the composition root,
/// which knows the faces and the store.
public protocol WebOperations: Sendable {
    func health() async -> HealthReport
    func metrics() async -> String
}

/// One check of `/healthz`: its name, whether it passes, what it found.
public struct HealthCheck: Sendable, Equatable {
    public let name: String
    public let ok: Bool
    public let detail: String

    public init(name: String, ok: Bool, detail: String) {
        self.name = name
        self.ok = ok
        self.detail = detail
    }
}

public struct HealthReport: Sendable, Equatable {
    public let checks: [HealthCheck]

    public init(checks: [HealthCheck]) { self.checks = checks }

    public var healthy: Bool { checks.allSatisfy(\.ok) }
}

enum OperationsRoutes {
    static func add(to router: Router<BasicRequestContext>, operations: any WebOperations) {
        router.get("/healthz") { _, _ in
            let report = await operations.health()
            var fields: [String: JSONValue] = ["healthy": .bool(report.healthy)]
            for check in report.checks { fields[check.name] = .object(["ok": .bool(check.ok), "detail": .string(check.detail)]) }
            // 503 tells a load balancer or a supervisor to look.
            return WebPage.json(JSONValue.object(fields).serialized, status: report.healthy ? .ok : .serviceUnavailable)
        }
        router.get("/metrics") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: await operations.metrics())))
        }
    }
}
