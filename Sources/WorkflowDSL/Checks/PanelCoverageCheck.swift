/// W602: a ticket category that no panel opens is invisible to members.
struct PanelCoverageCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        let opened = Set(context.file.panels.flatMap(\.categories).map(\.text))
        for ticket in context.file.tickets where !opened.contains(ticket.name.text) {
            let help = context.file.panels.first.map { "add `\(ticket.name.text)` to `opens` in the panel `\($0.name.text)`" }
                ?? "add a panel: `panel soporte \"Support\" in CHANNEL { opens \(ticket.name.text) }`"
            diagnostics.report(.categoryWithoutPanel, "no panel opens the ticket category `\(ticket.name.text)`",
                               at: ticket.name.range, help: help)
        }
    }
}
