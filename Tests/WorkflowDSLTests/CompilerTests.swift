import Foundation
import Testing
@testable import WorkflowDSL

@Suite("Compiler")
struct CompilerTests {
    @Test("the shipped workflows compile with no diagnostics")
    func shippedWorkflowsCompile() throws {
        for source in try ShippedWorkflows.all() {
            let result = WorkflowCompiler.compile(source)
            #expect(result.diagnostics.isEmpty, "\(source.path): \(result.diagnostics.map(\.message))")
            #expect(result.workflow != nil)
        }
    }

    @Test("comments and layout keep the version hash; a rule change makes a new one")
    func contentHash() throws {
        let original = try #require(compile(minimalWorkflow).workflow)
        let reformatted = try #require(compile("# a comment\n\n" + minimalWorkflow.replacingOccurrences(of: "  receives", with: "      receives")).workflow)
        let changed = try #require(compile(minimalWorkflow.replacingOccurrences(of: "receives cm", with: "receives trainee")).workflow)
        #expect(original.contentHash.count == 64)
        #expect(original.contentHash == reformatted.contentHash)
        #expect(original.contentHash != changed.contentHash)
    }

    @Test("SHA-256 matches the standard test vectors")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test("a transition remembers the line it was written on")
    func sourceSpots() throws {
        let workflow = try #require(compile(minimalWorkflow).workflow)
        let transition = try #require(workflow.categories.first?.sharedTransitions.first)
        #expect(transition.location == SourceSpot(path: "test.flow", line: 7, column: 3))
    }

    @Test("tickets take the defaults and override them")
    func defaultsApply() throws {
        let text = """
        ranks cm < trainee < admin
        channel soporte
        text hola "Hola"
        text buenas "Buenas"
        defaults {
          greeting hola
          claim exclusive
          takeover after 2h by same rank
          button cerrar "Cerrar"
          on button cerrar by staff: close
        }
        panel p "Soporte" in soporte { opens a, b }
        ticket a "A" { receives cm }
        ticket b "B" {
          receives trainee
          greeting buenas
          claim shared
        }
        """
        let result = compile(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let workflow = try #require(result.workflow)
        let a = try #require(workflow.category(named: "a")), b = try #require(workflow.category(named: "b"))
        #expect(a.exclusiveClaim && !b.exclusiveClaim)
        #expect(a.takeover == Category.Takeover(afterSeconds: 7200, allowsPeers: true))
        #expect(a.greeting?.translations["en"] == Template.parse("Hola").0)
        #expect(b.greeting?.translations["en"] == Template.parse("Buenas").0)
        #expect(b.states.first?.buttons == ["cerrar"], "the defaults' button shows in every state")
    }

    @Test("the compiled workflow round-trips through JSON")
    func codable() throws {
        let workflow = try #require(WorkflowCompiler.compile(try ShippedWorkflows.all()[0]).workflow)
        let data = try JSONEncoder().encode(workflow)
        let decoded = try JSONDecoder().decode(Workflow.self, from: data)
        #expect(decoded == workflow)
    }

    @Test("every capability of the role-play protocol is in the compiled model")
    func rolePlayCapabilities() throws {
        let source = try #require(try ShippedWorkflows.all().first { $0.path.hasSuffix("roleplay.flow") })
        let workflow = try #require(WorkflowCompiler.compile(source).workflow)
        #expect(workflow.ranks.prefix(6) == ["cm", "trainee", "moderator", "admin", "manager", "senior_manager"])
        #expect(workflow.roles == ["programador"])
        let reportes = try #require(workflow.category(named: "reportes"))
        #expect(reportes.exclusiveClaim && reportes.userSpeaksFirst)
        #expect(reportes.override == .rank("admin"))
        #expect(reportes.takeover?.afterSeconds == 7200)
        let timers = reportes.sharedTransitions.compactMap { transition -> Int? in
            if case .timer(let seconds, _) = transition.event { return seconds }
            return nil
        }
        #expect(timers.sorted() == [900, 43_200])
        let devoluciones = try #require(workflow.category(named: "devoluciones"))
        let opened = try #require(devoluciones.sharedTransitions.first { $0.event == .opened })
        #expect(opened.steps.contains(.rename(Template(segments: [.literal("dev_obj-"), .variable("ticket.number")]))))
        #expect(workflow.milestones.map(\.count) == [70])
        #expect(workflow.offences.map(\.name) == ["desconectarse", "mentir", "troll", "falta_respeto", "multiple_antirol", "cheating", "abuso_bug"])
    }
}

@Suite("Languages")
struct LocaleTests {
    @Test("the community workflow speaks French first, then English")
    func communityWorkflow() throws {
        let source = try #require(try ShippedWorkflows.all().first { $0.path.hasSuffix("communaute.flow") })
        let workflow = try #require(WorkflowCompiler.compile(source).workflow)
        #expect(workflow.locales == ["fr", "en"])
        let support = try #require(workflow.category(named: "support"))
        let greeting = try #require(support.greeting)
        #expect(Set(greeting.translations.keys) == ["fr", "en"])
        #expect(greeting.template(for: "pt", default: "fr") == greeting.translations["fr"], "a missing language falls back to the default")
        #expect(support.hours?.timeZone == "Europe/Paris")
        #expect(support.hours?.windows.first?.opensAt == 9 * 60)
        let appeals = try #require(workflow.category(named: "appel_ban"))
        #expect(appeals.mode == .thread)
    }

    @Test("an inline text in a two-language workflow is flagged")
    func inlineTextInTwoLanguages() {
        let text = "locales es, en\n" + minimalWorkflow.replacingOccurrences(of: "  receives cm\n", with: "  receives cm\n  greeting \"Hola\"\n")
        #expect(codes(text) == [.missingTranslation])
    }
}

@Suite("Milestones")
struct MilestoneTests {
    @Test("a milestone compiles to a staff-channel notice that pings the ranks it names")
    func compiles() throws {
        let text = minimalWorkflow + """
        channel staff
        milestone 70 tickets handled: notify staff "{handler} llegó a 70" pinging trainee
        milestone 10 tickets handled: notify staff "{handler} llegó a 10"
        """
        let result = compile(text)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let workflow = try #require(result.workflow)
        #expect(workflow.milestones.map(\.count) == [10, 70], "lowest first")
        guard case .notify("staff", _, let pings) = workflow.milestones[1].notice else {
            Issue.record("a milestone is a notice"); return
        }
        #expect(pings == [.rank("trainee", exact: false)])
    }

    @Test("a milestone only notifies, names a real channel and rank, and needs a goal of 1 or more")
    func mistakes() {
        let said = compile(minimalWorkflow + "milestone 70 tickets handled: say \"Bien\"\n").diagnostics
        #expect(said.map(\.code) == [.syntax])
        #expect(said.first?.message.contains("can only `notify`") == true)
        let names = compile(minimalWorkflow + "milestone 70 tickets handled: notify nowhere \"Bien\" pinging jefe\n").diagnostics
        #expect(names.map(\.code) == [.undefinedName, .undefinedName])
        let zero = compile(minimalWorkflow + "channel staff\nmilestone 0 tickets handled: notify staff \"Bien\"\n").diagnostics
        #expect(zero.map(\.code) == [.invalidValue])
    }
}
