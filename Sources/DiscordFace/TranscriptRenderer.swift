import Discord
import Engine
import Foundation
import WorkflowDSL

/// A closed ticket's conversation as one self-contained HTML page: the
/// opening form's answers in full (the first message's card may have cut
/// them to Discord's limits), then messages, authors, times and
/// attachments' links, oldest first.
enum TranscriptRenderer {
    /// The opening form's answers and the title over them.
    struct Answers {
        var title: String
        var answers: [OpeningAnswer]
    }

    /// The message the ticket reports, as captured, under its title.
    struct Reported {
        var title: String
        var message: ReportedMessage
    }

    struct Line {
        let time: String
        let author: String
        let text: String
        let attachments: [(name: String, url: String)]
    }

    /// A ticket's transcript page and its title, from the engine's record:
    /// what the log channel, the member at close and `/transcript` get.
    static func page(of ticket: StoredTicket, category: Category, engine: TicketEngine, escala: String) async throws -> (title: String, html: String) {
        let title = "\(category.label) #\(ticket.number)"
        let language = engine.language(of: ticket.state)
        let answers = Answers(title: NoticeCatalogue.text(.openingAnswers, locale: language).plain,
                              answers: category.openingAnswers(ticket.state.answers))
        let reported = ticket.state.reported.map { Reported(title: NoticeCatalogue.text(.reportedMessageTitle, locale: language).plain, message: $0) }
        return (title, html(title: title, answers: answers, reported: reported, conversation: try await engine.conversation(ofTicket: ticket.id),
                            escala: escala))
    }

    /// The ticket's conversation as the engine holds it; Escala's own
    /// lines under the bot's name.
    static func html(title: String, answers: Answers, reported: Reported? = nil, conversation: [ConversationLine], escala: String) -> String {
        html(title: title, answers: answers, reported: reported, lines: conversation.map { line in
            Line(time: Date(timeIntervalSince1970: TimeInterval(line.at)).ISO8601Format(), author: line.author ?? escala,
                 text: line.text, attachments: line.attachments.map { (URL(string: $0)?.lastPathComponent ?? $0, $0) })
        })
    }

    private static func html(title: String, answers: Answers, reported: Reported?, lines: [Line]) -> String {
        let report = reported.map { reported in
            let message = reported.message
            let files = message.attachments.map { #"<br><a href="\#(escape($0))">\#(escape(URL(string: $0)?.lastPathComponent ?? $0))</a>"# }.joined()
            return "<h2>\(escape(reported.title))</h2><blockquote><p><b>\(escape(message.authorName))</b> · "
                + escape(Date(timeIntervalSince1970: TimeInterval(message.sentAt)).ISO8601Format())
                + #" · <a href="\#(escape(message.link))">\#(escape(message.link))</a></p><p>"#
                + escape(message.text).replacingOccurrences(of: "\n", with: "<br>") + files + "</p></blockquote>"
        } ?? ""
        let answered = answers.answers.isEmpty ? "" : "<h2>\(escape(answers.title))</h2><dl>"
            + answers.answers.map { "<dt>\(escape($0.question))</dt><dd>\(escape($0.answer).replacingOccurrences(of: "\n", with: "<br>"))</dd>" }.joined()
            + "</dl>"
        let rows = lines.map { line in
            var body = escape(line.text).replacingOccurrences(of: "\n", with: "<br>")
            for attachment in line.attachments {
                body += #"<br><a href="\#(escape(attachment.url))">\#(escape(attachment.name))</a>"#
            }
            return #"<tr><td class="t">\#(escape(line.time))</td><td class="a">\#(escape(line.author))</td><td>\#(body)</td></tr>"#
        }
        return """
            <!doctype html><html><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:sans-serif}td{vertical-align:top;padding:4px}.t{color:#666;white-space:nowrap}.a{font-weight:bold}</style>
            </head><body><h1>\(escape(title))</h1>\(report)\(answered)<table>
            \(rows.joined(separator: "\n"))
            </table></body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
