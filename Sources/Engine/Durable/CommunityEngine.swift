import Foundation
import Synchronization
import WorkflowDSL

/// Community operations for one server: reputation, automatic roles and
/// their audit trail, activity counters and their TOPs, ticket statistics.
///
/// Like `TicketEngine`, it never reads a clock (`now` is an argument) and
/// writes each decision in one transaction with the effects it causes, in
/// the community outbox. The rules come from the workflows' current
/// versions (`update`); a role or channel is named as the workflow names it
/// and carried with the workflow's path, which the adapter maps to ids.
public final class CommunityEngine: Sendable, StoreBacked {
    public let store: any TicketStorage
    public let guild: String
    private let workflows: Mutex<[String: Workflow]>
    /// Per counter, the boards that count it: looked up on every message.
    private let boards: Mutex<[ActivityBoard.Counter: [CountingBoard]]>

    /// A board as counting sees it; `id` keys its current window in the tally.
    private struct CountingBoard {
        let id: Int
        let path: String
        let board: ActivityBoard
    }
    private let tally = Mutex(ActivityTally())
    /// Join dates already written, so that a member's every message does
    /// not cost a write.
    private let knownMembers = Mutex([String: Int64]())
    /// Windows whose row exists, so the scheduler's tick writes nothing
    /// when nothing is new.
    private let openedWindows = Mutex(Set<String>())

    public init(store: any TicketStorage, guild: String, workflows: [String: Workflow] = [:]) {
        self.store = store
        self.guild = guild
        self.workflows = Mutex(workflows)
        boards = Mutex(Self.boardsByCounter(workflows))
    }

    /// The rules of each workflow file, by path: call after every (re)load.
    public func update(workflows: [String: Workflow]) {
        self.workflows.withLock { $0 = workflows }
        boards.withLock { $0 = Self.boardsByCounter(workflows) }
    }

    private static func boardsByCounter(_ workflows: [String: Workflow]) -> [ActivityBoard.Counter: [CountingBoard]] {
        var boards: [ActivityBoard.Counter: [CountingBoard]] = [:]
        var id = 0
        for (path, workflow) in workflows.sorted(by: { $0.key < $1.key }) {
            for board in workflow.activities {
                id += 1
                for counter in board.counters { boards[counter, default: []].append(CountingBoard(id: id, path: path, board: board)) }
            }
        }
        return boards
    }

    /// The board `/top` reads: the first activity board of the first
    /// workflow that has one.
    func firstBoard() -> (path: String, board: String)? {
        rules.lazy.compactMap { rule in rule.workflow.activities.first.map { (rule.path, $0.name) } }.first
    }

    /// The commands `person` may run anywhere, as `/help` lists them:
    /// `/ticket` and `/transcript` where a panel opens tickets, and the community commands the
    /// workflows offer, the staff's only for staff.
    func usableCommands(by person: Person) -> [String] {
        let workflows = workflowsInUse()
        return (workflows.contains { !$0.panels.isEmpty } ? [CommandWords.openTicket, CommandWords.transcript] : [])
            + CommunityCommand.offered(by: workflows).filter { person.isStaff || !CommunityCommand.staffOnly.contains($0) }
    }

    /// The commands `person` may use in a ticket: staff's tools (each
    /// ticket's workflow says who may use which), then the workflows' own.
    func usableTicketCommands(by person: Person) -> [String] {
        (person.isStaff ? StaffTool.offered(by: workflowsInUse()).map(\.rawValue) : []) + ticketCommandNames()
    }

    func workflowsInUse() -> [Workflow] { rules.map(\.workflow) }

    /// The workflows' own commands (`on command reabrir`), used in tickets.
    func ticketCommandNames() -> [String] {
        Set(rules.flatMap(\.workflow.ticketCommandNames)).sorted()
    }

    private var rules: [(path: String, workflow: Workflow)] {
        workflows.withLock { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    // MARK: Members

    /// Remembers when a member joined, for seniority rules.
    public func memberSeen(_ member: String, joinedAt: Int64) async throws(EngineError) {
        guard knownMembers.withLock({ $0[member] }) != joinedAt else { return }
        try await write { [self] in try $0.recordMember(guild: guild, member: member, joinedAt: joinedAt) }
        knownMembers.withLock { $0[member] = joinedAt }
    }

    // MARK: Activity

    /// Counts one message or reaction of `member` in every board that counts
    /// it. In memory until the next `flush`.
    public func count(_ counter: ActivityBoard.Counter, member: String, at instant: Int64) {
        let boards = boards.withLock { $0[counter] ?? [] }
        guard !boards.isEmpty else { return }
        tally.withLock { tally in
            for counting in boards {
                // The calendar is asked once per window, not once per message.
                let window: ActivityWindow
                if let known = tally.windows[counting.id], known.start <= instant, instant < known.end {
                    window = known
                } else {
                    window = counting.board.window(containing: instant)
                    tally.windows[counting.id] = window
                }
                tally.add(counter, to: .init(workflow: counting.path, board: counting.board.name, windowStart: window.start,
                                             windowEnd: window.end, member: member))
            }
        }
    }

    /// Events counted since the last flush.
    public var unflushedEvents: Int { tally.withLock { $0.events } }

    /// Writes the counts kept in memory, in one transaction.
    @discardableResult
    public func flush() async throws(EngineError) -> Int {
        let counts = tally.withLock { $0.take() }
        guard !counts.isEmpty else { return 0 }
        do {
            try await write { [self] transaction in
                var windows: [ActivityTally.Key: Int64] = [:]
                for (key, value) in counts {
                    let windowKey = ActivityTally.Key(workflow: key.workflow, board: key.board, windowStart: key.windowStart,
                                                      windowEnd: key.windowEnd, member: "")
                    let id: Int64
                    if let known = windows[windowKey] {
                        id = known
                    } else {
                        id = try transaction.windowID(guild: guild, workflow: key.workflow, board: key.board,
                                                      window: ActivityWindow(start: key.windowStart, end: key.windowEnd))
                        windows[windowKey] = id
                    }
                    try transaction.addCounts(windowID: id, member: key.member, messages: value.messages,
                                              reactions: value.reactions, reputation: value.reputation)
                }
            }
        } catch {
            // Put the counts back: the next flush tries again.
            tally.withLock { $0.restore(counts) }
            throw error
        }
        return counts.count
    }

    /// A board's ranking: `back` 0 is the window running at `now` (live
    /// counts, flushed first); 1 the last one closed, 2 the one before.
    public func ranking(workflow path: String, board name: String, back: Int = 0, now: Int64) async throws(EngineError) -> ActivityRanking? {
        guard let workflow = workflows.withLock({ $0[path] }), let board = workflow.activities.first(where: { $0.name == name }) else {
            return nil
        }
        if back > 0 {
            guard let data = try await read({ try $0.closedRanking(guild: guild, workflow: path, board: name, back: back - 1) }) else {
                return nil
            }
            do { return try StoreCoding.decode(ActivityRanking.self, from: data, what: "ranking of \(name)") } catch { throw .store(error) }
        }
        try await flush()
        let window = board.window(containing: now)
        return try await write { [self] transaction in
            let id = try transaction.windowID(guild: guild, workflow: path, board: name, window: window)
            return try rankingOf(board, workflow: workflow, path: path, windowID: id, window: window, closedAt: nil, in: transaction)
        }
    }

    private func rankingOf(_ board: ActivityBoard, workflow: Workflow, path: String, windowID: Int64, window: ActivityWindow,
                           closedAt: Int64?, in transaction: any StorageTransaction) throws -> ActivityRanking {
        let (members, entries) = try transaction.ranking(windowID: windowID, counters: board.counters.map(\.rawValue), limit: board.topSize)
        let title = board.title.map(workflow.plainText) ?? "TOP \(board.name)"
        return ActivityRanking(workflow: path, board: board.name, title: title, image: board.image, timeZone: board.timeZone,
                               window: window, closedAt: closedAt, members: members, entries: entries)
    }

    // MARK: Reputation

    public enum ReputationOutcome: Sendable, Equatable {
        case given(points: Int, level: String?, effects: [CommunityEffect])
        case refused(Notice)
    }

    /// `/rep @member`: one point from `giver` to `receiver`, within the
    /// workflow's limits; a level reached grants its roles.
    public func giveReputation(from giver: String, to receiver: String, now: Int64) async throws(EngineError) -> ReputationOutcome {
        guard let (path, workflow) = rules.first(where: { $0.workflow.reputation != nil }), let rules = workflow.reputation else {
            return .refused(.noReputation)
        }
        guard giver != receiver else { return .refused(.repToSelf) }
        let outcome: ReputationOutcome = try await write { [self] transaction in
            for limit in rules.limits {
                let given = try transaction.reputationGiven(guild: guild, giver: giver, receiver: limit.perMember ? receiver : nil,
                                                            since: now - Int64(limit.periodSeconds))
                if given >= limit.count {
                    return .refused(.repLimit(count: limit.count, perMember: limit.perMember, seconds: limit.periodSeconds))
                }
            }
            try transaction.addReputation(guild: guild, giver: giver, receiver: receiver, at: now)
            let points = try transaction.reputationPoints(guild: guild, member: receiver)
            let level = rules.level(for: points)
            var effects: [CommunityEffect] = []
            let reached = Set(rules.levels.filter { points >= $0.threshold }.map(\.name))
            for rule in workflow.autoroles {
                guard case .reputation(let name) = rule.trigger, reached.contains(name),
                      try !transaction.everGranted(guild: guild, workflow: path, rule: rule.name, member: receiver) else { continue }
                effects += try grant(rule, workflow: path, to: receiver, reason: "reputation level \(name) (\(points) points)",
                                     actor: giver, now: now, in: transaction)
            }
            return .given(points: points, level: level?.name, effects: effects)
        }
        if case .given = outcome { count(.reputation, member: giver, at: now) }
        return outcome
    }

    public func reputation(of member: String) async throws(EngineError) -> (points: Int, level: String?) {
        let points = try await read { try $0.reputationPoints(guild: guild, member: member) }
        return (points, rules.lazy.compactMap(\.workflow.reputation).first?.level(for: points)?.name)
    }

    // MARK: Reactions

    /// A reaction added to or removed from a message a workflow names: the
    /// role of each matching rule is granted, or revoked when it goes.
    public func reaction(added: Bool, member: String, workflow path: String, message: String, emoji: String,
                         now: Int64) async throws(EngineError) -> [CommunityEffect] {
        guard let workflow = workflows.withLock({ $0[path] }) else { return [] }
        let matching = workflow.autoroles.filter {
            if case .reaction(let wanted, let target) = $0.trigger { target == message && Self.sameEmoji(wanted, emoji) } else { false }
        }
        guard !matching.isEmpty else { return [] }
        return try await write { [self] transaction in
            var effects: [CommunityEffect] = []
            for rule in matching {
                if added {
                    effects += try grant(rule, workflow: path, to: member, reason: "reacted \(emoji) to \(message)",
                                         actor: member, now: now, in: transaction)
                } else if try transaction.grantedRule(guild: guild, workflow: path, member: member, role: rule.role) == rule.name {
                    effects += try revoke(rule.role, workflow: path, from: member, rule: rule.name,
                                          reason: "removed the reaction \(emoji) from \(message)", actor: member, now: now, in: transaction)
                }
            }
            return effects
        }
    }

    /// Discord sends a custom emoji as `name:id` and a standard one as the
    /// character; a workflow may write either, or `:name:`.
    static func sameEmoji(_ wanted: String, _ got: String) -> Bool {
        if wanted == got { return true }
        let bare = wanted.trimmingCharacters(in: CharacterSet(charactersIn: ":<>"))
        return got == bare || got.hasPrefix(bare + ":") || got.split(separator: ":").first.map(String.init) == bare
    }

    // MARK: Roles

    /// Grants `rule`'s role, records it and asks Discord; nothing when the
    /// member already holds it from Escala (a temporary grant is extended).
    private func grant(_ rule: AutoroleRule, workflow path: String, to member: String, reason: String, actor: String?,
                       now: Int64, in transaction: any StorageTransaction) throws -> [CommunityEffect] {
        let held = try transaction.hasGrant(guild: guild, workflow: path, member: member, role: rule.role)
        let expiry = rule.durationSeconds.map { now + Int64($0) }
        try transaction.insertGrant(guild: guild, workflow: path, member: member, role: rule.role, rule: rule.name, at: now, expiresAt: expiry)
        let why = reason + (rule.durationSeconds.map { ", for \($0.spokenDuration)" } ?? "")
        try transaction.appendRoleAudit(guild: guild, workflow: path, at: now, member: member, role: rule.role, action: .grant,
                                        rule: rule.name, reason: held ? why + " (renewed)" : why, actor: actor)
        guard !held else { return [] }
        let effects = [CommunityEffect.grantRole(role: rule.role, member: member)]
        try transaction.enqueue(effects, guild: guild, workflow: path)
        return effects
    }

    private func revoke(_ role: String, workflow path: String, from member: String, rule: String?, reason: String, actor: String?,
                        now: Int64, in transaction: any StorageTransaction) throws -> [CommunityEffect] {
        guard try transaction.deleteGrant(guild: guild, workflow: path, member: member, role: role) else { return [] }
        try transaction.appendRoleAudit(guild: guild, workflow: path, at: now, member: member, role: role, action: .revoke,
                                        rule: rule, reason: reason, actor: actor)
        let effects = [CommunityEffect.revokeRole(role: role, member: member)]
        try transaction.enqueue(effects, guild: guild, workflow: path)
        return effects
    }

    /// Whether `member` holds `role` from Escala (in any workflow).
    public func holds(_ role: String, member: String) async throws(EngineError) -> Bool {
        let paths = rules.map(\.path)
        return try await read { transaction in
            try paths.contains { try transaction.hasGrant(guild: guild, workflow: $0, member: member, role: role) }
        }
    }

    /// The role audit trail, newest first.
    /// The workflow whose sanctions table names the ledger's offences.
    func sanctionsTable() -> Workflow? {
        workflows.withLock { $0.sorted { $0.key < $1.key }.first { !$0.value.offences.isEmpty }?.value }
    }

    public func audit(member: String? = nil, limit: Int = 50) async throws(EngineError) -> [RoleAuditRecord] {
        try await read { try $0.roleAudit(guild: guild, member: member, limit: limit) }
    }

    // MARK: The scheduler

    /// What one pass of the scheduler did.
    public struct Pass: Sendable, Equatable {
        public var effects: [CommunityEffect] = []
        public var closedWindows: [ActivityRanking] = []

        public init() {}
    }

    /// Everything due at `now`: counts written, temporary roles past their
    /// time revoked, seniority roles granted, windows that ended closed with
    /// their TOP posted. Each decision is its own transaction, so a crash
    /// between two leaves each either done or still due; after a restart
    /// the first pass does what fell due meanwhile.
    @discardableResult
    public func fireDue(now: Int64) async throws(EngineError) -> Pass {
        var pass = Pass()
        try await flush()
        // Temporary roles.
        while true {
            let expired = try await read { try $0.expiredGrants(guild: guild, upTo: now, limit: 256) }
            if expired.isEmpty { break }
            for grant in expired {
                pass.effects += try await write { [self] transaction in
                    try revoke(grant.role, workflow: grant.workflow, from: grant.member, rule: grant.rule,
                               reason: "temporary role expired (granted \(Int(now - grant.grantedAt).spokenDuration) ago)",
                               actor: nil, now: now, in: transaction)
                }
            }
        }
        // Seniority.
        for (path, workflow) in rules {
            for rule in workflow.autoroles {
                guard case .seniority(let seconds) = rule.trigger else { continue }
                while true {
                    let members = try await read {
                        try $0.membersWithoutGrant(guild: guild, workflow: path, rule: rule.name, joinedBy: now - Int64(seconds), limit: 256)
                    }
                    if members.isEmpty { break }
                    for member in members {
                        pass.effects += try await write { [self] transaction in
                            try grant(rule, workflow: path, to: member, reason: "\(seconds.spokenDuration) in the server",
                                      actor: nil, now: now, in: transaction)
                        }
                    }
                }
            }
        }
        // Activity windows: every board has a row for the running window,
        // so one that ends with no activity still posts its (empty) TOP.
        for (path, workflow) in rules {
            for board in workflow.activities {
                let window = board.window(containing: now)
                let key = "\(path)\u{0}\(board.name)\u{0}\(window.start)"
                guard !openedWindows.withLock({ $0.contains(key) }) else { continue }
                _ = try await write { [self] in try $0.windowID(guild: guild, workflow: path, board: board.name, window: window) }
                openedWindows.withLock { _ = $0.insert(key) }
            }
        }
        let due = try await read { try $0.dueWindows(guild: guild, upTo: now) }
        for window in due {
            guard let workflow = workflows.withLock({ $0[window.workflow] }),
                  let board = workflow.activities.first(where: { $0.name == window.board }) else { continue }
            let ranking: ActivityRanking = try await write { [self] transaction in
                let ranking = try rankingOf(board, workflow: workflow, path: window.workflow, windowID: window.id,
                                            window: window.window, closedAt: now, in: transaction)
                try transaction.closeWindow(id: window.id, at: now, ranking: try StoreCoding.encode(ranking))
                try transaction.enqueue([.postRanking(channel: board.channel, ranking: ranking)], guild: guild, workflow: window.workflow)
                return ranking
            }
            pass.closedWindows.append(ranking)
            pass.effects.append(.postRanking(channel: board.channel, ranking: ranking))
        }
        return pass
    }

    /// When the scheduler next has something to do: a temporary role's
    /// end, a window's end, a member reaching a seniority rule.
    public func nextDue() async throws(EngineError) -> Int64? {
        try await flush()
        var candidates: [Int64] = try await read { transaction in
            [try transaction.nextGrantExpiry(guild: guild), try transaction.nextWindowEnd(guild: guild)].compactMap { $0 }
        }
        for (path, workflow) in rules {
            for rule in workflow.autoroles {
                guard case .seniority(let seconds) = rule.trigger else { continue }
                if let joined = try await read({ try $0.firstJoinWithoutGrant(guild: guild, workflow: path, rule: rule.name) }) {
                    candidates.append(joined + Int64(seconds))
                }
            }
        }
        return candidates.min()
    }

    /// A member's total in a board's running window.
    public func activity(of member: String, board name: String, workflow path: String, now: Int64) async throws(EngineError) -> Int {
        guard let workflow = workflows.withLock({ $0[path] }), let board = workflow.activities.first(where: { $0.name == name }) else {
            return 0
        }
        try await flush()
        return try await write { [self] transaction in
            let id = try transaction.windowID(guild: guild, workflow: path, board: name, window: board.window(containing: now))
            return try transaction.memberTotal(windowID: id, member: member, counters: board.counters.map(\.rawValue))
        }
    }

    // MARK: Ticket statistics

    public func ticketStatistics(since: Int64 = 0) async throws(EngineError) -> TicketStatistics {
        try await read { try $0.ticketStatistics(guild: guild, since: since) }
    }

    /// The staff desk's statistics of the last `days` days, for `person`
    /// if they may see `/stats` (staff only, as the command); nil if not.
    public func deskStatistics(days: Int, by person: Person, now: Int64) async throws(EngineError) -> DeskStatistics? {
        guard person.isStaff, (1...CommunityCommand.maximumDays).contains(days) else { return nil }
        let since = now - Int64(days) * 86_400
        let times = try await read { try $0.ticketTimes(guild: guild, since: since) }
        return DeskStatistics(times: times, since: since, now: now)
    }
}
