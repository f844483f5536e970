/// A rich embed: the card Discord draws under a message, with a coloured
/// edge, a title, fields in columns and an image.
public struct Embed: Sendable, Hashable, Codable {
    public struct Field: Sendable, Hashable, Codable {
        public var name: String
        public var value: String
        public var inline: Bool?

        public init(name: String, value: String, inline: Bool? = nil) {
            self.name = name
            self.value = value
            self.inline = inline
        }
    }

    public struct Footer: Sendable, Hashable, Codable {
        public var text: String
        public init(text: String) { self.text = text }
    }

    public struct Image: Sendable, Hashable, Codable {
        public var url: String
        public init(url: String) { self.url = url }
    }

    public struct Author: Sendable, Hashable, Codable {
        public var name: String
        public init(name: String) { self.name = name }
    }

    public var title: String?
    public var description: String?
    /// RGB as one integer (`0xF1C40F`).
    public var color: Int?
    public var fields: [Field]?
    public var footer: Footer?
    public var image: Image?
    public var author: Author?

    public init(title: String? = nil, description: String? = nil, color: Int? = nil, fields: [Field]? = nil,
                footer: Footer? = nil, image: Image? = nil, author: Author? = nil) {
        self.title = title
        self.description = description
        self.color = color
        self.fields = fields
        self.footer = footer
        self.image = image
        self.author = author
    }

    /// Discord's documented limits, so a long ranking or a member's long
    /// offer is cut rather than refused with a 400.
    public static let titleLimit = 256
    public static let descriptionLimit = 4_096
    public static let fieldNameLimit = 256
    public static let fieldValueLimit = 1_024
    public static let fieldCountLimit = 25
    /// Title, description, fields, footer and author together.
    public static let totalLimit = 6_000

    /// The same embed cut to Discord's limits.
    public var withinLimits: Embed {
        func cut(_ text: String, _ limit: Int) -> String { DiscordLimits.cut(text, to: limit) }
        var embed = self
        embed.title = title.map { cut($0, Self.titleLimit) }
        embed.description = description.map { cut($0, Self.descriptionLimit) }
        embed.fields = fields.map { fields in
            fields.prefix(Self.fieldCountLimit).map {
                Field(name: cut($0.name.isEmpty ? "—" : $0.name, Self.fieldNameLimit),
                      value: cut($0.value.isEmpty ? "—" : $0.value, Self.fieldValueLimit), inline: $0.inline)
            }
        }
        // Five long answers can pass the embed's whole limit though each
        // fits its field: the longest values give way, evenly.
        let fixed = (embed.title?.count ?? 0) + (embed.description?.count ?? 0) + (embed.footer?.text.count ?? 0)
            + (embed.author?.name.count ?? 0) + (embed.fields ?? []).reduce(0) { $0 + $1.name.count }
        if var fields = embed.fields, !fields.isEmpty, fixed + fields.reduce(0, { $0 + $1.value.count }) > Self.totalLimit {
            let share = max(1, (Self.totalLimit - fixed) / fields.count)
            for index in fields.indices where fields[index].value.count > share {
                fields[index].value = cut(fields[index].value, share)
            }
            embed.fields = fields
        }
        return embed
    }
}
