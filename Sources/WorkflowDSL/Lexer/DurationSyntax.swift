/// The workflow language's durations (`15m`, `1h30m`, `2d`) for other
/// front ends, such as scenario files, so that a duration is spelled the
/// same everywhere an admin writes one.
public enum DurationSyntax {
    /// Seconds, or nil when `spelling` is not a duration.
    public static func seconds(_ spelling: String) -> Int? { Lexer.durationSeconds(spelling) }
}
