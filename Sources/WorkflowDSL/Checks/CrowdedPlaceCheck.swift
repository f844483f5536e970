/// W406: several ticket categories open their channels in one Discord
/// category with at most one overflow. Discord holds 50 channels in a
/// category; past what the place and its overflow hold, members are
/// turned away until staff close tickets. A busy server names further
/// overflow categories.
struct CrowdedPlaceCheck: Check {
    /// How many ticket categories sharing a place make it busy.
    static let busy = 4

    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        var sharing: [String: [EffectiveTicket]] = [:]
        for ticket in context.tickets where ticket.body.mode?.text != "thread" {
            guard let place = ticket.body.place else { continue }
            sharing[place.text, default: []].append(ticket)
        }
        for (place, tickets) in sharing.sorted(by: { $0.key < $1.key }) where tickets.count >= busy {
            // Where the admin wrote the place (often `defaults`), once.
            var reported: Set<SourceRange> = []
            for ticket in tickets where ticket.body.overflows.count < 2 {
                guard let written = ticket.body.place, reported.insert(written.range).inserted else { continue }
                let overflows = ticket.body.overflows.map(\.text)
                let room = 50 * (1 + overflows.count)
                let more = (overflows + ["\(place)_\(overflows.count + 2)"]).joined(separator: ", ")
                diagnostics.report(.crowdedPlace,
                                   "\(tickets.count) ticket categories open their channels in `\(place)`\(overflows.isEmpty ? "" : " and `\(overflows[0])`"): at most \(room) tickets can be open at once",
                                   at: written.range,
                                   help: "name another overflow category (Discord holds 50 channels in each): `place in \(place) overflow \(more)`")
            }
        }
    }
}
