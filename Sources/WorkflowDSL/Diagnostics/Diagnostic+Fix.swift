extension Diagnostic.Fix {
    /// `fixes` applied to `bytes`, the last first so that earlier offsets
    /// stay true; a fix that overlaps one already applied is left for the
    /// next run. Returns the new bytes and the fixes applied, in file order.
    public static func apply(_ fixes: [Diagnostic.Fix], to bytes: [UInt8]) -> (bytes: [UInt8], applied: [Diagnostic.Fix]) {
        var result = bytes
        var applied: [Diagnostic.Fix] = []
        var lowestStart = Int.max
        for fix in Set(fixes).sorted(by: { ($0.range.start, $0.range.end) > ($1.range.start, $1.range.end) }) {
            guard fix.range.end <= lowestStart, fix.range.end <= result.count else { continue }
            result.replaceSubrange(fix.range.start..<fix.range.end, with: Array(fix.replacement.utf8))
            lowestStart = fix.range.start
            applied.append(fix)
        }
        return (result, applied.reversed())
    }
}
