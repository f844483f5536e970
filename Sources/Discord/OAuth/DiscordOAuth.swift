import Foundation

/// An application's OAuth2 credentials (the Developer Portal's OAuth2
/// page). The secret cannot leak into logs or error messages by accident.
public struct OAuthCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public let clientID: String
    let secret: String

    public init(clientID: String, secret: String) {
        self.clientID = clientID
        self.secret = secret
    }

    public var description: String { "OAuthCredentials(client \(clientID), secret redacted)" }
    public var debugDescription: String { description }
}

/// Signing a person in with Discord: OAuth2's authorization-code grant
/// with the `identify` scope, the only one the staff desk needs (who the
/// person is; their roles come from the bot's own view of the server).
///
/// The browser is sent to `authorizationAddress`; Discord sends it back to
/// the redirect address with a one-time `code`, which `exchange` trades for
/// an access token (a form-encoded POST to `/oauth2/token`, the client's
/// secret in HTTP Basic); `currentUser` reads who it belongs to. The token
/// is used once and dropped: nothing is done in the person's name.
public struct DiscordOAuth: Sendable {
    public let credentials: OAuthCredentials
    /// REST API base, ending in the version, as the bot's own client has it.
    public let apiBaseURL: URL
    let http: any HTTPTransport
    let timeout: Duration

    public init(credentials: OAuthCredentials, apiBaseURL: URL = DiscordConfiguration.discordAPI,
                http: any HTTPTransport = NIOHTTPTransport(), timeout: Duration = .seconds(15)) {
        self.credentials = credentials
        self.apiBaseURL = apiBaseURL
        self.http = http
        self.timeout = timeout
    }

    /// Discord's consent page: the site root of the API (no `/api/v10`)
    /// followed by `/oauth2/authorize`, on discord.com as on a local server.
    public var authorizeURL: URL {
        var components = URLComponents(url: apiBaseURL, resolvingAgainstBaseURL: false)!
        components.path = "/oauth2/authorize"
        components.query = nil
        return components.url!
    }

    /// Where the browser goes to sign in; `state` comes back unchanged and
    /// ties the answer to the browser that asked.
    public func authorizationAddress(state: String, redirectURI: String) -> URL {
        var components = URLComponents(url: authorizeURL, resolvingAgainstBaseURL: false)!
        components.queryItems = [
            URLQueryItem(name: "response_type", value: "code"),
            URLQueryItem(name: "client_id", value: credentials.clientID),
            URLQueryItem(name: "scope", value: "identify"),
            URLQueryItem(name: "state", value: state),
            URLQueryItem(name: "redirect_uri", value: redirectURI),
            URLQueryItem(name: "prompt", value: "none"),
        ]
        return components.url!
    }

    /// The person a one-time code belongs to: the code traded for a token,
    /// the token for the user. `redirectURI` must be the one the browser
    /// was sent with.
    public func signedInUser(code: String, redirectURI: String) async throws(DiscordError) -> User {
        let token = try await exchange(code: code, redirectURI: redirectURI)
        return try await currentUser(accessToken: token)
    }

    struct TokenAnswer: Decodable {
        let accessToken: String
        let tokenType: String

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
        }
    }

    /// `POST /oauth2/token`, `grant_type=authorization_code`.
    public func exchange(code: String, redirectURI: String) async throws(DiscordError) -> String {
        let route = "POST /oauth2/token"
        let form = Self.formEncoded(["grant_type": "authorization_code", "code": code, "redirect_uri": redirectURI])
        let basic = Data("\(Self.formValue(credentials.clientID)):\(Self.formValue(credentials.secret))".utf8).base64EncodedString()
        let request = HTTPRequest(method: "POST", url: apiBaseURL.appendingPathComponent("oauth2/token"),
                                  headers: ["Content-Type": "application/x-www-form-urlencoded", "Authorization": "Basic " + basic,
                                            "Accept": "application/json"],
                                  body: Data(form.utf8), timeout: timeout)
        let answer: TokenAnswer = try await send(request, route: route)
        guard answer.tokenType.lowercased() == "bearer" else {
            throw .unreadableAnswer(route: route, detail: "token type \(answer.tokenType), not Bearer")
        }
        return answer.accessToken
    }

    /// `GET /users/@me` with the person's token.
    public func currentUser(accessToken: String) async throws(DiscordError) -> User {
        let request = HTTPRequest(method: "GET", url: apiBaseURL.appendingPathComponent("users/@me"),
                                  headers: ["Authorization": "Bearer " + accessToken, "Accept": "application/json"], body: nil, timeout: timeout)
        return try await send(request, route: "GET /users/@me")
    }

    private func send<Answer: Decodable>(_ request: HTTPRequest, route: String) async throws(DiscordError) -> Answer {
        let response: HTTPResponse
        do {
            response = try await http.send(request)
        } catch {
            throw .unreachable(route: route, attempts: 1, underlying: String(describing: error))
        }
        guard (200..<300).contains(response.status) else {
            // OAuth errors are `{"error": …, "error_description": …}`;
            // REST errors `{"message": …, "code": …}`.
            let json = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
            let message = (json?["error_description"] as? String) ?? (json?["error"] as? String) ?? (json?["message"] as? String) ?? ""
            throw .http(status: response.status, code: json?["code"] as? Int, message: message, route: route)
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: response.body)
        } catch {
            throw .unreadableAnswer(route: route, detail: String(describing: error))
        }
    }

    /// `application/x-www-form-urlencoded`, keys sorted.
    static func formEncoded(_ fields: [String: String]) -> String {
        fields.sorted { $0.key < $1.key }.map { "\(formValue($0.key))=\(formValue($0.value))" }.joined(separator: "&")
    }

    /// RFC 3986's unreserved characters, ASCII only: everything else is
    /// percent-encoded (`CharacterSet.alphanumerics` would let non-ASCII
    /// letters through).
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func formValue(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
