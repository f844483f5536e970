import Crypto
import Foundation

/// A signed-in browser: who, until when, and the token every form of the
/// desk carries (a request that does not is not theirs).
struct DeskSession: Sendable, Codable, Equatable {
    let user: DeskUser
    let csrf: String
    /// Seconds since 1970.
    let expires: Int64
}

/// Sessions kept in the browser, signed: a cookie `payload.signature`,
/// the payload base64url JSON and the signature its HMAC-SHA256 with the
/// desk's key. Nothing to store or to lose on a restart, and a cookie
/// changed by hand, or signed with another key, is no session at all.
public struct DeskSessions: Sendable {
    static let cookie = "escala_desk"
    /// The sign-in's `state`, held by the browser between leaving for
    /// Discord and coming back.
    static let stateCookie = "escala_desk_state"
    /// How long a sign-in lasts.
    static let lifetime: Int64 = 12 * 3600

    let key: SymmetricKey

    init(key: [UInt8]) {
        self.key = SymmetricKey(data: key)
    }

    func new(for user: DeskUser, now: Int64) -> DeskSession {
        DeskSession(user: user, csrf: Self.randomToken(), expires: now + Self.lifetime)
    }

    func sealed(_ session: DeskSession) -> String {
        let payload = Self.base64URL(Data((try? JSONEncoder().encode(session)) ?? Data()))
        return payload + "." + signature(of: payload)
    }

    /// The session a cookie holds, if it is signed with this key and has
    /// not expired.
    func opened(_ cookie: String?, now: Int64) -> DeskSession? {
        guard let cookie, let dot = cookie.firstIndex(of: ".") else { return nil }
        let payload = String(cookie[..<dot]), mac = String(cookie[cookie.index(after: dot)...])
        guard let given = Self.bytes(base64URL: mac),
              HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Data(payload.utf8), using: key),
              let json = Self.bytes(base64URL: payload),
              let session = try? JSONDecoder().decode(DeskSession.self, from: json),
              session.expires > now else { return nil }
        return session
    }

    private func signature(of payload: String) -> String {
        Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: key)))
    }

    /// 32 random bytes, base64url: a CSRF token, an OAuth `state`.
    public static func randomToken() -> String {
        base64URL(Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }))
    }

    /// A new key for signing sessions.
    static func newKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func bytes(base64URL text: String) -> Data? {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        return Data(base64Encoded: base)
    }

    /// Two tokens compared in time that does not depend on where they differ.
    static func same(_ left: String, _ right: String) -> Bool {
        let (a, b) = (Array(left.utf8), Array(right.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
