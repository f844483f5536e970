import Foundation
import Logging

/// Discord's REST API v10: requests queued behind the rate limits, 429s
/// honoured, 5xx answers and timeouts retried with backoff, errors decoded.
///
/// Safe to share: every request may be sent from any task; the limits are
/// kept in one actor.
public struct RESTClient: Sendable {
    public let configuration: DiscordConfiguration
    let transport: any HTTPTransport
    let limiter: RateLimiter
    let logger: Logger
    /// Attempts for one request when the answer is a 5xx or a timeout.
    public var maxAttempts = 5
    /// 429s tolerated for one request before giving up: each is waited out,
    /// so this only ends a request whose bucket never refills.
    public var maxRateLimitRetries = 10
    /// First backoff after a 5xx or timeout; doubled each time, up to 16×.
    public var retryBaseDelay: Duration = .milliseconds(500)

    /// Waits for limits and backoffs.
    let clock: any RESTClock

    public init(configuration: DiscordConfiguration, transport: any HTTPTransport = NIOHTTPTransport(),
                logger: Logger = Logger(label: "escala.discord.rest"), invalidRequestLimit: Int = 1_000,
                clock: any RESTClock = SystemRESTClock()) {
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
        self.clock = clock
        limiter = RateLimiter(invalidRequestLimit: invalidRequestLimit, clock: clock)
    }

    /// Sends a request and decodes the answer.
    public func request<Response: Decodable>(_ route: Route, json body: (any Encodable & Sendable)? = nil,
                                             reason: String? = nil) async throws(DiscordError) -> Response {
        let data = try await sendRaw(route, body: try encode(body, route), reason: reason)
        return try decode(data, route)
    }

    /// Sends a request whose answer is not needed (204, or ignored).
    public func request(_ route: Route, json body: (any Encodable & Sendable)? = nil, reason: String? = nil) async throws(DiscordError) {
        _ = try await sendRaw(route, body: try encode(body, route), reason: reason)
    }

    private func encode(_ body: (any Encodable & Sendable)?, _ route: Route) throws(DiscordError) -> Data? {
        guard let body else { return nil }
        do { return try JSONCoding.encoder.encode(body) } catch {
            throw .unreadableAnswer(route: route.description, detail: "the request body cannot be encoded: \(error)")
        }
    }

    /// Sends a message body with one file (a transcript), as
    /// `multipart/form-data`: the JSON in `payload_json`, the file in `files[0]`.
    public func request<Response: Decodable>(_ route: Route, json body: some Encodable & Sendable, file: (name: String, data: Data, contentType: String))
        async throws(DiscordError) -> Response {
        let boundary = "escala-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        var data = Data()
        func part(_ headers: String, _ content: Data) {
            data.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            data.append(content)
            data.append(Data("\r\n".utf8))
        }
        part("Content-Disposition: form-data; name=\"payload_json\"\r\nContent-Type: application/json", try encode(body, route) ?? Data())
        part("Content-Disposition: form-data; name=\"files[0]\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.contentType)", file.data)
        data.append(Data("--\(boundary)--\r\n".utf8))
        return try decode(try await sendRaw(route, body: data, reason: nil, contentType: "multipart/form-data; boundary=\(boundary)"), route)
    }

    private func decode<Response: Decodable>(_ data: Data, _ route: Route) throws(DiscordError) -> Response {
        do {
            return try JSONCoding.decoder.decode(Response.self, from: data)
        } catch {
            throw .unreadableAnswer(route: route.description, detail: String(describing: error))
        }
    }

    func sendRaw(_ route: Route, body: Data?, reason: String?, contentType: String = "application/json") async throws(DiscordError) -> Data {
        var headers = [
            "Authorization": configuration.token.authorization,
            "User-Agent": configuration.userAgent,
        ]
        if body != nil { headers["Content-Type"] = contentType }
        // The audit-log reason is a header; Discord wants it URL-encoded.
        if let reason { headers["X-Audit-Log-Reason"] = DiscordLimits.cut(reason, to: DiscordLimits.auditLogReason).addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) }
        let request = HTTPRequest(method: route.method.rawValue, url: URL(string: configuration.apiBaseURL.absoluteString + route.path + (route.query.map { "?" + $0 } ?? ""))!,
                                  headers: headers, body: body, timeout: configuration.requestTimeout)
        var failures = 0
        var rateLimited = 0
        var lastFailure = ""
        while true {
            let asked = clock.instant
            try await limiter.acquire(route)
            let sent = clock.instant
            if sent - asked >= .milliseconds(1) {
                logger.debug("waited for Discord's limits", metadata: ["route": "\(route)", "ms": "\(Self.milliseconds(sent - asked))"])
            }
            let response: HTTPResponse
            do {
                response = try await transport.send(request)
                logger.debug("request", metadata: ["route": "\(route)", "status": "\(response.status)", "ms": "\(Self.milliseconds(clock.instant - sent))"])
            } catch {
                if Task.isCancelled { throw .cancelled }
                failures += 1
                lastFailure = String(describing: error)
                logger.warning("request failed", metadata: ["route": "\(route)", "attempt": "\(failures)", "error": "\(lastFailure)"])
                guard failures < maxAttempts, route.repeatsSafely else { throw .unreachable(route: route.description, attempts: failures, underlying: lastFailure) }
                try await backoff(after: failures)
                continue
            }
            let retryAfter = await limiter.record(route, response)
            switch response.status {
            case 200..<300:
                return response.body
            case 429:
                rateLimited += 1
                DiscordMetrics.rateLimited.increment()
                logger.notice("rate limited", metadata: ["route": "\(route)", "retry_after": "\(retryAfter ?? .zero)"])
                guard rateLimited <= maxRateLimitRetries else { throw Self.error(response, route) }
                // The limiter now holds the bucket (or everyone) until the
                // retry time; `acquire` waits it out.
                continue
            case 500, 502, 503, 504:
                failures += 1
                lastFailure = "HTTP \(response.status)"
                logger.warning("server error", metadata: ["route": "\(route)", "status": "\(response.status)", "attempt": "\(failures)"])
                guard failures < maxAttempts, route.repeatsSafely else { throw .unreachable(route: route.description, attempts: failures, underlying: lastFailure) }
                try await backoff(after: failures)
            default:
                throw Self.error(response, route)
            }
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }

    private func backoff(after failures: Int) async throws(DiscordError) {
        let factor = 1 << min(failures - 1, 4)
        // Up to a quarter more, so that many requests failing together do
        // not all come back at the same instant.
        let jitter = Double.random(in: 1...1.25)
        do { try await clock.sleep(until: clock.instant + retryBaseDelay * factor * jitter) } catch { throw .cancelled }
    }

    static func error(_ response: HTTPResponse, _ route: Route) -> DiscordError {
        struct Body: Decodable { let code: Int?; let message: String? }
        let body = try? JSONCoding.decoder.decode(Body.self, from: response.body)
        var message = body?.message ?? String(decoding: response.body.prefix(200), as: UTF8.self)
        // "Invalid Form Body" says little; the field errors say what.
        let fieldErrors = formErrors(response.body)
        if !fieldErrors.isEmpty { message += ": " + fieldErrors.joined(separator: ", ") }
        return .http(status: response.status, code: body?.code, message: message, route: route.description)
    }

    /// The codes of a 50035's field errors (`errors.FIELD._errors[].code`),
    /// with their fields: "parent_id CHANNEL_PARENT_MAX_CHANNELS".
    static func formErrors(_ body: Data) -> [String] {
        guard let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let errors = json["errors"] as? [String: Any] else { return [] }
        var found: [String] = []
        func walk(_ node: [String: Any], path: String) {
            for (key, value) in node.sorted(by: { $0.key < $1.key }) {
                if key == "_errors", let list = value as? [[String: Any]] {
                    found += list.compactMap { $0["code"] as? String }.map { path.isEmpty ? $0 : path + " " + $0 }
                } else if let child = value as? [String: Any] {
                    walk(child, path: path.isEmpty ? key : path + "." + key)
                }
            }
        }
        walk(errors, path: "")
        return found
    }
}
