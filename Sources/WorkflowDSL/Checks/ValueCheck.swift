import Foundation

/// E501: values that parse but mean nothing: an unknown mode, claim or
/// button style, a time zone the system does not know, a language code
/// that is not one, an overflow category with no main one.
struct ValueCheck: Check {
    static let modes = ["channel", "thread"]
    static let claims = ["exclusive", "shared"]
    static let buttonStyles = Category.Button.Style.allCases.map(\.rawValue)

    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        if let defaults = context.file.defaults { body(defaults, &diagnostics) }
        for ticket in context.file.tickets { body(ticket.body, &diagnostics) }
        for activity in context.file.activities {
            if let zone = activity.timeZone { timeZone(zone, &diagnostics) }
            if activity.counters.contains(.reputation), context.file.reputation == nil, let range = activity.countersRange {
                diagnostics.report(.invalidValue, "`reputation` is counted but the workflow has no `reputation` block",
                                   at: range, help: "add `reputation { limit 1 per member per 1d }`, or count only messages and reactions")
            }
        }
        for locale in context.file.locales where !isLocaleCode(locale.text) {
            diagnostics.report(.invalidValue, "`\(locale.text)` is not a language code", at: locale.range,
                               help: "use a code such as `es`, `en`, `fr` or `pt-BR`")
        }
    }

    static func body(_ body: TicketBody, _ diagnostics: inout DiagnosticBag) {
        oneOf(body.mode, modes, what: "mode", &diagnostics)
        oneOf(body.claim, claims, what: "claim", &diagnostics)
        for button in body.buttons { oneOf(button.style, buttonStyles, what: "button style", &diagnostics) }
        if let hours = body.hours { timeZone(hours.timeZone, &diagnostics) }
        if let overflow = body.overflows.first, body.place == nil {
            diagnostics.report(.invalidValue, "an overflow category needs a main one", at: overflow.range,
                               help: "write `place in MAIN overflow \(overflow.text)`")
        }
    }

    static func timeZone(_ zone: StringLiteral, _ diagnostics: inout DiagnosticBag) {
        guard TimeZone(identifier: zone.value) == nil else { return }
        diagnostics.report(.invalidValue, "\"\(zone.value)\" is not a time zone", at: zone.range,
                           help: "use a name from the tz database, such as \"Europe/Madrid\" or \"America/Mexico_City\"")
    }

    static func oneOf(_ name: Name?, _ allowed: [String], what: String, _ diagnostics: inout DiagnosticBag) {
        guard let name, !allowed.contains(name.text) else { return }
        let guess = Suggestions.closest(to: name.text, among: allowed)
        diagnostics.report(.invalidValue, "`\(name.text)` is not a \(what)", at: name.range,
                           help: guess.map { "did you mean `\($0)`?" } ?? "use " + allowed.map { "`\($0)`" }.joined(separator: " or "))
    }

    static func isLocaleCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), (2...3).contains(parts[0].count),
              parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.count == 1 || (parts[1].count == 2 && parts[1].allSatisfy { $0.isASCII && $0.isUppercase })
    }
}
