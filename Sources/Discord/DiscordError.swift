/// What can go wrong talking to Discord, each with what to do about it.
public enum DiscordError: Error, Sendable, CustomStringConvertible {
    /// Discord answered with an error: status, Discord's JSON error code
    /// (50035 invalid form body, 50013 missing permissions...) and message.
    case http(status: Int, code: Int?, message: String, route: String)
    /// The request failed, or timed out, on every attempt.
    case unreachable(route: String, attempts: Int, underlying: String)
    /// An answer (or a body of ours) that is not the JSON expected.
    case unreadableAnswer(route: String, detail: String)
    /// We stopped sending to stay clear of Discord's invalid-request ban.
    case tooManyInvalidRequests(Int)
    case cancelled
    /// The gateway closed with a code that must not be retried.
    case fatalClose(code: Int, reason: String)

    /// Discord answered 404: the channel, message or member is gone.
    public var isNotFound: Bool {
        if case .http(404, _, _, _) = self { true } else { false }
    }

    /// A category already holds Discord's 50 channels.
    public var isCategoryFull: Bool {
        if case .http(400, 50035?, let message, _) = self { message.contains("CHANNEL_PARENT_MAX_CHANNELS") } else { false }
    }

    /// Discord's "Maximum number of guild channels reached (500)".
    public var isServerFull: Bool {
        if case .http(400, 30013?, _, _) = self { true } else { false }
    }

    /// Discord's "Unknown Channel": the channel was deleted.
    /// 50007: Discord will not deliver to this user (their direct
    /// messages are closed, or they share no server with the bot).
    public var cannotMessageUser: Bool {
        if case .http(403, 50007?, _, _) = self { true } else { false }
    }

    public var isUnknownChannel: Bool {
        if case .http(404, 10003?, _, _) = self { true } else { false }
    }

    /// An answer that sending the same request again will not change: the
    /// request itself is wrong (400), or the bot may not (403), or what it
    /// names does not exist (404). Not 401 (the token, which concerns every
    /// request and is handled by stopping), nor 429 and 5xx (passing).
    public var willNeverSucceed: Bool {
        guard case .http(let status, _, _, _) = self else { return false }
        return [400, 403, 404, 405, 413].contains(status)
    }

    public var description: String {
        switch self {
        case .http(let status, let code, let message, let route):
            "Discord refused \(route): HTTP \(status)" + (code.map { ", code \($0)" } ?? "") + ": \(message)"
        case .unreachable(let route, let attempts, let underlying):
            "Discord could not be reached for \(route) after \(attempts) attempts: \(underlying)"
        case .unreadableAnswer(let route, let detail):
            "an answer from Discord for \(route) could not be read: \(detail)"
        case .tooManyInvalidRequests(let count):
            "stopped sending: \(count) requests were refused (401/403/429) in the last 10 minutes; Discord bans an IP at 10,000. Check the bot's token and permissions."
        case .cancelled:
            "cancelled"
        case .fatalClose(let code, let reason):
            "the Discord gateway closed with \(code): \(reason)"
        }
    }
}
