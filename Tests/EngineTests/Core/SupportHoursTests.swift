import Engine
import Testing
import WorkflowDSL

/// `hours ... in "Zone"` read on the staff's wall clock.
@Suite("Support hours")
struct SupportHoursTests {
    /// Monday 2026-01-05 09:00 UTC, 10:00 in Madrid (winter time).
    static let mondayMorningUTC: Int64 = 1_767_603_600
    static let hour: Int64 = 3_600

    static func hours(_ source: String) -> Category.Hours {
        let file = """
        workflow "H"
        ranks cm < admin
        channel panel
        panel p "P" in panel { opens t }
        ticket t "T" {
          receives cm
          \(source)
          outside hours "Cerrado"
          button cerrar "Cerrar"
          on button cerrar by cm: close
        }
        """
        let result = WorkflowCompiler.compile(SourceFile(path: "hours.flow", bytes: Array(file.utf8)))
        return result.workflow!.category(named: "t")!.hours!
    }

    @Test("a weekday window opens at its first minute and is closed at its last")
    func weekdayWindow() {
        let hours = Self.hours(#"hours mon-fri 10:00-18:00 in "Europe/Madrid""#)
        let monday = Self.mondayMorningUTC // 10:00 Madrid
        #expect(hours.contains(monday))
        #expect(!hours.contains(monday - 60)) // 09:59
        #expect(hours.contains(monday + 8 * Self.hour - 60)) // 17:59
        #expect(!hours.contains(monday + 8 * Self.hour)) // 18:00
        #expect(!hours.contains(monday + 5 * 24 * Self.hour)) // Saturday 10:00
    }

    @Test("summer time moves the window with the local clock")
    func daylightSaving() {
        let hours = Self.hours(#"hours mon-fri 10:00-18:00 in "Europe/Madrid""#)
        // Monday 2026-07-06 08:00 UTC is 10:00 in Madrid (UTC+2), 09:00 in winter terms.
        let julyMonday: Int64 = 1_783_324_800
        #expect(hours.contains(julyMonday))
        #expect(!hours.contains(julyMonday - 60))
    }

    @Test("a day range may wrap around the week")
    func wrappingDays() {
        let hours = Self.hours(#"hours sat-mon 10:00-12:00 in "UTC""#)
        let mondayTenUTC = Self.mondayMorningUTC + Self.hour
        #expect(hours.contains(mondayTenUTC))
        #expect(hours.contains(mondayTenUTC - 2 * 24 * Self.hour)) // Saturday
        #expect(!hours.contains(mondayTenUTC + 24 * Self.hour)) // Tuesday
    }
}
