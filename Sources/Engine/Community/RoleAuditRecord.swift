/// One line of the role audit trail: a role Escala gave or took, why, and
/// who acted when a person did.
public struct RoleAuditRecord: Sendable, Hashable, Codable {
    public enum Action: String, Sendable, Hashable, Codable {
        case grant, revoke
    }

    public let id: Int64
    public let at: Int64
    public let workflow: String
    public let member: String
    public let role: String
    public let action: Action
    /// The autorole rule, or `ticket #N` for a ticket's `grant`.
    public let rule: String?
    public let reason: String
    /// The person whose act caused it (a reaction, a `/rep`, a staff button);
    /// nil when the scheduler acted on its own.
    public let actor: String?
}
