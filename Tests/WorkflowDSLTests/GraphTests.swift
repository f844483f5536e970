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

    @Test("dot: states, labelled edges, dashed timers, the category's note")
    func dot() throws {
        let workflow = try #require(compile(Self.text).workflow)
        let dot = GraphRenderer.render(workflow, format: .dot)
        #expect(dot.contains("\"t__nuevo\" -> \"t__revision\" [label=\"button «Subir» by cm or above → escalate up\"]"))
        #expect(dot.contains("\"t__revision\" [label=\"revision\\n⏱ after 30m → notify #soporte\\l\"]"), "a rule that stays is in its state's box: \(dot)")
        #expect(dot.contains("\"t__revision\" -> \"t__closed\" [label=\"staff message by admin only\"]"))
        #expect(dot.contains("escalation: cm → trainee → admin"))
        #expect(dot.contains("Reportes \\\"graves\\\""), "quotes in labels are escaped")
    }

    static let spanish = """
    locales es
    ranks cm "CM" < trainee "Trainee" < admin "Administrador"
    channel soporte
    panel p "Soporte" in soporte { opens t }
    ticket t "Reportes" {
      receives cm
      escalation cm > trainee > admin
      question quien "¿A quién reportas?"
      require attachment pruebas "Tus pruebas"
      claim exclusive
      takeover after 2h by same rank
      must escalate to trainee before close
      button subir "Escalar a Trainee"
      button nota "Añadir nota"
      button cerrar "Cerrar"
      state nuevo initial {
        on button nota by cm: say "Nota añadida al ticket"
        on button nota by admin: set revisado
        on button subir by cm if not (revisado and evidence complete): escalate to trainee; go to revision
      }
      state revision {
        on button cerrar by trainee: close
      }
      flag revisado
    }
    """

    @Test("in the workflow's language: buttons by their labels, ranks by their names, what the bot says, and a note with the rules")
    func spanishPicture() throws {
        let workflow = try #require(compile(Self.spanish).workflow)
        let dot = GraphRenderer.render(workflow, format: .dot)
        #expect(dot.contains("[label=\"botón «Escalar a Trainee» por un CM o superior\\nsi no (revisado y pruebas completas) → escalar a\\nun Trainee o superior\"]"),
                "\(dot)")
        // Two rules that stay in the state: in its box, a line each (wrapped), no loop.
        #expect(dot.contains("\"t__nuevo\" [label=\"nuevo\\n↻ botón «Añadir nota» por un CM o superior →\\l   decir «Nota añadida al ticket»\\l↻ botón «Añadir nota» por un Administrador o\\l   superior → marcar revisado\\l\"]"), "\(dot)")
        #expect(!dot.contains("\"t__nuevo\" -> \"t__nuevo\""), "no loop")
        #expect(dot.contains("recibe: un CM o superior\\nescalado: CM → Trainee → Administrador\\nformulario de apertura: ¿A quién reportas?\\npruebas: Tus pruebas\\nlo atiende el primero del staff que responde\\ntras 2h de silencio lo puede tomar un compañero del mismo rango\\nhay que elevarlo a un Trainee o superior antes de cerrarlo"), "\(dot)")
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
