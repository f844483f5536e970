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
public final class LocalDiscord: Sendable {
    public struct Received: Sendable {
        public let method: String
        public let path: String
        public let body: Data?
        public let headers: [String: String]
        public let at: ContinuousClock.Instant
    }

    /// An answer the test wants for the next request matching a route.
    public struct Scripted: Sendable {
        public var status: Int
        public var headers: [String: String] = [:]
        public var json: String = "{}"
        /// How long to wait before answering: longer than the client's
        /// timeout makes a timeout.
        public var delay: Duration = .zero

        public init(status: Int, headers: [String: String] = [:], json: String = "{}", delay: Duration = .zero) {
            self.status = status
            self.headers = headers
            self.json = json
            self.delay = delay
        }
    }

    private struct State {
        public var received: [Received] = []
        public var violations: [String] = []
        var scripts: [(method: String, pathSuffix: String, answers: [Scripted])] = []
        var nextID: UInt64 = 900_000_000_000_000_000
        /// Messages per channel, oldest first, as GET …/messages returns them.
        var messages: [String: [String]] = [:]
        /// Channels the client created, by id, as JSON.
        var channels: [String: String] = [:]
        var threads: [String: String] = [:]
        /// Messages created with `enforce_nonce`, by "channel nonce": the
        /// same nonce again answers the same message, as Discord does.
        var nonces: [String: String] = [:]
        var created: [(id: String, name: String)] = []
        /// Each member's roles, as last seen in something they did.
        var memberRoles: [String: [String]] = [:]
        /// Channels deleted (by the bot or by hand): Discord answers 404.
        var deleted: Set<String> = []
        var uploads: [Upload] = []
        var onRequest: (@Sendable (Received) -> Void)?
        var holds: [RequestHold] = []
        var faults: (@Sendable (_ method: String, _ path: String) -> Fault?)?
        /// Interactions already answered: Discord refuses a second answer.
        var answeredInteractions: Set<String> = []
        /// The channel each interaction happened in, by its token: where a
        /// message answering it appears.
        var interactionChannels: [String: String] = [:]
        /// The message each interaction was answered with, by its token
        /// (`GET …/messages/@original`).
        var originals: [String: String] = [:]
        /// When each request counted against the global limit arrived,
        /// within the last second.
        var globalWindow: [ContinuousClock.Instant] = []
        var globalRateLimited = 0
        var answered: [Answered] = []
    }

    /// A request and how long the server took to answer it (arrival to
    /// the answer leaving, the contract check included): the floor under
    /// anything a bot does with it.
    public struct Answered: Sendable {
        public let method: String
        public let path: String
        public let arrived: ContinuousClock.Instant
        public let answered: ContinuousClock.Instant
        public let status: Int
    }

    /// Every answer given so far, in the order they left.
    public var answered: [Answered] { state.withLock { $0.answered } }
    /// The answers from the `index`-th on: a benchmark reads only what is new.
    public func answered(from index: Int) -> ArraySlice<Answered> { state.withLock { $0.answered[min(index, $0.answered.count)...] } }
    /// The requests from the `index`-th on.
    public func received(from index: Int) -> ArraySlice<Received> { state.withLock { $0.received[min(index, $0.received.count)...] } }

    /// Discord's global limit: requests a bot may send in any second,
    /// interaction callbacks and the interaction's webhook excepted
    /// (Discord's rate-limit documentation). Over it, a global 429.
    public let globalLimitPerSecond: Int?
    /// The global 429s answered so far.
    public var globalRateLimited: Int { state.withLock { $0.globalRateLimited } }
    /// Whether requests are judged against Discord's OpenAPI description
    /// (off only for benchmarks, where the check's cost is not Discord's).
    public let checksContract: Bool

    /// Discord's cap on the channels under one category.
    public static let channelsPerCategory = 50

    /// Whether Discord counts a request against the bot's global limit.
    public static func countsAgainstGlobalLimit(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        if segments.first == "interactions" { return false }
        // An interaction's webhook: /webhooks/{application}/{token}/…
        if segments.first == "webhooks", segments.count >= 3 { return false }
        return true
    }

    /// A misbehaviour of Discord's for one request, chosen by a test.
    public enum Fault: Sendable {
        /// This answer, and the request is not carried out.
        case answer(Scripted)
        /// The request is carried out, then this status is answered (a
        /// gateway timeout after the work was done): a retry must not do
        /// it twice.
        case afterCarryingOut(status: Int)
    }

    /// From now on, `decide` may answer any request that no script answers
    /// with a fault instead; nil stops the faults.
    public func injectFaults(_ decide: (@Sendable (_ method: String, _ path: String) -> Fault?)?) {
        state.withLock { $0.faults = decide }
    }

    private let state = Mutex(State())
    private let task: Task<Void, any Error>
    private let connections: OpenConnections
    public let port: Int

    public var apiBaseURL: URL { URL(string: "http://127.0.0.1:\(port)/api/v10")! }

    /// Every request received so far, in order.
    public var received: [Received] { state.withLock { $0.received } }
    /// A file sent with a message (`multipart/form-data`).
    public struct Upload: Sendable {
        public let channel: String
        public let filename: String
        public let data: Data
    }

    public var uploads: [Upload] { state.withLock { $0.uploads } }

    /// Every way a request differed from Discord's API.
    public var violations: [String] { state.withLock { $0.violations } }

    public static func start(checksContract: Bool = true, globalLimitPerSecond: Int? = 50) async throws -> LocalDiscord {
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let box = Mutex<LocalDiscord?>(nil)
        let responder = CallbackResponder<BasicRequestContext> { request, context in
            guard let server = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            return try await server.respond(to: request, context: context)
        }
        var quiet = Logger(label: "local-discord")
        quiet.logLevel = .critical // stopping the server logs a cancellation as an error
        let connections = OpenConnections()
        let upgrade = HTTPServerBuilder { responder in
            OpenConnections.Kept(base: HTTP1WebSocketUpgradeChannel(
                responder: responder, configuration: .init(ws: .init(maxFrameSize: 1 << 24, autoPing: .disabled))) { _, channel, _ in
                    .upgrade([:]) { inbound, outbound, _ in
                        guard let server = box.withLock({ $0 }) else { return }
                        await server.gateway.serve(inbound: inbound, outbound: outbound, channel: channel)
                    }
                }, connections: connections)
        }
        let app = Application(responder: responder, server: upgrade,
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
                              logger: quiet)
        let task = Task { try await app.run() }
        var iterator = portStream.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw CancellationError() }
        let server = LocalDiscord(task: task, port: port, connections: connections, checksContract: checksContract, globalLimitPerSecond: globalLimitPerSecond)
        box.withLock { $0 = server }
        return server
    }

    private init(task: Task<Void, any Error>, port: Int, connections: OpenConnections, checksContract: Bool, globalLimitPerSecond: Int?) {
        self.task = task
        self.connections = connections
        self.port = port
        self.checksContract = checksContract
        self.globalLimitPerSecond = globalLimitPerSecond
        gateway = LocalGateway(port: port)
        gateway.channelsForGuildCreate { [weak self] in
            "[" + (self?.state.withLock { $0.channels.values.sorted() } ?? []).joined(separator: ",") + "]"
        }
    }

    /// The gateway, at `ws://127.0.0.1:port/`.
    public let gateway: LocalGateway
    public var gatewayURL: String { "ws://127.0.0.1:\(port)" }

    /// Connections accepted and not yet closed.
    public var openConnections: Int { connections.count }

    public func stop() async {
        state.withLock { $0.holds }.forEach { $0.release() }
        task.cancel()
        // The server's shutdown waits for its connections to end, and one
        // a client opened but never sent a request on is never asked to
        // (async-http-client's pool opens such spares): it stayed until
        // the client's idle timeout, a minute later.
        connections.closeAll()
        _ = await task.result
    }

    /// Runs `hook` on each request as it arrives, before it is answered:
    /// a test can kill the bot at the exact instant Discord has taken an
    /// acknowledgement.
    public func onRequest(_ hook: @escaping @Sendable (Received) -> Void) {
        state.withLock { $0.onRequest = hook }
    }

    /// Keeps every request whose method matches and whose path ends with
    /// `pathSuffix` unanswered until the hold is released (or the server
    /// stops).
    public func hold(_ method: String, _ pathSuffix: String) -> RequestHold {
        let hold = RequestHold(method: method, pathSuffix: pathSuffix)
        state.withLock { $0.holds.append(hold) }
        return hold
    }

    /// The next `answers.count` requests whose method matches and whose path
    /// ends with `pathSuffix` get these answers, in order; later ones the
    /// default.
    public func script(_ method: String, _ pathSuffix: String, _ answers: [Scripted]) {
        state.withLock { $0.scripts.append((method, pathSuffix, answers)) }
    }

    // MARK: Answering

    private func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        // When the request arrived, before the spec check's own cost.
        let arrived = ContinuousClock.now
        let body = try await request.body.collect(upTo: 1 << 24)
        var data = body.readableBytes > 0 ? Data(buffer: body) : nil
        let method = request.method.rawValue
        let fullPath = String(request.uri.path)
        let path = fullPath.hasPrefix("/api/v10") ? String(fullPath.dropFirst("/api/v10".count)) : fullPath
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        if let contentType = headers["content-type"], contentType.hasPrefix("multipart/form-data"), let multipart = data {
            // Discord reads the JSON of a message with files from `payload_json`.
            let parts = Multipart.parse(multipart, contentType: contentType)
            data = parts.first { $0.name == "payload_json" }?.data
            let channel = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
            let files = parts.filter { $0.name.hasPrefix("files[") }
            state.withLock { state in
                state.uploads += files.map { Upload(channel: channel, filename: $0.filename ?? "", data: $0.data) }
            }
        }
        let violations = (fullPath.hasPrefix("/api/v10") ? [] : ["\(method) \(fullPath): not under /api/v10"])
            + (checksContract ? OpenAPIContract.shared.violations(method: method, path: path, body: data) : [])
            + (headers["authorization"]?.hasPrefix("Bot ") == true ? [] : ["\(method) \(path): no `Authorization: Bot …` header"])
        let received = Received(method: method, path: path, body: data, headers: headers, at: arrived)
        let (scripted, hook): (Scripted?, (@Sendable (Received) -> Void)?) = state.withLock { state in
            state.received.append(received)
            state.violations += violations
            guard let index = state.scripts.firstIndex(where: { $0.method == method && path.hasSuffix($0.pathSuffix) && !$0.answers.isEmpty })
            else { return (nil, state.onRequest) }
            return (state.scripts[index].answers.removeFirst(), state.onRequest)
        }
        hook?(received)
        for hold in state.withLock({ $0.holds }) where hold.matches(method: method, path: path) { await hold.wait() }
        let response = await answer(method: method, path: path, query: request.uri.query, body: data, scripted: scripted)
        state.withLock { state in
            state.answered.append(Answered(method: method, path: path, arrived: arrived, answered: .now, status: response.status.code))
        }
        return response
    }

    /// Over Discord's global limit: the 429 Discord sends, else nil (and
    /// the request counted).
    private func globalLimitExceeded(path: String) -> Scripted? {
        guard let limit = globalLimitPerSecond, Self.countsAgainstGlobalLimit(path) else { return nil }
        let now = ContinuousClock.now
        return state.withLock { state -> Scripted? in
            state.globalWindow.removeAll { now - $0 >= .seconds(1) }
            guard state.globalWindow.count >= limit else {
                state.globalWindow.append(now)
                return nil
            }
            state.globalRateLimited += 1
            let retry = max(0.001, Double((state.globalWindow[0] + .seconds(1) - now).components.attoseconds) / 1e18)
            return Scripted(status: 429, headers: ["X-RateLimit-Global": "true", "X-RateLimit-Scope": "global",
                                                   "Retry-After": String(Int(retry.rounded(.up)))],
                            json: #"{"message":"You are being rate limited.","retry_after":\#(retry),"global":true}"#)
        }
    }

    private func answer(method: String, path: String, query: String?, body data: Data?, scripted: Scripted?) async -> Response {
        let scripted = scripted ?? globalLimitExceeded(path: path)
        let fault = scripted == nil ? state.withLock { $0.faults }?(method, path) : nil
        let answer: Scripted
        var done: Scripted?
        switch fault {
        case .answer(let faulty)?:
            answer = faulty
        case .afterCarryingOut(let status)?:
            done = channelGone(path) ?? defaultAnswer(method: method, path: path, queryString: query, body: data)
            answer = Scripted(status: status, json: #"{"message":"upstream timeout","code":0}"#)
        case nil:
            answer = scripted ?? channelGone(path) ?? defaultAnswer(method: method, path: path, queryString: query, body: data)
            if scripted == nil { done = answer }
        }
        // Discord tells the session of every channel made, whatever the
        // HTTP answer said.
        if method == "POST", OpenAPIContract.shared.template(for: path) == "/guilds/{guild_id}/channels", let done, done.status == 201 {
            await gateway.dispatch("CHANNEL_CREATE", done.json)
            // Members (a test's script) find the channel only now: on
            // Discord they learn of it from the same CHANNEL_CREATE, so
            // nothing they write in it can reach the bot before that event.
            if let channel = try? JSONValue.parse(Data(done.json.utf8)), let id = channel["id"]?.string, let name = channel["name"]?.string {
                state.withLock { $0.created.append((id, name)) }
            }
        }
        if method == "DELETE", OpenAPIContract.shared.template(for: path) == "/channels/{channel_id}", let done, done.status == 200 {
            await gateway.dispatch("CHANNEL_DELETE", done.json)
        }
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

    /// A message as Discord's documentation shows it.
    static func messageJSON(id: String, channel: String, content: String, author: (id: String, name: String, bot: Bool),
                            mentions: String = "", attachments: String = "", extra: String = "") -> String {
        let encoded = String(decoding: (try? JSONEncoder().encode(content)) ?? Data("\"\"".utf8), as: UTF8.self)
        return """
            {"id":"\(id)","channel_id":"\(channel)","content":\(encoded),"author":{"id":"\(author.id)","username":"\(author.name)","bot":\(author.bot),"discriminator":"0"},"attachments":[\(attachments)],"embeds":[],"mentions":[\(mentions)],"timestamp":"2026-01-05T09:00:00.000000+00:00","type":0,"pinned":false,"tts":false,"mention_everyone":false,"flags":0\(extra)}
            """
    }

    /// The channel an interaction (by its id) happened in.
    public func channel(ofInteraction id: String) -> String? {
        state.withLock { $0.interactionChannels["token-\(id)"] }
    }

    /// What a channel holds now, oldest first: each message's author id
    /// and text (a message sent twice with one nonce is there once).
    public func messages(in channel: String) -> [(author: String, content: String)] {
        state.withLock { $0.messages[channel] ?? [] }.compactMap { json in
            guard let value = try? JSONValue.parse(Data(json.utf8)) else { return nil }
            return (value["author"]?["id"]?.string ?? "", value["content"]?.string ?? "")
        }
    }

    /// Every channel the bot created, in order, with the name it was
    /// created with, whether deleted since or not.
    public var createdChannels: [(id: String, name: String)] { state.withLock { $0.created } }

    /// The channels the bot created that still exist.
    public var liveCreatedChannels: [String] {
        state.withLock { state in state.created.map(\.id).filter { state.channels[$0] != nil } }
    }

    /// What members and staff see, as lines to compare between two runs
    /// of the same script: for each channel the bot created (by the name it
    /// was created with), the bot's messages in order and the people's in
    /// order (which of a greeting and a member's first words lands first is
    /// a test's timing, not the bot's); then the messages of `channels`;
    /// then how many created channels still exist. Snowflakes are written
    /// `#`: they differ between runs.
    public func snapshot(createdNamed names: [String], channels: [String]) -> [String] {
        func normal(_ text: String) -> String { text.replacingOccurrences(of: "[0-9]{15,}", with: "#", options: .regularExpression) }
        var lines: [String] = []
        for name in names {
            let created = createdChannels.filter { $0.name == name }
            lines.append("\(name): \(created.count) channel(s)")
            for channel in created {
                let messages = self.messages(in: channel.id)
                lines += messages.filter { $0.author == "1" }.map { "  escala: \(normal($0.content))" }
                lines += messages.filter { $0.author != "1" }.map { "  \(normal($0.author)): \(normal($0.content))" }
            }
        }
        for channel in channels {
            lines += messages(in: channel).map { "\(channel): \(normal($0.content))" }.sorted()
        }
        lines.append("channels created and not deleted: \(liveCreatedChannels.count)")
        return lines
    }

    /// A channel that exists on the server before the test starts (under
    /// `parent`, to fill a category).
    public func addChannel(id: String, name: String, parent: String?, guild: String) {
        let parentJSON = parent.map { "\"\($0)\"" } ?? "null"
        state.withLock { state in
            state.channels[id] = #"{"id":"\#(id)","type":0,"guild_id":"\#(guild)","name":"\#(name)","position":1,"permission_overwrites":[],"nsfw":false,"parent_id":\#(parentJSON),"flags":0}"#
        }
    }

    /// An admin creates a channel by hand while the bot is connected:
    /// CHANNEL_CREATE is dispatched, as Discord does.
    public func createChannelByHand(id: String, name: String, parent: String?, guild: String) async {
        addChannel(id: id, name: name, parent: parent, guild: guild)
        await gateway.dispatch("CHANNEL_CREATE", state.withLock { $0.channels[id] ?? "{}" })
    }

    // MARK: What members do

    /// An admin deletes a channel by hand: it is gone with its messages,
    /// and CHANNEL_DELETE is dispatched.
    public func deleteChannelByHand(_ id: String, guild: String) async {
        state.withLock { state in
            state.channels[id] = nil
            state.messages[id] = nil
            state.deleted.insert(id)
        }
        await gateway.dispatch("CHANNEL_DELETE", #"{"id":"\#(id)","type":0,"guild_id":"\#(guild)","name":"gone","flags":0}"#)
    }

    /// A member writes in a channel: the message is stored (a transcript
    /// will read it back) and MESSAGE_CREATE is dispatched. Returns its id.
    @discardableResult
    public func say(_ content: String, in channel: String, by user: (id: String, name: String), roles: [String] = [],
                    mentions: [String] = [], attachments: [String] = [], guild: String) async -> String {
        let id = newID()
        let mentionList = mentions.map { #"{"id":"\#($0)","username":"u\#($0)","discriminator":"0"}"# }.joined(separator: ",")
        let roleList = roles.map { "\"\($0)\"" }.joined(separator: ",")
        let files = attachments.enumerated().map { index, name in
            #"{"id":"\#(id)\#(index)","filename":"\#(name)","size":1024,"url":"https://cdn.discordapp.com/attachments/\#(channel)/\#(id)/\#(name)","proxy_url":"https://media.discordapp.net/\#(name)"}"#
        }.joined(separator: ",")
        let json = Self.messageJSON(id: id, channel: channel, content: content, author: (user.id, user.name, false), mentions: mentionList,
                                    attachments: files)
        let dispatched = Self.messageJSON(id: id, channel: channel, content: content, author: (user.id, user.name, false), mentions: mentionList,
                                          attachments: files,
                                          extra: #","guild_id":"\#(guild)","member":{"roles":[\#(roleList)],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false}"#)
        state.withLock { state in
            state.messages[channel, default: []].append(json)
            state.memberRoles[user.id] = roles
        }
        await gateway.dispatch("MESSAGE_CREATE", dispatched)
        return id
    }

    /// A member writes while the bot has no session (it is down, or
    /// between sessions): the message is stored, as Discord keeps it, and
    /// nothing is dispatched. Returns its id.
    @discardableResult
    public func sayUnheard(_ content: String, in channel: String, by user: (id: String, name: String), roles: [String] = []) -> String {
        let id = newID()
        let json = Self.messageJSON(id: id, channel: channel, content: content, author: (user.id, user.name, false))
        state.withLock { state in
            state.messages[channel, default: []].append(json)
            state.memberRoles[user.id] = roles
        }
        return id
    }

    /// A member clicks a component (button, or menu with `values`).
    @discardableResult
    public func click(_ customID: String, in channel: String, by user: (id: String, name: String), roles: [String] = [],
                      values: [String]? = nil, guild: String, locale: String = "es-ES") async -> String {
        let valueList = values.map { ",\"values\":[" + $0.map { "\"\($0)\"" }.joined(separator: ",") + "]" } ?? ""
        let componentType = values == nil ? 2 : 3
        return await interaction(type: 3, data: #"{"custom_id":"\#(customID)","component_type":\#(componentType)\#(valueList)}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member sends a modal: input id → value.
    @discardableResult
    public func submit(_ customID: String, values: [String: String], in channel: String, by user: (id: String, name: String),
                       roles: [String] = [], guild: String, locale: String = "es-ES") async -> String {
        let rows = values.sorted { $0.key < $1.key }.map { key, value in
            let encoded = String(decoding: (try? JSONEncoder().encode(value)) ?? Data("\"\"".utf8), as: UTF8.self)
            return #"{"type":1,"components":[{"type":4,"custom_id":"\#(key)","value":\#(encoded)}]}"#
        }.joined(separator: ",")
        return await interaction(type: 5, data: #"{"custom_id":"\#(customID)","components":[\#(rows)]}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// One answered field of a modal of labels, as Discord sends it back.
    public enum ModalField: Sendable {
        case select(String, values: [String])
        /// A member picker: the chosen users' ids and names.
        case users(String, [(id: String, name: String)])
        case checkbox(String, Bool)
        case text(String, String)
    }

    /// A member sends a modal of labelled fields (selects, a member picker,
    /// a checkbox), shaped as Discord's documentation shows a submission:
    /// each field inside its label, chosen users under `resolved`.
    @discardableResult
    public func submit(_ customID: String, fields: [ModalField], in channel: String, by user: (id: String, name: String),
                       roles: [String] = [], guild: String, locale: String = "es-ES") async -> String {
        func json(_ text: String) -> String { String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self) }
        var resolved: [String] = []
        let labels = fields.enumerated().map { index, field -> String in
            let inner: String
            switch field {
            case .select(let id, let values):
                inner = #"{"type":3,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"values":[\#(values.map(json).joined(separator: ","))]}"#
            case .users(let id, let users):
                inner = #"{"type":5,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"values":[\#(users.map { json($0.id) }.joined(separator: ","))]}"#
                resolved += users.map { #"\#(json($0.id)):{"id":\#(json($0.id)),"username":\#(json($0.name)),"discriminator":"0","global_name":null,"avatar":null}"# }
            case .checkbox(let id, let checked):
                inner = #"{"type":23,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"value":\#(checked)}"#
            case .text(let id, let value):
                inner = #"{"type":4,"id":\#(2 * index + 2),"custom_id":\#(json(id)),"value":\#(json(value))}"#
            }
            return #"{"type":18,"id":\#(2 * index + 1),"component":\#(inner)}"#
        }
        let users = resolved.isEmpty ? "" : #","resolved":{"users":{\#(resolved.joined(separator: ","))}}"#
        return await interaction(type: 5, data: #"{"custom_id":\#(json(customID)),"components":[\#(labels.joined(separator: ","))]\#(users)}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member runs a slash command; options are (name, Discord option
    /// type, value as JSON: `"\"123\""` for a user, `"2"` for an integer).
    @discardableResult
    public func command(_ name: String, options: [(name: String, type: Int, json: String)] = [], in channel: String,
                        by user: (id: String, name: String), roles: [String] = [], guild: String, locale: String = "es-ES") async -> String {
        let list = options.map { #"{"name":"\#($0.name)","type":\#($0.type),"value":\#($0.json)}"# }.joined(separator: ",")
        return await interaction(type: 2, data: #"{"id":"900","name":"\#(name)","type":1,"options":[\#(list)]}"#,
                                 channel: channel, user: user, roles: roles, guild: guild, locale: locale)
    }

    /// A member adds (or removes) a reaction to a message.
    public func react(_ emoji: String, to message: String, in channel: String, by user: (id: String, name: String),
                      added: Bool = true, guild: String) async {
        let encoded = String(decoding: (try? JSONEncoder().encode(emoji)) ?? Data("\"\"".utf8), as: UTF8.self)
        let member = added
            ? #","member":{"user":{"id":"\#(user.id)","username":"\#(user.name)","discriminator":"0"},"roles":[],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false}"#
            : ""
        await gateway.dispatch(added ? "MESSAGE_REACTION_ADD" : "MESSAGE_REACTION_REMOVE", """
            {"user_id":"\(user.id)","channel_id":"\(channel)","message_id":"\(message)","guild_id":"\(guild)","emoji":{"id":null,"name":\(encoded)}\(member)}
            """)
    }

    /// A member joins the server at `joinedAt` (ISO 8601).
    public func join(_ user: (id: String, name: String), at joinedAt: String, guild: String) async {
        await gateway.dispatch("GUILD_MEMBER_ADD", """
            {"guild_id":"\(guild)","user":{"id":"\(user.id)","username":"\(user.name)","discriminator":"0"},"roles":[],"joined_at":"\(joinedAt)","deaf":false,"mute":false}
            """)
    }

    private func interaction(type: Int, data: String, channel: String, user: (id: String, name: String), roles: [String],
                             guild: String, locale: String) async -> String {
        let id = newID()
        let roleList = roles.map { "\"\($0)\"" }.joined(separator: ",")
        state.withLock { $0.interactionChannels["token-\(id)"] = channel }
        await gateway.dispatch("INTERACTION_CREATE", """
            {"id":"\(id)","application_id":"1","type":\(type),"data":\(data),"guild_id":"\(guild)","channel_id":"\(channel)","member":{"user":{"id":"\(user.id)","username":"\(user.name)","discriminator":"0"},"roles":[\(roleList)],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false,"permissions":"0"},"token":"token-\(id)","version":1,"locale":"\(locale)","app_permissions":"0","entitlements":[],"authorizing_integration_owners":{},"attachment_size_limit":8388608}
            """)
        return id
    }

    private func newID() -> String { state.withLock { $0.nextID += 1; return String($0.nextID) } }

    /// Channels under a category now.
    private func childCount(of parent: String) -> Int {
        let marker = #""parent_id":"\#(parent)""#
        return state.withLock { $0.channels.values.filter { $0.contains(marker) }.count }
    }

    /// Discord's answer to anything under a deleted channel.
    private func channelGone(_ path: String) -> Scripted? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count >= 2, segments[0] == "channels", state.withLock({ $0.deleted.contains(segments[1]) }) else { return nil }
        return Scripted(status: 404, json: #"{"message":"Unknown Channel","code":10003}"#)
    }

    /// What Discord answers when the test scripted nothing, shaped as in
    /// Discord's documentation.
    private func defaultAnswer(method: String, path: String, queryString: String?, body: Data?) -> Scripted {
        let template = OpenAPIContract.shared.template(for: path) ?? path
        let segments = path.split(separator: "/").map(String.init)
        let sent = body.flatMap { try? JSONValue.parse($0) }
        switch (method, template) {
        case ("POST", "/guilds/{guild_id}/channels"):
            let name = sent?["name"]?.string ?? "channel"
            if let parent = sent?["parent_id"]?.string, childCount(of: parent) >= Self.channelsPerCategory {
                return Scripted(status: 400, json: #"{"code":50035,"errors":{"parent_id":{"_errors":[{"code":"CHANNEL_PARENT_MAX_CHANNELS","message":"Maximum number of channels in category reached (50)"}]}},"message":"Invalid Form Body"}"#)
            }
            let id = newID()
            let parent = sent?["parent_id"]?.string.map { "\"\($0)\"" } ?? "null"
            let topic = sent?["topic"]?.string.map { "\"\($0)\"" } ?? "null"
            let json = """
                {"id":"\(id)","type":0,"guild_id":"\(segments[1])","name":"\(name)","position":1,"permission_overwrites":[],"nsfw":false,"parent_id":\(parent),"topic":\(topic),"flags":0}
                """
            state.withLock { state in state.channels[id] = json }
            return Scripted(status: 201, json: json)
        case ("GET", "/channels/{channel_id}"):
            guard let json = state.withLock({ $0.channels[segments[1]] ?? $0.threads[segments[1]] }) else {
                return Scripted(status: 404, json: #"{"message":"Unknown Channel","code":10003}"#)
            }
            return Scripted(status: 200, json: json)
        case ("DELETE", "/channels/{channel_id}"):
            let json = state.withLock { state in
                defer {
                    state.channels[segments[1]] = nil
                    state.deleted.insert(segments[1])
                }
                return state.channels[segments[1]] ?? #"{"id":"\#(segments[1])","type":0,"flags":0}"#
            }
            return Scripted(status: 200, json: json)
        case ("PATCH", "/channels/{channel_id}"):
            return Scripted(status: 200, json: """
                {"id":"\(segments[1])","type":0,"guild_id":"1","name":"\(sent?["name"]?.string ?? "channel")","flags":0}
                """)
        case ("POST", "/channels/{channel_id}/messages"), ("PATCH", "/channels/{channel_id}/messages/{message_id}"):
            let content = sent?["content"]?.string ?? ""
            let nonceKey = sent?["enforce_nonce"] == .bool(true) ? sent?["nonce"]?.string.map { segments[1] + " " + $0 } : nil
            if method == "POST", let nonceKey, let earlier = state.withLock({ $0.nonces[nonceKey] }) {
                return Scripted(status: 200, json: earlier)
            }
            let id = segments.count > 3 ? segments[3] : newID()
            let json = Self.messageJSON(id: id, channel: segments[1], content: content, author: ("1", "escala", true))
            if method == "POST" {
                state.withLock { state in
                    state.messages[segments[1], default: []].append(json)
                    if let nonceKey { state.nonces[nonceKey] = json }
                }
            }
            return Scripted(status: 200, json: json)
        case ("GET", "/channels/{channel_id}/messages"):
            // Newest first, as Discord answers; `after` keeps the newer
            // ones, `before` the older ones (ids grow with time).
            let query = Dictionary(uniqueKeysWithValues: (queryString ?? "").split(separator: "&").compactMap { pair -> (String, UInt64)? in
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, let value = UInt64(parts[1]) else { return nil }
                return (String(parts[0]), value)
            })
            let stored = state.withLock { $0.messages[segments[1]] ?? [] }.filter { json in
                guard let id = (try? JSONValue.parse(Data(json.utf8)))?["id"]?.string.flatMap(UInt64.init) else { return true }
                return id > (query["after"] ?? 0) && id < (query["before"] ?? .max)
            }
            return Scripted(status: 200, json: "[" + stored.reversed().prefix(100).joined(separator: ",") + "]")
        case ("GET", "/guilds/{guild_id}/members/{user_id}"):
            guard let roles = state.withLock({ $0.memberRoles[segments[3]] }) else {
                return Scripted(status: 404, json: #"{"message":"Unknown Member","code":10007}"#)
            }
            let roleList = roles.map { "\"\($0)\"" }.joined(separator: ",")
            return Scripted(status: 200, json: #"{"user":{"id":"\#(segments[3])","username":"u\#(segments[3])","discriminator":"0"},"roles":[\#(roleList)],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false,"flags":0}"#)
        case ("GET", "/gateway/bot"):
            return Scripted(status: 200, json: """
                {"url":"ws://127.0.0.1:\(port)","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":14400000,"max_concurrency":1}}
                """)
        case ("GET", "/guilds/{guild_id}/channels"):
            return Scripted(status: 200, json: "[" + state.withLock { $0.channels.values.sorted() }.joined(separator: ",") + "]")
        case ("POST", "/channels/{channel_id}/threads"):
            let id = newID()
            let json = #"{"id":"\#(id)","type":12,"guild_id":"1","name":"\#(sent?["name"]?.string ?? "thread")","parent_id":"\#(segments[1])","flags":0}"#
            state.withLock { $0.threads[id] = json }
            return Scripted(status: 201, json: json)
        case ("GET", "/guilds/{guild_id}/threads/active"):
            return Scripted(status: 200, json: #"{"threads":["# + state.withLock { $0.threads.values.sorted() }.joined(separator: ",") + #"],"members":[]}"#)
        case ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"):
            let first = state.withLock { $0.answeredInteractions.insert(segments[1]).inserted }
            guard first else { return Scripted(status: 400, json: #"{"message":"Interaction has already been acknowledged.","code":40060}"#) }
            // A message answer everyone sees is a message in the channel
            // the interaction came from; an ephemeral one (flag 64) is not.
            if sent?["type"]?.number == 4, let data = sent?["data"], Int(data["flags"]?.number ?? 0) & 64 == 0 {
                let token = segments[2]
                state.withLock { state in
                    let channel = state.interactionChannels[token] ?? "0"
                    let json = Self.messageJSON(id: { state.nextID += 1; return String(state.nextID) }(), channel: channel,
                                                content: data["content"]?.string ?? "", author: ("1", "escala", true))
                    state.messages[channel, default: []].append(json)
                    state.originals[token] = json
                }
            }
            return Scripted(status: 204)
        case ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"):
            let json = Self.messageJSON(id: newID(), channel: "0", content: sent?["content"]?.string ?? "", author: ("1", "escala", true))
            state.withLock { $0.originals[segments[2]] = json }
            return Scripted(status: 200, json: json)
        case ("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"):
            guard let json = state.withLock({ $0.originals[segments[2]] }) else {
                return Scripted(status: 404, json: #"{"message":"Unknown Message","code":10008}"#)
            }
            return Scripted(status: 200, json: json)
        case ("POST", "/users/@me/channels"):
            return Scripted(status: 200, json: #"{"id":"\#(newID())","type":1,"recipients":[],"flags":0}"#)
        case ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"):
            return Scripted(status: 200, json: "[]")
        case (_, _) where method == "DELETE" || method == "PUT":
            return Scripted(status: 204)
        default:
            return Scripted(status: 404, json: #"{"message":"Unknown route","code":0}"#)
        }
    }
}
