import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The few things the REST client needs from HTTP, behind a protocol so
/// that the client can be given another HTTP stack (the design's rule:
/// swap the transport, never the client).
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    public var timeout: Duration

    public init(method: String, url: URL, headers: [String: String], body: Data?, timeout: Duration) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names in lowercase.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String], body: Data) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        self.body = body
    }
}

/// async-http-client on the process's NIO event loops, the ones the
/// gateway's connection already runs on.
///
/// It replaced Foundation's `URLSession` (libcurl underneath) for issue 15:
/// measured in `make bench-discord`, each request through libcurl cost a
/// thread hop through Dispatch and curl's own callbacks, and libcurl with
/// its TLS and Kerberos libraries was a sixth of the bot's resident memory.
public struct NIOHTTPTransport: HTTPTransport {
    /// One client for the process: a client per REST client (or per
    /// request) would multiply connection pools. Never shut down; it lives
    /// as long as the process does.
    private static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        // Interaction acknowledgements must not queue behind other requests
        // for one of the default eight connections to Discord.
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
        // Discord does not redirect its API; a redirect would be a fault to
        // see, not to follow with the bot's token.
        configuration.redirectConfiguration = .disallow
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    /// Larger than anything Discord answers (a guild's channel list at 500
    /// channels is under 300 KB).
    static let largestAnswer = 32 << 20

    public init() {}

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let timeout = request.timeout.components
        let response = try await Self.client.execute(
            outgoing, timeout: .nanoseconds(timeout.seconds * 1_000_000_000 + timeout.attoseconds / 1_000_000_000))
        let body = try await response.body.collect(upTo: Self.largestAnswer)
        var headers: [String: String] = [:]
        for (name, value) in response.headers { headers[name] = value }
        return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
    }
}
