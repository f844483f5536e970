import Discord

/// Where an interaction's answer lives: the application and the
/// interaction's token (valid 15 minutes). The engine keeps it, opaque, with
/// the message that answers a click (`StepReply`), so that a process that
/// restarts can ask Discord whether that answer went.
struct InteractionRoute: Hashable {
    let application: Snowflake
    let token: String

    init(_ interaction: Interaction) {
        application = interaction.applicationID
        token = interaction.token
    }

    /// As the engine stores it: "application/token".
    var stored: String { "\(application.rawValue)/\(token)" }

    init?(stored: String) {
        let parts = stored.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return nil }
        application = Snowflake(parts[0])
        token = parts[1]
    }
}
