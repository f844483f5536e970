import Engine
import Foundation
import WorkflowDSL

/// Drives one ticket through the pure core the way the store will: it keeps
/// the timers the effects schedule and fires them when time passes.
struct TicketHarness {
    /// The machine of the ticket's category now (`/move` changes it), as
    /// the store picks one for each event.
    private(set) var machine: TicketMachine
    var state: TicketState
    var now: Int64
    var timers: [String: TicketTimer] = [:]
    /// Every effect so far, in order.
    var log: [Effect] = []
    /// The rules that acted in the last step.
    var lastRules: [FiredRule] = []

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(_ workflow: Workflow, category: String, owner: Person, answers: [String: String] = [:], locale: String = "es", at start: Int64 = 1_000_000) {
        machine = TicketMachine(workflow: workflow, category: category)!
        now = start
        let opened = machine.open(number: 7, owner: owner, locale: locale, answers: answers, now: start)
        self.state = opened.state
        lastRules = opened.rules
        apply(opened.effects)
    }

    private mutating func apply(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .schedule(let timer): timers[timer.key] = timer
            case .cancelTimer(let key): timers[key] = nil
            default: break
            }
        }
        log += effects
    }

    /// Sends an event now; returns its effects.
    @discardableResult
    mutating func send(_ event: TicketEvent) -> [Effect] {
        let step = machine.step(state, event, now: now)
        state = step.state
        if state.category != machine.category.name, let moved = TicketMachine(workflow: machine.workflow, category: state.category) {
            machine = moved
        }
        lastRules = step.rules
        apply(step.effects)
        return step.effects
    }

    @discardableResult
    mutating func say(_ person: Person, _ text: String, id: String = UUID().uuidString, mentionsOwner: Bool = false, attachments: [String] = []) -> [Effect] {
        send(.message(.init(id: id, author: person, text: text, attachments: attachments, mentionsOwner: mentionsOwner)))
    }

    @discardableResult
    mutating func press(_ button: String, by person: Person) -> [Effect] {
        send(.button(name: button, by: person))
    }

    /// Lets `seconds` pass, firing due timers in time order; returns their effects.
    @discardableResult
    mutating func wait(_ seconds: Int64) -> [Effect] {
        let end = now + seconds
        var fired: [Effect] = []
        while let next = timers.values.filter({ $0.dueAt <= end }).min(by: { ($0.dueAt, $0.key) < ($1.dueAt, $1.key) }) {
            timers[next.key] = nil
            now = max(now, next.dueAt)
            fired += send(.timerFired(next))
        }
        now = end
        return fired
    }
}

extension Array where Element == Effect {
    var deletedMessages: [String] {
        compactMap { if case .deleteMessage(let id) = $0 { id } else { nil } }
    }
    /// The texts posted in the ticket, people written `@id`.
    var texts: [String] {
        compactMap { effect in
            switch effect {
            case .send(let text, _, _, _) where !text.isEmpty, .notice(let text, _): text.rendered(person: { "@" + $0 })
            default: nil
            }
        }
    }
    var refusals: [String] {
        compactMap { if case .refuse(_, let reason) = $0 { reason.plain } else { nil } }
    }
    var closeReasons: [String?] {
        compactMap { if case .close(let reason) = $0 { reason } else { nil } }
    }
}

enum People {
    static let user = Person(id: "100", name: "Jugador")
    static let cm = Person(id: "200", name: "Ana", ranks: ["cm"])
    static let cm2 = Person(id: "201", name: "Beto", ranks: ["cm"])
    static let trainee = Person(id: "300", name: "Carla", ranks: ["trainee"])
    static let admin = Person(id: "400", name: "Dani", ranks: ["admin"])
    static let programmer = Person(id: "500", name: "Nash", roles: ["programador"])
}
