import ArgumentParser
import Engine
import Foundation

/// Where an offline command (`audit`, `stats`) finds the database
/// `escala run` writes, and which server's records it reads.
struct DataOptions: ParsableArguments {
    @Option(help: "The folder of Escala's database (env: ESCALA_DATA).")
    var data = ProcessInfo.processInfo.environment["ESCALA_DATA"] ?? "data"

    @Option(help: "The Discord server's id (env: ESCALA_GUILD_ID); needed only when the database holds several.")
    var guild = ProcessInfo.processInfo.environment["ESCALA_GUILD_ID"] ?? ""

    /// Opens the existing database (never creates one: a wrong `--data`
    /// must say so, not answer with an empty report) and picks the server.
    func open() async throws -> (store: TicketStore, guild: String) {
        let path = (data as NSString).appendingPathComponent("escala.sqlite")
        guard FileManager.default.fileExists(atPath: path) else {
            printError("escala: no database at \(path). Point --data (or ESCALA_DATA) at the folder `escala run` uses.")
            throw ExitCode(2)
        }
        let store: TicketStore
        do { store = try TicketStore(path: path) } catch {
            printError("escala: \(error)")
            throw ExitCode(2)
        }
        if !guild.isEmpty { return (store, guild) }
        let guilds = (try? await store.read { try $0.guilds() }) ?? []
        guard guilds.count == 1 else {
            printError(guilds.isEmpty
                       ? "escala: the database at \(path) holds no server yet."
                       : "escala: the database holds several servers (\(guilds.joined(separator: ", "))): choose one with --guild.")
            throw ExitCode(2)
        }
        return (store, guilds[0])
    }
}

/// `2026-01-05 09:00 UTC`: instants in reports, unambiguous for any reader.
func reportTime(_ seconds: Int64) -> String {
    let formatter = DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
}
