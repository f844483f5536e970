// Discord benchmark (not a test). Run in release: `make bench-discord`.
//
// `escala run` in a process of its own against the local Discord server,
// which keeps Discord's global limit (50 requests a second, interaction
// callbacks and the interaction's webhook exempt: a global 429 past it)
// and its cap of 50 channels per category. Everything is timed on the
// server's side: when it sent the click (INTERACTION_CREATE) and when it
// answered the requests the click caused. The bot's CPU time and memory
// are read from /proc, so they are its own.
//
// 1. One click at a time: click → channel created, → greeting posted,
//    beside the time the two REST calls take from a plain client.
// 2. Bursts of 20 and 50 members opening at once, then 50 closes at once.
// 3. Sustained: BENCH_SUSTAINED tickets (1,000) opened over a minute while
//    members click in theirs and staff answer and close them.
//
// BENCH_CHECK=1 judges every request against Discord's OpenAPI description
// (slower server, same bot).
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import LocalDiscord

let guild = "100000000000000001"
let roles = ["cm": "700000000000000001", "trainee": "700000000000000002", "moderator": "700000000000000003",
             "admin": "700000000000000004", "manager": "700000000000000005", "senior_manager": "700000000000000006",
             "owner": "700000000000000007", "developer": "700000000000000008", "programador": "700000000000000009"]
let channels = ["panel_tickets": "800000000000000001", "categoria_tickets": "800000000000000002",
                "categoria_tickets_2": "800000000000000003", "chat_staff": "800000000000000004", "registros": "800000000000000005",
                "categoria_tickets_3": "800000000000000006"]
let cm = (id: "310000000000000001", name: "ana")

/// Written at once: a benchmark that fails must still show what it measured.
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func number(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

/// Everything local to one function: top-level variables of `main.swift`
/// belong to the main actor.
func benchmark() async throws {
    let environment = ProcessInfo.processInfo.environment
    let oneByOne = Int(environment["BENCH_ONE_BY_ONE"] ?? "") ?? 20
    let sustained = Int(environment["BENCH_SUSTAINED"] ?? "") ?? 1000
    let sustainedSeconds = Double(environment["BENCH_SUSTAINED_SECONDS"] ?? "") ?? 60
    let executable = environment["BENCH_ESCALA"] ?? ".build/release/escala"

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-bench-discord-\(UUID().uuidString)")
    let workflows = folder.appendingPathComponent("workflows")
    try FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: "workflows/roleplay.flow", toPath: workflows.appendingPathComponent("roleplay.flow").path)
    try ((roles.merging(channels) { first, _ in first }).sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "\n") + "\n")
        .write(to: workflows.appendingPathComponent("roleplay.ids"), atomically: true, encoding: .utf8)

    let server = try await LocalDiscord.start(checksContract: environment["BENCH_CHECK"] == "1")
    for (name, id) in channels { server.addChannel(id: id, name: name, parent: nil, guild: guild) }
    let bot = try BotProcess(escala: executable, folder: folder, server: server, guild: guild,
                             logLevel: environment["ESCALA_LOG_LEVEL"] ?? "warning")
    defer {
        bot.stop()
        try? FileManager.default.removeItem(at: folder)
    }
    do {
        try await measure(server: server, bot: bot, folder: folder, oneByOne: oneByOne, sustained: sustained, sustainedSeconds: sustainedSeconds)
    } catch {
        let log = (try? String(contentsOf: bot.log, encoding: .utf8)) ?? ""
        say("escala-bench-discord: \(error); the bot's last lines:\n" + log.split(separator: "\n").suffix(30).joined(separator: "\n"))
        throw error
    }
    await server.stop()
}

func measure(server: LocalDiscord, bot: BotProcess, folder: URL, oneByOne: Int, sustained: Int, sustainedSeconds: Double) async throws {
    let seen = Observer(server: server)
    try await seen.wait(limit: .seconds(30)) { server.gateway.isReady && seen.greeted[channels["panel_tickets"]!] != nil }
    try await seen.settle()
    say("escala-bench-discord: escala run (pid \(bot.pid)) against the local Discord, global limit 50/s, 50 channels a category; RSS at start \(number(bot.residentMiB())) MiB (RssAnon \(number(bot.anonymousMiB())) MiB)")

    var members = 0
    func newMember() -> (id: String, name: String) {
        members += 1
        return (id: String(320_000_000_000_000_000 + members), name: "jugador\(members)")
    }
    func open(_ member: (id: String, name: String)) async -> String {
        await server.click("esc:menu", in: channels["panel_tickets"]!, by: member, values: ["consultas"], guild: guild)
    }

    // 1. One click at a time.
    var cpu = bot.cpuSeconds()
    let escala = try await oneAtATime(oneByOne, seen: seen, open: { await open($0) }, newMember: newMember)
    try await seen.settle()
    let oneByOneCPU = (bot.cpuSeconds() - cpu) / Double(oneByOne)
    let serverCreate = Sample(seen.createServerTimes.suffix(oneByOne)).median
    let serverMessage = Sample(seen.messageServerTimes.suffix(oneByOne)).median
    let plain = try await plainRoundTrips(server: server, count: oneByOne)
    say("\n1. one click at a time (\(oneByOne) tickets)")
    say("   click → acknowledgement  p50 \(number(escala.ack.median, 2)) ms, p99 \(number(escala.ack.ms(0.99), 2)) ms")
    say("   click → channel created  p50 \(number(escala.toChannel.median, 2)) ms   (the create call alone: \(number(plain.create, 2)) ms from a plain client, \(number(serverCreate, 2)) ms in the server) → \(number(escala.toChannel.median / plain.create, 2))×")
    say("   click → greeting posted  p50 \(number(escala.toGreeting.median, 2)) ms   (create + message alone: \(number(plain.create + plain.message, 2)) ms, \(number(serverCreate + serverMessage, 2)) ms in the server) → \(number(escala.toGreeting.median / (plain.create + plain.message), 2))×")
    say("   CPU per ticket \(number(oneByOneCPU * 1000, 2)) ms")
    try await closeAll(escala.opened, seen: seen, server: server, bot: bot, report: nil)

    // 2. Bursts.
    for size in [20, 50] {
        let burst = (0..<size).map { _ in newMember() }
        // A full second's budget: nothing sent for longer than the window.
        try await seen.settle(quiet: .milliseconds(1_200))
        let counted = seen.counted, limited = server.globalRateLimited
        cpu = bot.cpuSeconds()
        let start = ContinuousClock.now
        var clicks: [String] = []
        for member in burst { clicks.append(await open(member)) }
        try await seen.wait {
            clicks.allSatisfy { seen.acknowledged[$0] != nil }
                && burst.allSatisfy { seen.channelOfMember[$0.id].map { seen.greeted[$0] != nil } ?? false }
        }
        let burstChannels = burst.map { seen.channelOfMember[$0.id]! }
        let lastChannel = burstChannels.map { seen.created[$0]! }.max()! - start
        let lastGreeting = burstChannels.map { seen.greeted[$0]! }.max()! - start
        try await seen.settle()
        let acks = Sample(clicks.map { seen.acknowledged[$0]! - start })
        say("\n2. \(size) members open at once")
        say("   every channel created in \(number(lastChannel.ms)) ms: \(number(Double(size) / lastChannel.seconds)) tickets/s; every greeting in \(number(lastGreeting.ms)) ms")
        say("   acknowledgements p50 \(number(acks.median, 2)) ms, p99 \(number(acks.ms(0.99), 2)) ms, max \(number(acks.max, 2)) ms")
        say("   requests counted against the global limit: \(number(Double(seen.counted - counted) / Double(size), 2)) per ticket; global 429s: \(server.globalRateLimited - limited)")
        say("   CPU per ticket \(number((bot.cpuSeconds() - cpu) * 1000 / Double(size), 2)) ms")
        try await closeAll(burst, seen: seen, server: server, bot: bot, report: size == 50 ? "\n   \(size) closes at once" : nil)
    }

    // 3. Sustained.
    try await sustainedTraffic(tickets: sustained, over: sustainedSeconds, seen: seen, server: server, bot: bot, newMember: newMember)

    // 4. The floor: the same clicks served by a bot that keeps nothing.
    bot.stop()
    try await seen.wait { !server.gateway.isReady }
    let categories = ["categoria_tickets", "categoria_tickets_2", "categoria_tickets_3"].map { channels[$0]! }
    let stateless = try BotProcess(executable: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path, arguments: ["stateless-bot"],
                                   server: server, environment: ["BENCH_GUILD": guild, "BENCH_CATEGORIES": categories.joined(separator: ",")],
                                   log: folder.appendingPathComponent("stateless-bot.log"))
    defer { stateless.stop() }
    try await seen.wait { server.gateway.isReady }
    try await seen.settle()
    cpu = stateless.cpuSeconds()
    let floor = try await oneAtATime(oneByOne, seen: seen, open: { await open($0) }, newMember: newMember)
    try await seen.settle()
    let floorCPU = (stateless.cpuSeconds() - cpu) / Double(oneByOne)
    say("\n4. the same clicks one at a time (\(oneByOne)), served by a bot that keeps nothing (Escala's Discord client, no store, a process of its own): the floor")
    say("   click → acknowledgement  p50 \(number(floor.ack.median, 2)) ms")
    say("   click → channel created  p50 \(number(floor.toChannel.median, 2)) ms → \(number(floor.toChannel.median / plain.create, 2))× the create call; Escala: \(number(escala.toChannel.median / floor.toChannel.median, 2))× this bot")
    say("   click → greeting posted  p50 \(number(floor.toGreeting.median, 2)) ms → \(number(floor.toGreeting.median / (plain.create + plain.message), 2))× create + message; Escala: \(number(escala.toGreeting.median / floor.toGreeting.median, 2))× this bot")
    say("   CPU per ticket \(number(floorCPU * 1000, 2)) ms (Escala: \(number(oneByOneCPU / floorCPU, 2))× this bot); RSS \(number(stateless.residentMiB())) MiB (RssAnon \(number(stateless.anonymousMiB())) MiB)")
    say("\n   requests that broke Discord's API: \(server.violations.count)\(server.checksContract ? "" : " (not checked: BENCH_CHECK=1 checks them)")")
}

/// Members open tickets one at a time, each once the last one's greeting
/// is posted: from the click to its acknowledgement, its channel and its
/// greeting, as the server timed them.
func oneAtATime(_ count: Int, seen: Observer, open: (_ member: (id: String, name: String)) async -> String,
                newMember: () -> (id: String, name: String)) async throws
    -> (ack: Sample, toChannel: Sample, toGreeting: Sample, opened: [(id: String, name: String)]) {
    var ack: [Duration] = [], toChannel: [Duration] = [], toGreeting: [Duration] = []
    var opened: [(id: String, name: String)] = []
    for _ in 0..<count {
        let member = newMember()
        let start = ContinuousClock.now
        let interaction = await open(member)
        try await seen.wait {
            seen.channelOfMember[member.id].map { seen.greeted[$0] != nil } ?? false && seen.acknowledged[interaction] != nil
        }
        let channel = seen.channelOfMember[member.id]!
        ack.append(seen.acknowledged[interaction]! - start)
        toChannel.append(seen.created[channel]! - start)
        toGreeting.append(seen.greeted[channel]! - start)
        opened.append(member)
        try await Task.sleep(for: .milliseconds(50))
    }
    return (Sample(ack), Sample(toChannel), Sample(toGreeting), opened)
}

/// The members' tickets closed at once: a CM writes in each (and so takes
/// it), presses Close, and all the close-reason forms are sent together.
func closeAll(_ owners: [(id: String, name: String)], seen: Observer, server: LocalDiscord, bot: BotProcess, report: String?) async throws {
    let ticketChannels = owners.map { seen.channelOfMember[$0.id]! }
    var clicks: [String] = []
    // The member speaks first, as the workflow wants.
    for (owner, channel) in zip(owners, ticketChannels) {
        await server.say("Hola", in: channel, by: owner, guild: guild)
    }
    try await Task.sleep(for: .milliseconds(200))
    for channel in ticketChannels {
        await server.say("Te atiendo", in: channel, by: cm, roles: [roles["cm"]!], guild: guild)
    }
    try await Task.sleep(for: .milliseconds(200))
    for channel in ticketChannels {
        clicks.append(await server.click("esc:b:consultas:cerrar", in: channel, by: cm, roles: [roles["cm"]!], guild: guild))
    }
    try await seen.wait { clicks.allSatisfy { seen.acknowledged[$0] != nil } }
    try await seen.settle()
    let counted = seen.counted, limited = server.globalRateLimited
    let cpu = bot.cpuSeconds()
    let start = ContinuousClock.now
    var forms: [String] = []
    for channel in ticketChannels {
        forms.append(await server.submit("esc:f:close_reason", values: ["reason": "Resuelto"], in: channel, by: cm, roles: [roles["cm"]!], guild: guild))
    }
    // The farewell is a question asked before closing (`farewell despedida
    // wait 10m`, seed 001): each member answers no, and the ticket closes.
    // A member answers once the question is there to read.
    try await seen.wait { forms.allSatisfy { seen.acknowledged[$0] != nil } && ticketChannels.allSatisfy { (seen.lastMessage[$0] ?? start) > start } }
    for (owner, channel) in zip(owners, ticketChannels) {
        await server.say("No, gracias", in: channel, by: owner, guild: guild)
    }
    try await seen.wait { ticketChannels.allSatisfy { seen.deleted[$0] != nil } && forms.allSatisfy { seen.acknowledged[$0] != nil } }
    let lastDeleted = (ticketChannels.map { seen.deleted[$0]! }.max() ?? start) - start
    try await seen.settle()
    guard let report else { return }
    let acks = Sample(forms.map { seen.acknowledged[$0]! - start })
    say(report)
    say("   every channel deleted in \(number(lastDeleted.ms)) ms (close form, farewell question, the member's «no»); acknowledgements p99 \(number(acks.ms(0.99), 2)) ms")
    say("   requests counted against the global limit: \(number(Double(seen.counted - counted) / Double(owners.count), 2)) per close; global 429s: \(server.globalRateLimited - limited)")
    say("   CPU per close \(number((bot.cpuSeconds() - cpu) * 1000 / Double(owners.count), 2)) ms")
}

/// `tickets` members open over `seconds`, evenly. In each ticket, once it
/// exists: the member writes, presses Close (not theirs to press: refused), a CM
/// writes, presses Close and gives the reason, a few seconds apart.
func sustainedTraffic(tickets: Int, over seconds: Double, seen: Observer, server: LocalDiscord, bot: BotProcess,
                      newMember: () -> (id: String, name: String)) async throws {
    enum Step { case memberWrites, memberPresses, cmWrites, cmPresses, cmCloses, memberDeclines, done }
    struct Ticket {
        let member: (id: String, name: String)
        let click: String
        var step = Step.memberWrites
        var next: ContinuousClock.Instant?
        var refused = false
        /// When the close form was sent: the member answers the farewell
        /// question once it is there to read.
        var closing: ContinuousClock.Instant?
        var reported = false
        /// The CM's press of Close, answered by the close form.
        var press: String?
        var stranded = false
        let opened = ContinuousClock.now
    }
    var open: [Ticket] = []
    var clicks: [String] = []
    var peakRSS = 0.0, rssAt500 = 0.0, anonymousAt500 = 0.0
    let counted = seen.counted, limited = server.globalRateLimited
    let cpu = bot.cpuSeconds()
    let start = ContinuousClock.now
    let every = Duration.seconds(seconds / Double(tickets))
    var started = 0
    var pressedTooSoon = 0
    var lastReport = start
    while started < tickets || open.contains(where: { $0.step != .done }) {
        let now = ContinuousClock.now
        guard now - start < .seconds(seconds * 5 + 60) else {
            // Say which tickets never got through, and where they stopped.
            for ticket in open where ticket.step != .done {
                let channel = seen.channelOfMember[ticket.member.id]
                say("   stuck: \(ticket.member.name) at \(ticket.step), channel \(channel ?? "none"), last message from the bot "
                    + "\(channel.flatMap { seen.lastMessage[$0] }.map { "\(($0 - start).ms) ms" } ?? "none"), close form sent "
                    + "\(ticket.closing.map { "\(($0 - start).ms) ms" } ?? "never")" + (channel.map { "; what the bot did there: " + seen.story(of: $0) } ?? ""))
            }
            throw BenchError.timedOut
        }
        seen.update()
        while started < tickets, start + every * started <= now {
            let member = newMember()
            let click = await seen.timed { await server.click("esc:menu", in: channels["panel_tickets"]!, by: member, values: ["consultas"], guild: guild) }
            clicks.append(click)
            open.append(Ticket(member: member, click: click))
            started += 1
        }
        for index in open.indices where open[index].step != .done {
            if seen.answerType[open[index].click] == 4 {
                // Refused: no room (every category full).
                open[index].refused = true
                open[index].step = .done
                continue
            }
            guard let channel = seen.channelOfMember[open[index].member.id], seen.greeted[channel] != nil else {
                // Acknowledged, and still no channel after half a minute.
                if now - open[index].opened > .seconds(30) {
                    open[index].stranded = true
                    open[index].step = .done
                }
                continue
            }
            guard let next = open[index].next else { open[index].next = now + .seconds(1); continue }
            guard next <= now else { continue }
            open[index].next = now + .milliseconds(500)
            switch open[index].step {
            case .memberWrites:
                await server.say("Hola", in: channel, by: open[index].member, guild: guild)
                open[index].step = .memberPresses
            case .memberPresses:
                clicks.append(await seen.timed { await server.click("esc:b:consultas:cerrar", in: channel, by: open[index].member, guild: guild) })
                open[index].step = .cmWrites
            case .cmWrites:
                await server.say("Te atiendo", in: channel, by: cm, roles: [roles["cm"]!], guild: guild)
                open[index].step = .cmPresses
            case .cmPresses:
                let press = await seen.timed { await server.click("esc:b:consultas:cerrar", in: channel, by: cm, roles: [roles["cm"]!], guild: guild) }
                clicks.append(press)
                open[index].press = press
                open[index].step = .cmCloses
            case .cmCloses:
                // Pressed before the CM's words were taken (so not yet
                // theirs to close): refused, as a staff member would see;
                // they press again.
                if let press = open[index].press, let answer = seen.answerType[press], answer != 9 {
                    pressedTooSoon += 1
                    open[index].step = .cmPresses
                    continue
                }
                guard let press = open[index].press, seen.answerType[press] == 9 else { continue }
                clicks.append(await seen.timed { await server.submit("esc:f:close_reason", values: ["reason": "Resuelto"], in: channel, by: cm,
                                                                     roles: [roles["cm"]!], guild: guild) })
                open[index].closing = now
                open[index].step = .memberDeclines
            case .memberDeclines:
                guard let closing = open[index].closing, let asked = seen.lastMessage[channel], asked > closing else {
                    if let closing = open[index].closing, now - closing > .seconds(30), !open[index].reported {
                        open[index].reported = true
                        say("   no farewell question 30 s after the close form in \(channel): " + seen.story(of: channel))
                    }
                    continue
                }
                // The farewell is a question asked before closing: «no» closes.
                await server.say("No, gracias", in: channel, by: open[index].member, guild: guild)
                open[index].step = .done
            case .done:
                break
            }
        }
        if started >= 500, rssAt500 == 0 {
            rssAt500 = bot.residentMiB()
            anonymousAt500 = bot.anonymousMiB()
        }
        peakRSS = max(peakRSS, bot.residentMiB())
        if now - lastReport > .seconds(10) {
            lastReport = now
            FileHandle.standardError.write(Data("   … \(started) opened, \(open.filter { $0.step == .done }.count) closing or closed\n".utf8))
        }
        try await Task.sleep(for: .milliseconds(5))
    }
    let allOpened = ContinuousClock.now - start
    let ticketChannels = open.filter { !$0.refused && !$0.stranded }.map { seen.channelOfMember[$0.member.id]! }
    let stranded = open.filter(\.stranded).count
    let refused = open.filter(\.refused).count
    try await seen.wait(limit: .seconds(600)) { ticketChannels.allSatisfy { seen.deleted[$0] != nil } && clicks.allSatisfy { seen.acknowledged[$0] != nil } }
    let lastCreated = (ticketChannels.map { seen.created[$0]! }.max() ?? start) - start
    let lastDeleted = ticketChannels.map { seen.deleted[$0]! }.max()! - start
    try await seen.settle()
    var latencies: [Duration] = []
    for id in clicks { if let at = seen.acknowledged[id], let sent = seen.sentAt[id] { latencies.append(at - sent) } }
    let sample = Sample(latencies)
    say("\n3. sustained: \(tickets) tickets opened over \(Int(seconds)) s; in each the member presses, a CM writes, presses and closes, the member answers the farewell «no»; half a second apart")
    say("   \(clicks.count) clicks and forms acknowledged: p50 \(number(sample.median, 2)) ms, p99 \(number(sample.ms(0.99), 2)) ms, max \(number(sample.max, 2)) ms")
    say("   opens refused at once for want of room (every category full): \(refused); tickets left without a channel: \(stranded); "
        + "Close pressed before the CM's words were taken (refused, pressed again): \(pressedTooSoon)")
    say("   every channel created by \(number(lastCreated.seconds)) s (\(ticketChannels.count) channels: \(number(Double(ticketChannels.count) / lastCreated.seconds)) tickets/s; Discord's limit allows 25/s for opens alone, \(number(45.0 / max(1, Double(seen.counted - counted) / Double(ticketChannels.count)), 1))/s at the requests each ticket here needed), every one closed by \(number(lastDeleted.seconds)) s; last click at \(number(allOpened.seconds)) s")
    say("   requests counted against the global limit: \(number(Double(seen.counted - counted) / Double(tickets), 2)) per ticket (open and close); global 429s: \(server.globalRateLimited - limited)")
    say("   CPU per ticket \(number((bot.cpuSeconds() - cpu) * 1000 / Double(tickets), 2)) ms; RSS after 500 tickets \(number(rssAt500)) MiB (its own memory, RssAnon: \(number(anonymousAt500)) MiB), peak \(number(peakRSS)) MiB, now \(number(bot.residentMiB())) MiB")
}

/// The two calls an open needs, from a plain HTTP client: what a bot that
/// did nothing else would wait for.
func plainRoundTrips(server: LocalDiscord, count: Int) async throws -> (create: Double, message: Double) {
    var creates: [Duration] = [], messages: [Duration] = []
    let session = URLSession(configuration: .ephemeral)
    for index in 0..<count {
        var request = URLRequest(url: server.apiBaseURL.appendingPathComponent("guilds/\(guild)/channels"))
        request.httpMethod = "POST"
        request.setValue("Bot bench", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"name":"plain-\#(index)","type":0,"topic":"plain"}"#.utf8)
        var start = ContinuousClock.now
        let (data, _) = try await session.data(for: request)
        creates.append(.now - start)
        let id = (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["id"] as? String ?? "0"
        var message = URLRequest(url: server.apiBaseURL.appendingPathComponent("channels/\(id)/messages"))
        message.httpMethod = "POST"
        message.setValue("Bot bench", forHTTPHeaderField: "Authorization")
        message.setValue("application/json", forHTTPHeaderField: "Content-Type")
        message.httpBody = Data(#"{"content":"¡Buenos días!"}"#.utf8)
        start = .now
        _ = try await session.data(for: message)
        messages.append(.now - start)
        try await Task.sleep(for: .milliseconds(40))
    }
    return (Sample(creates).median, Sample(messages).median)
}


do {
    if CommandLine.arguments.dropFirst().first == "stateless-bot" {
        try await StatelessBot.serveFromEnvironment()
    } else {
        try await benchmark()
    }
} catch {
    say("escala-bench-discord failed: \(error)")
    exit(1)
}
