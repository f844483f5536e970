import Foundation
import LocalDiscord

/// The people the admin plays: two members, and one person for each rank
/// and side role the workflows name, holding that role on the server.
public struct PlaygroundCast: Sendable {
    public struct Person: Sendable, Hashable {
        public let id: String
        public let name: String
        /// The role (a rank or a side role) this person is there to play,
        /// nil for a member.
        public let plays: String?
    }

    public let people: [Person]

    public init(guild: PlaygroundGuild) {
        var people = [Person(id: "300000000000000001", name: "Ana", plays: nil),
                      Person(id: "300000000000000002", name: "Bruno", plays: nil)]
        for (index, role) in guild.roles.enumerated() {
            let first = Self.names[index % Self.names.count]
            people.append(Person(id: String(300_000_000_000_000_100 + UInt64(index)), name: "\(first) (\(role))", plays: role))
        }
        self.people = people
    }

    public func person(_ id: String) -> Person? { people.first { $0.id == id } }

    /// `text` with each `@Name` of the cast written as Discord's mention
    /// `<@id>`, as Discord's app does when a name is picked after `@`
    /// (the first word of the name: `@Nora` for «Nora (cm)»).
    public func mentioning(_ text: String) -> String {
        var result = text
        for person in people.sorted(by: { $0.name.count > $1.name.count }) {
            let first = person.name.split(separator: " ").first.map(String.init) ?? person.name
            let pattern = "@" + NSRegularExpression.escapedPattern(for: first) + "(?![\\p{L}\\p{N}_])"
            result = result.replacingOccurrences(of: pattern, with: "<@\(person.id)>", options: [.regularExpression, .caseInsensitive])
        }
        return result
    }

    /// Puts everyone on the server with their role; those of `previous`
    /// are there already, with the roles Escala gave or took.
    public func install(on server: LocalDiscord, guild: PlaygroundGuild, after previous: PlaygroundCast? = nil) {
        for person in people where previous?.person(person.id) == nil {
            server.addMember(id: person.id, name: person.name, roles: person.plays.flatMap { guild.ids[$0] }.map { [$0] } ?? [])
        }
    }

    static let names = ["Carla", "Diego", "Elena", "Fabio", "Gala", "Hugo", "Inés", "Jon", "Lara", "Marco", "Nora", "Óscar",
                        "Paula", "Quim", "Rosa", "Saúl", "Teo", "Úrsula", "Vera", "Yago"]
}
