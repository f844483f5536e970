import ArgumentParser
import Engine
import Foundation

/// The effects Escala set aside because Discord said they could never
/// succeed as they were (a channel it may not write in, a role it may not
/// give), and a way to send them again once the cause is fixed.
struct OutboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List the effects set aside as failed, or send them again.",
        discussion: """
        An effect Discord refuses for good (403 Missing Permissions, 404 Unknown Channel, 400) is set aside \
        instead of blocking its ticket, and staff are told once in the category's log channel. \
        Fix the cause (the bot's permissions, a channel id in the .ids file), then --retry: \
        the effects go back to their tickets' queues, and `escala run` sends them at its next start \
        or its next event.
        """
    )

    @OptionGroup var location: DataOptions

    @Flag(help: "List the effects set aside (the default).")
    var failed = false

    @Flag(help: "Put the effects set aside back in their queues.")
    var retry = false

    @Option(name: .customLong("id"), help: "Only this effect (its id in the list); may be repeated.")
    var ids: [Int64] = []

    @Option(help: "text or json.")
    var format = "text"

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format is text or json") }
        guard !(failed && retry) else { throw ValidationError("--failed lists and --retry sends again: choose one") }
    }

    func run() async throws {
        let (store, _) = try await location.open()
        if retry {
            let count = try await store.retrySetAside(ids: ids.isEmpty ? nil : ids)
            print(count == 0 ? "No effect was set aside" + (ids.isEmpty ? "." : " with those ids.")
                             : "\(count) effect\(count == 1 ? "" : "s") back in the queue.")
            if ids.isEmpty {
                let timers = try await store.write { try $0.retrySetAsideTimers() }
                if timers > 0 { print("\(timers) timer\(timers == 1 ? "" : "s") due again.") }
            }
            return
        }
        let aside = try await store.setAsideEffects().filter { ids.isEmpty || ids.contains($0.id) }
        if format == "json" {
            try printJSON(aside.map {
                ["id": String($0.id), "lane": $0.lane, "effect": Self.describe($0.work), "reason": $0.reason,
                 "attempts": String($0.attempts), "at": $0.at.map(reportTime) ?? ""]
            })
            return
        }
        // Timers that fell due and could not fire are kept the same way.
        let timers = ids.isEmpty ? try await store.read { try $0.setAsideTimers() } : []
        if aside.isEmpty && timers.isEmpty { print("No effect is set aside."); return }
        for effect in aside {
            print("#\(effect.id)  \(effect.at.map(reportTime) ?? "")  \(Self.describe(effect.work))")
            print("    \(effect.reason)")
        }
        for kept in timers {
            print("timer  \(reportTime(kept.at))  ticket #\(kept.ticketNumber): \(kept.timer.timer.key), due \(reportTime(kept.timer.timer.dueAt))")
            print("    \(kept.reason)")
        }
        print("Fix the cause, then `escala outbox --retry` (or --retry --id N).")
    }

    static func describe(_ work: OutboxWork) -> String {
        let text: String
        switch work {
        case .ticket(let effect, let ticketID, _): text = "ticket \(ticketID): \(effect)"
        case .community(let effect, let workflow): text = "\((workflow as NSString).lastPathComponent): \(effect)"
        }
        return text.count > 160 ? String(text.prefix(159)) + "…" : text
    }
}
