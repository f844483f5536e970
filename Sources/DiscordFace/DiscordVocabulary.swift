import Discord

// What tickets mean in Discord's terms. The Discord client knows nothing of
// tickets; these live in the face that maps one onto the other.

extension Permissions {
    /// What a person in a ticket needs: see, read back, write, attach.
    static let ticketParticipant: Permissions = [.viewChannel, .readMessageHistory, .sendMessages, .attachFiles, .embedLinks, .addReactions]
}

extension GatewayIntents {
    /// Everything the desk listens to: channels, members joining and leaving
    /// (privileged), messages and their text (privileged), reactions.
    static let escala: GatewayIntents = [.guilds, .guildMembers, .guildMessages, .guildMessageReactions, .messageContent]
}
