/// E102 for `report messages`: Discord shows one «Report message» item in a
/// message's menu, so one category of a workflow takes what it reports; a
/// second would leave which ticket opens to chance.
struct ReportCategoryCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        var first: (ticket: String, range: SourceRange)?
        for ticket in context.file.tickets {
            guard let range = ticket.body.reportMessages else { continue }
            guard let earlier = first else { first = (ticket.name.text, range); continue }
            diagnostics.report(.duplicateName,
                               "the tickets `\(earlier.ticket)` and `\(ticket.name.text)` both say `report messages`", at: range,
                               help: "the message menu opens one category: keep `report messages` in one of them",
                               related: [.init(earlier.range, "first said here")])
        }
    }
}
