import ArgumentParser
import Engine
import Foundation

/// The sanctions ledger of one member, read from the database `escala run`
/// writes: what staff check before sanctioning again, and what an appeal
/// is about.
struct SanctionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sanctions",
        abstract: "Show a member's recorded sanctions: offence, who applied it, when, in which ticket, with what evidence.",
        discussion: """
        Every sanction applied through a ticket (`choose sanction`) is recorded, and so is a sanction given \
        outside Escala once an appeal names it, with who recorded it. The ledger is append-only: \
        nothing here can be changed or deleted, by Escala or by hand.
        """
    )

    @OptionGroup var location: DataOptions

    @Option(help: "The member's Discord user id.")
    var member: String

    @Option(help: "text or json.")
    var format = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
        guard !member.isEmpty, member.allSatisfy(\.isNumber) else {
            throw ValidationError("--member is a Discord user id, digits only (in Discord: right-click the member, Copy User ID)")
        }
    }

    func run() async throws {
        let (store, guild) = try await location.open()
        let member = member
        let records = try await store.read { try $0.sanctions(guild: guild, member: member) }
        if format == "json" {
            try printJSON(records.map { record in
                Row(at: reportTime(record.at), offence: record.entry.offence, sanction: record.entry.sanction,
                    appliedBy: record.entry.appliedBy, recordedBy: record.entry.recordedBy, ticket: record.ticketNumber,
                    category: record.category, evidence: record.entry.evidence, warned: record.entry.warned,
                    outsideEscala: record.entry.outsideEscala)
            })
            return
        }
        if records.isEmpty { print("No sanction is recorded for \(member).") }
        for record in records {
            let entry = record.entry
            var line = "\(reportTime(record.at))  \(entry.offence)"
            if let sanction = entry.sanction { line += "  \"\(sanction)\"" }
            line += "  applied by \(entry.appliedBy)"
            if entry.outsideEscala { line += " (outside Escala, recorded by \(entry.recordedBy))" }
            if let number = record.ticketNumber { line += "  ticket #\(number)" + (record.category.map { " (\($0))" } ?? "") }
            if entry.warned { line += "  warned" }
            if !entry.evidence.isEmpty { line += "  evidence: " + entry.evidence.joined(separator: " ") }
            print(line)
        }
    }

    struct Row: Encodable {
        let at: String
        let offence: String
        let sanction: String?
        let appliedBy: String
        let recordedBy: String
        let ticket: Int?
        let category: String?
        let evidence: [String]
        let warned: Bool
        let outsideEscala: Bool
    }
}
