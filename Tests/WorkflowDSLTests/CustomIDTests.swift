import Testing
@testable import WorkflowDSL

@Suite("Custom ids")
struct CustomIDTests {
    @Test("every id Escala writes reads back as itself")
    func roundTrip() {
        let ids: [CustomID] = [.button(category: "reportes", button: "escalar"), .open(workflow: "roleplay", category: "consultas"),
                               .open(workflow: nil, category: "consultas"), .panelMenu(workflow: "roleplay"), .panelMenu(workflow: nil),
                               .sanctionForm, .appealedSanctionForm, .openingForm(workflow: "roleplay", category: "anticheat"),
                               .openingForm(workflow: nil, category: "anticheat"), .form("close_reason")]
        for id in ids {
            #expect(CustomID(wire: id.wire) == id, "\(id.wire)")
        }
        #expect(CustomID.button(category: "reportes", button: "escalar").wire == "esc:b:reportes:escalar")
        #expect(CustomID.open(workflow: "roleplay", category: "reportes").wire == "esc:o:roleplay:reportes")
    }

    @Test("a panel's ids name their workflow by its file, in characters an id can carry")
    func workflowKeys() {
        #expect(CustomID.workflowKey(path: "workflows/roleplay.flow") == "roleplay")
        #expect(CustomID.workflowKey(path: "/srv/escala/mi servidor:1.flow") == "mi_servidor_1")
        #expect(CustomID.workflowKey(path: "communauté.flow") == "communaut_")
    }

    @Test("ids Escala never made are not taken for its own")
    func foreignIDs() {
        for id in ["", "esc", "esc:", "esc:b:reportes", "esc:b::x", "esc:o:", "esc:x:reportes", "other:b:a:b", "esc:b:a:b:c", "ESC:menu", "esc:o:a:", "esc:o::b", "esc:menu:", "esc:q:a:b:c"] {
            #expect(CustomID(wire: id) == nil, "\(id)")
        }
    }
}
