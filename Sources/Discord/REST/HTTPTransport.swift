import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The few things the REST client needs from HTTP, behind a protocol so
/// that another HTTP stack can replace `URLSession` (see SWIFT-NOTES: a
/// known URLSession fault on Linux would be fixed by swapping this, not the
/// client).
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    public var timeout: Duration
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

/// libcurl underneath, through Foundation. One session for the whole
/// process, as SWIFT-NOTES advises: a session per client (or per request)
/// multiplies libcurl handles and threads, and with many sessions alive
/// at once URLSession on Linux was seen to stall every request.
public final class URLSessionTransport: HTTPTransport {
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        // Interaction acknowledgements must not queue behind other requests
        // for one of the default six connections.
        configuration.httpMaximumConnectionsPerHost = 32
        return URLSession(configuration: configuration)
    }()

    private var session: URLSession { Self.session }

    public init() {}

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        // Measured here: URLSession on Linux times a request out at once
        // when the interval is under a second, so a second is the floor.
        urlRequest.timeoutInterval = max(1, Double(request.timeout.components.seconds) + Double(request.timeout.components.attoseconds) / 1e18)
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }
}
