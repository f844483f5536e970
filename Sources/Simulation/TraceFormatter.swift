import Engine
import WorkflowDSL

/// The readable trace of a scenario run: time, ticket, what happened, the
/// state change, and under it each effect; expectations marked ✓ or ✗ with
/// their scenario line, in the run's language.
public enum TraceFormatter {
    public static func text(_ report: SimulationReport, words: TraceWords = TraceWords(.en)) -> String {
        var lines = ["== \(report.scenario)"]
        for entry in report.entries {
            let time = clock(entry.time)
            let ticket = entry.ticket.map { "#\($0)" } ?? ""
            if let passed = entry.passed {
                let mark = passed ? "✓" : "✗"
                lines.append("\(time) \(pad(ticket, 4)) \(mark) " + words("line {0}", entry.line) + ": \(entry.text)" + (passed ? "" : " — \(entry.detail ?? "")"))
            } else if entry.text.hasPrefix("expect") {
                lines.append("\(time) \(pad(ticket, 4)) – " + words("line {0}", entry.line) + ": \(entry.text) (\(entry.detail ?? words("skipped")))")
            } else {
                lines.append("\(time) \(pad(ticket, 4)) \(entry.text)" + (entry.stateChange.map { "   [\($0)]" } ?? ""))
                for rule in entry.rules { lines.append(String(repeating: " ", count: 16) + "∵ " + rule) }
                for effect in entry.effects { lines.append(String(repeating: " ", count: 16) + "→ " + effect) }
            }
        }
        lines.append(report.passed ? words("passed") : words("FAILED: {0} expectation(s)", report.failures.count))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `+0:15`, `+12:00`, `+1d 02:00` since the scenario started.
    static func clock(_ seconds: Int64) -> String {
        let days = seconds / 86_400
        let hours = (seconds % 86_400) / 3_600
        let minutes = (seconds % 3_600) / 60
        let time = "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
        return pad("+" + (days > 0 ? "\(days)d " : "") + time, 10)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
