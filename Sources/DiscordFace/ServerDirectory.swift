import Discord
import Engine
import Foundation
import WorkflowDSL

/// One workflow as it lives on one Discord server: the compiled rules and
/// the Discord ids its names are bound to (`NAME.ids`).
public struct BoundWorkflow: Sendable {
    public let path: String
    public let source: SourceFile
    public let workflow: Workflow
    /// Name of a rank, role or channel → Discord id.
    public let ids: [String: Snowflake]

    /// Reads `path` and its `.ids` file (beside it, or in `idsFolder`: the
    /// playground's built-in server has ids of its own). Throws with every
    /// name left unset or missing, since a ticket cannot be routed to a
    /// rank with no role.
    public static func load(path: String, idsFolder: String? = nil) throws(DeskError) -> BoundWorkflow {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let source = SourceFile(path: path, bytes: Array(data))
        guard let workflow = WorkflowCompiler.compile(source).workflow else { throw .workflowErrors(path) }
        let besideIt = IDBindings.path(forWorkflow: path)
        let idsPath = idsFolder.map { ($0 as NSString).appendingPathComponent((besideIt as NSString).lastPathComponent) } ?? besideIt
        guard let idsData = FileManager.default.contents(atPath: idsPath) else {
            throw .unboundNames(idsPath, workflow.ranks + workflow.roles + workflow.channels + workflow.messages)
        }
        let (bindings, _) = IDBindings.parse(SourceFile(path: idsPath, bytes: Array(idsData)))
        var ids: [String: Snowflake] = [:]
        for binding in bindings.bindings {
            if let id = binding.id { ids[binding.name.text] = Snowflake(id) }
        }
        let needed = workflow.ranks + workflow.roles + workflow.channels + workflow.messages
        let missing = needed.filter { ids[$0] == nil }
        guard missing.isEmpty else { throw .unboundNames(idsPath, missing) }
        return BoundWorkflow(path: path, source: source, workflow: workflow, ids: ids)
    }

    /// Every `*.flow` of `folder`, in name order, each with its ids.
    public static func loadFolder(_ folder: String, idsFolder: String? = nil) throws(DeskError) -> [BoundWorkflow] {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".flow") }.sorted()
        guard !files.isEmpty else { throw .noWorkflows(folder) }
        var workflows: [BoundWorkflow] = []
        for file in files { workflows.append(try load(path: (folder as NSString).appendingPathComponent(file), idsFolder: idsFolder)) }
        return workflows
    }

    /// The person a Discord member is to this workflow: their Discord
    /// roles turned into the workflow's names, then the engine's rule
    /// (`Workflow.person`), the same one `escala simulate` applies.
    func person(_ user: User, roles: [Snowflake], nick: String? = nil) -> Person {
        let held = Set(roles)
        let names = ids.filter { held.contains($0.value) }.keys
        return workflow.person(id: user.id.rawValue, name: nick ?? user.globalName ?? user.username, holding: Set(names))
    }

    /// The Discord categories a channel-mode ticket of `category` may go
    /// in, in order: its place, then its overflow.
    func places(of category: Category) -> [Snowflake] {
        ([category.place].compactMap { $0 } + category.overflows).compactMap { ids[$0] }
    }

    /// The Discord roles of the ranks and roles `actor` stands for (the
    /// engine's answer, `Workflow.ranksAndRoles(standingFor:)`).
    func roleIDs(for actor: Actor) -> [Snowflake] {
        workflow.ranksAndRoles(standingFor: actor).compactMap { ids[$0] }
    }

    /// Whom the engine says `effect` pings (`Effect.pinged`), in Discord's
    /// ids: the face decides nothing about it.
    func allowedMentions(for effect: Effect, owner: String) -> AllowedMentions {
        let pinged = effect.pinged(in: workflow, owner: owner)
        return AllowedMentions(roles: pinged.ranksAndRoles.compactMap { ids[$0] }, users: pinged.people.map { Snowflake($0) })
    }
}

/// Why the desk cannot start, each saying what to fix.
public enum DeskError: Error, CustomStringConvertible, Sendable {
    case unreadable(String)
    case workflowErrors(String)
    case unboundNames(String, [String])
    case noWorkflows(String)
    case discord(DiscordError)
    case store(String)
    case failed(String)
    /// Another process serves the same data folder.
    case alreadyServing(String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path) cannot be read"
        case .workflowErrors(let path): "\(path) has errors: run `escala lint \(path)`"
        case .unboundNames(let path, let names):
            "\(path): fill in the Discord id of \(names.map { "`\($0)`" }.joined(separator: ", ")) (Developer Mode, right-click, Copy ID)"
        case .noWorkflows(let folder): "no *.flow workflow in \(folder)"
        case .discord(let error): error.description
        case .store(let message): "the database: \(message)"
        case .failed(let message): "Escala stopped: \(message)"
        case .alreadyServing(let message): message
        }
    }
}
