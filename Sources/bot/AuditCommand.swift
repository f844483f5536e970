import ArgumentParser
import Engine
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Show the roles Escala granted and revoked, and why; or one ticket's history.",
        discussion: """
        Without options: the latest role grants and revocations (autoroles, reaction roles, \
        temporary roles, a ticket's `grant`), with the reason and who acted. \
        --member narrows to one member; --ticket N shows ticket #N's history instead \
        (who opened, claimed, escalated, decided and closed it, with the reasons given).
        """
    )

    @OptionGroup var location: DataOptions

    @Option(help: "Only this member's roles (their Discord user id).")
    var member: String?

    @Option(help: "The history of ticket number N instead of the roles.")
    var ticket: Int?

    @Option(help: "How many lines at most.")
    var limit = 50

    @Option(help: "text or json.")
    var format = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
        guard limit > 0 else { throw ValidationError("--limit must be 1 or more") }
    }

    func run() async throws {
        let (store, guild) = try await location.open()
        if let number = ticket {
            guard let records = try await store.read({ try $0.ticketAudit(guild: guild, number: number) }) else {
                printError("escala: no ticket #\(number) on server \(guild).")
                throw ExitCode(1)
            }
            if format == "json" {
                try printJSON(records.map { ["at": reportTime($0.at), "actor": $0.actor ?? "", "action": $0.action, "detail": $0.detail] })
            } else {
                for record in records {
                    print("\(reportTime(record.at))  \(record.action)  \(record.detail)" + (record.actor.map { "  (by \($0))" } ?? ""))
                }
            }
            return
        }
        let records = try await CommunityEngine(store: store, guild: guild).audit(member: member, limit: limit)
        if format == "json" {
            try printJSON(records.map {
                ["at": reportTime($0.at), "member": $0.member, "role": $0.role, "action": $0.action.rawValue,
                 "rule": $0.rule ?? "", "reason": $0.reason, "actor": $0.actor ?? "", "workflow": $0.workflow]
            })
            return
        }
        if records.isEmpty { print("No role was granted or revoked" + (member.map { " for \($0)" } ?? "") + ".") }
        for record in records {
            print("\(reportTime(record.at))  \(record.action == .grant ? "grant " : "revoke") \(record.role) \(record.member)  \(record.reason)"
                  + (record.actor.map { "  (by \($0))" } ?? ""))
        }
    }
}

func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
