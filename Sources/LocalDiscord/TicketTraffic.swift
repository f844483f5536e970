import Foundation

/// A day at a role-play desk, as members and staff make it on Discord:
/// for each ticket, a member opens a consultation and writes, a CM answers
/// (and so claims it), escalates it to an Administrator (the bot renames
/// the channel, pings and asks for the items), the Administrator writes
/// and closes it with a reason; the bot asks whether there is anything
/// else, the member says no (transcript, channel deleted).
///
/// The kill test and the fault-storm test play the same script, against a
/// bot in a process or in the test, and compare what Discord holds at the
/// end with a run that met no trouble.
public struct TicketTraffic: Sendable {
    public typealias User = (id: String, name: String)

    public enum Step: Sendable {
        case open(ticket: Int)
        /// `role`: nil for the member, else the staff member's role id.
        case say(ticket: Int, text: String, role: String?)
        case press(ticket: Int, button: String, role: String)
        case closeWithReason(ticket: Int)
    }

    public let guild: String
    public let panel: String
    public let cmRole: String
    public let adminRole: String
    public let cm: User = (id: "300000000000000002", name: "ana")
    public let admin: User = (id: "300000000000000004", name: "dani")

    public init(guild: String, panel: String, cmRole: String, adminRole: String) {
        self.guild = guild
        self.panel = panel
        self.cmRole = cmRole
        self.adminRole = adminRole
    }

    public func member(_ ticket: Int) -> User { (id: "30000000000000\(1000 + ticket)", name: "jugador\(ticket)") }

    /// The name the bot gives ticket `ticket`'s channel when it creates it.
    public func channelName(_ ticket: Int) -> String { "consultas-\(ticket)" }

    public func steps(tickets: Int) -> [Step] {
        (1...tickets).flatMap { ticket -> [Step] in
            [.open(ticket: ticket), .say(ticket: ticket, text: "Hola, soy el jugador \(ticket)", role: nil),
             .say(ticket: ticket, text: "Te atiendo", role: cmRole), .press(ticket: ticket, button: "devolucion", role: cmRole),
             .say(ticket: ticket, text: "Lo reviso yo", role: adminRole), .press(ticket: ticket, button: "cerrar", role: adminRole),
             .closeWithReason(ticket: ticket), .say(ticket: ticket, text: "No, gracias", role: nil)]
        }
    }

    public func author(_ role: String?, ticket: Int) -> User {
        role == nil ? member(ticket) : role == cmRole ? cm : admin
    }

    /// Ticket `ticket`'s channel, once the bot has created it; `stalled`
    /// runs each time three seconds pass without it (a test can move its
    /// clock so that a held effect is tried again).
    public func channel(of ticket: Int, on server: LocalDiscord, stalled: @Sendable () -> Void = {}) async throws -> String {
        let deadline = ContinuousClock.now + .seconds(60)
        var nudge = ContinuousClock.now + .seconds(3)
        while true {
            if let id = server.createdChannels.first(where: { $0.name == channelName(ticket) })?.id { return id }
            guard ContinuousClock.now < deadline else { throw TrafficError.noChannel(ticket) }
            if ContinuousClock.now > nudge { stalled(); nudge = .now + .seconds(3) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Sends one step through the server. Returns the interaction's id for
    /// a click or a form, nil for a message; `heard: false` writes the
    /// message without dispatching it (no session is listening).
    public func send(_ step: Step, on server: LocalDiscord, heard: Bool = true, stalled: @Sendable () -> Void = {}) async throws -> String? {
        switch step {
        case .open(let ticket):
            return await server.click("esc:menu", in: panel, by: member(ticket), values: ["consultas"], guild: guild)
        case .say(let ticket, let text, let role):
            let channel = try await channel(of: ticket, on: server, stalled: stalled)
            if heard {
                await server.say(text, in: channel, by: author(role, ticket: ticket), roles: role.map { [$0] } ?? [], guild: guild)
            } else {
                server.sayUnheard(text, in: channel, by: author(role, ticket: ticket), roles: role.map { [$0] } ?? [])
            }
            return nil
        case .press(let ticket, let button, let role):
            return await server.click("esc:b:consultas:\(button)", in: try await channel(of: ticket, on: server, stalled: stalled),
                                      by: author(role, ticket: ticket), roles: [role], guild: guild)
        case .closeWithReason(let ticket):
            return await server.submit("esc:f:close_reason", values: ["reason": "Resuelto \(ticket)"],
                                       in: try await channel(of: ticket, on: server, stalled: stalled), by: admin, roles: [adminRole], guild: guild)
        }
    }

    /// What members and staff see at the end: every ticket's channel and
    /// the given staff channels (see `LocalDiscord.snapshot`).
    public func snapshot(of server: LocalDiscord, tickets: Int, staffChannels: [String]) -> [String] {
        server.snapshot(createdNamed: (1...tickets).map(channelName), channels: staffChannels)
    }

    public enum TrafficError: Error {
        case noChannel(Int)
    }
}
