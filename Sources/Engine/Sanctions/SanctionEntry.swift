/// One sanction, as a ticket step hands it to the ledger: who was
/// sanctioned, for which row of the table, by whom, and what backs it.
///
/// The ledger is what makes `applied by`, appeals and `by sanctioner`
/// true: an appeal reaches the staff member recorded here, not whoever
/// happens to pick from a menu.
public struct SanctionEntry: Sendable, Hashable, Codable {
    /// The sanctioned member's Discord id.
    public let member: String
    /// The offence's name in the workflow's table.
    public let offence: String
    /// The sanction as the table worded it when it was applied: the table
    /// may change later, the record must not.
    public let sanction: String?
    /// Who applied it.
    public let appliedBy: String
    /// Who wrote it in the ledger: the applier, or, for a sanction given
    /// outside Escala, the staff member who said who applied it.
    public let recordedBy: String
    /// The files and links in the ticket when it was applied (`evidence
    /// required` wants at least one).
    public let evidence: [String]
    /// The staff member confirmed the warning was given (`warning required`).
    public let warned: Bool
    /// Given outside Escala and recorded when it was appealed.
    public let outsideEscala: Bool

    public init(member: String, offence: String, sanction: String?, appliedBy: String, recordedBy: String,
                evidence: [String], warned: Bool, outsideEscala: Bool) {
        self.member = member
        self.offence = offence
        self.sanction = sanction
        self.appliedBy = appliedBy
        self.recordedBy = recordedBy
        self.evidence = evidence
        self.warned = warned
        self.outsideEscala = outsideEscala
    }
}

/// A ledger row: the entry, where and when it was recorded. Rows are
/// appended, never changed or deleted (the store refuses both).
public struct SanctionRecord: Sendable, Hashable, Codable, Identifiable {
    public let id: Int64
    public let guild: String
    public let at: Int64
    /// The ticket it was recorded in.
    public let ticketNumber: Int?
    public let category: String?
    public let entry: SanctionEntry

    public init(id: Int64, guild: String, at: Int64, ticketNumber: Int?, category: String?, entry: SanctionEntry) {
        self.id = id
        self.guild = guild
        self.at = at
        self.ticketNumber = ticketNumber
        self.category = category
        self.entry = entry
    }
}

/// The sanction an appeal is about, as staff named it.
public enum AppealedSanction: Sendable, Hashable, Codable {
    /// One of the member's recorded sanctions, by its ledger id.
    case recorded(id: Int64)
    /// A sanction given outside Escala: the offence and who applied it
    /// (Discord's user picker); nil when staff left either out.
    case outside(offence: String?, sanctioner: String?)
}
