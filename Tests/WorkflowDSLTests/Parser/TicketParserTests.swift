import Testing
@testable import WorkflowDSL

@Suite("Ticket statements")
struct TicketParserTests {
    static func ticket(_ settings: String) -> WorkflowCompiler.Result {
        compile("""
            locales es
            ranks cm < admin
            channel soporte
            text despedida "¿Algo más?"
            panel p "Soporte" in soporte { opens t }
            defaults {
              farewell despedida wait 10m
            }
            ticket t "T" {
              receives cm
            \(settings)
              button cerrar "Cerrar"
              on button cerrar by staff: close
            }
            """)
    }

    @Test("`farewell TEXT wait DURATION` gives the member that long to answer; a category's own farewell replaces the wait too")
    func farewellWait() throws {
        let inherited = try #require(Self.ticket("").workflow)
        #expect(inherited.categories[0].farewellWaitSeconds == 600)
        let own = try #require(Self.ticket("  farewell despedida").workflow)
        #expect(own.categories[0].farewellWaitSeconds == nil, "a farewell without a wait is a goodbye")
    }

    @Test("a wait without a duration says what to write")
    func farewellWaitWithoutDuration() {
        let result = Self.ticket("  farewell despedida wait")
        #expect(result.workflow == nil)
        #expect(result.diagnostics.first?.message.hasPrefix("expected a duration such as `15m` or `2h` after `farewell TEXT wait`") == true,
                "\(result.diagnostics)")
    }
}
