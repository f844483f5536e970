/// E104: tickets without a staff ladder. Who may press which button is
/// decided by rank, so a workflow with tickets needs `ranks`.
struct MissingRanksCheck: Check {
    static func run(_ context: CheckContext, _ diagnostics: inout DiagnosticBag) {
        guard context.symbols.ranks.isEmpty, let first = context.file.tickets.first else { return }
        diagnostics.report(.missingRanks, "this workflow has tickets but no staff ranks", at: first.name.range,
                           help: "add a line such as `ranks cm < trainee < moderator < admin` at the top of the file")
    }
}
