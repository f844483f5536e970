import ArgumentParser
import Engine
import Foundation

/// The blocklist, offline: who may not open tickets, why and until when;
/// and the same changes `/block` and `/unblock` make, each with its audit
/// line, for an admin at a terminal (or a script) rather than in Discord.
struct BlocklistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocklist",
        abstract: "List the members blocked from opening tickets, or block and unblock one.",
        discussion: """
        Without --block or --unblock, lists every block: member, reason, until when (or «until unblocked»), \
        who decided and when; a timed block whose time has passed is shown as lifted. \
        Changes take effect at once, in a running `escala run` too: each open reads the list.
        """
    )

    @OptionGroup var location: DataOptions

    @Option(help: "Block this member (a Discord user id).")
    var block: String?

    @Option(help: "Unblock this member (a Discord user id).")
    var unblock: String?

    @Option(help: "With --block: why (the member is told).")
    var reason: String?

    @Option(name: .customLong("for"), help: "With --block: for how long, as 30m, 12h, 7d or 2w; without it, until unblocked.")
    var duration: String?

    @Option(help: "Who the audit names as deciding (default: escala-cli).")
    var by = "escala-cli"

    @Flag(help: "List the latest blocks and unblocks instead: who, when, why.")
    var history = false

    @Option(help: "text or json.")
    var format = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
        guard block == nil || unblock == nil else { throw ValidationError("give --block or --unblock, not both") }
        for member in [block, unblock].compactMap({ $0 }) where member.isEmpty || !member.allSatisfy(\.isNumber) {
            throw ValidationError("a member is a Discord user id, digits only (in Discord: right-click the member, Copy User ID)")
        }
        if block != nil, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--block needs --reason: the member is told why")
        }
        if let duration, CommunityCommand.seconds(duration) == nil {
            throw ValidationError("--for \(duration) is not a duration: write 30m, 12h, 7d or 2w (at most 10 years)")
        }
        if block == nil, reason != nil || duration != nil { throw ValidationError("--reason and --for go with --block") }
    }

    func run() async throws {
        let (store, guild) = try await location.open()
        let community = CommunityEngine(store: store, guild: guild, workflows: [:])
        let now = Int64(Date().timeIntervalSince1970)
        if let member = block {
            let until = duration.flatMap(CommunityCommand.seconds).map { now + $0 }
            try await community.block(BlockEntry(member: member, reason: String(reason!.prefix(CommunityCommand.longestReason)),
                                                 until: until, blockedBy: by, at: now), now: now)
            print("\(member) can no longer open tickets" + (until.map { " until \(reportTime($0))." } ?? ", until unblocked."))
            return
        }
        if let member = unblock {
            print(try await community.unblock(member, by: by, now: now) ? "\(member) can open tickets again." : "\(member) is not blocked.")
            return
        }
        if history {
            let changes = try await store.read { try $0.auditOutsideTickets(actions: ["blocked", "unblocked"], limit: 100) }
            if changes.isEmpty { print("No block was ever changed.") }
            for change in changes { print("\(reportTime(change.at))  \(change.actor ?? "-")  \(change.action)  \(change.detail)") }
            return
        }
        let entries = try await community.blocklist()
        if format == "json" {
            try printJSON(entries.map { Row(member: $0.member, reason: $0.reason, until: $0.until.map(reportTime), blockedBy: $0.blockedBy,
                                            at: reportTime($0.at), holds: $0.holds(at: now)) })
            return
        }
        if entries.isEmpty { print("Nobody is blocked.") }
        for entry in entries {
            let until = entry.until.map { entry.holds(at: now) ? "until \(reportTime($0))" : "lifted \(reportTime($0))" } ?? "until unblocked"
            print("\(entry.member)  \(until)  by \(entry.blockedBy) at \(reportTime(entry.at))  \"\(entry.reason)\"")
        }
    }

    struct Row: Encodable {
        let member: String
        let reason: String
        let until: String?
        let blockedBy: String
        let at: String
        let holds: Bool
    }
}
