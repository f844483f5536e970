import Crypto
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Runtime
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing
import Webhooks
import WorkflowDSL

/// Webhooks against a receiver on 127.0.0.1 that answers as the test says
/// (200, 500, 404, or never): the real engine, store, runtime loop and
/// HTTP client, on a manual clock for the retries.
@Suite("Webhooks")
struct WebhookDeliveryTests {
    /// What the receiver does with the next requests.
    enum Behaviour: Sendable { case accept, fail, refuse, hang }

    /// An HTTP server that keeps what it was sent.
    final class Receiver: Sendable {
        struct Request: Sendable {
            let headers: [String: String]
            let body: Data
        }

        let requests = Mutex<[Request]>([])
        let behaviour = Mutex(Behaviour.accept)
        let port: Int
        private let task: Task<Void, any Error>

        init() async throws {
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let box = Mutex<Receiver?>(nil)
            let router = Router()
            router.post("/hook") { request, _ -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                var headers: [String: String] = [:]
                for field in request.headers { headers[field.name.canonicalName] = field.value }
                guard let receiver = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
                receiver.requests.withLock { $0.append(Request(headers: headers, body: Data(body.readableBytesView))) }
                switch receiver.behaviour.withLock({ $0 }) {
                case .accept: return Response(status: .noContent)
                case .fail: return Response(status: .internalServerError)
                case .refuse: return Response(status: .notFound)
                case .hang:
                    try? await Task.sleep(for: .seconds(30))
                    return Response(status: .noContent)
                }
            }
            var quiet = Logger(label: "receiver")
            quiet.logLevel = .critical
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: quiet)
            task = Task { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            port = await iterator.next() ?? 0
            box.withLock { $0 = self }
        }

        var received: [Request] { requests.withLock { $0 } }

        func stop() { task.cancel() }
    }

    /// Carries out nothing: the Discord side is not what is tested here.
    struct NoDiscord: EffectExecutor {
        func execute(_ pending: PendingEffect) async throws -> EffectReceipt {
            if case .ticket(.createChannel, let ticket, _) = pending.work { return EffectReceipt(channelID: "c\(ticket)") }
            return EffectReceipt()
        }
    }

    struct Running {
        let runtime: EscalaRuntime
        let engine: TicketEngine
        let clock: ManualClock
        let group: ServiceGroup
        let task: Task<Void, any Error>

        func stop() async {
            await group.triggerGracefulShutdown()
            _ = await task.result
        }
    }

    static let secret = WebhookSecret("s3cret-for-tests")!

    static func start(_ receiver: Receiver, events: String = "", timeout: Swift.Duration = .seconds(5)) async throws -> Running {
        let workflow = """
            ranks cm < admin
            channel soporte
            webhook "http://127.0.0.1:\(receiver.port)/hook"\(events)
            panel p "Soporte" in soporte { opens t }
            ticket t "T" {
              receives cm
              button cerrar "Cerrar"
              on button cerrar by staff: close
            }
            """
        let engine = try await TicketEngine(store: try TicketStore.temporary())
        let report = try await engine.load(SourceFile(path: "w.flow", text: workflow), now: 0)
        #expect(engine.currentWorkflow("w.flow")?.webhooks.count == 1, "\(report.change)")
        let clock = ManualClock(now: 1_000)
        let runtime = EscalaRuntime(engine: engine, community: CommunityEngine(store: engine.store, guild: "g"), clock: clock)
        let logger = Logger(label: "test")
        let webhooks = WebhookService(runtime: runtime, transport: SignedWebhookTransport(secret: secret, timeout: timeout), logger: logger)
        let group = ServiceGroup(services: runtime.services(executor: NoDiscord(), logger: logger) + [webhooks], logger: logger)
        let task = Task { try await group.run() }
        return Running(runtime: runtime, engine: engine, clock: clock, group: group, task: task)
    }

    static let staff = Person(id: "beto", name: "beto", ranks: ["cm"])

    /// A ticket opened, answered by a CM (claimed) and closed by his button.
    static func life(_ running: Running) async throws {
        guard case .opened(let ticket, _, _) = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t",
                                                                                owner: Person(id: "ana"), locale: "es", now: 1_000) else {
            Issue.record("not opened")
            return
        }
        _ = try await running.engine.handle(.message(TicketEvent.Message(id: "m1", author: staff, text: "Te atiendo")), ticket: ticket.id, now: 1_000)
        _ = try await running.engine.handle(.button(name: "cerrar", by: staff), ticket: ticket.id, now: 1_000)
    }

    @Test("a ticket's life reaches the receiver as signed JSON: opened, claimed, closed, in order, each with its event header; the HMAC-SHA256 of the raw body with the secret checks out")
    func signedLifecycle() async throws {
        let receiver = try await Receiver()
        let running = try await Self.start(receiver)
        try await Self.life(running)
        try await eventually("three deliveries") { receiver.received.count == 3 }
        let events = receiver.received.map { $0.headers["x-escala-event"] ?? "" }
        #expect(events == ["opened", "claimed", "closed"])
        for request in receiver.received {
            let expected = HMAC<SHA256>.authenticationCode(for: request.body, using: SymmetricKey(data: Data("s3cret-for-tests".utf8)))
            #expect(request.headers["x-escala-signature"] == "sha256=" + expected.map { String(format: "%02x", $0) }.joined())
            #expect(request.headers["content-type"] == "application/json")
        }
        let closed = try JSONSerialization.jsonObject(with: receiver.received[2].body) as? [String: Any]
        let ticket = closed?["ticket"] as? [String: Any]
        #expect(closed?["event"] as? String == "closed" && closed?["actor"] as? String == "beto" && closed?["workflow"] as? String == "w.flow")
        #expect(ticket?["number"] as? Int == 1 && ticket?["handler"] as? String == "beto" && ticket?["state"] as? String == "closed")
        await running.runtime.webhooksSettled()
        let counts = try await running.engine.store.read { try $0.webhookCounts() }
        #expect(counts.pending == 0 && counts.setAside == 0, "delivered rows are gone")
        await running.stop()
        receiver.stop()
    }

    @Test("`on opened` sends only that event")
    func onlyChosenEvents() async throws {
        let receiver = try await Receiver()
        let running = try await Self.start(receiver, events: " on opened")
        try await Self.life(running)
        await running.runtime.webhooksSettled()
        #expect(receiver.received.map { $0.headers["x-escala-event"] ?? "" } == ["opened"])
        await running.stop()
        receiver.stop()
    }

    @Test("a receiver that answers 500 for ever is tried again on a doubling wait (10 s, 20 s, …) and set aside after 12 tries; one that answers 404 is set aside at once; neither holds the ticket's own effects")
    func failingReceiver() async throws {
        let receiver = try await Receiver()
        receiver.behaviour.withLock { $0 = .fail }
        let running = try await Self.start(receiver, events: " on opened")
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "ana"), locale: "es", now: 1_000)
        await running.runtime.drained()
        #expect(try await running.engine.ticket(id: 1)?.channelID == "c1", "Discord's side went on")
        var waited: [Int64] = []
        for attempt in 1..<WebhookRetry.tries {
            try await eventually("try \(attempt)") { receiver.received.count == attempt }
            // Its failure written down, the loop asleep until the retry.
            await running.runtime.webhooksSettled()
            let due = try #require(try await running.engine.store.read { try $0.nextWebhookDue() })
            waited.append(due - running.clock.now())
            running.clock.advance(by: due - running.clock.now())
        }
        try await eventually("the last try") { receiver.received.count == WebhookRetry.tries }
        await running.runtime.webhooksSettled()
        #expect(Array(waited.prefix(4)) == [10, 20, 40, 80])
        #expect(waited.allSatisfy { $0 <= 3_600 })
        var counts = try await running.engine.store.read { try $0.webhookCounts() }
        #expect(counts.pending == 0 && counts.setAside == 1, "set aside after \(WebhookRetry.tries) tries, not tried for ever")

        receiver.behaviour.withLock { $0 = .refuse }
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "carla"), locale: "es", now: running.clock.now())
        try await eventually("the 404") { receiver.received.count == WebhookRetry.tries + 1 }
        await running.runtime.webhooksSettled()
        counts = try await running.engine.store.read { try $0.webhookCounts() }
        #expect(counts.pending == 0 && counts.setAside == 2, "a 404 will not change: set aside at once")
        await running.stop()
        receiver.stop()
    }

    @Test("a receiver that never answers costs its timeout: the try fails and is retried later, and the tickets' effects go out meanwhile")
    func hangingReceiver() async throws {
        let receiver = try await Receiver()
        receiver.behaviour.withLock { $0 = .hang }
        let running = try await Self.start(receiver, events: " on opened", timeout: .milliseconds(300))
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "ana"), locale: "es", now: 1_000)
        _ = try await running.engine.open(guild: "g", workflow: "w.flow", category: "t", owner: Person(id: "beto"), locale: "es", now: 1_000)
        await running.runtime.drained()
        #expect(try await running.engine.ticket(id: 2)?.channelID == "c2")
        try await eventually("both tried") { receiver.received.count == 2 }
        await running.runtime.webhooksSettled()
        let counts = try await running.engine.store.read { try $0.webhookCounts() }
        #expect(counts.pending == 2 && counts.setAside == 0, "timed out: kept for a later try")
        #expect(try await running.engine.store.read { try $0.nextWebhookDue() } == running.clock.now() + 10)
        await running.stop()
        receiver.stop()
    }

    @Test("the secret is never shown: describing it prints a mask")
    func secretMasked() {
        #expect("\(Self.secret)" == "WebhookSecret(••••)")
        #expect(!String(reflecting: Self.secret).contains("s3cret"))
        #expect(WebhookSecret("") == nil)
    }
}
