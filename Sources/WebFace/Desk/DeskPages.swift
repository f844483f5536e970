import Engine
import Foundation
import WorkflowDSL

/// The desk's pages as HTML: the desk's values (`StaffDesk`) given to the
/// Mustache templates of `Assets/desk-*.mustache`, with the page's texts
/// in its language under `t`. Mustache escapes every value, so what a
/// member wrote (a name, an answer, a message) is text on the page, never
/// markup.
enum DeskPages {
    static func texts(_ language: String) -> [String: String] {
        PageTexts.catalogue[language] ?? PageTexts.catalogue["es"]!
    }

    static func base(_ language: String, session: DeskSession?) -> [String: Any] {
        var context: [String: Any] = ["lang": language, "t": texts(language)]
        if let session { context["user"] = ["name": session.user.name, "csrf": session.csrf] }
        return context
    }

    static func signIn(language: String, failed: Bool = false) -> String {
        var context = base(language, session: nil)
        context["failed"] = failed
        return WebPage.render("desk-signin", context: context)
    }

    static func message(_ text: String, session: DeskSession?, language: String) -> String {
        var context = base(language, session: session)
        context["message"] = text
        return WebPage.render("desk-message", context: context)
    }

    static func refused(_ refusal: StaffDesk.Refusal, session: DeskSession, language: String) -> String {
        let key = refusal == .notOnServer ? "deskNotOnServer" : "deskUnavailable"
        return message(texts(language)[key] ?? key, session: session, language: language)
    }

    static func notFound(session: DeskSession, language: String) -> String {
        message(texts(language)["deskNotFound"] ?? "", session: session, language: language)
    }

    static func failure(language: String) -> String {
        message(texts(language)["deskFailure"] ?? "", session: nil, language: language)
    }

    static func queue(_ queue: StaffDesk.Queue, filter: StaffDesk.QueueFilter, viewer: StaffDesk.Viewer, language: String) -> String {
        var context = base(language, session: viewer.session)
        context["staff"] = viewer.isStaff
        context["total"] = String(queue.total)
        context["empty"] = queue.rows.isEmpty
        context["rows"] = queue.rows.map { row -> [String: Any] in
            var item: [String: Any] = ["number": String(row.number), "category": row.category, "member": row.member, "state": row.state,
                                       "age": duration(row.age, language: language)]
            item["handler"] = row.handler
            item["priority"] = row.priority
            item["escalation"] = row.escalation > 0 ? String(row.escalation) : nil
            item["assignedTo"] = row.assignedTo
            item["waiting"] = row.waiting.map { duration($0, language: language) }
            item["nextRule"] = row.nextRule
            item["nextDue"] = row.nextDueIn.map { inTime($0, language: language) }
            return item
        }
        context["hasClosed"] = !queue.closed.isEmpty
        context["closed"] = queue.closed.map { row -> [String: Any] in
            var item: [String: Any] = ["number": String(row.number), "category": row.category, "member": row.member]
            item["reason"] = row.reason
            return item
        }
        context["categories"] = queue.categories.map { ["value": $0.value, "label": $0.label, "selected": $0.value == filter.category] }
        context["states"] = queue.states.map { ["value": $0, "selected": $0 == filter.state] }
        context["handlers"] = queue.handlers.map { ["value": $0.id, "name": $0.name, "selected": $0.id == filter.handler] }
        if queue.pages > 1 {
            func link(_ page: Int) -> String {
                var fields = ["page": String(page)]
                fields["category"] = filter.category
                fields["handler"] = filter.handler
                fields["state"] = filter.state
                return "/desk?" + fields.sorted { $0.key < $1.key }
                    .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
            }
            var paging: [String: Any] = ["page": String(queue.page), "pages": String(queue.pages)]
            if queue.page > 1 { paging["previous"] = link(queue.page - 1) }
            if queue.page < queue.pages { paging["next"] = link(queue.page + 1) }
            context["paging"] = paging
        }
        return WebPage.render("desk-queue", context: context)
    }

    /// What the page says after an action: the engine's words to the
    /// person, or the form it showed them.
    struct Reply: Sendable {
        var told: String?
        var form: Form?
    }

    static func ticket(_ page: StaffDesk.TicketPage, reply: Reply, viewer: StaffDesk.Viewer, language: String) -> String {
        var context = base(language, session: viewer.session)
        context["csrf"] = viewer.session.csrf
        context["number"] = String(page.number)
        context["category"] = page.category
        context["member"] = page.member
        context["handler"] = page.handler
        context["state"] = page.state
        context["closeReason"] = page.closeReason
        context["priority"] = page.priority
        context["topic"] = page.topic
        context["told"] = reply.told
        if let form = reply.form {
            context["form"] = ["name": form.name, "title": form.title, "questions": form.questions.map { question -> [String: Any] in
                var item: [String: Any] = ["name": question.name, "label": question.label, "long": question.isLong,
                                           "required": !question.isOptional, "limit": String(StaffDesk.answerLimit)]
                item["placeholder"] = question.placeholder
                item["hasChoices"] = question.choices?.isEmpty == false
                if let choices = question.choices { item["choices"] = choices.map { ["name": $0.name, "label": $0.label] } }
                return item
            }] as [String: Any]
        }
        context["escalation"] = page.escalation > 0 ? String(page.escalation) : nil
        context["assignedTo"] = page.assignedTo
        context["hasButtons"] = !page.buttons.isEmpty
        context["buttons"] = page.buttons.map { ["name": $0.name, "label": $0.label, "style": $0.style.rawValue] }
        context["hasAnswers"] = !page.answers.isEmpty
        context["answers"] = page.answers.map { ["question": $0.question, "answer": $0.answer] }
        context["hasEvidence"] = !page.evidence.isEmpty
        context["evidence"] = page.evidence.map { ["label": $0.label, "missing": $0.received.isEmpty, "received": $0.received] as [String: Any] }
        context["hasDue"] = !page.due.isEmpty
        context["due"] = page.due.map { due -> [String: Any] in
            var item = rule(due.rule)
            item["inTime"] = inTime(due.inSeconds, language: language)
            return item
        }
        context["conversation"] = page.conversation.map { line -> [String: Any] in
            ["at": time(line.at), "author": line.author, "text": line.text, "attachments": line.attachments]
        }
        context["hasTimeline"] = !page.timeline.isEmpty
        context["timeline"] = page.timeline.reversed().map { entry -> [String: Any] in
            var item: [String: Any] = ["at": time(entry.at), "kind": kind(entry.kind, language: language), "rules": entry.rules.map(rule)]
            item["who"] = entry.who
            item["change"] = entry.change
            return item
        }
        return WebPage.render("desk-ticket", context: context)
    }

    static func statistics(_ statistics: DeskStatistics, names: [String: String], labels: [String: String], days: Int,
                           viewer: StaffDesk.Viewer, language: String) -> String {
        let texts = texts(language)
        var context = base(language, session: viewer.session)
        context["days"] = String(days)
        context["ranges"] = [7, 30, 90].map { ["days": String($0), "current": $0 == days] }
        let chart = BarChart(labels: statistics.days.map { dayLabel($0.day) },
                             series: [BarChart.Series(name: texts["deskOpened"] ?? "", style: "opened", values: statistics.days.map(\.opened)),
                                      BarChart.Series(name: texts["deskClosed"] ?? "", style: "closed", values: statistics.days.map(\.closed))],
                             title: texts["deskPerDay"] ?? "")
        context["chart"] = chart.svg
        func line(_ line: DeskStatistics.Line, name: String) -> [String: Any] {
            ["name": name, "opened": String(line.opened), "closed": String(line.closed),
             "responseMedian": line.firstResponseMedian.map { duration($0, language: language) } ?? "—",
             "responseP90": line.firstResponseP90.map { duration($0, language: language) } ?? "—",
             "closeMedian": line.closeMedian.map { duration($0, language: language) } ?? "—",
             "closeP90": line.closeP90.map { duration($0, language: language) } ?? "—"]
        }
        context["categories"] = statistics.byCategory.map { line($0, name: labels[$0.key] ?? $0.key) }
        context["staffLines"] = statistics.byStaff.map { line($0, name: names[$0.key] ?? $0.key) }
        return WebPage.render("desk-stats", context: context)
    }

    /// The statistics as CSV: one table (`days`, `categories`, `staff`),
    /// times in seconds, text fields quoted.
    static func statisticsCSV(_ statistics: DeskStatistics, table: String, names: [String: String]) -> String? {
        func field(_ text: String) -> String {
            // A leading = + - @ would be a formula to a spreadsheet.
            let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
            return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        func number(_ value: Int64?) -> String { value.map(String.init) ?? "" }
        switch table {
        case "days":
            return "day,opened,closed\n" + statistics.days.map { "\(dayLabel($0.day)),\($0.opened),\($0.closed)\n" }.joined()
        case "categories", "staff":
            let lines = table == "staff" ? statistics.byStaff : statistics.byCategory
            let header = table == "staff" ? "staff_id,staff" : "category"
            return header + ",opened,closed,first_response_median_s,first_response_p90_s,close_median_s,close_p90_s\n" + lines.map { line in
                (table == "staff" ? [field(line.key), field(names[line.key] ?? line.key)] : [field(line.key)])
                    .joined(separator: ",") + ",\(line.opened),\(line.closed),\(number(line.firstResponseMedian)),\(number(line.firstResponseP90)),"
                    + "\(number(line.closeMedian)),\(number(line.closeP90))\n"
            }.joined()
        default:
            return nil
        }
    }

    /// `2026-12-07`.
    static func dayLabel(_ day: Int64) -> String { String(time(day * 86_400).prefix(10)) }

    /// An event's kind in the page's language, as the playground's panel
    /// words it: the event log's head word (`button`, `staff message`) from
    /// the page texts' `kind.` keys, longest first; the name of the button
    /// or form after it stays as written («botón duda»).
    static func kind(_ kind: String, language: String) -> String {
        guard let head = kindHeads.first(where: { kind == $0 || kind.hasPrefix($0 + " ") }),
              let word = texts(language)["kind." + head] else { return kind }
        return word + kind.dropFirst(head.count)
    }

    /// The head words the texts word (the same in every language, which
    /// `PageTextsTests` holds), longest first; made once, not per event.
    static let kindHeads: [String] = (PageTexts.catalogue["es"] ?? [:]).keys.filter { $0.hasPrefix("kind.") }.map { String($0.dropFirst(5)) }
        .sorted { $0.count > $1.count }

    static func rule(_ line: StaffDesk.RuleLine) -> [String: Any] {
        var item: [String: Any] = ["rule": line.rule, "place": line.place, "refused": line.refused]
        item["source"] = line.source
        return item
    }

    /// `2026-12-07 21:04 UTC`: one time zone for every reader of a page.
    static func time(_ seconds: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return String(format: "%04d-%02d-%02d %02d:%02d UTC", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `3h 12m`, `2d 4h`, `45s`: the engine's wording of a duration, as `/stats` has it.
    static func duration(_ seconds: Int64, language: String) -> String {
        Int(max(0, seconds)).spokenDuration
    }

    /// "in 3 h 12 min", or "due now" once the time has come.
    static func inTime(_ seconds: Int64, language: String) -> String {
        let texts = texts(language)
        guard seconds > 0 else { return texts["deskDueNow"] ?? "" }
        return (texts["deskIn"] ?? "{duration}").replacingOccurrences(of: "{duration}", with: duration(seconds, language: language))
    }
}
