import Testing
@testable import Engine

/// The desk's statistics from tickets' times: days in the window with no
/// ticket are there with zeros, a median is a ticket's time (nearest
/// rank), first answers count for who answered first, closes for who
/// held the ticket.
@Suite("The desk's statistics")
struct DeskStatisticsTests {
    static let day: Int64 = 86_400

    @Test("Per day, per category, per staff member, with medians and 90th percentiles")
    func figures() {
        let start = 100 * Self.day
        var times: [TicketTimes] = []
        for index in 0..<10 {
            let number = Int64(index)
            let opened: Int64 = start + number * 60
            let answered: Int64 = opened + (number + 1) * 100
            let closed: Int64? = index < 8 ? start + Self.day + number : nil
            let who = index % 2 == 0 ? "nora" : "teo"
            times.append(TicketTimes(category: index < 7 ? "consultas" : "reportes", openedAt: opened, firstResponseAt: answered,
                                     firstResponder: who, closedAt: closed, handler: who))
        }
        let statistics = DeskStatistics(times: times, since: start - 2 * Self.day, now: start + 2 * Self.day)
        #expect(statistics.days.map { $0.opened } == [0, 0, 10, 0, 0])
        #expect(statistics.days.map { $0.closed } == [0, 0, 0, 8, 0])
        let consultas = statistics.byCategory[0]
        #expect(consultas.key == "consultas" && consultas.opened == 7 && consultas.closed == 7)
        // First answers after 100, 200, … 700 s: the median of seven is the fourth.
        #expect(consultas.firstResponseMedian == 400)
        #expect(consultas.firstResponseP90 == 700)
        let reportes = statistics.byCategory[1]
        #expect(reportes.opened == 3 && reportes.closed == 1 && reportes.firstResponseMedian == 900)
        let nora = statistics.byStaff.first { $0.key == "nora" }!
        #expect(nora.opened == 5 && nora.closed == 4)
        #expect(nora.firstResponseMedian == 500) // 100, 300, 500, 700, 900
    }

    @Test("No ticket: every day of the window at zero, no line, no median")
    func empty() {
        let statistics = DeskStatistics(times: [], since: 0, now: 6 * Self.day)
        #expect(statistics.days.count == 7)
        #expect(statistics.byCategory.isEmpty && statistics.byStaff.isEmpty)
        #expect(DeskStatistics.quantile([], 0.5) == nil)
        #expect(DeskStatistics.quantile([5], 0.9) == 5)
    }
}
