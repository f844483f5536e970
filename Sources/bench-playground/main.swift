// Playground benchmark (not a test). Run in release: `make bench-playground`.
//
// The playground as `escala playground` runs it (the real Escala on the
// built-in Discord, the page's API on 127.0.0.1), driven over HTTP as the
// page drives it: a member writes in her ticket through the API, and the
// time is taken until the page would show it: the event stream has told
// of the change and `/api/view` has the message. One at a time, then
// with 50 more tickets open (opened by other members on the built-in
// server). Aim: p99 under 50 ms.
import Application
import AsyncHTTPClient
import Foundation
import LocalDiscord
import NIOCore
import WebFace

func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func milliseconds(_ duration: Duration) -> Double { Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000 }

struct BenchFailure: Error, CustomStringConvertible { let description: String }

func benchmark() async throws {
    let rounds = Int(ProcessInfo.processInfo.environment["BENCH_ROUNDS"] ?? "") ?? 100
    let data = FileManager.default.temporaryDirectory.appendingPathComponent("escala-bench-playground-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: data) }
    let app = try await PlaygroundApplication(workflowsFolder: "workflows", dataFolder: data)
    let (ports, got) = AsyncStream.makeStream(of: Int.self)
    let serving = Task { _ = try? await app.run { got.yield($0) } }
    var portIterator = ports.makeAsyncIterator()
    let base = "http://127.0.0.1:\(await portIterator.next() ?? 0)"
    let client = HTTPClient(eventLoopGroupProvider: .singleton)
    let playground = app.playground
    let server = app.server
    let ana = playground.cast.people[0].id
    let panel = playground.guild.ids["panel_tickets"]!

    func post(_ path: String, _ body: JSONValue) async throws {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.body = .bytes(ByteBuffer(string: body.serialized))
        let response = try await client.execute(request, timeout: .seconds(10))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 204 else { throw BenchFailure(description: "\(path) answered \(response.status.code)") }
    }
    func view(_ channel: String?) async throws -> JSONValue {
        let response = try await client.execute(HTTPClientRequest(url: base + "/api/view?person=\(ana)&channel=\(channel ?? "")"),
                                                timeout: .seconds(10))
        return try JSONValue.parse(Data(buffer: try await response.body.collect(upTo: 1 << 24)))
    }

    // The page's event stream, as counts of "data:" lines.
    let (events, heard) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
    let listening = Task {
        guard let response = try? await client.execute(HTTPClientRequest(url: base + "/api/events"), timeout: .hours(1)) else { return }
        var count = 0
        for try await chunk in response.body {
            count += String(buffer: chunk).components(separatedBy: "data:").count - 1
            heard.yield(count)
        }
    }
    var eventIterator = events.makeAsyncIterator()

    while try await view(nil)["listening"] != .bool(true) { try await Task.sleep(for: .milliseconds(20)) }
    try await post("/api/click", .object(["person": .string(ana), "channel": .string(panel), "customID": .string("esc:menu:roleplay"),
                                          "values": .array([.string("consultas")])]))
    var ticket: String?
    while ticket == nil {
        ticket = (try await view(nil)["channels"]?.array ?? []).first { $0["name"]?.string == "consultas-1" }?["id"]?.string
        if ticket == nil { try await Task.sleep(for: .milliseconds(20)) }
    }

    /// Writes as Ana and waits until the page would show it.
    func round(_ index: Int) async throws -> Double {
        let text = "mensaje \(index) del banco de pruebas"
        let start = ContinuousClock.now
        try await post("/api/say", .object(["person": .string(ana), "channel": .string(ticket!), "text": .string(text)]))
        while true {
            _ = await eventIterator.next()
            let messages = try await view(ticket)["channel"]?["messages"]?.array ?? []
            if messages.contains(where: { $0["content"]?.string == text }) { return milliseconds(ContinuousClock.now - start) }
        }
    }

    func phase(_ title: String) async throws {
        var times: [Double] = []
        for index in 0..<rounds { times.append(try await round(index)) }
        var reads: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            _ = try await view(ticket)
            reads.append(milliseconds(ContinuousClock.now - start))
        }
        say("\(title): /api/view alone p50 \(String(format: "%.2f", percentile(reads, 0.5))) ms")
        say("\(title): \(rounds) messages, action → page updated p50 \(String(format: "%.2f", percentile(times, 0.5))) ms, "
            + "p99 \(String(format: "%.2f", percentile(times, 0.99))) ms, max \(String(format: "%.2f", times.max() ?? 0)) ms")
    }

    say("escala-bench-playground: the playground in this process, driven over HTTP as the page drives it")
    try await phase("1. one ticket open")
    // 50 more members open a ticket each on the built-in server.
    let before = server.liveCreatedChannels.count
    for index in 0..<50 {
        let member = (id: String(400_000_000_000_000_000 + UInt64(index)), name: "socio\(index)")
        server.addMember(id: member.id, name: member.name, roles: [])
        await server.click("esc:menu:roleplay", in: panel, by: member, values: ["consultas"], guild: playground.guild.id)
    }
    let deadline = ContinuousClock.now + .seconds(60)
    while server.liveCreatedChannels.count < before + 50 {
        guard ContinuousClock.now < deadline else { throw BenchFailure(description: "only \(server.liveCreatedChannels.count - before) of 50 tickets opened") }
        try await Task.sleep(for: .milliseconds(20))
    }
    try await phase("2. with 50 more tickets open")
    say("requests that broke Discord's API: \(server.violations.count)")
    listening.cancel()
    await app.stop()
    _ = await serving.value
    try await client.shutdown()
}

do {
    try await benchmark()
} catch {
    say("escala-bench-playground: \(error)")
    exit(1)
}
