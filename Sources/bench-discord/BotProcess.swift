import Foundation
import LocalDiscord

/// A bot as its own process against the local Discord (`escala run`, or
/// the bot that keeps nothing), so that its CPU time and memory are its
/// own: the server, the clicks and the bookkeeping of the benchmark are in
/// this process, not in the figures.
final class BotProcess {
    let process = Process()
    let log: URL

    /// `escala run` (release) on `folder`'s workflows and data.
    convenience init(escala executable: String, folder: URL, server: LocalDiscord, guild: String, logLevel: String) throws {
        // BENCH_LOG keeps the bot's log where it says (with
        // ESCALA_LOG_LEVEL=debug: every request, commit and wait, timed).
        try self.init(executable: executable,
                      arguments: ["run", "--workflows", folder.appendingPathComponent("workflows").path,
                                  "--data", folder.appendingPathComponent("data").path, "--guild", guild],
                      server: server, environment: ["ESCALA_LOG_LEVEL": logLevel],
                      log: ProcessInfo.processInfo.environment["BENCH_LOG"].map { URL(fileURLWithPath: $0) } ?? folder.appendingPathComponent("escala.log"))
    }

    init(executable: String, arguments: [String], server: LocalDiscord, environment extra: [String: String], log: URL) throws {
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["DISCORD_TOKEN"] = "bench-token"
        environment["ESCALA_DISCORD_API"] = server.apiBaseURL.absoluteString
        environment["ESCALA_DISCORD_GATEWAY"] = server.gatewayURL
        process.environment = environment.merging(extra) { _, new in new }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// User and system CPU time the process has used so far, in seconds
    /// (`/proc/PID/stat`, fields 14 and 15, in clock ticks).
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // Fields after the command name (which may hold spaces), from field 3.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Resident memory now, in MiB (`VmRSS` of `/proc/PID/status`): the
    /// process's own memory and the pages of the shared libraries it
    /// touched (Foundation and ICU alone are most of 40 MiB).
    func residentMiB() -> Double { status("VmRSS:") }

    /// The process's own memory (`RssAnon`): its heap and stacks, without
    /// the libraries' pages that every Swift process on the machine shares.
    func anonymousMiB() -> Double { status("RssAnon:") }

    private func status(_ field: String) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }

    /// Once: the benchmark stops it before its last phase.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
