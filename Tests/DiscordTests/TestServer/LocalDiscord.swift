import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// A server on 127.0.0.1 that answers the client as Discord would, with
/// Discord's documented JSON, and judges every request against Discord's
/// OpenAPI description. Tests script its answers (a 429, a 500) and read
/// back what it received.
final class LocalDiscord: Sendable {
    struct Received: Sendable {
        let method: String
        let path: String
        let body: Data?
        let headers: [String: String]
        let at: ContinuousClock.Instant
    }

    /// An answer the test wants for the next request matching a route.
    struct Scripted: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var json: String = "{}"
        /// How long to wait before answering: longer than the client's
        /// timeout makes a timeout.
        var delay: Duration = .zero
    }

    private struct State {
        var received: [Received] = []
        var violations: [String] = []
        var scripts: [(method: String, pathSuffix: String, answers: [Scripted])] = []
        var nextID: UInt64 = 900_000_000_000_000_000
    }

    private let state = Mutex(State())
    private let task: Task<Void, any Error>
    let port: Int

    var apiBaseURL: URL { URL(string: "http://127.0.0.1:\(port)/api/v10")! }

    /// Every request received so far, in order.
    var received: [Received] { state.withLock { $0.received } }
    /// Every way a request differed from Discord's API.
    var violations: [String] { state.withLock { $0.violations } }

    static func start() async throws -> LocalDiscord {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let box = Mutex<LocalDiscord?>(nil)
        let responder = CallbackResponder<BasicRequestContext> { request, context in
            guard let server = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            return try await server.respond(to: request, context: context)
        }
        var quiet = Logger(label: "local-discord")
        quiet.logLevel = .critical // stopping the server logs a cancellation as an error
        let upgrade = HTTPServerBuilder.http1WebSocketUpgrade(configuration: .init(ws: .init(maxFrameSize: 1 << 24, autoPing: .disabled))) { _, channel, _ in
            .upgrade([:]) { inbound, outbound, _ in
                guard let server = box.withLock({ $0 }) else { return }
                await server.gateway.serve(inbound: inbound, outbound: outbound, channel: channel)
            }
        }
        let app = Application(responder: responder, server: upgrade,
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
                              logger: quiet)
        let task = Task { try await app.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
        let server = LocalDiscord(task: task, port: port)
        box.withLock { $0 = server }
        return server
    }

    private init(task: Task<Void, any Error>, port: Int) {
        self.task = task
        self.port = port
        gateway = LocalGateway(port: port)
    }

    /// The gateway, at `ws://127.0.0.1:port/`.
    let gateway: LocalGateway
    var gatewayURL: String { "ws://127.0.0.1:\(port)" }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    /// The next `answers.count` requests whose method matches and whose path
    /// ends with `pathSuffix` get these answers, in order; later ones the
    /// default.
    func script(_ method: String, _ pathSuffix: String, _ answers: [Scripted]) {
        state.withLock { $0.scripts.append((method, pathSuffix, answers)) }
    }

    // MARK: Answering

    private func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let body = try await request.body.collect(upTo: 1 << 24)
        let data = body.readableBytes > 0 ? Data(buffer: body) : nil
        let method = request.method.rawValue
        let fullPath = String(request.uri.path)
        let path = fullPath.hasPrefix("/api/v10") ? String(fullPath.dropFirst("/api/v10".count)) : fullPath
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let violations = (fullPath.hasPrefix("/api/v10") ? [] : ["\(method) \(fullPath): not under /api/v10"])
            + OpenAPIContract.shared.violations(method: method, path: path, body: data)
            + (headers["authorization"]?.hasPrefix("Bot ") == true ? [] : ["\(method) \(path): no `Authorization: Bot …` header"])
        let scripted: Scripted? = state.withLock { state in
            state.received.append(Received(method: method, path: path, body: data, headers: headers, at: .now))
            state.violations += violations
            guard let index = state.scripts.firstIndex(where: { $0.method == method && path.hasSuffix($0.pathSuffix) && !$0.answers.isEmpty })
            else { return nil }
            return state.scripts[index].answers.removeFirst()
        }
        let answer = scripted ?? defaultAnswer(method: method, path: path, body: data)
        if answer.delay > .zero { try? await Task.sleep(for: answer.delay) }
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let status = HTTPResponse.Status(code: answer.status)
        if answer.status == 204 { return Response(status: status, headers: fields) }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: answer.json)))
    }

    private func newID() -> String { state.withLock { $0.nextID += 1; return String($0.nextID) } }

    /// What Discord answers when the test scripted nothing, shaped as in
    /// Discord's documentation.
    private func defaultAnswer(method: String, path: String, body: Data?) -> Scripted {
        let template = OpenAPIContract.shared.template(for: path) ?? path
        let segments = path.split(separator: "/").map(String.init)
        let sent = body.flatMap { try? JSONValue.parse($0) }
        switch (method, template) {
        case ("POST", "/guilds/{guild_id}/channels"):
            let name = sent?["name"]?.string ?? "channel"
            return Scripted(status: 201, json: """
                {"id":"\(newID())","type":0,"guild_id":"\(segments[1])","name":"\(name)","position":1,"permission_overwrites":[],"nsfw":false,"parent_id":null,"flags":0}
                """)
        case ("PATCH", "/channels/{channel_id}"):
            return Scripted(status: 200, json: """
                {"id":"\(segments[1])","type":0,"guild_id":"1","name":"\(sent?["name"]?.string ?? "channel")","flags":0}
                """)
        case ("POST", "/channels/{channel_id}/messages"), ("PATCH", "/channels/{channel_id}/messages/{message_id}"):
            let content = sent?["content"]?.string ?? ""
            let encoded = String(decoding: (try? JSONEncoder().encode(content)) ?? Data("\"\"".utf8), as: UTF8.self)
            let id = segments.count > 3 ? segments[3] : newID()
            return Scripted(status: 200, json: """
                {"id":"\(id)","channel_id":"\(segments[1])","content":\(encoded),"author":{"id":"1","username":"escala","bot":true,"discriminator":"0"},"attachments":[],"embeds":[],"mentions":[],"timestamp":"2026-01-05T09:00:00.000000+00:00","type":0,"pinned":false,"tts":false,"mention_everyone":false,"flags":0}
                """)
        case ("GET", "/gateway/bot"):
            return Scripted(status: 200, json: """
                {"url":"ws://127.0.0.1:\(port)","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}
                """)
        case ("GET", "/guilds/{guild_id}/channels"):
            return Scripted(status: 200, json: "[]")
        case (_, _) where method == "DELETE" || method == "PUT":
            return Scripted(status: 204)
        default:
            return Scripted(status: 404, json: #"{"message":"Unknown route","code":0}"#)
        }
    }
}
