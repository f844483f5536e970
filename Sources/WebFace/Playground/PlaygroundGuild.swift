import Foundation
import LocalDiscord
import WorkflowDSL

/// The built-in Discord server the playground runs Escala on: every rank,
/// side role, category and channel the workflows name, each with an id, so
/// nothing is `unset`; and the `.ids` files that bind the names to them.
///
/// A name shared by two workflows of the folder is one thing on the
/// server (one `admin` role, one log channel), as it would be on a real
/// server that runs both files.
public struct PlaygroundGuild: Sendable {
    public let id: String
    /// Name → id, for every rank, role, channel, category and message.
    public let ids: [String: String]
    public let roles: [String]
    public let categories: [String]
    /// Text channels, in the order a page lists them.
    public let channels: [String]
    /// Channels only staff see: where transcripts go and staff are alerted.
    public let staffChannels: Set<String>
    /// The workflows, by file name, with what each binds.
    public let workflows: [(file: String, workflow: Workflow)]

    public static let guildID = "100000000000000001"

    /// The guild for `workflows`, each given as its file's path.
    ///
    /// `previous` is the guild the server already holds (a reload): every
    /// name it has keeps its id and its place, so open tickets, their
    /// channels and the people playing a rank stay what they were; a name
    /// the new workflows no longer use stays on the server, as it would on
    /// Discord.
    public init(workflows: [(path: String, workflow: Workflow)], previous: PlaygroundGuild? = nil) {
        id = Self.guildID
        var roles = previous?.roles ?? [], categories = previous?.categories ?? [], channels = previous?.channels ?? []
        var staff = previous?.staffChannels ?? []
        func add(_ name: String, to list: inout [String]) { if !list.contains(name) { list.append(name) } }
        for (_, workflow) in workflows {
            for name in workflow.ranks + workflow.roles { add(name, to: &roles) }
            for category in workflow.categories {
                for place in [category.place].compactMap({ $0 }) + category.overflows { add(place, to: &categories) }
                if let log = category.transcriptChannel { staff.insert(log) }
                for step in (category.sharedTransitions + category.states.flatMap(\.transitions)).flatMap(\.steps) {
                    if case .notify(let channel, _, _) = step { staff.insert(channel) }
                    if case .transcript(let channel?) = step { staff.insert(channel) }
                }
            }
        }
        for (_, workflow) in workflows {
            for name in workflow.channels where !categories.contains(name) { add(name, to: &channels) }
        }
        var ids = previous?.ids ?? [:]
        var next = ids.values.compactMap(UInt64.init).max() ?? 200_000_000_000_000_000
        for name in roles + categories + channels + workflows.flatMap({ $0.workflow.messages }) where ids[name] == nil {
            next += 1
            ids[name] = String(next)
        }
        self.ids = ids
        self.roles = roles
        self.categories = categories
        self.channels = channels
        staffChannels = staff.intersection(channels)
        self.workflows = workflows.map { (($0.path as NSString).lastPathComponent, $0.workflow) }
    }

    /// The ranks of every workflow (the roles that are staff), in order.
    public var ranks: [String] {
        var ranks: [String] = []
        for (_, workflow) in workflows { for rank in workflow.ranks where !ranks.contains(rank) { ranks.append(rank) } }
        return ranks
    }

    /// Puts the roles, categories and channels on the server, staff
    /// channels closed to everyone but the ranks. Those of `previous` are
    /// there already, with what Escala did to them, and are left alone.
    public func install(on server: LocalDiscord, after previous: PlaygroundGuild? = nil) {
        let present = Set(previous?.ids.keys.map { $0 } ?? [])
        for (index, role) in roles.enumerated() where !present.contains(role) {
            server.addRole(id: ids[role]!, name: role, color: Self.colors[index % Self.colors.count])
        }
        let staffRoles = ranks.compactMap { ids[$0] }
        for (position, category) in categories.enumerated() where !present.contains(category) {
            server.addCategory(id: ids[category]!, name: category, guild: id, position: position)
        }
        for (position, channel) in channels.enumerated() where !present.contains(channel) {
            server.addChannel(id: ids[channel]!, name: channel, parent: nil, guild: id, position: position,
                              onlyRoles: staffChannels.contains(channel) ? staffRoles : nil)
        }
    }

    /// Writes one `.ids` file a workflow into `folder`, named as the
    /// workflow's, binding every name it uses.
    public func writeIDs(into folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (file, workflow) in workflows {
            let names = workflow.ranks + workflow.roles + workflow.channels + workflow.messages
            let text = "# The playground's built-in server: written by escala playground.\n"
                + names.map { "\($0) = \(ids[$0]!)\n" }.joined()
            let path = (folder as NSString).appendingPathComponent(IDBindings.path(forWorkflow: file))
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// Role colours as Discord's palette offers them.
    static let colors = [0x1ABC9C, 0x3498DB, 0x9B59B6, 0xE91E63, 0xF1C40F, 0xE67E22, 0xE74C3C, 0x2ECC71, 0x95A5A6, 0x607D8B]
}
