import Foundation
import WorkflowDSL

/// Which lifecycle events a step is, from the states before and after it
/// and its effects: the same comparison the audit trail makes, so that a
/// webhook and the audit never disagree about what happened.
enum LifecycleEvents {
    static func of(before: TicketState?, after: TicketState, effects: [Effect]) -> [LifecycleEvent] {
        guard let before else { return [.opened] }
        var events: [LifecycleEvent] = []
        if after.handler != nil, after.handler != before.handler { events.append(.claimed) }
        if (after.escalations?.count ?? 0) > (before.escalations?.count ?? 0) || after.escalationStep > before.escalationStep {
            events.append(.escalated)
        }
        if after.category != before.category { events.append(.moved) }
        if effects.contains(where: { if case .recordSanction = $0 { true } else { false } }) { events.append(.sanctioned) }
        if after.isClosed, !before.isClosed { events.append(.closed) }
        return events
    }

    /// The JSON a webhook receives: the event, when, the server and
    /// workflow, the ticket as it is after the step, and who acted. Keys
    /// are sorted, so that the body (and its signature) is the same on
    /// every machine.
    static func body(_ event: LifecycleEvent, guild: String, workflow: String, ticket: TicketState, actor: String?, at: Int64) -> String {
        struct Payload: Encodable {
            let event: String, at: Int64, guild: String, workflow: String, actor: String?
            let ticket: Ticket
        }
        struct Ticket: Encodable {
            let number: Int, category: String, state: String, owner: String
            let handler: String?, priority: String?, topic: String?, closeReason: String?, sanction: String?, openedBy: String?
            enum CodingKeys: String, CodingKey {
                case number, category, state, owner, handler, priority, topic, sanction
                case closeReason = "close_reason", openedBy = "opened_by"
            }
        }
        let payload = Payload(event: event.rawValue, at: at, guild: guild, workflow: workflow, actor: actor,
                              ticket: Ticket(number: ticket.number, category: ticket.category, state: ticket.state, owner: ticket.owner,
                                             handler: ticket.handler, priority: ticket.priority, topic: ticket.topic,
                                             closeReason: ticket.closeReason, sanction: ticket.sanction, openedBy: ticket.openedBy))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(payload)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

extension TicketEngine {
    /// The step's webhook deliveries, queued in its own transaction.
    func enqueueWebhooks(guild: String, before: TicketState?, after: TicketState, effects: [Effect], actor: String?, now: Int64,
                         workflow: Workflow, in transaction: any StorageTransaction) throws {
        guard !workflow.webhooks.isEmpty else { return }
        let events = LifecycleEvents.of(before: before, after: after, effects: effects)
        guard !events.isEmpty else { return }
        let path = try transaction.workflowPath(hash: after.workflowHash) ?? after.workflowHash
        for event in events {
            let body = LifecycleEvents.body(event, guild: guild, workflow: path, ticket: after, actor: actor, at: now)
            for webhook in workflow.webhooks where webhook.events.contains(event) {
                try transaction.enqueueWebhook(url: webhook.url, event: event, body: body, now: now)
            }
        }
    }
}
