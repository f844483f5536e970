import Foundation
import WorkflowDSL

/// The ledger read back to people (`/sanciones`, `escala sanctions`, the
/// appeal form's menu), in the workflow's words: offences by their labels,
/// people as segments each face renders its own way.
public enum SanctionListing {
    /// One member's sanctions, oldest first, or the line saying there are none.
    public static func text(_ records: [SanctionRecord], member: String, workflow: Workflow?, language: String) -> RichText {
        var text = NoticeCatalogue.text(.sanctionsOf(member: member, count: records.count), locale: language)
        for record in records {
            let line = Notice.sanctionLine(date: CalendarDay.utc(record.at), offence: label(of: record, in: workflow),
                                           sanction: record.entry.sanction ?? "—", staff: record.entry.appliedBy,
                                           ticket: record.ticketNumber.map { "#\($0)" } ?? "—")
            text.segments.append(.text("\n"))
            text.segments += NoticeCatalogue.text(line, locale: language).segments
        }
        return NoticeCatalogue.merged(text)
    }

    /// A record as a menu names it: «Troll» · 2026-11-30 · #12.
    public static func title(_ record: SanctionRecord, in workflow: Workflow?) -> String {
        "«\(label(of: record, in: workflow))» · \(CalendarDay.utc(record.at))" + (record.ticketNumber.map { " · #\($0)" } ?? "")
    }

    static func label(of record: SanctionRecord, in workflow: Workflow?) -> String {
        workflow?.offences.first { $0.name == record.entry.offence }?.label ?? record.entry.offence
    }
}
