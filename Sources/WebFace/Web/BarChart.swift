/// A bar chart as SVG, drawn on the server: no chart library, nothing
/// fetched, readable without script. Each group (a day) has one bar per
/// series, each bar with its value in a `<title>` (shown on hover and read
/// by screen readers); every label is escaped.
struct BarChart {
    struct Series {
        let name: String
        /// A CSS class of `desk.css` (its colour).
        let style: String
        let values: [Int]
    }

    let labels: [String]
    let series: [Series]
    let title: String

    var svg: String {
        let width = 900.0, height = 240.0, left = 40.0, bottom = 28.0, top = 12.0
        let groups = max(1, labels.count)
        let highest = max(1, series.flatMap(\.values).max() ?? 1)
        let slot = (width - left) / Double(groups)
        let bar = max(1, slot * 0.8 / Double(max(1, series.count)))
        let scale = (height - bottom - top) / Double(highest)
        var parts: [String] = [
            #"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(Self.escaped(title))">"#,
            "<title>\(Self.escaped(title))</title>",
            #"<line class="axis" x1="\#(left)" y1="\#(height - bottom)" x2="\#(width)" y2="\#(height - bottom)"/>"#,
            #"<text class="tick" x="\#(left - 6)" y="\#(top + 4)" text-anchor="end">\#(highest)</text>"#,
            #"<text class="tick" x="\#(left - 6)" y="\#(height - bottom)" text-anchor="end">0</text>"#,
        ]
        let every = max(1, groups / 10)
        for (index, label) in labels.enumerated() {
            let x = left + Double(index) * slot + slot * 0.1
            for (number, line) in series.enumerated() where index < line.values.count {
                let value = line.values[index]
                let barHeight = Double(value) * scale
                parts.append(#"<rect class="\#(line.style)" x="\#(Self.number(x + Double(number) * bar))" y="\#(Self.number(height - bottom - barHeight))" width="\#(Self.number(bar))" height="\#(Self.number(barHeight))"><title>\#(Self.escaped(label)) · \#(Self.escaped(line.name)): \#(value)</title></rect>"#)
            }
            if index % every == 0 {
                parts.append(#"<text class="tick" x="\#(Self.number(x))" y="\#(height - 10)">\#(Self.escaped(label))</text>"#)
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String { String(Int((value * 10).rounded())) == "0" ? "0" : String(format: "%.1f", value) }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
