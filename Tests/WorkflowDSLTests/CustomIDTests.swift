import Testing
@testable import WorkflowDSL

@Suite("Custom ids")
struct CustomIDTests {
    @Test("every id Escala writes reads back as itself")
    func roundTrip() {
        let ids: [CustomID] = [.button(category: "reportes", button: "escalar"), .open(category: "consultas"), .panelMenu,
                               .sanctionForm, .appealedSanctionForm, .openingForm(category: "anticheat"), .form("close_reason")]
        for id in ids {
            #expect(CustomID(wire: id.wire) == id, "\(id.wire)")
        }
        #expect(CustomID.button(category: "reportes", button: "escalar").wire == "esc:b:reportes:escalar")
    }

    @Test("ids Escala never made are not taken for its own")
    func foreignIDs() {
        for id in ["", "esc", "esc:", "esc:b:reportes", "esc:b::x", "esc:o:", "esc:x:reportes", "other:b:a:b", "esc:b:a:b:c", "ESC:menu"] {
            #expect(CustomID(wire: id) == nil, "\(id)")
        }
    }
}
