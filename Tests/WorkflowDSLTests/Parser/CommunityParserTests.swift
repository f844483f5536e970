import Testing
@testable import WorkflowDSL

/// The community statements (`reputation`, `autorole`, `activity`,
/// `message`), parsed, checked and compiled on small workflows of their own.
@Suite("Community language")
struct CommunityParserTests {
    static let base = """
        locales es
        ranks moderador < admin
        role veterano "Veterano"
        role conocido "Conocido"
        role asistente "Asistente"
        channel soporte
        channel tops
        message anuncio "El anuncio del evento"
        panel p "Soporte" in soporte { opens t }
        ticket t "T" {
          receives moderador
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }

        """

    static func compile(_ community: String) -> WorkflowCompiler.Result {
        WorkflowCompiler.compile(SourceFile(path: "c.flow", text: base + community))
    }

    @Test("reputation limits and levels, autoroles of every kind and a weekly board compile to their rules")
    func compiles() throws {
        let result = Self.compile("""
            reputation {
              limit 1 per member per 1d
              limit 5 per 1d
              level conocido_nivel 10
            }
            autorole antiguedad: grant veterano after 30d in server
            autorole fama: grant conocido at reputation conocido_nivel
            autorole evento: grant asistente on reaction "🎉" to anuncio for 7d
            activity semanal {
              count messages, reactions
              every week from mon 00:00 in "Europe/Madrid"
              top 3 in tops
              title "TOP de la semana"
            }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let workflow = try #require(result.workflow)
        let reputation = try #require(workflow.reputation)
        #expect(reputation.limits.map(\.count) == [1, 5])
        #expect(reputation.limits.map(\.perMember) == [true, false])
        #expect(reputation.limits.map(\.periodSeconds) == [86_400, 86_400])
        #expect(reputation.level(for: 9) == nil && reputation.level(for: 10)?.name == "conocido_nivel")
        #expect(workflow.autoroles.map(\.trigger) == [.seniority(seconds: 30 * 86_400), .reputation(level: "conocido_nivel"),
                                                      .reaction(emoji: "🎉", message: "anuncio")])
        #expect(workflow.autoroles.map(\.durationSeconds) == [nil, nil, 7 * 86_400])
        let board = try #require(workflow.activities.first)
        #expect(board.counters == [.messages, .reactions])
        #expect(board.period == .week && board.startDay == 0 && board.startMinutes == 0)
        #expect(board.timeZone == "Europe/Madrid" && board.topSize == 3 && board.channel == "tops")
        #expect(workflow.staffRoles.isEmpty, "roles Escala grants never make their holders staff")
    }

    @Test("a board's time zone, an undeclared message and an unknown counter are each reported where they are written")
    func mistakes() {
        let zone = Self.compile("""
            activity semanal {
              count messages
              every week from mon 00:00 in "Madrid"
              top 3 in tops
            }
            """)
        #expect(zone.diagnostics.map(\.code) == [.invalidValue])
        let message = Self.compile("""
            autorole evento: grant asistente on reaction "🎉" to anuncio_perdido
            """)
        let errors = message.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.undefinedName])
        #expect(errors.first?.message.contains("anuncio_perdido") == true)
        let counter = Self.compile("""
            activity semanal {
              count mensajes
              every week from mon 00:00 in "Europe/Madrid"
              top 3 in tops
            }
            """)
        #expect(!counter.diagnostics.isEmpty)
        #expect(counter.workflow == nil)
    }
}
