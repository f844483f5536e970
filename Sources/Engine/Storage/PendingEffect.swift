/// What an outbox row asks for: a ticket's effect, or a community rule's.
public enum OutboxWork: Sendable, Hashable {
    /// A ticket's effect, with the ticket's channel once its creation has
    /// been confirmed.
    case ticket(Effect, ticketID: Int64, channelID: String?)
    /// A community rule's effect, bound through `workflow`'s ids.
    case community(CommunityEffect, workflow: String)
}

/// An effect waiting in the outbox, with what its executor needs: the key
/// that makes a retried delivery recognisable, and the work itself.
public struct PendingEffect: Sendable, Hashable {
    public let id: Int64
    /// Effects of one lane (a ticket, a server's community rules) are
    /// carried out strictly in order; different lanes independently.
    public let lane: String
    public let idempotencyKey: String
    public let work: OutboxWork
    /// Deliveries tried before this one.
    public let attempts: Int
    /// Set when the effect was meant as the answer to a person's action
    /// (`StepReply`) and the face did not say it was delivered: the route
    /// to ask whether the answer reached the platform before sending it
    /// another way.
    public let replyRoute: String?

    public init(id: Int64, lane: String, idempotencyKey: String, work: OutboxWork, attempts: Int, replyRoute: String? = nil) {
        self.id = id
        self.lane = lane
        self.idempotencyKey = idempotencyKey
        self.work = work
        self.attempts = attempts
        self.replyRoute = replyRoute
    }

    /// The ticket this effect belongs to, if it is a ticket's.
    public var ticketID: Int64? {
        if case .ticket(_, let ticketID, _) = work { ticketID } else { nil }
    }
}

/// What the executor reports back when the platform has confirmed an effect.
public struct EffectReceipt: Sendable, Hashable {
    /// The channel or thread created by a `createChannel` effect.
    public var channelID: String?

    public init(channelID: String? = nil) {
        self.channelID = channelID
    }
}

/// An effect the drainer set aside because it can never succeed as it is,
/// with why: what `escala outbox --failed` lists.
public struct SetAsideEffect: Sendable, Hashable {
    public let id: Int64
    public let lane: String
    public let work: OutboxWork
    public let reason: String
    public let attempts: Int
    public let at: Int64?

    public init(id: Int64, lane: String, work: OutboxWork, reason: String, attempts: Int, at: Int64?) {
        self.id = id
        self.lane = lane
        self.work = work
        self.reason = reason
        self.attempts = attempts
        self.at = at
    }
}

/// Thrown by an executor for an effect that can never succeed as it is:
/// retrying it would only wait forever (and hold back the effects behind
/// it in its lane). The drainer sets it aside and tells staff once.
public struct EffectCannotSucceed: Error, Sendable, CustomStringConvertible {
    public let reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}
