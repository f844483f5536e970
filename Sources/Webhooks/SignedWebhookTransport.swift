import Crypto
import Discord
import Engine
import Foundation
import Runtime

/// Posts a delivery as JSON with its HMAC-SHA256, over the same HTTP
/// client as Discord's REST calls (one connection pool for the process).
///
/// The receiver checks `X-Escala-Signature: sha256=HEX` against the HMAC of
/// the raw body with the shared secret, and may drop a repeated
/// `X-Escala-Delivery` (a delivery is sent again when its answer was lost).
public struct SignedWebhookTransport: WebhookTransport {
    let http: any HTTPTransport
    let secret: WebhookSecret
    /// How long a receiver may take to answer before the try counts as
    /// failed: a receiver that hangs delays only the webhooks after it.
    let timeout: Duration

    public init(secret: WebhookSecret, timeout: Duration = .seconds(10), http: any HTTPTransport = NIOHTTPTransport()) {
        self.secret = secret
        self.timeout = timeout
        self.http = http
    }

    public static func signature(of body: Data, secret: WebhookSecret) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: secret.bytes))
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    public func post(_ delivery: WebhookDelivery) async -> WebhookAnswer {
        guard let url = URL(string: delivery.url) else { return .refused("not an address: \(delivery.url)") }
        let body = Data(delivery.body.utf8)
        let request = HTTPRequest(method: "POST", url: url, headers: [
            "Content-Type": "application/json",
            "User-Agent": "Escala-Webhook",
            "X-Escala-Event": delivery.event.rawValue,
            "X-Escala-Delivery": String(delivery.id),
            "X-Escala-Signature": Self.signature(of: body, secret: secret),
        ], body: body, timeout: timeout)
        do {
            let response = try await http.send(request)
            switch response.status {
            case 200..<300: return .delivered
            case 408, 425, 429, 500...: return .failed("HTTP \(response.status)")
            default: return .refused("HTTP \(response.status)")
            }
        } catch {
            return .failed(String(describing: error).prefix(300).description)
        }
    }
}
