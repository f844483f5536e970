import WorkflowDSL

/// `/block` and `/unblock`, and `escala blocklist`: who may, and each
/// change kept with its audit line in one transaction.
extension CommunityEngine {
    /// Nil when `person` may block: the workflow's `blocklist by` names
    /// them (a rank, or one above it unless `only`; a role; `staff`).
    func blockRefusal(by person: Person) -> Notice? {
        let rules = workflowsInUse().compactMap { workflow in workflow.blockers.map { (workflow, $0) } }
        guard !rules.isEmpty else { return .staffOnly }
        if rules.contains(where: { workflow, blockers in workflow.allowsOutsideTickets(blockers, person) }) { return nil }
        let (workflow, blockers) = rules[0]
        return .notAllowed(who: blockers, displayNames: workflow.displayNames)
    }

    /// Blocks a member (a second block replaces the first), with the audit
    /// line that says who, why and until when.
    public func block(_ entry: BlockEntry, now: Int64) async throws(EngineError) {
        let guild = guild
        try await write { transaction in
            try transaction.block(entry, guild: guild)
            let until = entry.until.map { " until " + CalendarDay.utcMinute($0) } ?? ""
            try transaction.appendAudit(AuditEntry(actor: entry.blockedBy, action: "blocked", detail: "\(entry.member)\(until): \(entry.reason)"),
                                        ticketID: nil, eventSeq: nil, at: now)
        }
    }

    /// Lifts a member's block; false when there was none.
    public func unblock(_ member: String, by person: String, now: Int64) async throws(EngineError) -> Bool {
        let guild = guild
        return try await write { transaction in
            guard try transaction.unblock(guild: guild, member: member) else { return false }
            try transaction.appendAudit(AuditEntry(actor: person, action: "unblocked", detail: member), ticketID: nil, eventSeq: nil, at: now)
            return true
        }
    }

    /// Every row, oldest first (lifted-by-time ones too: `holds(at:)` says).
    public func blocklist() async throws(EngineError) -> [BlockEntry] {
        let guild = guild
        return try await read { try $0.blocklist(guild: guild) }
    }
}
