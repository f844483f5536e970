/// What the staff desk's queue filters, sorts and pages by, kept on each
/// ticket's row beside its state and written in the same statement, so
/// that a queue of 10,000 open tickets is one indexed query that decodes
/// the 50 it shows, not 10,000 states decoded and judged for every page.
/// The engine computes them from the state (`TicketMachine.deskColumns`).
public struct DeskColumns: Sendable, Hashable {
    /// Who the desk shows the ticket to, as tokens between commas
    /// (`,r:cm,r:trainee,u:3000…,`): a viewer sees it when one of their
    /// own tokens (`TicketMachine.deskTokens`) is in it.
    public let audience: String
    /// Since when the member has waited for an answer, if they have.
    public let waitingSince: Int64?
    /// Where its priority stands in its workflow's list, most urgent 0.
    public let priorityRank: Int?

    public init(audience: String, waitingSince: Int64?, priorityRank: Int?) {
        self.audience = audience
        self.waitingSince = waitingSince
        self.priorityRank = priorityRank
    }
}

/// One viewer of the desk as the store filters for them: the versions of
/// one workflow file, and who they are to it, as tokens.
public struct DeskViewer: Sendable, Hashable {
    public let versions: [String]
    public let tokens: [String]

    public init(versions: [String], tokens: [String]) {
        self.versions = versions
        self.tokens = tokens
    }
}

/// The queue's filters; nil lets everything through.
public struct DeskFilter: Sendable, Hashable {
    public var category: String?
    public var handler: String?
    public var state: String?

    public init(category: String? = nil, handler: String? = nil, state: String? = nil) {
        self.category = category
        self.handler = handler
        self.state = state
    }

    func admits(_ facet: DeskFacet) -> Bool {
        (category.map { $0 == facet.category } ?? true) && (handler.map { $0 == facet.handler } ?? true)
            && (state.map { $0 == facet.state } ?? true)
    }
}

/// How many open tickets a viewer may see have this category, state and
/// handler: what the filters offer, and the count a filter matches.
public struct DeskFacet: Sendable, Hashable {
    public let category: String
    public let state: String
    public let handler: String?
    public let count: Int

    public init(category: String, state: String, handler: String?, count: Int) {
        self.category = category
        self.state = state
        self.handler = handler
        self.count = count
    }
}
