import Foundation
import WorkflowDSL

/// The workflows one server runs, as every face sees them: which file a
/// panel's click means, who a person is to a workflow, which slash
/// commands the rules use, what language a person who is in no ticket is
/// answered in.
///
/// Platform-neutral: a face converts its own ids to the workflow's names
/// (the Discord face through the `.ids` file, `escala simulate` from a
/// scenario's titles) and asks here, so that Discord and a scenario never
/// judge the same person or click differently.
public struct Directory: Sendable {
    /// One workflow file, at the version the directory was made with.
    public struct Entry: Sendable {
        public let path: String
        /// How component ids name it (`CustomID.workflowKey`).
        public let key: String
        public let workflow: Workflow
    }

    /// In path order, as `escala run` reads a folder.
    public let entries: [Entry]

    /// Two files whose keys are the same could not be told apart by a
    /// click: refused, naming both.
    public init(workflows: [(path: String, workflow: Workflow)]) throws(DirectoryError) {
        var entries: [Entry] = []
        for (path, workflow) in workflows.sorted(by: { $0.path < $1.path }) {
            let key = CustomID.workflowKey(path: path)
            if let same = entries.first(where: { $0.key == key }) {
                throw .sameKey(key, same.path, path)
            }
            entries.append(Entry(path: path, key: key, workflow: workflow))
        }
        guard !entries.isEmpty else { throw .empty }
        self.entries = entries
    }

    public func entry(path: String) -> Entry? { entries.first { $0.path == path } }

    public func entry(key: String) -> Entry? { entries.first { $0.key == key } }

    /// The workflow a panel's button, menu or opening form opens `category`
    /// of. The id names its workflow; an id that does not (a panel posted
    /// by an older Escala, until start-up edits it) is taken only when one
    /// workflow alone has the category: a guess could open another file's
    /// ticket, with its rules and its ids.
    public func opening(workflowKey key: String?, category: String) -> Entry? {
        if let key {
            guard let entry = entry(key: key), entry.workflow.category(named: category) != nil else { return nil }
            return entry
        }
        let having = entries.filter { $0.workflow.category(named: category) != nil }
        return having.count == 1 ? having[0] : nil
    }

    /// A category as a suggestion or a menu names it (`key:category`), or
    /// as someone typed it over the suggestions (a bare name).
    public static func chosenCategory(_ value: String) -> (workflowKey: String?, category: String) {
        let parts = value.split(separator: ":", maxSplits: 1).map(String.init)
        return (parts.count == 2 ? parts[0] : nil, parts.last ?? "")
    }

    /// What `/ticket` suggests as a member types: each category a panel
    /// opens (a member can open no other), whose label or name holds what
    /// they typed, accents and case aside; at most Discord's 25. Its value
    /// names the workflow (`key:category`), as a panel's button does.
    public func openable(typed: String) -> [(value: String, category: Category)] {
        var offered: [(value: String, category: Category)] = []
        for entry in entries {
            var seen: Set<String> = []
            for name in entry.workflow.panels.flatMap(\.categories) where seen.insert(name).inserted {
                if let category = entry.workflow.category(named: name) { offered.append((entry.key + ":" + name, category)) }
            }
        }
        return TicketMachine.suggested(offered, typed: typed) { [$0.category.label, $0.category.name] }
    }

    /// What «Report message» opens: the category that says `report
    /// messages`, in the first workflow that has one (lint allows one a
    /// file; Discord shows one menu item a server).
    public var reportCategory: (entry: Entry, category: Category)? {
        for entry in entries {
            if let category = entry.workflow.categories.first(where: { $0.reportsMessages == true }) { return (entry, category) }
        }
        return nil
    }

    /// What «Open a ticket for…» offers a staff member: each category they
    /// may open for a member (`Workflow.mayOpen`), as `key:category`, at
    /// most Discord's 25. `person` is them as each workflow sees them.
    public func openableForMembers(by person: (Entry) -> Person) -> [(value: String, category: Category)] {
        Array(categories(by: person) { workflow, category, staff in workflow.mayOpen(category, forMemberBy: staff) }.prefix(25))
    }

    /// Every category of every workflow that `allowed` lets `person` (as
    /// each workflow sees them) act on, as `key:category`.
    private func categories(by person: (Entry) -> Person,
                            where allowed: (Workflow, Category, Person) -> Bool) -> [(value: String, category: Category)] {
        entries.flatMap { entry in
            let staff = person(entry)
            return entry.workflow.categories.filter { allowed(entry.workflow, $0, staff) }.map { (entry.key + ":" + $0.name, $0) }
        }
    }

    /// What `/close_inactive` suggests as staff type: each category whose
    /// idle tickets they may close (`Workflow.mayCloseInBulk`), as
    /// `key:category`, at most Discord's 25.
    public func bulkClosable(typed: String, by person: (Entry) -> Person) -> [(value: String, category: Category)] {
        let offered = categories(by: person) { workflow, category, staff in workflow.mayCloseInBulk(category, by: staff) }
        return TicketMachine.suggested(offered, typed: typed) { [$0.category.label, $0.category.name] }
    }

    /// Whether some category says who may close its idle tickets: only
    /// then is `/close_inactive` registered.
    public var closesInBulk: Bool {
        entries.contains { entry in entry.workflow.categories.contains { !entry.workflow.bulkClosers(of: $0).isEmpty } }
    }

    /// The staff tools the server's tickets offer as slash commands.
    public var ticketTools: [StaffTool] { StaffTool.offered(by: entries.map(\.workflow)) }

    /// Whether any workflow has a panel: `/ticket` opens what panels open.
    public var opensByCommand: Bool { entries.contains { !$0.workflow.panels.isEmpty } }

    /// The slash commands the workflows' rules answer (`on command NAME`),
    /// once each, in name order.
    public var ticketCommandNames: [String] {
        Set(entries.flatMap(\.workflow.ticketCommandNames)).sorted()
    }

    /// The community commands the workflows offer (`CommunityCommand.offered`).
    public var communityCommands: [String] { CommunityCommand.offered(by: entries.map(\.workflow)) }

    /// The language a person who is in no ticket is answered in (a click
    /// outside any ticket): the first workflow's, closest to their client.
    public func language(forMember locale: String?) -> String {
        entries[0].workflow.language(forMember: locale)
    }
}

/// Why a set of workflows cannot be served together.
public enum DirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case sameKey(String, String, String)

    public var description: String {
        switch self {
        case .empty: "no workflow to serve"
        case .sameKey(let key, let first, let second):
            "\(first) and \(second) are both called `\(key)` in Discord's component ids: rename one of the files"
        }
    }
}

extension Workflow {
    /// Who a person is to this workflow, from the names of the ranks and
    /// roles they hold: the one rule every face applies. Ranks count, and
    /// side roles that make their holders staff; a role the bot gives
    /// members (an autorole, a ticket's `grant`) makes nobody staff, and
    /// names the workflow does not declare are nothing.
    public func person(id: String, name: String, holding held: Set<String>) -> Person {
        Person(id: id, name: name, ranks: ranks.filter(held.contains), roles: staffRoles.filter(held.contains))
    }
}

extension Workflow {
    /// The slash commands its rules answer (`on command NAME`).
    var ticketCommandNames: Set<String> {
        var names: Set<String> = []
        for category in categories {
            for state in category.states {
                for transition in category.transitions(in: state) {
                    if case .command(let name) = transition.event { names.insert(name) }
                }
            }
        }
        return names
    }
}
