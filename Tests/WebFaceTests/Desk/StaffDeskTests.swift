import AsyncHTTPClient
import Foundation
import LocalDiscord
import NIOCore
import NIOHTTP1
import Synchronization
import Testing
import TestSupport
@testable import Application
@testable import WebFace

/// The staff desk over HTTP, as a browser meets it: signing in with
/// Discord's OAuth2 on the built-in server (the consent page, the code,
/// the token), the session cookie, and what each person is shown and may
/// do: signed out, as a member, as staff of the category, as staff who
/// is not the ticket's handler. Against the real Escala on the playground
/// with the shipped workflows.
@Suite("The staff desk", .serialized)
struct StaffDeskTests {
    typealias Running = PlaygroundTests.Running

    /// A browser: cookies kept per name, redirects followed by hand so
    /// that every hop sets and sends its cookies.
    final class Browser: Sendable {
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        let cookies = Mutex<[String: String]>([:])

        struct Page {
            let status: UInt
            let location: String?
            let body: String
        }

        func shutdown() async { try? await client.shutdown() }

        func get(_ url: String) async throws -> Page { try await send(url, method: .GET, form: nil) }

        func post(_ url: String, form: [String: String]) async throws -> Page { try await send(url, method: .POST, form: form) }

        func send(_ url: String, method: HTTPMethod, form: [String: String]?) async throws -> Page {
            var request = HTTPClientRequest(url: url)
            request.method = method
            let jar = cookies.withLock { $0 }
            if !jar.isEmpty { request.headers.add(name: "Cookie", value: jar.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
            if let form {
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
                request.body = .bytes(ByteBuffer(string: form.map {
                    "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                }.joined(separator: "&")))
            }
            let response = try await client.execute(request, timeout: .seconds(10))
            for header in response.headers[canonicalForm: "Set-Cookie"] {
                let pair = header.split(separator: ";").first.map(String.init) ?? ""
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
                let expired = header.contains("Max-Age=0")
                cookies.withLock { $0[name] = expired || value.isEmpty ? nil : value }
            }
            let body = String(buffer: try await response.body.collect(upTo: 1 << 24))
            return Page(status: response.status.code, location: response.headers.first(name: "Location"), body: body)
        }

        /// Follows redirects from `url` to the page they end on, the
        /// address each `Location` is relative to being `origin`.
        func follow(_ url: String, origin: String) async throws -> Page {
            var page = try await get(url)
            var hops = 0
            while let location = page.location, hops < 10 {
                page = try await get(location.hasPrefix("http") ? location : origin + location)
                hops += 1
            }
            return page
        }

        /// Signs in on the desk at `base` as the member `user`, through the
        /// built-in server's consent page; the page it lands on.
        func signIn(at base: String, as user: String) async throws -> Page {
            let login = try await get(base + "/desk/login")
            let authorize = try #require(login.location)
            let consent = try await get(authorize)
            #expect(consent.status == 200)
            // The «continue as» link of that person, as the page lists it.
            let pattern = #"data-user="\#(user)" href="([^"]+)""#
            let match = try #require(consent.body.firstMatch(of: try Regex(pattern)))
            let href = String(try #require(match.output[1].substring)).replacingOccurrences(of: "&amp;", with: "&")
            let server = try #require(URL(string: authorize))
            let origin = "\(server.scheme!)://\(server.host!):\(server.port!)"
            return try await follow(origin + href, origin: base)
        }
    }

    static func token(in page: String) -> String? {
        guard let match = page.firstMatch(of: #/name="csrf" value="([^"]+)"/#) else { return nil }
        return String(match.output.1)
    }

    /// Runs `body` with a playground and a browser.
    static func with(_ body: (Running, Browser) async throws -> Void) async throws {
        let browser = Browser()
        do {
            try await Running.with { running in try await body(running, browser) }
        } catch {
            await browser.shutdown()
            throw error
        }
        await browser.shutdown()
    }

    @Test("Signed out, the desk shows only its sign-in; a ticket's address sends there")
    func signedOut() async throws {
        try await Self.with { running, browser in
            let ana = running.person(nil)
            _ = try await PlaygroundTests.openedConsultas(running, ana)
            let desk = try await browser.get(running.base + "/desk")
            #expect(desk.status == 200)
            #expect(desk.body.contains("id=\"signin\""))
            #expect(!desk.body.contains("/desk/tickets/1"))
            let ticket = try await browser.get(running.base + "/desk/tickets/1")
            #expect(ticket.status == 303 && ticket.location == "/desk")
        }
    }

    @Test("A member sees their own ticket, its conversation and no timeline; another member's is a 404")
    func memberSeesOwnTickets() async throws {
        try await Self.with { running, browser in
            let ana = running.person(nil), bruno = running.app.playground.cast.people[1].id
            let anas = try await PlaygroundTests.openedConsultas(running, ana)
            try await running.app.playground.say(as: ana, in: anas, text: "¿Cómo cambio mi nombre?")
            #expect(try await PlaygroundTests.openConsultas(running, bruno).status == 204)
            try await eventually("Bruno's ticket") { try await running.app.application.runtime.engine.ticket(guild: running.app.playground.guild.id, number: 2) != nil }

            let queue = try await browser.signIn(at: running.base, as: ana)
            #expect(queue.status == 200)
            #expect(queue.body.contains("Ana"))
            #expect(queue.body.contains("href=\"/desk/tickets/1\""))
            #expect(!queue.body.contains("href=\"/desk/tickets/2\""))
            let own = try await browser.get(running.base + "/desk/tickets/1")
            #expect(own.status == 200)
            try await eventually("her message on her ticket's page") {
                try await browser.get(running.base + "/desk/tickets/1").body.contains("¿Cómo cambio mi nombre?")
            }
            #expect(!own.body.contains("id=\"timeline\""))
            #expect(!own.body.contains("id=\"actions\""))
            let other = try await browser.get(running.base + "/desk/tickets/2")
            #expect(other.status == 404)
            #expect(!other.body.contains("Bruno"))
            let none = try await browser.get(running.base + "/desk/tickets/99")
            #expect(none.status == 404 && none.body == other.body, "a ticket not hers and one that does not exist look the same")

            // 15 minutes without a reason close Bruno's; closed, it is still his to read, listed under his closed tickets.
            try running.app.playground.advance(minutes: 16)
            let engine = running.app.application.runtime.engine, guild = running.app.playground.guild.id
            try await eventually("Bruno's ticket closes") { try await engine.ticket(guild: guild, number: 2)?.state.isClosed == true }
            let his = Browser()
            let queue2 = try await his.signIn(at: running.base, as: bruno)
            #expect(queue2.body.contains("id=\"closed\""))
            #expect(queue2.body.contains("<li data-number=\"2\">"))
            #expect(try await his.get(running.base + "/desk/tickets/2").status == 200)
            #expect(!(try await browser.get(running.base + "/desk").body.contains("<li data-number=\"2\">")), "not in Ana's list")
            await his.shutdown()
        }
    }

    @Test("A CM sees the queue with the waiting member first and a ticket's timeline naming each rule's line")
    func staffQueueAndTimeline() async throws {
        try await Self.with { running, browser in
            let ana = running.person(nil), bruno = running.app.playground.cast.people[1].id
            let cm = running.person("cm")
            let anas = try await PlaygroundTests.openedConsultas(running, ana)
            #expect(try await PlaygroundTests.openConsultas(running, bruno).status == 204)
            try await eventually("Bruno's ticket") { try await running.app.application.runtime.engine.ticket(guild: running.app.playground.guild.id, number: 2) != nil }
            // Ana writes in hers: she waits for an answer, Bruno has not asked anything.
            try await running.app.playground.say(as: ana, in: anas, text: "Hola, tengo una duda")
            try await eventually("Ana waits") {
                try await running.app.application.runtime.engine.ticket(guild: running.app.playground.guild.id, number: 1)?.state.memberWaitingSince != nil
            }
            _ = try await running.app.application.runtime.engine.ticket(guild: running.app.playground.guild.id, number: 2)

            let queue = try await browser.signIn(at: running.base, as: cm)
            #expect(queue.status == 200)
            let one = try #require(queue.body.range(of: "data-number=\"1\"")), two = try #require(queue.body.range(of: "data-number=\"2\""))
            #expect(one.lowerBound < two.lowerBound, "the member waiting for an answer comes first")
            #expect(queue.body.contains("class=\"ticket waiting\" data-number=\"1\""))

            let page = try await browser.get(running.base + "/desk/tickets/1")
            #expect(page.status == 200)
            #expect(page.body.contains("id=\"timeline\""))
            // The opening names the rule that set the silence timer, with its file and line.
            #expect(page.body.contains("roleplay.flow:"))
            #expect(page.body.contains("id=\"actions\""))
            #expect(page.body.contains("data-button=\"duda\""))
        }
    }

    @Test("A button pressed on the desk is Discord's click: refused to a CM who is not the handler, taken from the handler")
    func pressGoesThroughTheEngine() async throws {
        try await Self.with { running, browser in
            let ana = running.person(nil), cm = running.person("cm")
            let anas = try await PlaygroundTests.openedConsultas(running, ana)
            try await running.app.playground.say(as: ana, in: anas, text: "Hola")
            _ = try await browser.signIn(at: running.base, as: cm)
            let page = try await browser.get(running.base + "/desk/tickets/1")
            let token = try #require(Self.token(in: page.body))
            let engine = running.app.application.runtime.engine, guild = running.app.playground.guild.id

            // Without the form's token: refused, nothing happens.
            let forged = try await browser.post(running.base + "/desk/tickets/1/press", form: ["button": "duda"])
            #expect(forged.status == 403)

            let refused = try await browser.post(running.base + "/desk/tickets/1/press", form: ["button": "duda", "csrf": token])
            #expect(refused.status == 200)
            #expect(refused.body.contains("id=\"told\""))
            // The refused press is in the timeline, in the page's language, with the rule that refused it.
            #expect(refused.body.contains("<span class=\"kind\">botón duda</span>"))
            #expect(refused.body.contains("<span class=\"kind\">abrió el ticket</span>"))
            #expect(try await engine.ticket(guild: guild, number: 1)?.state.state == "abierta")

            // The CM answers on Discord and so handles the ticket; now the desk's press is taken.
            try await running.app.playground.say(as: cm, in: anas, text: "Te ayudo")
            try await eventually("the CM handles it") { try await engine.ticket(guild: guild, number: 1)?.state.handler == cm }
            let taken = try await browser.post(running.base + "/desk/tickets/1/press", form: ["button": "duda", "csrf": token])
            #expect(taken.status == 200)
            #expect(!taken.body.contains("id=\"told\""))
            #expect(try await engine.ticket(guild: guild, number: 1)?.state.state == "en_duda")
            // Its effect reached Discord through the outbox: the staff channel heard of it.
            try await eventually("chat_staff is told") {
                running.app.server.messageValues(in: running.channel("chat_staff")).contains { ($0["content"]?.string ?? "").contains("#1") }
            }
        }
    }

    @Test("A button whose rule asks a form shows it on the desk; its answers are the form sent on Discord")
    func formOnTheDesk() async throws {
        try await Self.with { running, browser in
            let ana = running.person(nil), cm = running.person("cm")
            let engine = running.app.application.runtime.engine, guild = running.app.playground.guild.id
            let anas = try await PlaygroundTests.openedConsultas(running, ana)
            try await running.app.playground.say(as: ana, in: anas, text: "Hola")
            try await running.app.playground.say(as: cm, in: anas, text: "Ya está resuelto")
            try await eventually("the CM handles it") { try await engine.ticket(guild: guild, number: 1)?.state.handler == cm }
            _ = try await browser.signIn(at: running.base, as: cm)
            let token = try #require(Self.token(in: try await browser.get(running.base + "/desk/tickets/1").body))

            // `close reason required`: «Cerrar ticket» asks why, here as on Discord.
            let asked = try await browser.post(running.base + "/desk/tickets/1/press", form: ["button": "cerrar", "csrf": token])
            #expect(asked.status == 200)
            #expect(asked.body.contains("id=\"ticket-form\""))
            let form = try #require(asked.body.firstMatch(of: #/name="form" value="([^"]+)"/#).map { String($0.output.1) })
            let question = try #require(asked.body.firstMatch(of: #/name="answer\.([^"]+)"/#).map { String($0.output.1) })
            #expect(try await engine.ticket(guild: guild, number: 1)?.state.isClosed == false)

            // A form nobody showed this person is refused, whatever its name.
            let forged = try await browser.post(running.base + "/desk/tickets/1/submit",
                                                form: ["form": "apelacion", "answer.x": "y", "csrf": token])
            #expect(forged.body.contains("id=\"told\""))

            let sent = try await browser.post(running.base + "/desk/tickets/1/submit",
                                              form: ["form": form, "answer.\(question)": "Resuelto: cambió su nombre", "csrf": token])
            #expect(sent.status == 200)
            #expect(!sent.body.contains("id=\"told\""))
            let state = try #require(try await engine.ticket(guild: guild, number: 1)?.state)
            #expect(state.isClosed || state.pendingClose?.reason == "Resuelto: cambió su nombre")
        }
    }

    @Test("Statistics with a chart drawn on the server and CSV, for staff only")
    func statistics() async throws {
        try await Self.with { running, browser in
            let ana = running.person(nil), cm = running.person("cm")
            let anas = try await PlaygroundTests.openedConsultas(running, ana)
            try await running.app.playground.say(as: ana, in: anas, text: "Hola")
            try await running.app.playground.say(as: cm, in: anas, text: "Te ayudo")
            let engine = running.app.application.runtime.engine, guild = running.app.playground.guild.id
            try await eventually("the CM answered first") { try await engine.ticket(guild: guild, number: 1)?.state.handler == cm }

            _ = try await browser.signIn(at: running.base, as: cm)
            let page = try await browser.get(running.base + "/desk/stats?days=7")
            #expect(page.status == 200)
            #expect(page.body.contains("<svg"))
            #expect(page.body.contains("· Abiertos: 1</title>"))
            #expect(page.body.contains("<td>Consultas</td><td>1</td><td>0</td>"))
            let csv = try await browser.get(running.base + "/desk/stats.csv?table=categories&days=7")
            #expect(csv.status == 200)
            #expect(csv.body.hasPrefix("category,opened,closed,first_response_median_s"))
            #expect(csv.body.contains("\"consultas\",1,0,"))
            let days = try await browser.get(running.base + "/desk/stats.csv?table=days&days=7")
            #expect(days.body.split(separator: "\n").count == 1 + 8, "a header and the 8 days from 7 days ago to today")

            let member = Browser()
            _ = try await member.signIn(at: running.base, as: ana)
            #expect(try await member.get(running.base + "/desk/stats").status == 404)
            #expect(try await member.get(running.base + "/desk/stats.csv").status == 404)
            await member.shutdown()
        }
    }

    @Test("Member text is text on every page: a script in a message, an answer or a name runs nowhere")
    func memberTextIsEscaped() async throws {
        try await Self.with { running, browser in
            let ana = running.person(nil), cm = running.person("cm")
            let anas = try await PlaygroundTests.openedConsultas(running, ana)
            try await running.app.playground.say(as: ana, in: anas, text: "<script>alert(1)</script> <a href=\"javascript:alert(2)\">x</a>")
            _ = try await browser.signIn(at: running.base, as: cm)
            try await eventually("the message is on the page") {
                try await browser.get(running.base + "/desk/tickets/1").body.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            }
            let page = try await browser.get(running.base + "/desk/tickets/1")
            #expect(!page.body.contains("<script>alert"))
            #expect(!page.body.contains("href=\"javascript:"))
        }
    }

    @Test("A session cookie changed by hand, or a sign-in whose state does not match, signs nobody in")
    func forgedSessions() async throws {
        try await Self.with { running, browser in
            let cm = running.person("cm")
            _ = try await browser.signIn(at: running.base, as: cm)
            let cookie = try #require(browser.cookies.withLock { $0[DeskSessions.cookie] })
            #expect(try await browser.get(running.base + "/desk").body.contains("id=\"signed-in-as\""))
            // Another user id in the payload, the old signature kept.
            let session = try #require(running.app.desk.sessions.opened(cookie, now: running.app.desk.now()))
            let other = DeskSession(user: DeskUser(id: running.person(nil), name: "Ana"), csrf: session.csrf, expires: session.expires)
            let forged = running.app.desk.sessions.sealed(other).split(separator: ".")[0] + "." + cookie.split(separator: ".")[1]
            browser.cookies.withLock { $0[DeskSessions.cookie] = String(forged) }
            #expect(try await browser.get(running.base + "/desk").body.contains("id=\"signin\""))
            #expect(try await browser.get(running.base + "/desk/tickets/1").status == 303)

            // Back from Discord with a state this browser never sent.
            browser.cookies.withLock { $0 = [DeskSessions.stateCookie: "mine"] }
            let callback = try await browser.get(running.base + "/desk/callback?code=anything&state=theirs")
            #expect(callback.status == 400)
            #expect(browser.cookies.withLock { $0[DeskSessions.cookie] } == nil)
        }
    }
}
