import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Discord's OAuth2 authorization-code grant, as a site signing people in
/// meets it: the consent page (`/oauth2/authorize`, on the site root, not
/// the API), the token exchange (`POST /api/v10/oauth2/token`, form-encoded,
/// the client authenticated), and `GET /api/v10/users/@me` with the
/// person's Bearer token. Discord's OpenAPI description leaves the first
/// two out, so their rules (from Discord's OAuth2 documentation) are
/// checked here: a wrong client, secret or redirect address, a code used
/// twice, or a body that is not a form is refused as Discord refuses it,
/// and listed with the violations.
///
/// The consent page is an account chooser: each member of the server is a
/// "continue as" link, so a test (or the playground) signs in as anyone.
extension LocalDiscord {
    struct OAuthApplication: Sendable {
        let secret: String
        let redirectURIs: [String]
    }

    struct OAuthGrant: Sendable {
        let user: String
        let clientID: String
        let redirectURI: String
    }

    /// An application that signs people in, with its secret and the
    /// redirect addresses registered for it (Discord accepts no other).
    public func registerOAuthApplication(clientID: String, secret: String, redirectURIs: [String]) {
        state.withLock { $0.oauthApplications[clientID] = OAuthApplication(secret: secret, redirectURIs: redirectURIs) }
    }

    /// The answer to an OAuth2 request, or nil for any other request.
    func oauthAnswer(method: String, fullPath: String, query: String?, headers: [String: String], body: Data?) -> Response? {
        switch (method, fullPath) {
        case ("GET", "/oauth2/authorize"):
            return consentPage(query: Self.formFields(query ?? ""))
        case ("GET", "/oauth2/authorize/continue"):
            return grant(query: Self.formFields(query ?? ""))
        case ("POST", "/api/v10/oauth2/token"):
            return token(headers: headers, body: body)
        case ("GET", "/api/v10/users/@me") where headers["authorization"]?.hasPrefix("Bearer ") == true:
            let token = String(headers["authorization"]!.dropFirst("Bearer ".count))
            guard let (id, name) = state.withLock({ state in
                state.oauthTokens[token].map { ($0, state.names[$0] ?? "u" + $0) }
            }) else {
                return Self.jsonResponse(401, #"{"message":"401: Unauthorized","code":0}"#)
            }
            return Self.jsonResponse(200, #"{"id":"\#(id)","username":\#(JSONValue.string(name).serialized),"global_name":\#(JSONValue.string(name).serialized),"discriminator":"0","avatar":null}"#)
        default:
            return nil
        }
    }

    /// The checks Discord makes before it shows the page: a known client,
    /// a registered redirect address, `response_type=code`, `identify`.
    private func authorizationError(_ fields: [String: String]) -> String? {
        guard let client = fields["client_id"], let application = state.withLock({ $0.oauthApplications[client] }) else {
            return "Unknown client_id"
        }
        guard let redirect = fields["redirect_uri"], application.redirectURIs.contains(redirect) else { return "Invalid OAuth2 redirect_uri" }
        guard fields["response_type"] == "code" else { return "Invalid response_type" }
        guard (fields["scope"] ?? "").split(separator: " ").contains("identify") else { return "Invalid scope" }
        return nil
    }

    private func consentPage(query fields: [String: String]) -> Response {
        if let error = authorizationError(fields) { return refusedAuthorization(error) }
        let people = state.withLock { state in
            state.names.filter { !state.bots.contains($0.key) && state.memberRoles[$0.key] != nil }.sorted { $0.value < $1.value }
        }
        var passed = fields
        let links = people.map { id, name -> String in
            passed["user"] = id
            let href = "/oauth2/authorize/continue?" + Self.formEncoded(passed)
            return #"<li><a class="continue" data-user="\#(id)" href="\#(Self.escaped(href))">\#(Self.escaped(name))</a></li>"#
        }.joined(separator: "\n")
        let html = """
            <!doctype html><html><head><meta charset="utf-8"><title>Discord · Authorize</title></head>
            <body><h1>An application wants to know who you are</h1><p>Scope: identify. Continue as:</p>
            <ul id="accounts">\(links)</ul></body></html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The person chose an account: back to the site with a one-time code
    /// and the site's `state`, unchanged.
    private func grant(query fields: [String: String]) -> Response {
        if let error = authorizationError(fields) { return refusedAuthorization(error) }
        guard let user = fields["user"], state.withLock({ $0.memberRoles[user] != nil }) else { return refusedAuthorization("Unknown user") }
        let code = "code" + newID()
        state.withLock { $0.oauthCodes[code] = OAuthGrant(user: user, clientID: fields["client_id"]!, redirectURI: fields["redirect_uri"]!) }
        var back = ["code": code]
        if let state = fields["state"] { back["state"] = state }
        let redirect = fields["redirect_uri"]!
        var headers = HTTPFields()
        headers[.location] = redirect + (redirect.contains("?") ? "&" : "?") + Self.formEncoded(back)
        return Response(status: .found, headers: headers)
    }

    private func token(headers: [String: String], body: Data?) -> Response {
        guard headers["content-type"]?.hasPrefix("application/x-www-form-urlencoded") == true else {
            state.withLock { $0.violations.append("POST /oauth2/token: the body must be application/x-www-form-urlencoded") }
            return Self.jsonResponse(400, #"{"error":"invalid_request","error_description":"Invalid form body"}"#)
        }
        let fields = Self.formFields(body.map { String(decoding: $0, as: UTF8.self) } ?? "")
        var client = fields["client_id"]
        var secret = fields["client_secret"]
        if let basic = headers["authorization"], basic.hasPrefix("Basic "),
           let decoded = Data(base64Encoded: String(basic.dropFirst("Basic ".count))).map({ String(decoding: $0, as: UTF8.self) }),
           let colon = decoded.firstIndex(of: ":") {
            client = String(decoded[..<colon]).removingPercentEncoding
            secret = String(decoded[decoded.index(after: colon)...]).removingPercentEncoding
        }
        guard let client, let secret, let application = state.withLock({ $0.oauthApplications[client] }), application.secret == secret else {
            return Self.jsonResponse(401, #"{"error":"invalid_client"}"#)
        }
        guard fields["grant_type"] == "authorization_code" else {
            return Self.jsonResponse(400, #"{"error":"unsupported_grant_type"}"#)
        }
        // A code is good once, for the client and redirect address it was given to.
        let granted = state.withLock { state -> OAuthGrant? in
            guard let code = fields["code"], let grant = state.oauthCodes.removeValue(forKey: code) else { return nil }
            return grant
        }
        guard let granted, granted.clientID == client, granted.redirectURI == fields["redirect_uri"] else {
            return Self.jsonResponse(400, #"{"error":"invalid_grant","error_description":"Invalid \"code\" in request."}"#)
        }
        let token = "token" + newID()
        state.withLock { $0.oauthTokens[token] = granted.user }
        return Self.jsonResponse(200, #"{"access_token":"\#(token)","token_type":"Bearer","expires_in":604800,"refresh_token":"refresh\#(token)","scope":"identify"}"#)
    }

    private func refusedAuthorization(_ error: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: .badRequest, headers: headers,
                        body: .init(byteBuffer: ByteBuffer(string: "<!doctype html><p class=\"error\">\(Self.escaped(error))</p>")))
    }

    static func jsonResponse(_ status: Int, _ json: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func formFields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (part: Substring) in part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part) }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    static func formEncoded(_ fields: [String: String]) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return fields.sorted { $0.key < $1.key }
            .map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
