import Discord
import Engine
import Foundation

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

    struct Line {
        let time: String
        let author: String
        let text: String
        let attachments: [(name: String, url: String)]
    }

    /// The channel's messages as Discord returns them, newest first.
    static func html(title: String, answers: Answers, messages: [Message]) -> String {
        html(title: title, answers: answers, note: nil, lines: messages.reversed().map { message in
            Line(time: message.timestamp ?? "", author: message.author.map { $0.globalName ?? $0.username } ?? "—",
                 text: message.content, attachments: (message.attachments ?? []).map { ($0.filename, $0.url) })
        })
    }

    /// The messages the engine received, when the channel is gone (deleted
    /// by hand) and Discord no longer has them to give.
    static func html(title: String, answers: Answers, received: [(at: Int64, message: TicketEvent.Message)], note: String) -> String {
        html(title: title, answers: answers, note: note, lines: received.map { entry in
            Line(time: Date(timeIntervalSince1970: TimeInterval(entry.at)).ISO8601Format(), author: entry.message.author.name,
                 text: entry.message.text, attachments: entry.message.attachments.map { (URL(string: $0)?.lastPathComponent ?? $0, $0) })
        })
    }

    private static func html(title: String, answers: Answers, note: String?, lines: [Line]) -> String {
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
            </head><body><h1>\(escape(title))</h1>\(note.map { "<p><em>\(escape($0))</em></p>" } ?? "")\(answered)<table>
            \(rows.joined(separator: "\n"))
            </table></body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
