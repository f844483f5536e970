import Discord
import LocalDiscord
import Runtime
import Foundation
import TestSupport
import Testing

/// The real REST client against the local Discord-speaking server.
@Suite("REST client")
struct RESTClientTests {
    static let guild: Snowflake = "100000000000000001"
    static let channel: Snowflake = "200000000000000001"

    func client(_ server: LocalDiscord, invalidRequestLimit: Int = 1_000, clock: any RESTClock = SystemRESTClock()) -> RESTClient {
        var client = RESTClient(configuration: DiscordConfiguration(token: BotToken("test-token-123"), apiBaseURL: server.apiBaseURL),
                                invalidRequestLimit: invalidRequestLimit, clock: clock)
        client.retryBaseDelay = .milliseconds(50)
        return client
    }

    func withServer(globalLimit: Int? = 50, _ body: (LocalDiscord) async throws -> Void) async throws {
        let server = try await LocalDiscord.start(globalLimitPerSecond: globalLimit)
        do { try await body(server) } catch { await server.stop(); throw error }
        await server.stop()
    }

    @Test("the contract check knows Discord's API: the spec is loaded and a wrong body is caught")
    func contractCatchesMistakes() {
        let contract = OpenAPIContract.shared
        #expect(contract.isLoaded)
        #expect(contract.violations(method: "POST", path: "/channels/1/messages", body: Data(#"{"content":"hi","allowed_mentions":{"parse":[]}}"#.utf8)).isEmpty)
        let misspelt = contract.violations(method: "POST", path: "/channels/1/messages", body: Data(#"{"content":"hi","allowed_mention":{"parse":[]}}"#.utf8))
        #expect(misspelt.contains { $0.contains("allowed_mention is not a field") })
        #expect(!contract.violations(method: "POST", path: "/channels/1/messages", body: Data(#"{"content":"\#(String(repeating: "a", count: 2_001))"}"#.utf8)).isEmpty)
        #expect(!contract.violations(method: "GET", path: "/channels/1/nothing", body: nil).isEmpty)
        #expect(!contract.violations(method: "PUT", path: "/channels/1/permissions/2", body: Data(#"{"type":0,"allow":"abc"}"#.utf8)).isEmpty)
    }

    @Test("every endpoint the bot uses sends what Discord's API accepts")
    func endpointsMatchTheSpec() async throws {
        try await withServer { server in
            let rest = client(server)
            let overwrites = [PermissionOverwrite(id: Self.guild, type: .role, deny: .viewChannel),
                              PermissionOverwrite(id: "300000000000000001", type: .member, allow: [.viewChannel, .readMessageHistory, .sendMessages])]
            let channel = try await rest.createChannel(guild: Self.guild, .init(name: "reportes-1", parentID: "400000000000000001",
                                                                               topic: "escala:ticket-1", permissionOverwrites: overwrites),
                                                       reason: "Ticket #1")
            #expect(channel.name == "reportes-1")
            _ = try await rest.renameChannel(channel.id, to: "dev_obj-1")
            try await rest.setPermissions(channel.id, PermissionOverwrite(id: "500000000000000001", type: .role, allow: [.viewChannel, .readMessageHistory, .sendMessages]))
            let body = MessageBody(content: "¡Hola <@300000000000000001>! @everyone",
                                   components: [.actionRow([.button("t:1:cerrar", label: "Cerrar", style: 4)])],
                                   allowedMentions: AllowedMentions(users: ["300000000000000001"]), nonce: "ticket-1-1-0")
            let message = try await rest.createMessage(channel.id, body)
            #expect(message.content.hasPrefix("¡Hola"))
            _ = try await rest.editMessage(channel.id, message.id, MessageBody(content: "editado", allowedMentions: .none))
            try await rest.deleteMessage(channel.id, message.id, reason: "Mensaje de un tercero")
            try await rest.deleteChannel(channel.id)
            _ = try await rest.gatewayBot()
            #expect(server.violations == [])
            #expect(server.received.count == 8)
            let sent = try JSONValue.parse(try #require(server.received[3].body))
            #expect(sent["allowed_mentions"]?["parse"] == .array([]), "user text never pings @everyone")
            #expect(server.received.allSatisfy { $0.headers["authorization"] == "Bot test-token-123" })
            #expect(server.received[0].headers["x-audit-log-reason"] == "Ticket%20%231")
        }
    }

    @Test("a 429 is waited out for its retry_after and the request is sent again, not lost")
    func honoursRetryAfter() async throws {
        try await withServer { server in
            server.script("POST", "/messages", [.init(status: 429, headers: ["X-RateLimit-Scope": "user"],
                                                      json: #"{"message":"You are being rate limited.","retry_after":0.3,"global":false}"#)])
            let clock = ManualClock(now: 0)
            let rest = client(server, clock: clock)
            let sending = Task { try await rest.createMessage(Self.channel, MessageBody(content: "hola", allowedMentions: .none)) }
            try await eventually("the request waits out the 429") { clock.waits == [.milliseconds(300)] }
            #expect(server.received.filter { $0.method == "POST" }.count == 1, "nothing is sent before retry_after")
            clock.advance(by: .milliseconds(300))
            let message = try await sending.value
            #expect(message.content == "hola")
            #expect(server.received.filter { $0.method == "POST" }.count == 2)
            #expect(server.violations == [])
        }
    }

    @Test("a global 429 holds back every route until it passes")
    func globalRateLimit() async throws {
        try await withServer { server in
            server.script("POST", "/messages", [.init(status: 429, headers: ["X-RateLimit-Global": "true", "X-RateLimit-Scope": "global"],
                                                      json: #"{"message":"You are being rate limited.","retry_after":0.3,"global":true}"#)])
            let clock = ManualClock(now: 0)
            let rest = client(server, clock: clock)
            let first = Task { try await rest.createMessage(Self.channel, MessageBody(content: "uno", allowedMentions: .none)) }
            try await eventually("the first request waits out the global 429") { clock.waits.count == 1 }
            let second = Task { try await rest.renameChannel("200000000000000002", to: "otro") }
            try await eventually("another route waits for the same pause") { clock.waits == [.milliseconds(300), .milliseconds(300)] }
            #expect(!server.received.contains { $0.method == "PATCH" }, "another route waited for the global limit")
            clock.advance(by: .milliseconds(300))
            _ = try await (first.value, second.value)
            #expect(server.received.contains { $0.method == "PATCH" })
        }
    }

    @Test("fifty requests use up a second's global budget (counted over 1.1 s); the interaction's callback and its webhook never wait for it")
    func globalBudget() async throws {
        // The server's own global limit counts real seconds; this test's
        // client counts the manual clock's.
        try await withServer(globalLimit: nil) { server in
            let clock = ManualClock(now: 0)
            let rest = client(server, clock: clock)
            for index in 0..<50 {
                _ = try await rest.createMessage(Snowflake(String(200_000_000_000_000_100 + index)), MessageBody(content: "\(index)", allowedMentions: .none))
            }
            let waiting = Task { try await rest.renameChannel("200000000000000002", to: "otro") }
            try await eventually("the fifty-first waits for the window") { clock.waits == [.milliseconds(1_100)] }
            // Exempt, as Discord's rate-limit documentation says: answered at once.
            try await rest.request(Route(.post, "/interactions/{interaction_id}/{interaction_token}/callback",
                                         ["interaction_id": "900000000000000001", "interaction_token": "token-1"]),
                                   json: InteractionResponse.deferredUpdate)
            let _: Message = try await rest.request(Route(.patch, "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
                                                          ["webhook_id": "1", "webhook_token": "token-1"]),
                                                    json: MessageBody(content: "Ticket abierto", allowedMentions: .none))
            #expect(!server.received.contains { $0.method == "PATCH" && $0.path.hasPrefix("/channels/") }, "the rename still waits")
            clock.advance(by: .milliseconds(1_100))
            _ = try await waiting.value
        }
    }

    @Test("answers 500, 502 are retried with backoff; the third attempt succeeds")
    func retriesServerErrors() async throws {
        try await withServer { server in
            server.script("PATCH", "/channels/\(Self.channel)", [.init(status: 500, json: #"{"message":"500: Internal Server Error","code":0}"#),
                                                                 .init(status: 502, json: "{}")])
            let clock = ManualClock(now: 0)
            let rest = client(server, clock: clock)
            let renaming = Task { try await rest.renameChannel(Self.channel, to: "dev_obj-7") }
            // 50 ms, then 100 ms, each with up to a quarter more of jitter.
            for base in [50, 100] {
                try await eventually("a backoff after a 5xx") { clock.waits.count == 1 }
                let wait = try #require(clock.waits.first)
                #expect(wait >= .milliseconds(base) && wait <= .microseconds(base * 1_250), "the backoff doubles: \(wait)")
                clock.advance(by: wait)
            }
            let channel = try await renaming.value
            #expect(channel.name == "dev_obj-7")
            #expect(server.received.filter { $0.method == "PATCH" }.count == 3)
        }
    }

    @Test("a request that times out is sent again")
    func retriesTimeouts() async throws {
        try await withServer { server in
            server.script("PATCH", "/channels/\(Self.channel)", [.init(status: 200, json: "{}", delay: .seconds(3))])
            var rest = client(server)
            rest = RESTClient(configuration: {
                var configuration = rest.configuration
                configuration.requestTimeout = .seconds(1)
                return configuration
            }())
            rest.retryBaseDelay = .milliseconds(50)
            let channel: Channel
            do { channel = try await rest.renameChannel(Self.channel, to: "tras-espera") } catch {
                Issue.record("\(error); the server received \(server.received.map { "\($0.method) at \($0.at)" })"); return
            }
            #expect(channel.name == "tras-espera")
            // At least once more: on a loaded machine the second try may time out too.
            #expect(server.received.filter { $0.method == "PATCH" }.count >= 2)
        }
    }

    @Test("an empty bucket holds its route until the reset, and only its route")
    func perRouteBuckets() async throws {
        try await withServer { server in
            server.script("POST", "/messages", [.init(status: 200, headers: ["X-RateLimit-Limit": "5", "X-RateLimit-Remaining": "0",
                                                                             "X-RateLimit-Reset-After": "0.4", "X-RateLimit-Bucket": "abcd1234"],
                                                      json: #"{"id":"1","channel_id":"\#(Self.channel)","content":"a"}"#)])
            let clock = ManualClock(now: 0)
            let rest = client(server, clock: clock)
            _ = try await rest.createMessage(Self.channel, MessageBody(content: "a", allowedMentions: .none))
            let other: Snowflake = "200000000000000009"
            _ = try await rest.createMessage(other, MessageBody(content: "otro canal", allowedMentions: .none))
            #expect(clock.waits.isEmpty, "another channel has its own limit")
            let held = Task { try await rest.createMessage(Self.channel, MessageBody(content: "b", allowedMentions: .none)) }
            try await eventually("the emptied bucket holds its route") { clock.waits == [.milliseconds(400)] }
            #expect(server.received.count == 2)
            clock.advance(by: .milliseconds(400))
            _ = try await held.value
            #expect(server.received.count == 3)
        }
    }

    @Test("after a bucket's reset, an emptied bucket waits Discord's own window, never an invented minute")
    func bucketWindowIsDiscords() async throws {
        try await withServer { server in
            let limited = { (remaining: Int) in
                LocalDiscord.Scripted(status: 200, headers: ["X-RateLimit-Limit": "2", "X-RateLimit-Remaining": "\(remaining)",
                                                                     "X-RateLimit-Reset-After": "5", "X-RateLimit-Bucket": "abcd1234"],
                                              json: #"{"id":"1","channel_id":"\#(Self.channel)","content":"a"}"#)
            }
            server.script("POST", "/messages", [limited(1), limited(0)])
            let clock = ManualClock(now: 0)
            let rest = client(server, clock: clock)
            for text in ["a", "b"] { _ = try await rest.createMessage(Self.channel, MessageBody(content: text, allowedMentions: .none)) }
            clock.advance(by: .seconds(5))
            // The bucket refilled; these two answers say nothing of limits
            // (as when they are still in flight), so the third send must
            // wait for the next reset, which is Discord's 5 s away.
            for text in ["c", "d"] { _ = try await rest.createMessage(Self.channel, MessageBody(content: text, allowedMentions: .none)) }
            #expect(clock.waits.isEmpty)
            let held = Task { try await rest.createMessage(Self.channel, MessageBody(content: "e", allowedMentions: .none)) }
            try await eventually("the emptied bucket waits") { clock.waits.count == 1 }
            #expect(clock.waits == [.seconds(5)])
            clock.advance(by: .seconds(5))
            _ = try await held.value
            #expect(server.received.filter { $0.method == "POST" }.count == 5)
        }
    }

    @Test("a rate-limit header of inf, nan or 1e300 is a bounded wait, not a crash")
    func absurdHeaders() async throws {
        try await withServer { server in
            server.script("POST", "/messages", [
                .init(status: 200, headers: ["X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "1", "X-RateLimit-Reset-After": "nan"],
                      json: #"{"id":"1","channel_id":"\#(Self.channel)","content":"a"}"#),
                .init(status: 429, headers: ["X-RateLimit-Scope": "user"], json: #"{"message":"slow","retry_after":1e300,"global":false}"#),
            ])
            let clock = ManualClock(now: 0)
            let rest = client(server, clock: clock)
            _ = try await rest.createMessage(Self.channel, MessageBody(content: "a", allowedMentions: .none))
            let held = Task { try await rest.createMessage(Self.channel, MessageBody(content: "b", allowedMentions: .none)) }
            try await eventually("the 429 is waited out") { clock.waits.count == 1 }
            #expect(clock.waits == [.seconds(86_400)])
            clock.advance(by: .seconds(86_400))
            _ = try await held.value
        }
    }

    @Test("a refusal is an error that names the route, the status and Discord's code")
    func refusals() async throws {
        try await withServer { server in
            server.script("DELETE", "/messages/600000000000000001", [.init(status: 403, json: #"{"message":"Missing Permissions","code":50013}"#)])
            do throws(DiscordError) {
                try await client(server).deleteMessage(Self.channel, "600000000000000001")
                Issue.record("a 403 must throw")
            } catch {
                guard case .http(403, 50013, let message, let route) = error else { Issue.record("unexpected \(error)"); return }
                #expect(message == "Missing Permissions")
                #expect(route == "DELETE /channels/{channel_id}/messages/{message_id}")
                #expect(!String(describing: error).contains("test-token-123"))
            }
            #expect(server.received.count == 1, "a 403 is not retried")
        }
    }

    @Test("requests stop, with a reason, long before Discord's invalid-request ban")
    func invalidRequestGuard() async throws {
        try await withServer { server in
            let forbidden = LocalDiscord.Scripted(status: 403, json: #"{"message":"Missing Access","code":50001}"#)
            server.script("DELETE", "/messages/1", [forbidden, forbidden, forbidden])
            let rest = client(server, invalidRequestLimit: 3)
            for _ in 0..<3 { try? await rest.deleteMessage(Self.channel, "1") }
            do throws(DiscordError) {
                try await rest.deleteMessage(Self.channel, "1")
                Issue.record("the fourth request must be stopped")
            } catch {
                guard case .tooManyInvalidRequests(3) = error else { Issue.record("unexpected \(error)"); return }
            }
            #expect(server.received.count == 3, "the stopped request never left")
        }
    }

    @Test("fields and channel types Discord adds later do not break decoding; the token never prints")
    func tolerantDecoding() throws {
        let json = #"{"id":"1","type":99,"name":"nuevo","guild_id":"2","brand_new_field":{"x":[1,2]},"permission_overwrites":[{"id":"3","type":0,"allow":"1024","deny":"0"}]}"#
        let channel = try JSONDecoder().decode(Channel.self, from: Data(json.utf8))
        #expect(channel.type == ChannelType(rawValue: 99))
        #expect(channel.permissionOverwrites?.first?.allow == .viewChannel)
        let configuration = DiscordConfiguration(token: BotToken("secret-xyz"))
        #expect(!"\(configuration)".contains("secret-xyz"))
        #expect(!String(reflecting: configuration.token).contains("secret-xyz"))
    }
}
