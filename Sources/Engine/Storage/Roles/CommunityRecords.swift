import Foundation

/// Members, reputation, roles given and their audit, activity windows. A
/// storage role: part of every `StorageTransaction`, so a store implements
/// it, and the contract suite tests it, beside the others.
public protocol CommunityRecords {
    func recordMember(guild: String, member: String, joinedAt: Int64) throws
    func membersWithoutGrant(guild: String, workflow: String, rule: String, joinedBy: Int64, limit: Int) throws -> [String]
    func firstJoinWithoutGrant(guild: String, workflow: String, rule: String) throws -> Int64?
    func reputationGiven(guild: String, giver: String, receiver: String?, since: Int64) throws -> Int
    func addReputation(guild: String, giver: String, receiver: String, at: Int64) throws
    func reputationPoints(guild: String, member: String) throws -> Int
    func hasGrant(guild: String, workflow: String, member: String, role: String) throws -> Bool
    func everGranted(guild: String, workflow: String, rule: String, member: String) throws -> Bool
    func grantedRule(guild: String, workflow: String, member: String, role: String) throws -> String?
    func insertGrant(guild: String, workflow: String, member: String, role: String, rule: String, at: Int64, expiresAt: Int64?) throws
    func deleteGrant(guild: String, workflow: String, member: String, role: String) throws -> Bool
    func expiredGrants(guild: String, upTo now: Int64, limit: Int) throws
        -> [(workflow: String, member: String, role: String, rule: String, grantedAt: Int64)]
    func nextGrantExpiry(guild: String) throws -> Int64?
    func appendRoleAudit(guild: String, workflow: String, at: Int64, member: String, role: String,
                         action: RoleAuditRecord.Action, rule: String?, reason: String, actor: String?) throws
    func roleAudit(guild: String, member: String?, limit: Int) throws -> [RoleAuditRecord]

    // Activity windows
    func windowID(guild: String, workflow: String, board: String, window: ActivityWindow) throws -> Int64
    func addCounts(windowID: Int64, member: String, messages: Int, reactions: Int, reputation: Int) throws
    func dueWindows(guild: String, upTo now: Int64) throws -> [(id: Int64, workflow: String, board: String, window: ActivityWindow)]
    func ranking(windowID: Int64, counters: [String], limit: Int) throws -> (members: Int, entries: [ActivityRanking.Entry])
    func memberTotal(windowID: Int64, member: String, counters: [String]) throws -> Int
    func nextWindowEnd(guild: String) throws -> Int64?
    func closeWindow(id: Int64, at now: Int64, ranking: Data) throws
    func closedRanking(guild: String, workflow: String, board: String, back: Int) throws -> Data?
    func guilds() throws -> [String]
}
