import Discord
import Foundation

/// A closed ticket's conversation as one self-contained HTML page:
/// messages, authors, times and attachments' links, oldest first.
enum TranscriptRenderer {
    static func html(title: String, messages: [Message]) -> String {
        var rows: [String] = []
        for message in messages.reversed() {
            let author = message.author.map { escape($0.globalName ?? $0.username) } ?? "—"
            let time = escape(message.timestamp ?? "")
            var body = escape(message.content).replacingOccurrences(of: "\n", with: "<br>")
            for attachment in message.attachments ?? [] {
                body += #"<br><a href="\#(escape(attachment.url))">\#(escape(attachment.filename))</a>"#
            }
            rows.append(#"<tr><td class="t">\#(time)</td><td class="a">\#(author)</td><td>\#(body)</td></tr>"#)
        }
        return """
            <!doctype html><html><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font-family:sans-serif}td{vertical-align:top;padding:4px}.t{color:#666;white-space:nowrap}.a{font-weight:bold}</style>
            </head><body><h1>\(escape(title))</h1><table>
            \(rows.joined(separator: "\n"))
            </table></body></html>
            """
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
