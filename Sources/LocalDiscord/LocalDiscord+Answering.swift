import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import Synchronization

/// How the server answers a request: the contract check, scripts and
/// faults, Discord's global limit, then Discord's documented answer.
extension LocalDiscord {
    // MARK: Answering

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        // When the request arrived, before the spec check's own cost.
        let arrived = ContinuousClock.now
        let body = try await request.body.collect(upTo: 1 << 24)
        var data = body.readableBytes > 0 ? Data(buffer: body) : nil
        var uploaded: [Int] = []
        let method = request.method.rawValue
        let fullPath = String(request.uri.path)
        let path = fullPath.hasPrefix("/api/v10") ? String(fullPath.dropFirst("/api/v10".count)) : fullPath
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        if let oauth = oauthAnswer(method: method, fullPath: fullPath, query: request.uri.query, headers: headers, body: data) {
            changes.announce()
            return oauth
        }
        if let contentType = headers["content-type"], contentType.hasPrefix("multipart/form-data"), let multipart = data {
            // Discord reads the JSON of a message with files from `payload_json`.
            let parts = Multipart.parse(multipart, contentType: contentType)
            data = parts.first { $0.name == "payload_json" }?.data
            let channel = path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
            let files = parts.filter { $0.name.hasPrefix("files[") }
            uploaded = state.withLock { state in
                let first = state.uploads.count
                state.uploads += files.map { Upload(channel: channel, filename: $0.filename ?? "", data: $0.data) }
                return Array(first..<state.uploads.count)
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
        let response = await answer(method: method, path: path, query: request.uri.query, body: data, files: uploaded, scripted: scripted)
        state.withLock { state in
            state.answered.append(Answered(method: method, path: path, arrived: arrived, answered: .now, status: response.status.code))
        }
        changes.announce()
        return response
    }

    /// Over Discord's global limit: the 429 Discord sends, else nil (and
    /// the request counted).
    func globalLimitExceeded(path: String) -> Scripted? {
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

    func answer(method: String, path: String, query: String?, body data: Data?, files: [Int], scripted: Scripted?) async -> Response {
        let scripted = scripted ?? globalLimitExceeded(path: path)
        let fault = scripted == nil ? state.withLock { $0.faults }?(method, path) : nil
        let answer: Scripted
        var done: Scripted?
        switch fault {
        case .answer(let faulty)?:
            answer = faulty
        case .afterCarryingOut(let status)?:
            done = channelGone(path) ?? defaultAnswer(method: method, path: path, queryString: query, body: data, files: files)
            answer = Scripted(status: status, json: #"{"message":"upstream timeout","code":0}"#)
        case nil:
            answer = scripted ?? channelGone(path) ?? defaultAnswer(method: method, path: path, queryString: query, body: data, files: files)
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
        if method == "PATCH" || method == "PUT" || method == "DELETE", let template = OpenAPIContract.shared.template(for: path),
           (template == "/channels/{channel_id}" && method != "DELETE") || template == "/channels/{channel_id}/permissions/{overwrite_id}",
           let done, done.status < 300, let channel = path.split(separator: "/").dropFirst().first,
           let json = state.withLock({ $0.channels[String(channel)] }) {
            await gateway.dispatch("CHANNEL_UPDATE", json)
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

    func newID() -> String { state.withLock { $0.nextID += 1; return String($0.nextID) } }

    /// Channels under a category now.
    func childCount(of parent: String) -> Int {
        let marker = #""parent_id":"\#(parent)""#
        return state.withLock { $0.channels.values.filter { $0.contains(marker) }.count }
    }

    /// Channels of a server now, categories included.
    public func channelCount(of guild: String) -> Int {
        let marker = #""guild_id":"\#(guild)""#
        return state.withLock { $0.channels.values.filter { $0.contains(marker) }.count }
    }

    /// Discord's answer to anything under a deleted channel.
    func channelGone(_ path: String) -> Scripted? {
        let segments = path.split(separator: "/").map(String.init)
        guard segments.count >= 2, segments[0] == "channels", state.withLock({ $0.deleted.contains(segments[1]) }) else { return nil }
        return Scripted(status: 404, json: #"{"message":"Unknown Channel","code":10003}"#)
    }

    /// What Discord answers when the test scripted nothing, shaped as in
    /// Discord's documentation.
    func defaultAnswer(method: String, path: String, queryString: String?, body: Data?, files: [Int]) -> Scripted {
        let template = OpenAPIContract.shared.template(for: path) ?? path
        let segments = path.split(separator: "/").map(String.init)
        let sent = body.flatMap { try? JSONValue.parse($0) }
        switch (method, template) {
        case ("POST", "/guilds/{guild_id}/channels"):
            let name = sent?["name"]?.string ?? "channel"
            if channelCount(of: segments[1]) >= Self.channelsPerServer {
                return Scripted(status: 400, json: #"{"message":"Maximum number of guild channels reached (500)","code":30013}"#)
            }
            if let parent = sent?["parent_id"]?.string, childCount(of: parent) >= Self.channelsPerCategory {
                return Scripted(status: 400, json: #"{"code":50035,"errors":{"parent_id":{"_errors":[{"code":"CHANNEL_PARENT_MAX_CHANNELS","message":"Maximum number of channels in category reached (50)"}]}},"message":"Invalid Form Body"}"#)
            }
            let id = newID()
            let parent = sent?["parent_id"]?.string.map { "\"\($0)\"" } ?? "null"
            let topic = sent?["topic"]?.string.map { JSONValue.string($0).serialized } ?? "null"
            let overwrites = sent?["permission_overwrites"]?.serialized ?? "[]"
            let type = Int(sent?["type"]?.number ?? 0)
            let json = """
                {"id":"\(id)","type":\(type),"guild_id":"\(segments[1])","name":\(JSONValue.string(name).serialized),"position":1,"permission_overwrites":\(overwrites),"nsfw":false,"parent_id":\(parent),"topic":\(topic),"flags":0}
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
            let json = state.withLock { state -> String in
                guard let stored = state.channels[segments[1]].flatMap({ try? JSONValue.parse(Data($0.utf8)) }) else {
                    return #"{"id":"\#(segments[1])","type":0,"guild_id":"1","name":\#(JSONValue.string(sent?["name"]?.string ?? "channel").serialized),"flags":0}"#
                }
                var changed = stored
                for key in ["name", "parent_id", "permission_overwrites", "topic", "position"] {
                    if let value = sent?[key] { changed = changed.setting(key, to: value) }
                }
                state.channels[segments[1]] = changed.serialized
                return changed.serialized
            }
            return Scripted(status: 200, json: json)
        case ("PUT", "/channels/{channel_id}/permissions/{overwrite_id}"):
            state.withLock { state in
                guard let stored = state.channels[segments[1]].flatMap({ try? JSONValue.parse(Data($0.utf8)) }) else { return }
                var overwrites = (stored["permission_overwrites"]?.array ?? []).filter { $0["id"]?.string != segments[3] }
                overwrites.append(.object(["id": .string(segments[3]), "type": sent?["type"] ?? .number(0),
                                           "allow": sent?["allow"] ?? .string("0"), "deny": sent?["deny"] ?? .string("0")]))
                state.channels[segments[1]] = stored.setting("permission_overwrites", to: .array(overwrites)).serialized
            }
            return Scripted(status: 204)
        case ("DELETE", "/channels/{channel_id}/messages/{message_id}"):
            state.withLock { state in
                let all = state.messages[segments[1]] ?? []
                let marker = #""id":"\#(segments[3])""#
                state.messages[segments[1]] = all.filter { !$0.contains(marker) }
                state.removedMessages[segments[1], default: []] += all.filter { $0.contains(marker) }
            }
            return Scripted(status: 204)
        case ("PUT", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}"):
            state.withLock { state in
                if !(state.memberRoles[segments[3]] ?? []).contains(segments[5]) { state.memberRoles[segments[3], default: []].append(segments[5]) }
            }
            return Scripted(status: 204)
        case ("DELETE", "/guilds/{guild_id}/members/{user_id}/roles/{role_id}"):
            state.withLock { $0.memberRoles[segments[3]]?.removeAll { $0 == segments[5] } }
            return Scripted(status: 204)
        case ("PUT", "/channels/{channel_id}/thread-members/{user_id}"):
            state.withLock { _ = $0.threadMembers[segments[1], default: []].insert(segments[3]) }
            return Scripted(status: 204)
        case ("DELETE", "/channels/{channel_id}/thread-members/{user_id}"):
            state.withLock { _ = $0.threadMembers[segments[1]]?.remove(segments[3]) }
            return Scripted(status: 204)
        case ("DELETE", "/channels/{channel_id}/permissions/{overwrite_id}"):
            state.withLock { state in
                guard let stored = state.channels[segments[1]].flatMap({ try? JSONValue.parse(Data($0.utf8)) }) else { return }
                let overwrites = (stored["permission_overwrites"]?.array ?? []).filter { $0["id"]?.string != segments[3] }
                state.channels[segments[1]] = stored.setting("permission_overwrites", to: .array(overwrites)).serialized
            }
            return Scripted(status: 204)
        case ("POST", "/channels/{channel_id}/messages") where state.withLock({ state in
            state.directChannels[segments[1]].map(state.closedDirectMessages.contains) ?? false
        }):
            return Scripted(status: 403, json: #"{"message":"Cannot send messages to this user","code":50007}"#)
        case ("POST", "/channels/{channel_id}/messages"), ("PATCH", "/channels/{channel_id}/messages/{message_id}"):
            let content = sent?["content"]?.string ?? ""
            let nonceKey = sent?["enforce_nonce"] == .bool(true) ? sent?["nonce"]?.string.map { segments[1] + " " + $0 } : nil
            if method == "POST", let nonceKey, let earlier = state.withLock({ $0.nonces[nonceKey] }) {
                return Scripted(status: 200, json: earlier)
            }
            let id = segments.count > 3 ? segments[3] : newID()
            let json = Self.messageJSON(id: id, channel: segments[1], content: content, author: ("1", "escala", true),
                                        attachments: attachmentsJSON(files, message: id), extra: Self.shownParts(of: sent))
            state.withLock { state in
                if method == "POST" {
                    state.messages[segments[1], default: []].append(json)
                    if let nonceKey { state.nonces[nonceKey] = json }
                } else if let index = state.messages[segments[1]]?.firstIndex(where: { $0.contains(#""id":"\#(id)""#) }) {
                    state.messages[segments[1]]?[index] = json
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
            guard let (roles, name, bot) = state.withLock({ state in
                state.memberRoles[segments[3]].map { ($0, state.names[segments[3]] ?? "u" + segments[3], state.bots.contains(segments[3])) }
            }) else {
                return Scripted(status: 404, json: #"{"message":"Unknown Member","code":10007}"#)
            }
            let roleList = roles.map { "\"\($0)\"" }.joined(separator: ",")
            // As Discord answers: the member's own user, a bot's marked.
            return Scripted(status: 200, json: #"{"user":{"id":"\#(segments[3])","username":\#(JSONValue.string(name).serialized),"discriminator":"0"\#(bot ? #","bot":true"# : "")},"roles":[\#(roleList)],"joined_at":"2025-01-01T00:00:00+00:00","deaf":false,"mute":false,"flags":0}"#)
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
        case ("POST", "/interactions/{interaction_id}/{interaction_token}/callback") where timedLimits.map { limits in
            state.withLock { $0.interactionSent[segments[2]] }.map { ContinuousClock.now - $0 > limits.interactionWindow } ?? false
        } ?? false:
            // Discord's app tells the clicker, and only them.
            state.withLock { state in
                let channel = state.interactionChannels[segments[2]] ?? "0"
                let id: String = { state.nextID += 1; return String(state.nextID) }()
                state.ephemerals.append(Ephemeral(user: state.interactionUsers[segments[2]] ?? "", channel: channel, token: segments[2],
                                                  json: Self.messageJSON(id: id, channel: channel, content: Self.interactionFailed,
                                                                         author: ("0", "Discord", true))))
            }
            return Scripted(status: 404, json: #"{"message":"Unknown interaction","code":10062}"#)
        case ("PATCH", "/channels/{channel_id}") where sent?["name"] != nil && renameLimited(segments[1]):
            return Scripted(status: 429, headers: ["X-RateLimit-Scope": "shared", "Retry-After": "600"],
                            json: #"{"message":"You are being rate limited.","retry_after":600.0,"global":false}"#)
        case ("POST", "/interactions/{interaction_id}/{interaction_token}/callback"):
            let first = state.withLock { $0.answeredInteractions.insert(segments[1]).inserted }
            guard first else { return Scripted(status: 400, json: #"{"message":"Interaction has already been acknowledged.","code":40060}"#) }
            // A message answer everyone sees is a message in the channel
            // the interaction came from; an ephemeral one (flag 64) is the
            // clicker's alone, and so is a modal.
            let token = segments[2]
            let type = Int(sent?["type"]?.number ?? 0)
            // Suggestions answer an autocomplete interaction, which takes
            // nothing else; at most 25 of them.
            let suggesting = state.withLock { $0.autocompleteTokens.contains(token) }
            if suggesting != (type == 8) || (sent?["data"]?["choices"]?.array?.count ?? 0) > 25 {
                return Scripted(status: 400, json: #"{"message":"Invalid Form Body","code":50035}"#)
            }
            let ephemeral = Int(sent?["data"]?["flags"]?.number ?? 0) & 64 != 0
            state.withLock { state in
                let channel = state.interactionChannels[token] ?? "0"
                let user = state.interactionUsers[token] ?? ""
                let id: String = { state.nextID += 1; return String(state.nextID) }()
                switch type {
                case 4, 5:
                    let data = sent?["data"]
                    let json = Self.messageJSON(id: id, channel: channel, content: type == 5 ? "…" : data?["content"]?.string ?? "",
                                                author: ("1", "escala", true), extra: Self.shownParts(of: data))
                    if ephemeral {
                        state.ephemerals.append(Ephemeral(user: user, channel: channel, token: token, json: json))
                    } else {
                        state.messages[channel, default: []].append(json)
                    }
                    state.originals[token] = json
                case 9:
                    state.modals[user] = Modal(channel: channel, json: sent?["data"]?.serialized ?? "{}")
                case 8:
                    state.suggestions[token] = sent?["data"]?["choices"]?.array ?? []
                default:
                    break
                }
            }
            return Scripted(status: 204)
        case ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"):
            let token = segments[2]
            let json = state.withLock { state -> String in
                let channel = state.interactionChannels[token] ?? "0"
                let earlier = state.originals[token].flatMap { try? JSONValue.parse(Data($0.utf8)) }
                let id = earlier?["id"]?.string ?? { state.nextID += 1; return String(state.nextID) }()
                let json = Self.messageJSON(id: id, channel: channel, content: sent?["content"]?.string ?? "", author: ("1", "escala", true),
                                            extra: Self.shownParts(of: sent))
                state.originals[token] = json
                if let index = state.ephemerals.firstIndex(where: { $0.token == token }) {
                    state.ephemerals[index].json = json
                } else if let index = state.messages[channel]?.firstIndex(where: { $0.contains(#""id":"\#(id)""#) }) {
                    state.messages[channel]?[index] = json
                }
                return json
            }
            return Scripted(status: 200, json: json)
        case ("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"):
            guard let json = state.withLock({ $0.originals[segments[2]] }) else {
                return Scripted(status: 404, json: #"{"message":"Unknown Message","code":10008}"#)
            }
            return Scripted(status: 200, json: json)
        case ("POST", "/users/@me/channels"):
            // One channel per recipient, as Discord keeps it.
            let recipient = sent?["recipient_id"]?.string ?? ""
            let id = state.withLock { state in state.directChannels.first { $0.value == recipient }?.key } ?? newID()
            state.withLock { $0.directChannels[id] = recipient }
            return Scripted(status: 200, json: #"{"id":"\#(id)","type":1,"recipients":[],"flags":0}"#)
        case ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"):
            return Scripted(status: 200, json: "[]")
        case (_, _) where method == "DELETE" || method == "PUT":
            return Scripted(status: 204)
        default:
            return Scripted(status: 404, json: #"{"message":"Unknown route","code":0}"#)
        }
    }

    /// What of a sent message a reader sees besides its text, as fields
    /// of the stored message: its embeds and components.
    static func shownParts(of sent: JSONValue?) -> String {
        let embeds = sent?["embeds"]?.serialized ?? "[]"
        let components = sent?["components"]?.serialized ?? "[]"
        return #","embeds":\#(embeds),"components":\#(components)"#
    }

    /// The files uploaded with a message, as its attachments.
    func attachmentsJSON(_ files: [Int], message: String) -> String {
        let uploads = state.withLock { state in files.map { state.uploads[$0] } }
        return zip(files, uploads).map { index, upload in
            #"{"id":"\#(message)\#(index)","filename":\#(JSONValue.string(upload.filename).serialized),"size":\#(upload.data.count),"url":"local-upload:\#(index)","proxy_url":"local-upload:\#(index)"}"#
        }.joined(separator: ",")
    }

    /// What Discord's app shows a person whose click was not answered in time.
    public static let interactionFailed = "This interaction failed"

    /// Whether renaming `channel` now goes past Discord's two renames in
    /// ten minutes (the rename is counted when it is allowed).
    func renameLimited(_ channel: String) -> Bool {
        guard let limits = timedLimits else { return false }
        let now = ContinuousClock.now
        return state.withLock { state in
            state.renames[channel, default: []].removeAll { now - $0 >= limits.renameWindow }
            guard state.renames[channel, default: []].count < limits.renamesPerWindow else { return true }
            state.renames[channel, default: []].append(now)
            return false
        }
    }
}
