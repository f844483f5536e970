import Engine
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The desk's HTTP side: signing in with Discord (the OAuth `state` held
/// in a cookie of its own and checked on the way back), the signed
/// session cookie (HttpOnly, SameSite=Lax, Secure behind https), a CSRF
/// token on every form, and a 404, never the data, for a ticket the
/// viewer may not see. Pages are `DeskPages`' HTML.
public enum DeskRoutes {
    /// Adds the desk's routes, under `/desk`, to `router`.
    public static func add(to router: Router<BasicRequestContext>, desk: StaffDesk, logger: Logger) {
        router.get("/desk/assets/{file}") { _, context in
            guard let file = context.parameters.get("file"), let asset = WebPage.asset(file) else { return Response(status: .notFound) }
            return asset
        }
        router.get("/desk") { request, _ in
            let language = language(of: request)
            let viewer: StaffDesk.Viewer
            switch await visitor(request, desk: desk, language: language) {
            case .signedOut: return html(DeskPages.signIn(language: language))
            case .refused(let page): return page
            case .viewer(let found): viewer = found
            }
            let query = request.uri.queryParameters
            let filter = StaffDesk.QueueFilter(category: query["category"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                                               handler: query["handler"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                                               state: query["state"].map(String.init).flatMap { $0.isEmpty ? nil : $0 },
                                               page: query["page"].flatMap { Int(String($0)) } ?? 1)
            do {
                let queue = try await desk.queue(for: viewer, filter: filter)
                return html(DeskPages.queue(queue, filter: filter, viewer: viewer, language: language))
            } catch {
                logger.error("the desk's queue could not be read", metadata: ["error": "\(error)"])
                return html(DeskPages.failure(language: language), status: .internalServerError)
            }
        }
        router.get("/desk/stats") { request, _ in
            await statistics(request, desk: desk, logger: logger) { statistics, names, labels, days, viewer, language in
                html(DeskPages.statistics(statistics, names: names, labels: labels, days: days, viewer: viewer, language: language))
            }
        }
        router.get("/desk/stats.csv") { request, _ in
            await statistics(request, desk: desk, logger: logger) { statistics, names, _, days, _, _ in
                let table = request.uri.queryParameters["table"].map(String.init) ?? "days"
                guard let csv = DeskPages.statisticsCSV(statistics, table: table, names: names) else { return Response(status: .notFound) }
                var headers = HTTPFields()
                headers[.contentType] = "text/csv; charset=utf-8"
                headers[.contentDisposition] = "attachment; filename=\"escala-\(table)-\(days)d.csv\""
                headers[.cacheControl] = "no-store"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: csv)))
            }
        }
        router.get("/desk/events") { request, _ in
            guard session(of: request, desk: desk) != nil else { return Response(status: .forbidden) }
            return EventStream.response(for: desk.changes)
        }
        router.get("/desk/login") { request, _ in
            let state = DeskSessions.randomToken()
            var response = redirect(to: desk.accounts.signInAddress(state: state, redirectURI: callback(of: request, desk: desk)))
            response.setCookie(cookie(DeskSessions.stateCookie, state, maxAge: 600, desk: desk))
            return response
        }
        router.get("/desk/callback") { request, _ in
            let language = language(of: request)
            let query = request.uri.queryParameters
            // The answer must come back to the browser that left for it.
            guard let expected = request.cookies[DeskSessions.stateCookie]?.value, let state = query["state"].map(String.init),
                  DeskSessions.same(expected, state), let code = query["code"].map(String.init), !code.isEmpty else {
                return html(DeskPages.signIn(language: language, failed: true), status: .badRequest)
            }
            let user: DeskUser
            do {
                user = try await desk.accounts.signedInUser(code: code, redirectURI: callback(of: request, desk: desk))
            } catch {
                logger.notice("a sign-in to the desk failed", metadata: ["error": "\(error)"])
                return html(DeskPages.signIn(language: language, failed: true), status: .badRequest)
            }
            var response = redirect(to: "/desk")
            response.setCookie(cookie(DeskSessions.stateCookie, "", maxAge: 0, desk: desk))
            response.setCookie(cookie(DeskSessions.cookie, desk.sessions.sealed(desk.sessions.new(for: user, now: desk.now())),
                                      maxAge: Int(DeskSessions.lifetime), desk: desk))
            return response
        }
        router.post("/desk/logout") { request, _ in
            guard let session = session(of: request, desk: desk), await carriesToken(request, of: session) != nil else {
                return Response(status: .forbidden)
            }
            var response = redirect(to: "/desk")
            response.setCookie(cookie(DeskSessions.cookie, "", maxAge: 0, desk: desk))
            return response
        }
        router.get("/desk/tickets/{number}") { request, context in
            await ticketPage(request, context: context, desk: desk, logger: logger) { viewer, number in
                try await desk.ticket(number, for: viewer).map { ($0, DeskPages.Reply()) }
            }
        }
        router.post("/desk/tickets/{number}/press") { request, context in
            await action(request, context: context, desk: desk, logger: logger) { form, viewer, number in
                try await desk.press(form["button"] ?? "", ticket: number, by: viewer)
            }
        }
        router.post("/desk/tickets/{number}/submit") { request, context in
            await action(request, context: context, desk: desk, logger: logger) { form, viewer, number in
                var answers: [String: String] = [:]
                for (key, value) in form where key.hasPrefix("answer.") { answers[String(key.dropFirst("answer.".count))] = value }
                return try await desk.submit(form["form"] ?? "", answers: answers, ticket: number, by: viewer)
            }
        }
    }

    /// A person's action on a ticket (a button, a form's answers), if the
    /// form carries the session's token; then the ticket's page, with what
    /// the engine told them or the form it showed them.
    static func action(_ request: Request, context: BasicRequestContext, desk: StaffDesk, logger: Logger,
                       _ act: @escaping @Sendable ([String: String], StaffDesk.Viewer, Int) async throws -> StaffDesk.ActionOutcome) async -> Response {
        guard let session = session(of: request, desk: desk), let form = await carriesToken(request, of: session) else {
            return Response(status: .forbidden)
        }
        let language = language(of: request)
        return await ticketPage(request, context: context, desk: desk, logger: logger) { viewer, number in
            var reply = DeskPages.Reply()
            switch try await act(form, viewer, number) {
            case .noTicket: return nil
            case .done: break
            case .told(let text): reply.told = text
            case .form(let shown): reply.form = shown
            case .onDiscordOnly: reply.told = DeskPages.texts(language)["deskOnDiscordOnly"]
            }
            return try await desk.ticket(number, for: viewer).map { ($0, reply) }
        }
    }

    /// The statistics of `?days=` (30 unless said; 1 to 36,500) for staff,
    /// given to `answer`; a 404 for anyone else, as for a ticket not theirs.
    static func statistics(_ request: Request, desk: StaffDesk, logger: Logger,
                           _ answer: (DeskStatistics, [String: String], [String: String], Int, StaffDesk.Viewer, String) -> Response) async -> Response {
        let language = language(of: request)
        let viewer: StaffDesk.Viewer
        switch await visitor(request, desk: desk, language: language) {
        case .signedOut: return redirect(to: "/desk")
        case .refused(let page): return page
        case .viewer(let found): viewer = found
        }
        let session = viewer.session
        let days = request.uri.queryParameters["days"].flatMap { Int(String($0)) } ?? 30
        do {
            guard let (statistics, names, labels) = try await desk.statistics(days: days, for: viewer) else {
                return html(DeskPages.notFound(session: session, language: language), status: .notFound)
            }
            return answer(statistics, names, labels, days, viewer, language)
        } catch {
            logger.error("the desk's statistics could not be read", metadata: ["error": "\(error)"])
            return html(DeskPages.failure(language: language), status: .internalServerError)
        }
    }

    /// A ticket's page after `make` (a read, or an action then a read);
    /// nil from `make` is a 404, for a ticket that does not exist and one
    /// the viewer may not see alike.
    static func ticketPage(_ request: Request, context: BasicRequestContext, desk: StaffDesk, logger: Logger,
                           _ make: (StaffDesk.Viewer, Int) async throws -> (StaffDesk.TicketPage, DeskPages.Reply)?) async -> Response {
        let language = language(of: request)
        let viewer: StaffDesk.Viewer
        switch await visitor(request, desk: desk, language: language) {
        case .signedOut: return redirect(to: "/desk")
        case .refused(let page): return page
        case .viewer(let found): viewer = found
        }
        let session = viewer.session
        guard let number = context.parameters.get("number", as: Int.self) else { return html(DeskPages.notFound(session: session, language: language), status: .notFound) }
        do {
            guard let (page, reply) = try await make(viewer, number) else {
                return html(DeskPages.notFound(session: session, language: language), status: .notFound)
            }
            return html(DeskPages.ticket(page, reply: reply, viewer: viewer, language: language))
        } catch {
            logger.error("a desk page could not be made", metadata: ["error": "\(error)"])
            return html(DeskPages.failure(language: language), status: .internalServerError)
        }
    }

    /// Who is asking for a page: nobody signed in; someone the desk shows
    /// nothing (its page, saying why); or a viewer.
    enum Visitor {
        case signedOut
        case refused(Response)
        case viewer(StaffDesk.Viewer)
    }

    static func visitor(_ request: Request, desk: StaffDesk, language: String) async -> Visitor {
        guard let session = session(of: request, desk: desk) else { return .signedOut }
        switch await desk.viewer(session) {
        case .success(let viewer): return .viewer(viewer)
        case .failure(let refusal): return .refused(html(DeskPages.refused(refusal, session: session, language: language), status: .forbidden))
        }
    }

    static func session(of request: Request, desk: StaffDesk) -> DeskSession? {
        desk.sessions.opened(request.cookies[DeskSessions.cookie]?.value, now: desk.now())
    }

    /// The form's fields if it carries the session's CSRF token; nil if
    /// it does not (a page of another site posting in the viewer's name).
    static func carriesToken(_ request: Request, of session: DeskSession) async -> [String: String]? {
        guard let body = try? await request.body.collect(upTo: 64 * 1024) else { return nil }
        var fields: [String: String] = [:]
        for pair in String(buffer: body).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        guard let token = fields["csrf"], DeskSessions.same(token, session.csrf) else { return nil }
        return fields
    }

    /// Where Discord sends the browser back: the desk's public address, or
    /// the address this request came to.
    static func callback(of request: Request, desk: StaffDesk) -> String {
        let base = desk.publicURL ?? "http://" + (request.head.authority ?? "127.0.0.1")
        return base + "/desk/callback"
    }

    static func cookie(_ name: String, _ value: String, maxAge: Int, desk: StaffDesk) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/desk", secure: desk.publicURL?.hasPrefix("https://") == true,
               httpOnly: true, sameSite: .lax)
    }

    static func language(of request: Request) -> String {
        request.uri.queryParameters["lang"].map(String.init).flatMap { PageTexts.languages.contains($0) ? $0 : nil }
            ?? PageTexts.language(accepting: request.headers[.acceptLanguage])
    }

    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = WebPage.html(text)
        response.status = status
        response.headers[.cacheControl] = "no-store"
        // No page of the desk may be framed by another site.
        response.headers[.init("X-Frame-Options")!] = "DENY"
        return response
    }
}

extension DeskRoutes {
    /// `escala run`'s web application: the desk's pages under `/desk` when
    /// there is a desk (`/` sending there), and `/healthz` and `/metrics`.
    public static func application(desk: StaffDesk?, operations: (any WebOperations)?, host: String, port: Int, logger: Logger,
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some Service {
        let router = Router()
        if let desk {
            router.get("/") { _, _ in redirect(to: "/desk") }
            add(to: router, desk: desk, logger: logger)
        }
        if let operations { OperationsRoutes.add(to: router, operations: operations) }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "escala-web"),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
    }
}
