import Foundation

/// The outbox, as a step fills it. A storage role: part of every
/// `StorageTransaction`, so a store implements it, and the contract suite
/// tests it, beside the others.
public protocol OutboxQueue {
    /// Whether any of the ticket's effects is still to be carried out.
    func hasEffectsWaiting(ticketID: Int64) throws -> Bool
    /// A step's effects: timers set or cancelled, the rest into the outbox
    /// in the ticket's lane, each with its idempotency key.
    /// `reply`: the effect (by index) the face may deliver as its answer
    /// to the person's action, and the route it answers by; it waits in
    /// its lane, marked, until the face says whether it did. Returns that
    /// effect's outbox id.
    @discardableResult
    func enqueue(_ effects: [Effect], ticketID: Int64, eventSeq: Int64, reply: (index: Int, route: String)?) throws -> Int64?
    /// Community effects, into the server's community lane.
    func enqueue(_ effects: [CommunityEffect], guild: String, workflow: String) throws
}


extension OutboxQueue {
    /// A step's effects with none kept as a reply.
    public func enqueue(_ effects: [Effect], ticketID: Int64, eventSeq: Int64) throws {
        try enqueue(effects, ticketID: ticketID, eventSeq: eventSeq, reply: nil)
    }
}
