import Discord
import DiscordFace
import Engine
import Foundation
import Synchronization
import WebFace

/// The staff desk's accounts on Discord: sign-in with Discord's OAuth2
/// (`DiscordOAuth`), and who the person is to each workflow from their
/// roles on the server as the bot sees them now (`TicketDesk.people`), so
/// a rank taken away on Discord is taken away on the desk at the next page.
/// Names are kept a few minutes: a page shows many, and a renamed member
/// may show their old name for that long.
final class DiscordDeskAccounts: DeskAccounts {
    let oauth: DiscordOAuth
    let desk: TicketDesk
    private let known = Mutex<[String: (name: String, at: ContinuousClock.Instant)]>([:])
    static let namesKept: Duration = .seconds(300)

    init(oauth: DiscordOAuth, desk: TicketDesk) {
        self.oauth = oauth
        self.desk = desk
    }

    func signInAddress(state: String, redirectURI: String) -> String {
        oauth.authorizationAddress(state: state, redirectURI: redirectURI).absoluteString
    }

    func signedInUser(code: String, redirectURI: String) async throws -> DeskUser {
        let user = try await oauth.signedInUser(code: code, redirectURI: redirectURI)
        let name = user.globalName ?? user.username
        known.withLock { $0[user.id.rawValue] = (name, .now) }
        return DeskUser(id: user.id.rawValue, name: name)
    }

    func people(of user: String) async throws -> [String: Person]? {
        try await desk.people(ofMember: user)
    }

    func names(of users: Set<String>) async -> [String: String] {
        let now = ContinuousClock.now
        var names = known.withLock { known in
            known.filter { users.contains($0.key) && now - $0.value.at < Self.namesKept }.mapValues(\.name)
        }
        for user in users where names[user] == nil {
            guard let name = try? await desk.displayName(ofMember: user) else { continue }
            names[user] = name
            known.withLock { $0[user] = (name, now) }
        }
        return names
    }
}

/// How `escala run` serves its web face: where it listens, the address
/// browsers reach it at, the Discord application's OAuth2 credentials
/// (without them, no staff desk: only `/healthz` and `/metrics`), and
/// the metrics backend's text.
public struct WebSettings: Sendable {
    /// 127.0.0.1 unless told otherwise: a reverse proxy with TLS in front
    /// is the way to reach it from elsewhere (docs/desk.md).
    public var host = "127.0.0.1"
    /// 0: any free port (tests); `onRunning` of `EscalaApplication.run` hears it.
    public var port = 8081
    /// `https://desk.example.org`; nil: `http://HOST:PORT`.
    public var publicURL: String?
    public var oauth: OAuthCredentials?
    /// Prometheus's text of what swift-metrics counted, when the process
    /// bootstrapped a backend.
    public var metricsText: (@Sendable () -> String)?

    public init(oauth: OAuthCredentials?, host: String = "127.0.0.1", port: Int = 8081, publicURL: String? = nil,
                metricsText: (@Sendable () -> String)? = nil) {
        self.oauth = oauth
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.metricsText = metricsText
    }

    /// Discord's redirect address to register in the Developer Portal.
    public var redirectURI: String { (publicURL ?? "http://\(host):\(port)") + "/desk/callback" }
}

extension EscalaApplication {
    /// The desk on this application's engine and Discord face, its
    /// sessions signed with the data folder's key.
    static func staffDesk(configuration: DeskConfiguration, desk: TicketDesk, oauth: OAuthCredentials, publicURL: String?,
                          sources: WorkflowSources) throws(DeskError) -> StaffDesk {
        let key: [UInt8]
        do {
            key = try DeskSessionKey.load(inFolder: configuration.dataFolder)
        } catch {
            throw .store("the desk's session key in \(configuration.dataFolder): \(error)")
        }
        let accounts = DiscordDeskAccounts(oauth: DiscordOAuth(credentials: oauth, apiBaseURL: configuration.discord.apiBaseURL), desk: desk)
        let staffDesk = StaffDesk(engine: desk.runtime.engine, community: desk.runtime.community, guild: configuration.guild.rawValue, accounts: accounts, sessionKey: key,
                                  sources: sources, publicURL: publicURL, now: { [clock = configuration.clock] in clock.now() })
        desk.runtime.listenForTicketChanges { [changes = staffDesk.changes] in changes.announce() }
        return staffDesk
    }
}
