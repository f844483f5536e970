import Foundation
import GRDB
import Testing
@testable import Engine

/// A database written before the one outbox (schema v4) upgrades with its
/// pending effects still pending, each in its lane, in order.
@Suite("One outbox: upgrading a database")
struct OutboxMigrationTests {
    @Test("pending ticket and community effects of a v4 database are kept, in their lanes and order")
    func upgradeKeepsPendingEffects() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-migration-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("escala.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(queue, upTo: "v4: community operations and ticket statistics")
            try await queue.write { db in
                try db.execute(sql: """
                    INSERT INTO workflow_version (hash, path, source, loaded_at) VALUES ('h', 'c.flow', x'', 0);
                    INSERT INTO ticket (id, guild, number, category, workflow_hash, owner, state, is_open, snapshot, opened_at, updated_at)
                    VALUES (1, 'g', 1, 'soporte', 'h', 'ana', 'abierto', 1, '{}', 0, 0);
                    INSERT INTO event (seq, ticket_id, at, kind, payload) VALUES (1, 1, 0, 'opened', '{}');
                    INSERT INTO outbox (ticket_id, event_seq, idempotency_key, effect, status)
                    VALUES (1, 1, '1-1-0', '{"rename":{"_0":"dev_obj-1"}}', 'pending'),
                           (1, 1, '1-1-1', '{"close":{"reason":"ok"}}', 'done');
                    INSERT INTO community_outbox (guild, workflow, effect)
                    VALUES ('g', 'c.flow', '{"grantRole":{"member":"ana","role":"veterano"}}'),
                           ('g', 'c.flow', '{"revokeRole":{"member":"ana","role":"veterano"}}');
                    """)
            }
        }
        let store = try TicketStore(path: path)
        let pending = try await store.pendingEffects()
        #expect(pending.map(\.lane) == ["t1", "cg"], "one effect offered per lane")
        #expect(pending.first?.work == .ticket(.rename("dev_obj-1"), ticketID: 1, channelID: nil))
        #expect(pending.last?.work == .community(.grantRole(role: "veterano", member: "ana"), workflow: "c.flow"))
        #expect(try await store.outboxCounts() == ["pending": 3, "done": 1])
        // The community lane keeps its order: the revocation after the grant.
        try await store.complete(try #require(pending.last), receipt: EffectReceipt(), now: 1)
        #expect(try await store.pendingEffects().last?.work == .community(.revokeRole(role: "veterano", member: "ana"), workflow: "c.flow"))
    }
}
