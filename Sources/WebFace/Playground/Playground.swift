import Engine
import Foundation
import LocalDiscord
import Runtime
import Synchronization
import WorkflowDSL

/// The control side of the built-in server: a person writes, clicks,
/// chooses, sends a form; the clock jumps. Each is checked as Discord's
/// app would check it (the person exists, sees the channel, the button is
/// there, the text fits) and then becomes the ordinary gateway event
/// Discord would send; Escala answers over its ordinary REST. Nothing here
/// decides anything about tickets.
public final class Playground: Sendable {
    public let server: LocalDiscord
    public let guild: PlaygroundGuild
    public let cast: PlaygroundCast
    public let clock: SteerableClock
    /// Read, never written: what each ticket's state is, for the `expect`
    /// lines of a saved scenario.
    let engine: TicketEngine
    /// The workflows' text, for the source line of each rule shown.
    let sources: WorkflowSources
    let recording: RecordingBox
    /// After a saved workflow file was taken up: how many open tickets
    /// keep the version they started with (nil before any reload).
    let keptOnOldVersions: Int?
    /// Asks the application to start afresh; the page's reset.
    let onReset: @Sendable () -> Void
    /// The folder's lint diagnostics since a save that did not lint clean;
    /// nil while the workflows served are the folder's.
    let diagnostics = Mutex<String?>(nil)
    /// A scenario file being played on the page, line by line.
    let replaying = Mutex<Replay?>(nil)
    /// Waits until Escala has sent what it queued, as far as it can.
    let settleOutbox: @Sendable () async -> Void

    public init(server: LocalDiscord, guild: PlaygroundGuild, cast: PlaygroundCast, clock: SteerableClock, engine: TicketEngine,
                sources: WorkflowSources = WorkflowSources([:]), onReset: @escaping @Sendable () -> Void = {},
                settleOutbox: @escaping @Sendable () async -> Void = {}, continuing previous: Playground? = nil,
                keptOnOldVersions: Int? = nil) {
        // What was played before a reload is still what was played: the
        // scenario saved afterwards has it all.
        recording = previous?.recording ?? RecordingBox()
        self.keptOnOldVersions = keptOnOldVersions
        self.sources = sources
        self.settleOutbox = settleOutbox
        self.onReset = onReset
        self.server = server
        self.guild = guild
        self.cast = cast
        self.clock = clock
        self.engine = engine
    }

    // MARK: Acting

    /// `person` writes `text` (and attaches `files`) in `channel`.
    public func say(as person: String, in channel: String, text: String, files: [(name: String, bytes: Int)] = []) async throws(PlaygroundError) {
        let who = try visiblePerson(person, in: channel)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || !files.isEmpty else { throw .emptyMessage() }
        guard text.count <= PlaygroundLimits.messageCharacters else { throw .messageTooLong(text.count) }
        if let large = files.first(where: { $0.bytes > PlaygroundLimits.fileBytes || $0.bytes < 0 }) { throw .fileTooLarge(large.bytes) }
        let text = cast.mentioning(text)
        let mentions = Self.mentionedUsers(in: text)
        let message = await server.say(text, in: channel, by: (who.id, who.name), roles: server.roles(of: who.id), mentions: mentions,
                                       attachments: files.map(\.name), guild: guild.id)
        recording.append(.said(person: who.id, channel: channel, text: text, files: files.map(\.name), message: message))
    }

    /// `person` presses a button, or chooses `values` in a menu, on a
    /// message they can see in `channel`.
    public func click(as person: String, in channel: String, customID: String, values: [String]? = nil) async throws(PlaygroundError) {
        let who = try visiblePerson(person, in: channel)
        guard let component = component(customID, in: channel, seenBy: who.id) else { throw .noSuchComponent(customID) }
        if let values {
            let offered = Set((component["options"]?.array ?? []).compactMap { $0["value"]?.string })
            if let wrong = values.first(where: { !offered.contains($0) }) { throw .noSuchOption(wrong) }
        } else if component["type"]?.number != 2 {
            throw .noSuchComponent(customID)
        }
        await server.click(customID, in: channel, by: (who.id, who.name), roles: server.roles(of: who.id), values: values,
                           guild: guild.id, locale: locale)
        if let id = CustomID(wire: customID) { recording.append(.clicked(person: who.id, channel: channel, customID: id, values: values ?? [])) }
    }

    /// `person` sends the modal they have open, with `answers` by field id.
    public func submit(as person: String, answers: [String: String]) async throws(PlaygroundError) {
        guard let who = cast.person(person) else { throw .unknownPerson(person) }
        try requireEscalaListening()
        guard let modal = server.openModal(of: who.id), let form = try? JSONValue.parse(Data(modal.json.utf8)),
              let customID = form["custom_id"]?.string else { throw .noModal("") }
        let fields = Self.fields(of: form)
        if let unknown = answers.keys.first(where: { key in !fields.contains { $0.id == key } }) { throw .badField(unknown) }
        var labelled: [LocalDiscord.ModalField] = []
        var plain: [String: String] = [:]
        for field in fields {
            let answer = answers[field.id] ?? ""
            if field.required && answer.isEmpty && field.type != 23 { throw .badField(field.id) }
            if let most = field.maxLength, answer.count > most { throw .badField(field.id) }
            switch field.type {
            case 3:
                let chosen = answer.isEmpty ? [] : answer.split(separator: ",").map(String.init)
                if let wrong = chosen.first(where: { !field.options.contains($0) }) { throw .noSuchOption(wrong) }
                labelled.append(.select(field.id, values: chosen))
            case 5:
                let users = answer.split(separator: ",").compactMap { id in cast.person(String(id)).map { ($0.id, $0.name) } }
                labelled.append(.users(field.id, users))
            case 23:
                labelled.append(.checkbox(field.id, answer == "true"))
            default:
                if field.labelled { labelled.append(.text(field.id, answer)) } else { plain[field.id] = answer }
            }
        }
        if let id = CustomID(wire: customID) {
            recording.append(.submitted(person: who.id, channel: modal.channel, customID: id, answers: fields.map { ($0.id, answers[$0.id] ?? "") }))
        }
        if fields.contains(where: \.labelled) {
            await server.submit(customID, fields: labelled, in: modal.channel, by: (who.id, who.name), roles: server.roles(of: who.id),
                                guild: guild.id, locale: locale)
        } else {
            await server.submit(customID, values: plain, in: modal.channel, by: (who.id, who.name), roles: server.roles(of: who.id),
                                guild: guild.id, locale: locale)
        }
    }

    /// `person` closes their modal without sending it.
    public func dismiss(as person: String) throws(PlaygroundError) {
        guard let who = cast.person(person) else { throw .unknownPerson(person) }
        server.dismissModal(of: who.id)
    }

    /// Everything starts again: a new built-in server, a new database, the
    /// folder's workflows read anew. The page reconnects by itself.
    public func reset() {
        onReset()
    }

    /// A saved workflow file did not lint clean: the page shows why, and
    /// the playground goes on with the workflows it runs.
    public func showDiagnostics(_ text: String) {
        diagnostics.withLock { $0 = text }
        server.changes.announce()
    }

    /// Moves the engine's clock forward.
    public func advance(minutes: Int) throws(PlaygroundError) {
        guard minutes > 0, minutes <= PlaygroundLimits.longestJumpMinutes else { throw .badDuration(minutes) }
        clock.advance(by: .seconds(Int64(minutes) * 60))
        recording.append(.waited(minutes: minutes))
        server.changes.announce()
    }

    /// The Discord locale people's clicks carry: the first workflow's language.
    var locale: String {
        switch guild.workflows.first?.workflow.locales.first ?? "es" {
        case "fr": "fr"
        case "en": "en-US"
        default: "es-ES"
        }
    }

    // MARK: What Discord's app would allow

    func visiblePerson(_ person: String, in channel: String) throws(PlaygroundError) -> PlaygroundCast.Person {
        guard let who = cast.person(person) else { throw .unknownPerson(person) }
        try requireEscalaListening()
        guard let found = server.guildChannels.first(where: { $0["id"]?.string == channel }) else { throw .unknownChannel(channel) }
        guard server.canSee(found, member: who.id, roles: server.roles(of: who.id), guild: guild.id) else {
            throw .cannotSee(person: who.name, channel: found["name"]?.string ?? channel)
        }
        return who
    }

    /// Whether Escala's gateway session is up: Discord would fail a click
    /// made while the bot is away ("This interaction failed"), and a message
    /// would reach Escala only later, by its catch-up. Said, not hidden.
    public var escalaIsListening: Bool { server.gateway.isReady }

    func requireEscalaListening() throws(PlaygroundError) {
        guard escalaIsListening else { throw .notListening() }
    }

    /// The component with `customID` on a message `member` sees in `channel`
    /// (the channel's messages and the answers only they see), newest first.
    func component(_ customID: String, in channel: String, seenBy member: String) -> JSONValue? {
        let messages = server.messageValues(in: channel)
            + server.ephemerals(for: member).filter { $0.channel == channel }.compactMap { server.parsed($0.json) }
        for message in messages.reversed() {
            for row in message["components"]?.array ?? [] {
                for component in row["components"]?.array ?? [row] where component["custom_id"]?.string == customID {
                    return component["disabled"] == .bool(true) ? nil : component
                }
            }
        }
        return nil
    }

    struct Field {
        let id: String
        let type: Double
        let required: Bool
        let maxLength: Int?
        let options: Set<String>
        /// Inside a label (a modal of labelled fields), not an action row.
        let labelled: Bool
    }

    /// A modal's fields, from action rows of text inputs or from labels.
    static func fields(of modal: JSONValue) -> [Field] {
        (modal["components"]?.array ?? []).compactMap { row -> Field? in
            let labelled = row["type"]?.number == 18
            guard let inner = labelled ? row["component"] : row["components"]?.array?.first, let id = inner["custom_id"]?.string else { return nil }
            return Field(id: id, type: inner["type"]?.number ?? 4, required: inner["required"] != .bool(false),
                         maxLength: inner["max_length"]?.number.map { Int($0) },
                         options: Set((inner["options"]?.array ?? []).compactMap { $0["value"]?.string }), labelled: labelled)
        }
    }

    /// The users a text mentions as `<@id>`: Discord resolves them.
    static func mentionedUsers(in text: String) -> [String] {
        var found: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "<@") {
            rest = rest[start.upperBound...]
            let id = rest.prefix { $0.isNumber }
            if !id.isEmpty, rest.dropFirst(id.count).first == ">" { found.append(String(id)) }
        }
        return found
    }
}
