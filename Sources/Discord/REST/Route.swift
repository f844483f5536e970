/// One REST endpoint with its parameters filled in.
///
/// Discord limits requests per route *template* and per top-level resource
/// (channel, guild, webhook): `POST /channels/1/messages` and
/// `POST /channels/2/messages` have separate limits, `POST` and `PATCH` on
/// the same path may not. `rateLimitKey` is that identity, known before the
/// first response tells us the bucket's real name.
public struct Route: Sendable, Hashable, CustomStringConvertible {
    public enum Method: String, Sendable { case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE" }

    public let method: Method
    /// The path after the API base, with ids filled in: `/channels/123/messages`.
    public let path: String
    /// The same path with `{…}` for each id: `/channels/{channel_id}/messages`.
    public let template: String
    /// The top-level resource's id, when the path has one.
    public let majorParameter: String?
    /// A query string, without the `?`; not part of the rate-limit identity.
    public var query: String?

    /// `Route(.post, "/channels/{channel_id}/messages", ["channel_id": id])`.
    public init(_ method: Method, _ template: String, _ parameters: [String: String] = [:]) {
        self.method = method
        self.template = template
        var path = template
        for (name, value) in parameters {
            path = path.replacingOccurrences(of: "{\(name)}", with: value)
        }
        self.path = path
        // An interaction's callback is limited per interaction, like a webhook.
        majorParameter = ["channel_id", "guild_id", "webhook_id", "interaction_id"].lazy.compactMap { parameters[$0] }.first
        countsAgainstGlobalLimit = !(template.hasPrefix("/interactions/") || template.hasPrefix("/webhooks/{webhook_id}/{webhook_token}"))
    }

    /// Interaction endpoints are not bound to the global limit (Discord's
    /// rate-limit documentation): the callback, and the interaction's own
    /// webhook (`/webhooks/{application}/{token}`, which edits the reply
    /// and sends follow-ups). An acknowledgement or a reply must never wait
    /// behind the bot's other traffic, nor spend its budget.
    public let countsAgainstGlobalLimit: Bool

    /// Whether sending the request again after a 5xx or a timeout is safe.
    /// Not for creating a channel or a thread: Discord may have created it
    /// before failing to answer, and a blind second POST makes a twin. The
    /// caller retries instead, through a path that finds what was made
    /// (the ticket's key in the channel's topic, the thread's name).
    public var repeatsSafely = true

    var rateLimitKey: String { "\(method.rawValue) \(template) \(majorParameter ?? "-")" }

    public var description: String { "\(method.rawValue) \(template)" }
}
