import Foundation
import Hummingbird
import LocalDiscord
import Logging
import NIOCore
import ServiceLifecycle
import WorkflowDSL

/// The playground's web face: the page, its assets, and the small API the
/// page talks to (act as a person, move the clock, hear of changes). The
/// API only drives the built-in server's people; what Escala does comes
/// back through the server's state.
public enum PlaygroundRoutes {
    /// The web application for `playground`, on `host:port` (0: any free
    /// port), with the staff desk at `/desk` when given; `onRunning` hears
    /// the port it got.
    public static func application(playground: Playground, desk: StaffDesk? = nil, host: String, port: Int, logger: Logger,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some Service {
        let router = router(playground)
        if let desk { DeskRoutes.add(to: router, desk: desk, logger: logger) }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "escala-playground"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }

    struct SayRequest: Decodable {
        struct File: Decodable {
            let name: String
            let bytes: Int
        }
        let person: String
        let channel: String
        let text: String
        let files: [File]?
    }

    struct ClickRequest: Decodable {
        let person: String
        let channel: String
        let customID: String
        let values: [String]?
    }

    struct SubmitRequest: Decodable {
        let person: String
        let answers: [String: String]
    }

    struct PersonRequest: Decodable {
        let person: String
    }

    struct ScenarioRequest: Decodable {
        let workflow: String
        let text: String
    }

    struct ClockRequest: Decodable {
        let minutes: Int
    }

    static func router(_ playground: Playground) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { request, _ in
            let language = request.uri.queryParameters["lang"].map(String.init).flatMap { PageTexts.languages.contains($0) ? $0 : nil }
                ?? PageTexts.language(accepting: request.headers[.acceptLanguage])
            return WebPage.html(WebPage.render("playground", language: language))
        }
        router.get("/assets/{file}") { _, context in
            guard let file = context.parameters.get("file"), let asset = WebPage.asset(file) else { return Response(status: .notFound) }
            return asset
        }
        router.get("/api/view") { request, _ in
            await answer { () async throws(PlaygroundError) -> JSONValue in
                let person = request.uri.queryParameters["person"].map(String.init) ?? ""
                let channel = request.uri.queryParameters["channel"].map(String.init)
                return try await playground.view(as: person, channel: channel?.isEmpty == false ? channel : nil)
            }
        }
        router.get("/api/events") { _, _ in
            EventStream.response(for: playground.server.changes)
        }
        router.get("/api/uploads/{index}") { _, context in
            guard let index = context.parameters.get("index", as: Int.self), let upload = playground.server.upload(index) else {
                return Response(status: .notFound)
            }
            return WebPage.sandboxed(upload.data, filename: upload.filename)
        }
        router.get("/api/scenario") { request, _ in
            let workflow = request.uri.queryParameters["workflow"].map(String.init) ?? ""
            guard let text = await playground.scenario(of: workflow) else {
                return refusal(PlaygroundError(status: 404, key: "error.unknownWorkflow", detail: workflow))
            }
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(CustomID.workflowKey(path: workflow))-playground.scenario\""
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        router.post("/api/say") { request, _ in
            await act(request, as: SayRequest.self) { (body) async throws(PlaygroundError) in
                try await playground.say(as: body.person, in: body.channel, text: body.text,
                                         files: (body.files ?? []).map { ($0.name, $0.bytes) })
            }
        }
        router.post("/api/click") { request, _ in
            await act(request, as: ClickRequest.self) { (body) async throws(PlaygroundError) in
                try await playground.click(as: body.person, in: body.channel, customID: body.customID, values: body.values)
            }
        }
        router.post("/api/submit") { request, _ in
            await act(request, as: SubmitRequest.self) { (body) async throws(PlaygroundError) in try await playground.submit(as: body.person, answers: body.answers) }
        }
        router.post("/api/dismiss") { request, _ in
            await act(request, as: PersonRequest.self) { (body) async throws(PlaygroundError) in try playground.dismiss(as: body.person) }
        }
        router.post("/api/replay/load") { request, _ in
            await act(request, as: ScenarioRequest.self) { (body) async throws(PlaygroundError) in
                try playground.loadScenario(body.text, workflow: body.workflow)
            }
        }
        router.post("/api/replay/next") { _, _ in
            do throws(PlaygroundError) {
                let played = try await playground.playNextLine()
                return played ? Response(status: .noContent) : refusal(PlaygroundError(status: 409, key: "error.replayDone", detail: ""))
            } catch {
                return refusal(error)
            }
        }
        router.post("/api/reset") { _, _ in
            playground.reset()
            return Response(status: .accepted)
        }
        router.post("/api/clock") { request, _ in
            await act(request, as: ClockRequest.self) { (body) async throws(PlaygroundError) in try playground.advance(minutes: body.minutes) }
        }
        return router
    }

    /// Reads the body as `Body`, runs `action`, and answers 204, or the
    /// refusal as JSON with its status.
    static func act<Body: Decodable & Sendable>(_ request: Request, as type: Body.Type,
                                                 _ action: @Sendable (Body) async throws(PlaygroundError) -> Void) async -> Response {
        do throws(PlaygroundError) {
            let bytes: ByteBuffer
            do {
                bytes = try await request.body.collect(upTo: PlaygroundLimits.requestBytes)
            } catch {
                throw .malformed("the request is larger than \(PlaygroundLimits.requestBytes) bytes")
            }
            let body: Body
            do {
                body = try JSONDecoder().decode(Body.self, from: Data(buffer: bytes))
            } catch {
                throw .malformed(Self.describe(error))
            }
            try await action(body)
            return Response(status: .noContent)
        } catch {
            return refusal(error)
        }
    }

    static func answer(_ make: () async throws(PlaygroundError) -> JSONValue) async -> Response {
        do throws(PlaygroundError) {
            return WebPage.json(try await make().serialized)
        } catch {
            return refusal(error)
        }
    }

    static func refusal(_ error: PlaygroundError) -> Response {
        let body = JSONValue.object(["error": .string(error.key), "detail": .string(error.detail)]).serialized
        return WebPage.json(body, status: HTTPResponse.Status(code: error.status))
    }

    /// A decoding error as one line: which field, and what was wrong.
    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _)?: "missing \(key.stringValue)"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?, .dataCorrupted(let context)?:
            (context.codingPath.map(\.stringValue).joined(separator: ".") + " " + context.debugDescription).trimmingCharacters(in: .whitespaces)
        default: "not JSON"
        }
    }
}
