import Engine
import Foundation
import LocalDiscord
import WorkflowDSL

/// The staff desk: the queue, a ticket's page, and the staff actions the
/// workflow allows, for one server, over the same engine and store as the
/// Discord face. Who sees which ticket is the engine's answer
/// (`TicketEngine.deskQueue`, `deskTicket`); a button pressed here is the
/// same `.button` event a Discord click is, with the same refusals, and
/// its effects reach Discord through the same outbox. The desk computes
/// what the pages show, as values; `DeskRoutes` turns them into HTML.
public final class StaffDesk: Sendable {
    let engine: TicketEngine
    /// Statistics, as `/stats` gives them, with medians and days.
    let community: CommunityEngine
    let guild: String
    let accounts: any DeskAccounts
    let sessions: DeskSessions
    let sources: WorkflowSources
    /// The desk's address as browsers reach it (`https://desk.example.org`),
    /// where Discord sends them back after sign-in; nil: the address the
    /// request came to (the playground, on 127.0.0.1).
    let publicURL: String?
    let now: @Sendable () -> Int64
    /// Rings when a ticket was opened or changed: the queue's page
    /// reloads itself (`/desk/events`).
    public let changes = ChangeFeed()

    /// How many tickets a page of the queue lists.
    static let pageSize = 50

    public init(engine: TicketEngine, community: CommunityEngine, guild: String, accounts: any DeskAccounts, sessionKey: [UInt8],
                sources: WorkflowSources, publicURL: String? = nil, now: @escaping @Sendable () -> Int64) {
        self.engine = engine
        self.community = community
        self.guild = guild
        self.accounts = accounts
        sessions = DeskSessions(key: sessionKey)
        self.sources = sources
        self.publicURL = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        self.now = now
    }

    /// Someone signed in, as the workflows see them now.
    struct Viewer: Sendable {
        let session: DeskSession
        let people: [String: Person]

        /// Staff to at least one workflow: the desk's staff columns, the
        /// timeline and the actions are theirs; a member sees their own
        /// tickets' conversations.
        var isStaff: Bool { people.values.contains { $0.isStaff } }
    }

    /// Why a signed-in person sees no desk.
    enum Refusal: Error, Equatable {
        /// They are not on the server (any more).
        case notOnServer
        /// Discord could not be asked who they are.
        case unavailable
    }

    func viewer(_ session: DeskSession) async -> Result<Viewer, Refusal> {
        do {
            guard let people = try await accounts.people(of: session.user.id) else { return .failure(.notOnServer) }
            return .success(Viewer(session: session, people: people))
        } catch {
            return .failure(.unavailable)
        }
    }

    // MARK: The queue

    struct QueueFilter: Sendable, Equatable {
        var category: String?
        var handler: String?
        var state: String?
        var page = 1
    }

    struct QueueRow: Sendable {
        let number: Int
        let category: String
        let member: String
        let handler: String?
        let state: String
        let priority: String?
        let escalation: Int
        let assignedTo: String?
        let age: Int64
        /// How long the member has waited for an answer, when they have.
        let waiting: Int64?
        let nextRule: String?
        let nextDueIn: Int64?
    }

    /// A closed ticket as the queue's page lists it.
    struct ClosedRow: Sendable {
        let number: Int
        let category: String
        let member: String
        let reason: String?
    }

    struct Queue: Sendable {
        let rows: [QueueRow]
        let closed: [ClosedRow]
        let total: Int
        let page: Int
        let pages: Int
        let categories: [(value: String, label: String)]
        let states: [String]
        let handlers: [(id: String, name: String)]
    }

    func queue(for viewer: Viewer, filter: QueueFilter) async throws(EngineError) -> Queue {
        let asked = max(1, filter.page)
        let chosen = DeskFilter(category: filter.category, handler: filter.handler, state: filter.state)
        var found = try await engine.deskQueue(guild: guild, people: viewer.people, filter: chosen,
                                               offset: (asked - 1) * Self.pageSize, limit: Self.pageSize)
        let pages = max(1, (found.matching + Self.pageSize - 1) / Self.pageSize)
        let page = min(asked, pages)
        if page != asked {
            found = try await engine.deskQueue(guild: guild, people: viewer.people, filter: chosen,
                                               offset: (page - 1) * Self.pageSize, limit: Self.pageSize)
        }
        let handlerIDs = Set(found.facets.compactMap(\.handler))
        let names = await accounts.names(of: handlerIDs)
        let now = now()
        var labels: [String: String] = [:]
        let rows = found.entries.map { entry -> QueueRow in
            let state = entry.ticket.state
            let next = entry.outlook?.due.first
            labels[state.category] = label(of: state)
            return QueueRow(number: state.number, category: label(of: state), member: state.ownerName,
                            handler: state.handler.map { names[$0] ?? $0 }, state: state.state, priority: state.priority,
                            escalation: entry.outlook?.escalationStep ?? state.escalationStep, assignedTo: entry.outlook?.assignedTo,
                            age: now - state.openedAt, waiting: state.memberWaitingSince.map { now - $0 },
                            nextRule: next?.rule.rule, nextDueIn: next.map { $0.dueAt - now })
        }
        let categories = Set(found.facets.map(\.category)).map { (value: $0, label: labels[$0] ?? categoryLabel($0)) }
        let closed = try await engine.deskClosed(guild: guild, people: viewer.people).map { entry in
            ClosedRow(number: entry.ticket.number, category: label(of: entry.ticket.state), member: entry.ticket.state.ownerName,
                      reason: entry.ticket.state.closeReason)
        }
        return Queue(rows: rows, closed: closed, total: found.matching, page: page, pages: pages,
                     categories: categories.sorted { $0.label < $1.label },
                     states: Array(Set(found.facets.map(\.state))).sorted(),
                     handlers: handlerIDs.map { (id: $0, name: names[$0] ?? $0) }.sorted { $0.name < $1.name })
    }

    /// A category's label in the first workflow that has it.
    func categoryLabel(_ name: String) -> String {
        for path in engine.workflowPaths {
            if let category = engine.currentWorkflow(path)?.category(named: name) { return category.label }
        }
        return name
    }

    // MARK: A ticket

    struct TimelineEntry: Sendable {
        let at: Int64
        let who: String?
        let kind: String
        let change: String?
        let rules: [RuleLine]
    }

    /// A written rule as a page names it: what, where, and its line.
    struct RuleLine: Sendable {
        let rule: String
        let place: String
        let source: String?
        let refused: Bool
    }

    struct TicketPage: Sendable {
        let number: Int
        let category: String
        let member: String
        let handler: String?
        let state: String
        let isClosed: Bool
        let closeReason: String?
        let priority: String?
        let topic: String?
        let answers: [(question: String, answer: String)]
        let evidence: [(label: String, received: [String])]
        let escalation: Int
        let assignedTo: String?
        let due: [(rule: RuleLine, inSeconds: Int64)]
        let conversation: [(at: Int64, author: String, text: String, attachments: [String])]
        /// Empty for a member: the timeline is the staff's.
        let timeline: [TimelineEntry]
        let buttons: [Category.Button]
        let showsStaffView: Bool
    }

    func ticket(_ number: Int, for viewer: Viewer) async throws(EngineError) -> TicketPage? {
        guard let entry = try await engine.deskTicket(guild: guild, number: number, people: viewer.people) else { return nil }
        let state = entry.ticket.state
        let person = viewer.people[entry.workflowPath]
        let staffView = person?.isStaff == true
        let history = staffView ? try await engine.history(ofTicket: entry.ticket.id) : []
        let conversation = try await engine.conversation(ofTicket: entry.ticket.id)
        let names = await accounts.names(of: Set(history.compactMap(\.actor) + [state.handler].compactMap { $0 }))
        let now = now()
        let category = engine.workflow(of: state)?.category(named: state.category)
        let questions = Dictionary((category?.questions ?? []).map { ($0.name, $0.label) }, uniquingKeysWith: { first, _ in first })
        return TicketPage(
            number: number, category: label(of: state), member: state.ownerName, handler: state.handler.map { names[$0] ?? $0 },
            state: state.isClosed ? State.closed : state.state, isClosed: state.isClosed, closeReason: state.closeReason,
            priority: state.priority, topic: state.topic,
            answers: state.answers.sorted { $0.key < $1.key }.map { (questions[$0.key] ?? $0.key, $0.value) },
            evidence: (entry.outlook?.evidence ?? []).map { ($0.label, $0.received) },
            escalation: entry.outlook?.escalationStep ?? state.escalationStep, assignedTo: entry.outlook?.assignedTo,
            due: staffView ? (entry.outlook?.due ?? []).map { (ruleLine($0.rule), $0.dueAt - now) } : [],
            conversation: conversation.map { ($0.at, $0.author ?? "Escala", $0.text, $0.attachments) },
            timeline: history.map { item in
                TimelineEntry(at: item.at, who: item.actor.map { names[$0] ?? $0 }, kind: item.kind,
                              change: item.stateBefore == item.stateAfter ? nil
                                  : [item.stateBefore, item.stateAfter].compactMap { $0 }.joined(separator: " → "),
                              rules: item.rules.map(ruleLine))
            },
            buttons: staffView ? entry.buttons : [], showsStaffView: staffView)
    }

    /// What a person's action on the desk did: nothing to say; the
    /// engine's refusal (or private answer) to them, as text; a form the
    /// engine showed them, to fill in on the page; or no such ticket.
    enum ActionOutcome: Sendable, Equatable {
        case done
        case told(String)
        case form(Form)
        /// A form only Discord's app shows (the sanctions' menus).
        case onDiscordOnly
        case noTicket
    }

    /// Discord's longest answer to a form's question: a longer one is cut,
    /// as the app would not let it be typed.
    static let answerLimit = 4000

    /// The ticket's button `name`, pressed by the viewer: the same event
    /// as a click on Discord, judged by the engine.
    func press(_ name: String, ticket number: Int, by viewer: Viewer) async throws(EngineError) -> ActionOutcome {
        try await act(ticket: number, by: viewer) { .button(name: name, by: $0) }
    }

    /// The viewer's answers to a form the engine showed them on the desk:
    /// the same event as a Discord form sent, refused if it was not theirs.
    func submit(_ form: String, answers: [String: String], ticket number: Int, by viewer: Viewer) async throws(EngineError) -> ActionOutcome {
        let answers = answers.mapValues { String($0.prefix(Self.answerLimit)) }
        return try await act(ticket: number, by: viewer) { .formSubmitted(form: form, by: $0, answers: answers) }
    }

    private func act(ticket number: Int, by viewer: Viewer, _ event: (Person) -> TicketEvent) async throws(EngineError) -> ActionOutcome {
        guard let (ticket, person) = try await engine.deskTicketShown(guild: guild, number: number, people: viewer.people) else { return .noTicket }
        guard let outcome = try await engine.handle(event(person), ticket: ticket.id, now: now()) else { return .done }
        for effect in outcome.effects {
            switch effect {
            case .refuse(person.id, let reason), .showPrivately(person.id, let reason):
                let names = await accounts.names(of: Set(reason.people))
                return .told(reason.rendered(person: { "@" + (names[$0] ?? $0) }))
            case .showForm(let name, person.id):
                guard let form = engine.form(name, for: outcome.ticket.state) else { continue }
                return .form(form)
            case .showSanctions(person.id), .showAppealedSanctions(person.id):
                return .onDiscordOnly
            default:
                continue
            }
        }
        return .done
    }

    // MARK: Statistics

    /// The last `days` days' statistics, for staff (nil for anyone else,
    /// as `/stats` refuses them), with staff members' names.
    func statistics(days: Int, for viewer: Viewer) async throws(EngineError) -> (DeskStatistics, names: [String: String], labels: [String: String])? {
        guard let staff = viewer.people.values.first(where: \.isStaff),
              let statistics = try await community.deskStatistics(days: days, by: staff, now: now()) else { return nil }
        let names = await accounts.names(of: Set(statistics.byStaff.map(\.key)))
        let labels = Dictionary(statistics.byCategory.map { ($0.key, categoryLabel($0.key)) }, uniquingKeysWith: { first, _ in first })
        return (statistics, names, labels)
    }

    // MARK: Shared

    /// A session cookie for `user` signed with this desk's key, for tools
    /// that sign in without Discord (`make bench-desk`); a browser gets its
    /// own only through Discord's sign-in.
    public func sessionCookie(for user: DeskUser) -> (name: String, value: String) {
        (DeskSessions.cookie, sessions.sealed(sessions.new(for: user, now: now())))
    }

    func label(of state: TicketState) -> String {
        engine.workflow(of: state)?.category(named: state.category)?.label ?? state.category
    }

    func ruleLine(_ rule: FiredRule) -> RuleLine {
        RuleLine(rule: rule.rule, place: rule.place, source: sources.line(rule.location.line, of: rule.location.path),
                 refused: rule.outcome == .refused)
    }
}
