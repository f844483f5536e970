import GRDB

/// The database layout, as a list of migrations: a database written by an
/// older Escala is brought up to date on open, and one written by a newer
/// Escala is refused rather than misread.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: tickets, events, timers, outbox, audit") { db in
            // The source of every workflow version a ticket has run on, so
            // that a restart can rebuild the exact rules of old tickets even
            // after their file changed.
            try db.execute(sql: """
                CREATE TABLE workflow_version (
                    hash TEXT PRIMARY KEY,
                    path TEXT NOT NULL,
                    source BLOB NOT NULL,
                    loaded_at INTEGER NOT NULL
                );
                CREATE TABLE server (
                    guild TEXT PRIMARY KEY,
                    last_number INTEGER NOT NULL
                );
                CREATE TABLE ticket (
                    id INTEGER PRIMARY KEY,
                    guild TEXT NOT NULL,
                    number INTEGER NOT NULL,
                    category TEXT NOT NULL,
                    workflow_hash TEXT NOT NULL REFERENCES workflow_version(hash),
                    owner TEXT NOT NULL,
                    state TEXT NOT NULL,
                    handler TEXT,
                    handler_level INTEGER,
                    channel_id TEXT,
                    is_open INTEGER NOT NULL,
                    snapshot BLOB NOT NULL,
                    opened_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    close_reason TEXT,
                    UNIQUE (guild, number)
                );
                CREATE INDEX ticket_open_by_owner ON ticket (guild, owner, category) WHERE is_open;
                CREATE UNIQUE INDEX ticket_by_channel ON ticket (channel_id) WHERE channel_id IS NOT NULL;

                CREATE TABLE event (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER REFERENCES ticket(id),
                    source_id TEXT UNIQUE,
                    at INTEGER NOT NULL,
                    actor TEXT,
                    kind TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    state_before TEXT,
                    state_after TEXT
                );
                CREATE INDEX event_by_ticket ON event (ticket_id, seq);
                CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
                CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
                    BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;

                CREATE TABLE timer (
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    key TEXT NOT NULL,
                    generation INTEGER NOT NULL,
                    due_at INTEGER NOT NULL,
                    PRIMARY KEY (ticket_id, key)
                ) WITHOUT ROWID;
                CREATE INDEX timer_by_due ON timer (due_at, ticket_id, key);

                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER NOT NULL REFERENCES ticket(id),
                    event_seq INTEGER NOT NULL REFERENCES event(seq),
                    idempotency_key TEXT NOT NULL UNIQUE,
                    effect BLOB NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    result TEXT,
                    done_at INTEGER
                );
                CREATE INDEX outbox_pending ON outbox (id) WHERE status = 'pending';

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    ticket_id INTEGER REFERENCES ticket(id),
                    event_seq INTEGER REFERENCES event(seq),
                    at INTEGER NOT NULL,
                    actor TEXT,
                    action TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE INDEX audit_by_ticket ON audit (ticket_id, id);
                """)
        }
        migrator.registerMigration("v2: closed tickets by handler, for milestones") { db in
            // A milestone counts one staff member's closed tickets at every
            // close; without this index that is a scan of the whole table.
            try db.execute(sql: "CREATE INDEX ticket_closed_by_handler ON ticket (guild, handler) WHERE NOT is_open")
        }
        migrator.registerMigration("v3: panel messages and transcripts") { db in
            // A panel is posted once and edited in place afterwards: its
            // message id survives restarts here.
            try db.execute(sql: """
                CREATE TABLE panel_message (
                    guild TEXT NOT NULL,
                    workflow_path TEXT NOT NULL,
                    panel TEXT NOT NULL,
                    channel_id TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    PRIMARY KEY (guild, workflow_path, panel)
                ) WITHOUT ROWID;
                CREATE TABLE transcript (
                    ticket_id INTEGER PRIMARY KEY REFERENCES ticket(id),
                    html TEXT NOT NULL,
                    created_at INTEGER NOT NULL
                );
                """)
        }
        migrator.registerMigration("v4: community operations and ticket statistics") { db in
            try db.execute(sql: """
                -- When each member joined, for seniority roles; learnt from
                -- joins, messages and interactions.
                CREATE TABLE member (
                    guild TEXT NOT NULL,
                    id TEXT NOT NULL,
                    joined_at INTEGER NOT NULL,
                    PRIMARY KEY (guild, id)
                ) WITHOUT ROWID;
                CREATE INDEX member_by_joined ON member (guild, joined_at);

                CREATE TABLE reputation (
                    id INTEGER PRIMARY KEY,
                    guild TEXT NOT NULL,
                    giver TEXT NOT NULL,
                    receiver TEXT NOT NULL,
                    at INTEGER NOT NULL
                );
                CREATE INDEX reputation_by_giver ON reputation (guild, giver, at);
                CREATE INDEX reputation_by_receiver ON reputation (guild, receiver);

                -- Roles Escala gave and holds to account: a temporary one
                -- carries the instant the scheduler takes it back.
                CREATE TABLE role_grant (
                    guild TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    member TEXT NOT NULL,
                    role TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    granted_at INTEGER NOT NULL,
                    expires_at INTEGER,
                    PRIMARY KEY (guild, workflow, member, role)
                ) WITHOUT ROWID;
                CREATE INDEX role_grant_expiring ON role_grant (expires_at) WHERE expires_at IS NOT NULL;

                CREATE TABLE role_audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    guild TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    member TEXT NOT NULL,
                    role TEXT NOT NULL,
                    action TEXT NOT NULL,
                    rule TEXT,
                    reason TEXT NOT NULL,
                    actor TEXT
                );
                CREATE INDEX role_audit_by_member ON role_audit (guild, member, id);
                CREATE INDEX role_audit_by_rule ON role_audit (guild, workflow, rule, member) WHERE action = 'grant';
                CREATE TRIGGER role_audit_is_append_only_update BEFORE UPDATE ON role_audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER role_audit_is_append_only_delete BEFORE DELETE ON role_audit
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

                -- One row per window of each activity board; a closed one
                -- keeps the ranking it posted, so past windows stay readable.
                CREATE TABLE activity_window (
                    id INTEGER PRIMARY KEY,
                    guild TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    board TEXT NOT NULL,
                    starts_at INTEGER NOT NULL,
                    ends_at INTEGER NOT NULL,
                    closed_at INTEGER,
                    ranking BLOB,
                    UNIQUE (guild, workflow, board, starts_at)
                );
                CREATE INDEX activity_window_open ON activity_window (ends_at) WHERE closed_at IS NULL;
                CREATE TABLE activity_count (
                    window_id INTEGER NOT NULL REFERENCES activity_window(id),
                    member TEXT NOT NULL,
                    messages INTEGER NOT NULL DEFAULT 0,
                    reactions INTEGER NOT NULL DEFAULT 0,
                    reputation INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (window_id, member)
                ) WITHOUT ROWID;

                -- Effects of community rules, delivered in order like the
                -- tickets' outbox but belonging to no ticket.
                CREATE TABLE community_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    guild TEXT NOT NULL,
                    workflow TEXT NOT NULL,
                    effect BLOB NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    done_at INTEGER
                );
                CREATE INDEX community_outbox_pending ON community_outbox (id) WHERE status = 'pending';

                -- Ticket statistics: the first answer from staff.
                ALTER TABLE ticket ADD COLUMN first_response_at INTEGER;
                ALTER TABLE ticket ADD COLUMN first_responder TEXT;
                """)
        }
        migrator.registerMigration("v5: one outbox for ticket and community effects") { db in
            // One table, one drainer, one set of rules for every effect. A
            // lane orders what must stay in order: a ticket's effects
            // (`t<ticket id>`), a server's community effects (`c<guild>`).
            try db.execute(sql: """
                CREATE TABLE outbox_v5 (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    lane TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('ticket', 'community')),
                    guild TEXT NOT NULL,
                    ticket_id INTEGER REFERENCES ticket(id),
                    workflow TEXT,
                    event_seq INTEGER REFERENCES event(seq),
                    idempotency_key TEXT NOT NULL UNIQUE,
                    effect BLOB NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT,
                    result TEXT,
                    done_at INTEGER,
                    CHECK ((kind = 'ticket') = (ticket_id IS NOT NULL))
                );
                INSERT INTO outbox_v5 (id, lane, kind, guild, ticket_id, event_seq, idempotency_key, effect, status, attempts,
                                       last_error, result, done_at)
                    SELECT o.id, 't' || o.ticket_id, 'ticket', t.guild, o.ticket_id, o.event_seq, o.idempotency_key, o.effect,
                           o.status, o.attempts, o.last_error, o.result, o.done_at
                    FROM outbox o JOIN ticket t ON t.id = o.ticket_id ORDER BY o.id;
                INSERT INTO outbox_v5 (lane, kind, guild, workflow, idempotency_key, effect, status, attempts, last_error, done_at)
                    SELECT 'c' || guild, 'community', guild, workflow, 'community-' || guild || '-' || id, effect,
                           status, attempts, last_error, done_at
                    FROM community_outbox ORDER BY id;
                DROP TABLE outbox;
                DROP TABLE community_outbox;
                ALTER TABLE outbox_v5 RENAME TO outbox;
                CREATE INDEX outbox_pending ON outbox (lane, id) WHERE status = 'pending';
                """)
        }
        migrator.registerMigration("v6: the sanctions ledger") { db in
            // Who sanctioned whom, for what, with what evidence: appeals
            // reach the staff member recorded here. A ledger is appended
            // to, never edited: the triggers refuse an update or a delete
            // from any program, not only from Escala.
            try db.execute(sql: """
                CREATE TABLE sanction (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    guild TEXT NOT NULL,
                    member TEXT NOT NULL,
                    offence TEXT NOT NULL,
                    sanction TEXT,
                    applied_by TEXT NOT NULL,
                    recorded_by TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    ticket_id INTEGER REFERENCES ticket(id),
                    ticket_number INTEGER,
                    category TEXT,
                    evidence TEXT NOT NULL,
                    warned INTEGER NOT NULL,
                    outside_escala INTEGER NOT NULL
                );
                CREATE INDEX sanction_member ON sanction (guild, member, id);
                CREATE TRIGGER sanction_no_update BEFORE UPDATE ON sanction
                    BEGIN SELECT RAISE(ABORT, 'the sanctions ledger is append-only'); END;
                CREATE TRIGGER sanction_no_delete BEFORE DELETE ON sanction
                    BEGIN SELECT RAISE(ABORT, 'the sanctions ledger is append-only'); END;
                """)
        }
        migrator.registerMigration("v7: messages that answer a person's action") { db in
            // A step's message the face delivers as the interaction's own
            // answer (exempt from Discord's global limit) waits in its lane
            // as 'reply' until the face says whether it did; the route lets
            // a restarted process ask Discord whether the answer arrived.
            try db.execute(sql: """
                ALTER TABLE outbox ADD COLUMN reply_route TEXT;
                CREATE INDEX outbox_open ON outbox (lane, id) WHERE status IN ('pending', 'reply');
                """)
        }
        migrator.registerMigration("v8: timers set aside") { db in
            // A timer whose step cannot be taken (the workflow version its
            // ticket runs on is gone) stays, with the reason, out of the
            // due ones, instead of vanishing with its transaction.
            try db.execute(sql: """
                ALTER TABLE timer ADD COLUMN set_aside TEXT;
                ALTER TABLE timer ADD COLUMN set_aside_at INTEGER;
                DROP INDEX timer_by_due;
                CREATE INDEX timer_by_due ON timer (due_at, ticket_id, key) WHERE set_aside IS NULL;
                """)
        }
        migrator.registerMigration("v9: the rules each event followed") { db in
            // JSON of `[FiredRule]`; NULL when no rule acted (and for
            // events logged before rules were kept).
            try db.execute(sql: "ALTER TABLE event ADD COLUMN rules BLOB")
        }
        migrator.registerMigration("v10: the blocklist") { db in
            // `until` NULL: until someone lifts it. A timed row stays after
            // its time (the open compares it with the clock): what was
            // decided, and when it ended, stays readable.
            try db.execute(sql: """
                CREATE TABLE blocklist (
                    guild TEXT NOT NULL,
                    member TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    until INTEGER,
                    blocked_by TEXT NOT NULL,
                    at INTEGER NOT NULL,
                    PRIMARY KEY (guild, member)
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v11: the webhook outbox") { db in
            // Apart from `outbox`: its drain never waits for a receiver.
            // A delivered row is deleted; a set-aside one stays, with why.
            try db.execute(sql: """
                CREATE TABLE webhook_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    url TEXT NOT NULL,
                    event TEXT NOT NULL,
                    body TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    due_at INTEGER NOT NULL,
                    last_error TEXT,
                    set_aside_at INTEGER,
                    created_at INTEGER NOT NULL
                );
                CREATE INDEX webhook_outbox_due ON webhook_outbox (due_at) WHERE set_aside_at IS NULL;
                """)
        }
        migrator.registerMigration("v12: reported messages waiting for their form") { db in
            try db.execute(sql: """
                CREATE TABLE pending_report (
                    reporter TEXT NOT NULL,
                    message_id TEXT NOT NULL,
                    message BLOB NOT NULL,
                    kept_at INTEGER NOT NULL,
                    PRIMARY KEY (reporter, message_id)
                ) WITHOUT ROWID
                """)
        }
        migrator.registerMigration("v13: the staff desk's queue") { db in
            // Filled by the engine with every write of a ticket; rows
            // written before are filled the first time the desk reads the
            // queue (`openTicketsWithoutDeskColumns`). Two indexes over
            // open tickets only: the queue's order (a page stops after its
            // 50), and one that covers the counts by category, state and
            // handler, which would otherwise read every visible ticket's
            // row, its columns after the snapshot's overflow pages
            // (measured: 27-32 ms of a 40 ms page at 10,000 open tickets).
            try db.execute(sql: """
                ALTER TABLE ticket ADD COLUMN desk_audience TEXT;
                ALTER TABLE ticket ADD COLUMN waiting_since INTEGER;
                ALTER TABLE ticket ADD COLUMN priority_rank INTEGER;
                CREATE INDEX ticket_desk_queue ON ticket (guild, waiting_since IS NULL, waiting_since, priority_rank IS NULL, priority_rank,
                                                          opened_at, number) WHERE is_open;
                CREATE INDEX ticket_desk_facets ON ticket (guild, category, state, handler, workflow_hash, desk_audience) WHERE is_open;
                CREATE INDEX ticket_desk_closed ON ticket (guild, closed_at, number) WHERE NOT is_open;
                CREATE INDEX ticket_closed_by_owner ON ticket (guild, owner, closed_at, number) WHERE NOT is_open;
                """)
        }
        return migrator
    }
}
