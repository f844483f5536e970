import ArgumentParser
import Engine
import Foundation

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Ticket statistics per category and per staff member.",
        discussion: """
        created, resolved (closed, by staff or by a timeout), pending (open), the mean time to the first \
        staff answer and the mean time to close. For a staff member, `created` counts the tickets they \
        answered first, and resolved/pending the tickets in their hands.
        """
    )

    @OptionGroup var location: DataOptions

    @Option(help: "Only tickets opened in the last N days.")
    var days: Int?

    @Option(help: "text or json.")
    var format = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
        if let days, !(1...CommunityCommand.maximumDays).contains(days) {
            throw ValidationError("--days takes a whole number from 1 to \(CommunityCommand.maximumDays)")
        }
    }

    func run() async throws {
        let (store, guild) = try await location.open()
        let since = days.map { Int64(Date().timeIntervalSince1970) - Int64($0) * 86_400 } ?? 0
        let statistics = try await CommunityEngine(store: store, guild: guild).ticketStatistics(since: since)
        if format == "json" { return try printJSON(statistics) }
        let header = "                          created  resolved  pending  first answer  time to close"
        func row(_ line: TicketStatistics.Line, _ name: String) -> String {
            let name = name.count > 24 ? String(name.prefix(23)) + "…" : name
            return name.padding(toLength: 24, withPad: " ", startingAt: 0)
                + String(format: "%9d %9d %8d", line.created, line.resolved, line.pending)
                + (line.firstResponse?.spokenDuration ?? "—").leftPadded(14)
                + (line.timeToClose?.spokenDuration ?? "—").leftPadded(15)
        }
        print(header)
        print(row(statistics.total, "all tickets"))
        print("\nper category")
        for line in statistics.byCategory { print(row(line, line.key)) }
        print("\nper staff member")
        for line in statistics.byStaff { print(row(line, line.key)) }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? " " + self : String(repeating: " ", count: width - count) + self
    }
}
