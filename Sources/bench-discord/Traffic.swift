import Foundation
import LocalDiscord

/// What the local Discord saw, read incrementally: acknowledgements, the
/// channels the bot created and deleted, its messages, and the requests
/// that count against Discord's global limit.
final class Observer {
    let server: LocalDiscord
    private var answeredIndex = 0
    private var receivedIndex = 0
    private var creationsSeen = 0

    /// Interaction id → when its acknowledgement (the callback) arrived.
    var acknowledged: [String: ContinuousClock.Instant] = [:]
    /// Interaction id → the type of its answer (4: a message, the way a
    /// refusal comes; 5 and 6: deferred; 9: a form).
    var answerType: [String: Int] = [:]
    /// Member id → their ticket's channel.
    var channelOfMember: [String: String] = [:]
    private var ownerOfName: [String: String] = [:]
    private var namesSeen = 0
    /// Channel id → when Discord answered its creation.
    var created: [String: ContinuousClock.Instant] = [:]
    /// Channel id → when its first message from the bot was answered.
    var greeted: [String: ContinuousClock.Instant] = [:]
    /// Channel id → when the bot's latest message in it was answered (or
    /// sent, as the answer to a click).
    var lastMessage: [String: ContinuousClock.Instant] = [:]
    /// Channel id → when its deletion was answered.
    var deleted: [String: ContinuousClock.Instant] = [:]
    /// Channel creations and greetings, as the server timed them.
    var createServerTimes: [Duration] = []
    var messageServerTimes: [Duration] = []
    /// Requests sent that Discord counts against the global limit.
    var counted = 0
    var answers = 0

    /// Interaction id → when the server sent it.
    var sentAt: [String: ContinuousClock.Instant] = [:]

    init(server: LocalDiscord) { self.server = server }

    /// Sends an interaction, noting when.
    func timed(_ send: () async -> String) async -> String {
        let start = ContinuousClock.now
        let id = await send()
        sentAt[id] = start
        return id
    }

    /// Reads what arrived since the last call.
    func update() {
        // In this order: each answer's channel is already in the list of
        // created channels, and each created channel's request already
        // received.
        let answers = server.answered(from: answeredIndex)
        let createdIDs = server.createdChannels
        let requests = server.received(from: receivedIndex)
        var creations: [ContinuousClock.Instant] = []
        for answer in answers {
            answeredIndex += 1
            self.answers += 1
            let parts = answer.path.split(separator: "/").map(String.init)
            if answer.method == "POST", parts.count == 3, parts[0] == "guilds", parts[2] == "channels", answer.status == 201 {
                creations.append(answer.answered)
                createServerTimes.append(answer.answered - answer.arrived)
            } else if answer.method == "POST", parts.count == 3, parts[0] == "channels", parts[2] == "messages", answer.status == 200 {
                lastMessage[parts[1]] = answer.answered
                if greeted[parts[1]] == nil {
                    greeted[parts[1]] = answer.answered
                    messageServerTimes.append(answer.answered - answer.arrived)
                }
            } else if answer.method == "DELETE", parts.count == 2, parts[0] == "channels", answer.status == 200 {
                deleted[parts[1]] = answer.answered
            }
        }
        // Creations are answered in the order the server made them (near
        // enough: the order matters only one click at a time).
        for at in creations where creationsSeen < createdIDs.count {
            created[createdIDs[creationsSeen].id] = at
            creationsSeen += 1
        }
        for request in requests {
            receivedIndex += 1
            if LocalDiscord.countsAgainstGlobalLimit(request.path) { counted += 1 }
            let parts = request.path.split(separator: "/").map(String.init)
            if parts.first == "interactions", parts.count > 1, acknowledged[parts[1]] == nil {
                acknowledged[parts[1]] = request.at
                if let body = request.body, let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
                    answerType[parts[1]] = json["type"] as? Int
                    // A message that answers the click (the farewell
                    // question after the close form) is in its channel.
                    let flags = (json["data"] as? [String: Any])?["flags"] as? Int ?? 0
                    if json["type"] as? Int == 4, flags & 64 == 0, let channel = server.channel(ofInteraction: parts[1]) {
                        lastMessage[channel] = request.at
                    }
                }
            }
            // A ticket's channel lets its owner in: a member overwrite
            // other than the bot's own.
            if request.method == "POST", parts.count == 3, parts[0] == "guilds", parts[2] == "channels", let body = request.body,
               let json = try? JSONSerialization.jsonObject(with: body) as? [String: Any], let name = json["name"] as? String {
                let overwrites = json["permission_overwrites"] as? [[String: Any]] ?? []
                if let owner = overwrites.first(where: { ($0["type"] as? Int) == 1 && ($0["id"] as? String) != "1" })?["id"] as? String {
                    ownerOfName[name] = owner
                }
            }
        }
        while namesSeen < createdIDs.count {
            let channel = createdIDs[namesSeen]
            if let owner = ownerOfName[channel.name] { channelOfMember[owner] = channel.id }
            namesSeen += 1
        }
    }

    /// What the bot did in a channel and with the interactions made in it,
    /// in order: for a ticket that did not go as it should.
    func story(of channel: String) -> String {
        server.received.compactMap { request -> String? in
            let parts = request.path.split(separator: "/").map(String.init)
            if parts.first == "interactions", parts.count > 1, server.channel(ofInteraction: parts[1]) == channel {
                let body = request.body.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
                let data = body?["data"] as? [String: Any]
                return "answer \(body?["type"] ?? "?") flags \(data?["flags"] ?? 0) «\((data?["content"] as? String)?.prefix(40) ?? "")»"
            }
            guard parts.count > 1, parts[0] == "channels", parts[1] == channel else { return nil }
            return "\(request.method) \(request.path)"
        }.joined(separator: "; ")
    }

    /// Waits (reading every 2 ms) until `done` holds, or `limit` passes.
    func wait(limit: Duration = .seconds(120), until done: () -> Bool) async throws {
        let deadline = ContinuousClock.now + limit
        while true {
            update()
            if done() { return }
            guard ContinuousClock.now < deadline else { throw BenchError.timedOut }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Waits until the server has answered nothing new for `quiet`.
    func settle(quiet: Duration = .milliseconds(400)) async throws {
        var last = -1
        var since = ContinuousClock.now
        while true {
            update()
            if answers != last { last = answers; since = .now }
            if ContinuousClock.now - since >= quiet { return }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

enum BenchError: Error {
    case timedOut
    /// `stateless-bot` run by hand: it serves what `BotProcess` names in its environment.
    case notStartedByTheBenchmark
}

/// Percentiles in milliseconds.
struct Sample {
    var values: [Duration]
    init(_ values: [Duration]) { self.values = values.sorted() }
    func ms(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        return values[min(values.count - 1, Int(Double(values.count) * p))].ms
    }
    var max: Double { values.last?.ms ?? .nan }
    var median: Double { ms(0.5) }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var ms: Double { seconds * 1000 }
}
