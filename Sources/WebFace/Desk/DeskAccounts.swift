import Engine

/// Someone signed in to the desk: their Discord user id and name.
public struct DeskUser: Sendable, Hashable, Codable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// The desk's one window on the platform: how a person signs in (Discord's
/// OAuth2), who they are to each workflow now (their roles on the server,
/// turned into the workflow's ranks by the engine's own rule), and the
/// names of the people a page shows. The composition root gives the
/// Discord one; the desk decides nothing a face should not.
public protocol DeskAccounts: Sendable {
    /// Where the browser goes to sign in; `state` comes back unchanged.
    func signInAddress(state: String, redirectURI: String) -> String
    /// The person a one-time code from the sign-in page belongs to.
    func signedInUser(code: String, redirectURI: String) async throws -> DeskUser
    /// Who `user` is to each workflow served, by its path, as of now; nil
    /// when they are not on the server.
    func people(of user: String) async throws -> [String: Person]?
    /// Display names for these user ids, as far as they are known.
    func names(of users: Set<String>) async -> [String: String]
}
