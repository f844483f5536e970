/// The stable catalogue of lint codes.
///
/// Codes never change meaning once shipped: CI configurations, SARIF
/// baselines and admins' notes refer to them. A retired check keeps its
/// number unused. `docs/language.md` has a bad and a fixed example of each.
///
/// Numbering by area: 0xx text and syntax, 1xx names, 2xx the state machine,
/// 3xx patterns and templates, 4xx Discord's limits, 5xx values, 6xx
/// locales and coverage, 7xx what a live server needs (notes).
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // Text and syntax
    case invalidCharacter = "E001"
    case unterminatedString = "E002"
    case syntax = "E003"
    case invalidDuration = "E004"
    case misplacedStatement = "E005"
    case writtenOtherwise = "E006"
    // Names
    case undefinedName = "E101"
    case duplicateName = "E102"
    case wrongKindOfName = "E103"
    case missingRanks = "E104"
    // State machine
    case missingInitialState = "E201"
    case unreachableState = "W202"
    case deadEndState = "E203"
    case invalidEscalation = "E204"
    case transitionNeverFires = "W205"
    case ambiguousTransitions = "E206"
    case formWithoutInteraction = "E207"
    case sanctionerNeverChosen = "E208"
    case mandatoryStepImpossible = "E209"
    case closeAlwaysRefused = "W210"
    // Patterns and templates
    case invalidPattern = "E301"
    case undefinedTemplateVariable = "E302"
    case invalidChannelName = "E303"
    // Discord's limits
    case customIDTooLong = "E401"
    case labelTooLong = "E402"
    case tooManyButtons = "E403"
    case tooManyModalInputs = "E404"
    case messageTooLong = "E405"
    case crowdedPlace = "W406"
    // Values
    case invalidValue = "E501"
    // Locales and coverage
    case missingTranslation = "W601"
    case categoryWithoutPanel = "W602"
    case undeclaredLocale = "E603"
    case unusedDeclaration = "W604"
    // A live server (notes: warnings under `--strict`)
    case idsMissing = "N701"

    public var severity: Diagnostic.Severity {
        switch rawValue.first {
        case "W": .warning
        case "N": .note
        default: .error
        }
    }

    /// The anchor of the code's section in `docs/language.md`, as
    /// Markdown renderers make it from the heading `### E101 undefined-name`.
    public var documentationAnchor: String { rawValue.lowercased() + "-" + title }

    /// A short name of the rule, used as the SARIF rule name and in docs.
    public var title: String {
        switch self {
        case .invalidCharacter: "invalid-character"
        case .unterminatedString: "unterminated-string"
        case .syntax: "syntax"
        case .invalidDuration: "invalid-duration"
        case .misplacedStatement: "misplaced-statement"
        case .writtenOtherwise: "written-otherwise"
        case .undefinedName: "undefined-name"
        case .duplicateName: "duplicate-name"
        case .wrongKindOfName: "wrong-kind-of-name"
        case .missingRanks: "missing-ranks"
        case .missingInitialState: "missing-initial-state"
        case .unreachableState: "unreachable-state"
        case .deadEndState: "dead-end-state"
        case .invalidEscalation: "invalid-escalation"
        case .transitionNeverFires: "transition-never-fires"
        case .ambiguousTransitions: "ambiguous-transitions"
        case .formWithoutInteraction: "form-without-interaction"
        case .sanctionerNeverChosen: "sanctioner-never-chosen"
        case .mandatoryStepImpossible: "mandatory-step-impossible"
        case .closeAlwaysRefused: "close-always-refused"
        case .invalidPattern: "invalid-pattern"
        case .undefinedTemplateVariable: "undefined-template-variable"
        case .invalidChannelName: "invalid-channel-name"
        case .customIDTooLong: "custom-id-too-long"
        case .labelTooLong: "label-too-long"
        case .tooManyButtons: "too-many-buttons"
        case .tooManyModalInputs: "too-many-modal-inputs"
        case .messageTooLong: "message-too-long"
        case .crowdedPlace: "crowded-place"
        case .invalidValue: "invalid-value"
        case .missingTranslation: "missing-translation"
        case .categoryWithoutPanel: "category-without-panel"
        case .undeclaredLocale: "undeclared-locale"
        case .unusedDeclaration: "unused-declaration"
        case .idsMissing: "ids-missing"
        }
    }

    /// One sentence on what the rule protects against.
    public var summary: String {
        switch self {
        case .invalidCharacter: "A character that has no meaning in a workflow file."
        case .unterminatedString: "A text in quotes that is never closed."
        case .syntax: "Something is missing or out of place in a statement."
        case .invalidDuration: "A duration that is not a number followed by s, m, h, d or w."
        case .misplacedStatement: "A statement written in a block where it does not belong."
        case .writtenOtherwise: "A block other bots have, which Escala writes another way; the help says which."
        case .undefinedName: "A name (rank, state, text, channel...) that is never declared."
        case .duplicateName: "The same name declared twice."
        case .wrongKindOfName: "A name of the wrong kind, such as a channel where a rank is expected."
        case .missingRanks: "Tickets need a staff ladder: no `ranks` line was found."
        case .missingInitialState: "A ticket with states must say which one it starts in, exactly once."
        case .unreachableState: "A state no transition leads to: it can never be entered."
        case .deadEndState: "A state with no way out that is not marked final: tickets would stay there forever."
        case .invalidEscalation: "An escalation that goes down the ladder or leaves the category's chain, or `escalate up` with no chain to follow."
        case .transitionNeverFires: "A transition that can never fire."
        case .ambiguousTransitions: "Two transitions that fire on the same event and conditions but do different things."
        case .formWithoutInteraction: "Discord shows a form only in answer to a button or a command."
        case .sanctionerNeverChosen: "`sanctioner` in a category where no sanction is ever chosen: it is nobody."
        case .mandatoryStepImpossible: "A mandatory escalation nothing in the category ever makes: every staff close would be refused."
        case .closeAlwaysRefused: "A close in a state reached only before a mandatory step: Escala refuses it every time."
        case .invalidPattern: "A regular expression PCRE2 cannot compile."
        case .undefinedTemplateVariable: "A `{placeholder}` in a text that Escala does not know."
        case .invalidChannelName: "A channel name Discord would refuse or change."
        case .customIDTooLong: "A button's identifier longer than Discord's 100 characters."
        case .labelTooLong: "A label longer than Discord allows."
        case .tooManyButtons: "More buttons or options than Discord shows on one message."
        case .tooManyModalInputs: "More than the 5 inputs Discord allows in one form."
        case .messageTooLong: "A message longer than Discord's 2,000 characters."
        case .crowdedPlace: "A Discord category shared by many ticket categories with at most one overflow: Discord holds 50 channels in each."
        case .invalidValue: "A number, time, time zone or id that is out of range."
        case .missingTranslation: "A text that lacks one of the workflow's declared languages."
        case .categoryWithoutPanel: "A ticket category that no panel opens."
        case .undeclaredLocale: "A language used in a text but not declared in `locales`."
        case .unusedDeclaration: "A declared text, form, flag or channel that nothing uses."
        case .idsMissing: "A rank, role, channel or message whose Discord id is not in the workflow's `.ids` file yet, or no `.ids` file at all: `escala run` refuses to start without them. A note: `escala lint --strict` fails on it, so a live server's CI requires every id (`--ids-optional` for workflows that are templates for other servers)."
        }
    }
}
