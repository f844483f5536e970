/// Why the playground refused what the page asked, with the HTTP status
/// and a key the page words in its language. Nothing was done.
public struct PlaygroundError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: Int
    /// The page's text for it (`PageTexts`), e.g. `error.unknownPerson`.
    public let key: String
    /// What it is about (a person's id, a button's id, a limit).
    public let detail: String

    public var description: String { "\(key): \(detail)" }

    static func unknownPerson(_ id: String) -> Self { Self(status: 404, key: "error.unknownPerson", detail: id) }
    static func unknownChannel(_ id: String) -> Self { Self(status: 404, key: "error.unknownChannel", detail: id) }
    /// Discord would not even show the channel to this person.
    static func cannotSee(person: String, channel: String) -> Self {
        Self(status: 403, key: "error.cannotSee", detail: "\(person) → #\(channel)")
    }
    static func noSuchComponent(_ customID: String) -> Self { Self(status: 409, key: "error.noSuchComponent", detail: customID) }
    static func noSuchOption(_ value: String) -> Self { Self(status: 400, key: "error.noSuchOption", detail: value) }
    static func noModal(_ customID: String) -> Self { Self(status: 409, key: "error.noModal", detail: customID) }
    static func badField(_ field: String) -> Self { Self(status: 400, key: "error.badField", detail: field) }
    static func emptyMessage() -> Self { Self(status: 400, key: "error.emptyMessage", detail: "") }
    /// Discord's own cap: the app refuses to send more.
    static func messageTooLong(_ count: Int) -> Self {
        Self(status: 400, key: "error.messageTooLong", detail: "\(count) > \(PlaygroundLimits.messageCharacters)")
    }
    static func fileTooLarge(_ bytes: Int) -> Self {
        Self(status: 400, key: "error.fileTooLarge", detail: "\(bytes) > \(PlaygroundLimits.fileBytes)")
    }
    static func badDuration(_ minutes: Int) -> Self { Self(status: 400, key: "error.badDuration", detail: String(minutes)) }
    static func notListening() -> Self { Self(status: 503, key: "error.notListening", detail: "") }
    static func malformed(_ what: String) -> Self { Self(status: 400, key: "error.malformed", detail: what) }
}

/// Discord's limits on what a person sends, held by the playground as the
/// Discord app holds them.
public enum PlaygroundLimits {
    /// A message's text without Nitro.
    public static let messageCharacters = 2000
    /// An upload without Nitro (10 MiB, Discord's documented default).
    public static let fileBytes = 10 * 1024 * 1024
    /// How far one jump may move the clock: 30 days.
    public static let longestJumpMinutes = 30 * 24 * 60
    /// The largest request body the API reads.
    public static let requestBytes = 12 * 1024 * 1024
}
