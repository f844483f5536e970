import Discord
import Engine
import Foundation
import WorkflowDSL

/// What the desk does once, before the gateway serves: clicks a process
/// before this one took and never answered go to the outbox, tickets whose
/// channel was deleted while Escala was away close, panels are posted or
/// edited in place.
extension TicketDesk {
    func startUp() async throws(DeskError) {
        // Answers to clicks that a process before this one took and died
        // before giving: the outbox delivers them (after asking Discord
        // whether they arrived). Before any click of this process is taken.
        do {
            let released = try await store.releaseOrphanedReplies()
            if released > 0 { logger.notice("answers to clicks left by the last run go to the outbox", metadata: ["count": "\(released)"]) }
        } catch {
            throw .failed(String(describing: error))
        }
        try await reconcile()
    }

    /// Tickets whose channel was deleted by hand are closed; a channel the
    /// bot created but never recorded is reported; panels are posted once
    /// and edited in place afterwards.
    func reconcile() async throws(DeskError) {
        do {
            let channels = try await rest.guildChannels(guild: guild)
            guildChannels.replaceAll(channels)
            let existing = Set(channels.map(\.id.rawValue))
            let open = try await engine.tickets(openOnly: true).filter { $0.guild == guild.rawValue }
            for ticket in open {
                // Threads (and archived ones) are not in the channel list:
                // only Discord's own 404 says a ticket's place is gone.
                if let channel = ticket.channelID, !existing.contains(channel), try await rest.channel(Snowflake(channel)) == nil {
                    logger.notice("a ticket's channel was deleted while Escala was away: closing it", metadata: ["ticket": "\(ticket.number)"])
                    _ = try await engine.handle(.channelDeleted, ticket: ticket.id, sourceID: "reconcile:\(ticket.id):\(channel)", now: now())
                }
            }
            let recorded = await Set(try engine.tickets().compactMap(\.channelID))
            for channel in channels where channel.topic?.hasPrefix("escala:") == true && !recorded.contains(channel.id.rawValue) {
                logger.warning("a channel created by Escala is not recorded for any ticket (a crash between Discord and the database?)",
                               metadata: ["channel": "\(channel.id)", "name": "\(channel.name ?? "")"])
            }
            for workflow in workflows { try await postPanels(of: workflow) }
        } catch let error as DiscordError {
            throw .discord(error)
        } catch {
            throw .store(String(describing: error))
        }
    }

    func postPanels(of bound: BoundWorkflow) async throws {
        for panel in bound.workflow.panels {
            guard let channel = bound.ids[panel.channel] else { continue }
            var body = MessageBody(content: panel.message.map(bound.workflow.plainText) ?? panel.title,
                                   components: Components.panel(panel, of: bound.workflow, path: bound.path), allowedMentions: .none)
            let posted = try await store.panelMessage(guild: guild.rawValue, workflow: bound.path, panel: panel.name)
            if let posted, posted.channelID == channel.rawValue {
                do {
                    _ = try await rest.editMessage(channel, Snowflake(posted.messageID), body)
                    continue
                } catch {
                    guard error.isNotFound else { throw error } // deleted by hand: posted again below
                }
            }
            // A nonce of its own, so that a start killed between Discord's
            // answer and the record posts it once: the next start's
            // request gets the same message back. A panel deleted by hand
            // is a new one, with a new nonce.
            body.nonce = DiscordEffectExecutor.nonce("panel:\(guild):\(bound.path):\(panel.name):\(posted?.messageID ?? "")")
            body.enforceNonce = true
            let message = try await rest.createMessage(channel, body)
            try await store.recordPanelMessage(guild: guild.rawValue, workflow: bound.path, panel: panel.name,
                                         channelID: channel.rawValue, messageID: message.id.rawValue)
        }
    }

}
