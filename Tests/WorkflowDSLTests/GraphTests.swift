import Testing
@testable import WorkflowDSL

@Suite("Graph")
struct GraphTests {
    static let text = """
    ranks cm < trainee < admin
    channel soporte
    panel p "Soporte" in soporte { opens t }
    ticket t "Reportes \\"graves\\"" {
      receives cm
      escalation cm > trainee > admin
      button subir "Subir"
      state nuevo initial {
        on button subir by cm: escalate up; go to revision
      }
      state revision {
        after 30m: notify soporte "Nadie responde"
        on staff message by admin only: close "Resuelto"
      }
    }
    """

    @Test("dot: states, labelled edges, dashed timers, the escalation chain")
    func dot() throws {
        let workflow = try #require(compile(Self.text).workflow)
        let dot = GraphRenderer.render(workflow, format: .dot)
        #expect(dot.contains("\"t__nuevo\" -> \"t__revision\" [label=\"button subir by cm+ / escalate up\"]"))
        #expect(dot.contains("\"t__revision\" -> \"t__revision\" [label=\"after 30m / notify #soporte\", style=dashed]"))
        #expect(dot.contains("\"t__revision\" -> \"t__closed\" [label=\"staff message by admin only\"]"))
        #expect(dot.contains("escalation: cm → trainee → admin"))
        #expect(dot.contains("Reportes \\\"graves\\\""), "quotes in labels are escaped")
    }

    @Test("mermaid: a state diagram per category")
    func mermaid() throws {
        let workflow = try #require(compile(Self.text).workflow)
        let mermaid = GraphRenderer.render(workflow, category: "t", format: .mermaid)
        #expect(mermaid.hasPrefix("stateDiagram-v2\n"))
        #expect(mermaid.contains("[*] --> t_nuevo"))
        #expect(mermaid.contains("t_revision --> t_closed: staff message by admin only"))
    }
}
