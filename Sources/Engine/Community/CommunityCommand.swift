import Foundation
import WorkflowDSL

/// A community slash command as any face receives it, already read from the
/// platform's payload. Who may run it, which board it reads, and what the
/// answer says are decided here, in the engine, so that `escala simulate`
/// and every face answer alike.
public enum CommunityCommand: Sendable, Hashable {
    /// `/rep member`: one reputation point. `memberIsBot` is what the
    /// platform knows of the receiver.
    case rep(member: String, memberIsBot: Bool)
    /// `/top periods_ago`: the running period (0) or one that ended.
    case top(periodsAgo: Int)
    /// `/stats days` (staff only): tickets opened in the last `days` days.
    case stats(days: Int?)
    /// `/audit member` (staff only): roles granted and revoked.
    case audit(member: String?)
    /// `/sanctions member` (staff only): the member's recorded sanctions.
    case sanctions(member: String)
    /// `/help`: what this person may use here, in their language.
    case help
    /// `/tickets member`: a member's own tickets; staff may name anyone.
    case tickets(member: String?)
    /// `/block member reason [duration]`: the member may open no ticket,
    /// for `duration` as typed (`7d`) or until `/unblock`.
    case block(member: String, reason: String, duration: String?)
    /// `/unblock member`: the block lifted.
    case unblock(member: String)

    /// The names faces register, and route to `CommunityEngine.answer`.
    public static let names: Set<String> = ["help", "tickets", "rep", "top", "stats", "audit", "sanctions", "block", "unblock"]
    /// How many of a member's tickets `/tickets` lists, newest first.
    public static let ticketsListed = 15
    /// The commands only staff may run.
    public static let staffOnly: Set<String> = ["stats", "audit", "sanctions", "block", "unblock"]

    /// The commands the server's workflows offer, by routing name: each
    /// where a workflow has what it reads (a sanctions table, reputation,
    /// an activity board). Faces register these; `/help` lists them.
    public static func offered(by workflows: [Workflow]) -> [String] {
        var names = ["help", "tickets"]
        if workflows.contains(where: { $0.reputation != nil }) { names.append("rep") }
        if workflows.contains(where: { !$0.activities.isEmpty }) { names.append("top") }
        names += ["stats", "audit"]
        if workflows.contains(where: { !$0.offences.isEmpty }) { names.append("sanctions") }
        if workflows.contains(where: { $0.blockers != nil }) { names += ["block", "unblock"] }
        return names
    }

    /// The routing name the command was run by (`/stats`: "stats").
    public var name: String {
        switch self {
        case .rep: "rep"
        case .top: "top"
        case .stats: "stats"
        case .audit: "audit"
        case .sanctions: "sanctions"
        case .help: "help"
        case .tickets: "tickets"
        case .block: "block"
        case .unblock: "unblock"
        }
    }

    /// The longest span `/stats` looks back, and the furthest `/top` does:
    /// a person's number beyond them is refused, never multiplied into an
    /// overflow.
    public static let maximumDays = 36_500
    public static let maximumPeriodsAgo = 1_000
}

/// What the person who ran a community command is shown.
public enum CommunityAnswer: Sendable, Equatable {
    /// Only to them: a refusal or an explanation.
    case privately(Notice)
    /// To everyone in the channel, pinging nobody.
    case publicly(Notice)
    case ranking(ActivityRanking)
    /// Only to them (staff).
    case statistics(TicketStatistics)
    /// Only to them (staff): the trail, and whose it is when one member's.
    case audit([RoleAuditRecord], member: String?)
    /// Only to them (staff): the member's ledger, and the workflow whose
    /// table names its offences (`SanctionListing` words it).
    case sanctions([SanctionRecord], member: String, table: Workflow?)
    /// Only to them: the member's tickets, newest first, and the
    /// workflows that name their categories (`TicketListing` words it).
    case tickets([StoredTicket], member: String, workflows: [Workflow])
}

extension CommunityEngine {
    /// The answer to a community command run by `person` (their ranks as
    /// the workflows see them), in the language of `locale`. Effects it
    /// causes (a level's role) wait in the community outbox.
    public func answer(_ command: CommunityCommand, by person: Person, now: Int64) async throws(EngineError) -> CommunityAnswer {
        try await respond(to: command, by: person, now: now).answer
    }

    /// The answer, and the effects the command queued (for a trace).
    public func respond(to command: CommunityCommand, by person: Person,
                        now: Int64) async throws(EngineError) -> (answer: CommunityAnswer, effects: [CommunityEffect]) {
        if CommunityCommand.staffOnly.contains(command.name), !person.isStaff { return (.privately(.staffOnly), []) }
        switch command {
        case .rep(let member, let isBot):
            if isBot { return (.privately(.repToBot), []) }
            switch try await giveReputation(from: person.id, to: member, now: now) {
            case .refused(let notice): return (.privately(notice), [])
            case .given(let points, let level, let effects): return (.publicly(.repGiven(to: member, points: points, level: level)), effects)
            }
        case .top(let back):
            guard (0...CommunityCommand.maximumPeriodsAgo).contains(back) else {
                return (.privately(.numberOutOfRange(option: "periods_ago", minimum: 0, maximum: CommunityCommand.maximumPeriodsAgo)), [])
            }
            guard let (path, board) = firstBoard(), let ranking = try await ranking(workflow: path, board: board, back: back, now: now) else {
                return (.privately(.noRanking), [])
            }
            return (.ranking(ranking), [])
        case .stats(let days):
            if let days, !(1...CommunityCommand.maximumDays).contains(days) {
                return (.privately(.numberOutOfRange(option: "days", minimum: 1, maximum: CommunityCommand.maximumDays)), [])
            }
            return (.statistics(try await ticketStatistics(since: days.map { now - Int64($0) * 86_400 } ?? 0)), [])
        case .audit(let member):
            return (.audit(try await audit(member: member, limit: 20), member: member), [])
        case .sanctions(let member):
            let records = try await read { try $0.sanctions(guild: guild, member: member) }
            return (.sanctions(records, member: member, table: sanctionsTable()), [])
        case .help:
            return (.privately(.help(commands: usableCommands(by: person), ticketCommands: usableTicketCommands(by: person))), [])
        case .tickets(let named):
            let member = named ?? person.id
            // A member reads their own; whose others are is staff's to ask.
            guard member == person.id || person.isStaff else { return (.privately(.staffOnly), []) }
            let guild = guild
            let tickets = try await read { try $0.tickets(openOnly: false) }
                .filter { $0.guild == guild && $0.state.owner == member }
                .sorted { $0.state.number > $1.state.number }
            return (.tickets(Array(tickets.prefix(CommunityCommand.ticketsListed)), member: member, workflows: workflowsInUse()), [])
        case .block(let member, let reason, let duration):
            if let refusal = blockRefusal(by: person) { return (.privately(refusal), []) }
            guard member != person.id else { return (.privately(.blockSelf), []) }
            var until: Int64?
            if let duration {
                guard let seconds = CommunityCommand.seconds(duration) else { return (.privately(.notADuration(duration)), []) }
                until = now + seconds
            }
            // What the member is told, kept to a length any answer holds.
            let entry = BlockEntry(member: member, reason: String(reason.prefix(CommunityCommand.longestReason)), until: until,
                                   blockedBy: person.id, at: now)
            try await block(entry, now: now)
            return (.privately(.memberBlocked(member, until: until)), [])
        case .unblock(let member):
            if let refusal = blockRefusal(by: person) { return (.privately(refusal), []) }
            return (.privately(try await unblock(member, by: person.id, now: now) ? .memberUnblocked(member) : .notBlocked(member)), [])
        }
    }
}

extension CommunityCommand {
    /// The longest block a duration may ask for: past it, a typo (`7000d`)
    /// is refused rather than taken as for ever.
    public static let longestBlock: Int64 = 3_650 * 86_400
    /// A block's reason is cut here: the member's refusal must fit one message.
    public static let longestReason = 500

    /// `30m`, `12h`, `7d`, `2w` as seconds; nil for anything else.
    public static func seconds(_ typed: String) -> Int64? {
        let text = typed.trimmingCharacters(in: .whitespaces).lowercased()
        guard let unit = text.last, let count = Int64(text.dropLast()), count > 0 else { return nil }
        let scale: Int64 = switch unit {
        case "m": 60
        case "h": 3_600
        case "d": 86_400
        case "w": 7 * 86_400
        default: 0
        }
        guard scale > 0, count <= longestBlock / scale else { return nil }
        return count * scale
    }
}
