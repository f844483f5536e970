import Engine
import Foundation
import WorkflowDSL

/// Plays a scenario against the real engine and store with a virtual clock.
///
/// Each action is a real event through `TicketEngine` (one transaction),
/// each `wait` fires the timers that fall due in it, in time order, and the
/// outbox is drained into a `SimulatedDiscord` after every step. Events
/// carry the scenario line as their source id, so playing a scenario again
/// on the same database (after a crash) skips what was already applied.
public struct ScenarioRunner: Sendable {
    public let engine: TicketEngine
    public let workflowPath: String
    public let discord: SimulatedDiscord
    public let guild: String
    /// The language the trace is told in.
    public let words: TraceWords
    /// The virtual clock's start: Monday 5 January 2026, 09:00 UTC.
    public static let start: Int64 = 1_767_603_600

    public init(engine: TicketEngine, workflowPath: String, discord: SimulatedDiscord, guild: String = "simulation",
                language: DiagnosticLanguage = .en) {
        self.engine = engine
        words = TraceWords(language)
        self.workflowPath = workflowPath
        self.discord = discord
        self.guild = guild
    }

    /// Checks the scenario against the workflow before anything runs: every
    /// name it uses must exist there.
    public func validate(_ scenario: Scenario) -> [ScenarioError] {
        guard let workflow = engine.currentWorkflow(workflowPath) else { return [] }
        var errors: [ScenarioError] = []
        func error(_ line: Int, _ message: String) { errors.append(ScenarioError(path: scenario.path, line: line, message: message)) }
        for person in scenario.people {
            for title in person.titles where !workflow.ranks.contains(title) && !workflow.roles.contains(title) {
                error(person.line, workflow.roles.isEmpty
                      ? words("`{0}` is neither a rank nor a role of the workflow (ranks: {1})", title, workflow.ranks.joined(separator: ", "))
                      : words("`{0}` is neither a rank nor a role of the workflow (ranks: {1}; roles: {2})", title,
                              workflow.ranks.joined(separator: ", "), workflow.roles.joined(separator: ", ")))
            }
        }
        let declared = Set(scenario.people.map(\.name))
        let buttons = Set(workflow.categories.flatMap { $0.buttons.map(\.name) })
        let forms = Set(workflow.forms.keys).union([TicketMachine.closeReasonForm, TicketMachine.topicForm])
        for step in scenario.steps {
            switch step.action {
            case .open(_, let category, _) where workflow.category(named: category) == nil,
                 .openFor(_, _, let category) where workflow.category(named: category) == nil,
                 .placesFull(let category, _) where workflow.category(named: category) == nil:
                error(step.line, words("the workflow has no ticket category `{0}` (it has: {1})", category,
                                       workflow.categories.map(\.name).joined(separator: ", ")))
            case .open(_, let category, let answers):
                // A menu offers its choices only: the scenario picks one by name.
                for (name, answer) in answers {
                    guard let choices = workflow.category(named: category)?.questions.first(where: { $0.name == name })?.choices,
                          !choices.contains(where: { $0.name == answer }) else { continue }
                    let offered = choices.map { "`\($0.name)` (\($0.label))" }.joined(separator: ", ")
                    error(step.line, answer.isEmpty ? words("`{0}` is a menu: pick one of {1}", name, offered)
                          : words("`{0}` is a menu: `{1}` is not one of its choices; pick one of {2}", name, answer, offered))
                }
            case .report(_, let author, _, _) where !declared.contains(author),
                 .block(_, let author, _, _) where !declared.contains(author),
                 .unblock(_, let author) where !declared.contains(author),
                 .openFor(_, let author, _) where !declared.contains(author):
                error(step.line, words("`{0}` is not one of the scenario's people: declare them with `member {0}`", author))
            case .report where !workflow.categories.contains(where: { $0.reportsMessages == true }):
                error(step.line, words("no ticket of the workflow says `report messages`: «Report message» opens nothing"))
            case .press(_, TicketMachine.reportedMessageButton):
                break
            case .press(_, let button) where !buttons.contains(button):
                error(step.line, words("no category of the workflow has a button `{0}`", button) + suggestion(button, among: buttons))
            case .submit(_, let form, _) where !forms.contains(form):
                error(step.line, words("the workflow has no form `{0}`", form) + suggestion(form, among: forms))
            case .applySanction(_, let offence, _, _) where !workflow.offences.contains(where: { $0.name == offence }),
                 .chooseAppealedSanction(_, let offence, _) where !workflow.offences.contains(where: { $0.name == offence }),
                 .expect(.sanctioned(_, let offence, _, _)) where !workflow.offences.contains(where: { $0.name == offence }):
                error(step.line, words("the sanctions table has no offence `{0}`", offence)
                      + suggestion(offence, among: Set(workflow.offences.map(\.name))))
            case .giveReputation(_, let receiver) where !declared.contains(receiver),
                 .expect(.reputation(let receiver, _)) where !declared.contains(receiver),
                 .expect(.activity(let receiver, _)) where !declared.contains(receiver),
                 .expect(.audit(let receiver, _)) where !declared.contains(receiver),
                 .expect(.holds(let receiver, _, _)) where !declared.contains(receiver),
                 .applySanction(_, _, let receiver, _) where !declared.contains(receiver),
                 .chooseAppealedSanction(_, _, let receiver?) where !declared.contains(receiver),
                 .expect(.sanctioned(let receiver, _, _, _)) where !declared.contains(receiver),
                 .expect(.sanctioned(_, _, let receiver, _)) where !declared.contains(receiver),
                 .tool(.transfer, _, let receiver) where !declared.contains(receiver),
                 .tool(.add, _, let receiver) where !declared.contains(receiver),
                 .tool(.remove, _, let receiver) where !declared.contains(receiver):
                error(step.line, words("`{0}` is not declared: add `member {0}` above", receiver))
            case .react(_, _, let message, _) where !workflow.messages.contains(message):
                error(step.line, words("the workflow declares no message `{0}`", message) + suggestion(message, among: Set(workflow.messages)))
            case .expect(.holds(_, let role, _)) where !workflow.roles.contains(role):
                error(step.line, words("`{0}` is not a role of the workflow", role) + suggestion(role, among: Set(workflow.roles)))
            default: break
            }
        }
        return errors
    }

    private func suggestion(_ name: String, among names: Set<String>) -> String {
        names.isEmpty ? "" : words(" (known: {0})", names.sorted().joined(separator: ", "))
    }

    public func run(_ scenario: Scenario) async throws -> SimulationReport {
        var play = Play(runner: self, scenario: scenario)
        for step in scenario.steps {
            try await play.perform(step)
        }
        return play.report
    }
}

/// One run of a scenario in progress.
