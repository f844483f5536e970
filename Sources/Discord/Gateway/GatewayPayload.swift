import Foundation

/// Gateway opcodes (Discord's "Gateway Opcodes" table).
enum GatewayOpcode: Int, Sendable {
    case dispatch = 0, heartbeat = 1, identify = 2, resume = 6, reconnect = 7, invalidSession = 9, hello = 10, heartbeatAck = 11
}

/// The envelope of every gateway message; `d` is decoded later, by whoever
/// knows the event's type.
struct GatewayEnvelope: Decodable {
    let op: Int
    let s: Int?
    let t: String?
}

/// `{"d": …}` of a message, decoded as `T`.
struct GatewayData<T: Decodable>: Decodable {
    let d: T
}

/// One event the gateway dispatched (`op` 0), delivered once, in order.
public struct GatewayDispatch: Sendable {
    /// `MESSAGE_CREATE`, `INTERACTION_CREATE`, `READY`...
    public let name: String
    public let sequence: Int
    /// The whole message as received; `decode` reads its `d`.
    public let payload: Data

    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONCoding.decoder.decode(GatewayData<T>.self, from: payload).d
    }
}

/// The `d` of READY, the fields the client keeps.
struct ReadyData: Decodable {
    let sessionID: String
    let resumeGatewayURL: String

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case resumeGatewayURL = "resume_gateway_url"
    }
}

struct HelloData: Decodable {
    let heartbeatInterval: Int
    enum CodingKeys: String, CodingKey { case heartbeatInterval = "heartbeat_interval" }
}

/// What the client sends, built by hand: a handful of small shapes.
enum GatewayCommand {
    static func heartbeat(_ sequence: Int?) -> String {
        #"{"op":1,"d":\#(sequence.map(String.init) ?? "null")}"#
    }

    static func identify(token: BotToken, intents: GatewayIntents) -> String {
        #"{"op":2,"d":{"token":\#(quoted(token.secret)),"intents":\#(intents.rawValue),"properties":{"os":"linux","browser":"escala","device":"escala"}}}"#
    }

    static func resume(token: BotToken, sessionID: String, sequence: Int?) -> String {
        #"{"op":6,"d":{"token":\#(quoted(token.secret)),"session_id":\#(quoted(sessionID)),"seq":\#(sequence.map(String.init) ?? "null")}}"#
    }

    private static func quoted(_ text: String) -> String {
        String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
    }
}
