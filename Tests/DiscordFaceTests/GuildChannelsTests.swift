import Discord
@testable import DiscordFace
import Testing

/// The server's channels as the gateway tells them: places in categories
/// promised before a channel exists, so that a burst cannot overfill one.
@Suite("Guild channels")
struct GuildChannelsTests {
    static let full: Snowflake = "800000000000000002"
    static let overflow: Snowflake = "800000000000000003"

    static func channel(_ id: Int, in parent: Snowflake?, topic: String? = nil) -> Channel {
        Channel(id: Snowflake(String(900_000_000_000_000_000 + id)), type: .guildText, guildID: nil, name: "c\(id)", parentID: parent, topic: topic)
    }

    @Test("a place is promised until the creation settles; the fiftieth goes once, then the overflow, then none")
    func reservations() {
        let channels = GuildChannels()
        channels.replaceAll((0..<49).map { Self.channel($0, in: Self.full) } + (100..<149).map { Self.channel($0, in: Self.overflow) })
        #expect(channels.reserve(among: [Self.full, Self.overflow]) == Self.full)
        #expect(channels.reserve(among: [Self.full, Self.overflow]) == Self.overflow, "the fiftieth place is promised already")
        #expect(channels.reserve(among: [Self.full, Self.overflow]) == nil)
        #expect(channels.occupied(Self.full) == 50 && channels.occupied(Self.overflow) == 50)
        // A creation that failed gives its place back; one that worked keeps it.
        channels.settle(Self.overflow, created: nil)
        channels.settle(Self.full, created: Self.channel(49, in: Self.full))
        #expect(channels.occupied(Self.full) == 50)
        #expect(channels.reserve(among: [Self.full, Self.overflow]) == Self.overflow)
    }

    @Test("the gateway's CHANNEL_CREATE and the creation's own answer count once; a deletion frees the place; topics find channels")
    func countsAndTopics() {
        let channels = GuildChannels()
        channels.replaceAll([])
        let made = Self.channel(1, in: Self.full, topic: "escala:t1:e1")
        channels.add(made)
        channels.add(made)
        #expect(channels.occupied(Self.full) == 1)
        #expect(channels.channel(topic: "escala:t1:e1") == made.id)
        channels.remove(made.id)
        channels.remove(made.id)
        #expect(channels.occupied(Self.full) == 0)
        #expect(channels.channel(topic: "escala:t1:e1") == nil)
    }

    @Test("Discord's CHANNEL_PARENT_MAX_CHANNELS is believed over the count")
    func discordSaysFull() {
        let channels = GuildChannels()
        channels.replaceAll((0..<10).map { Self.channel($0, in: Self.full) })
        channels.markFull(Self.full)
        #expect(channels.reserve(among: [Self.full]) == nil)
        let error = DiscordError.http(status: 400, code: 50035, message: "Invalid Form Body: parent_id CHANNEL_PARENT_MAX_CHANNELS",
                                      route: "POST /guilds/{guild_id}/channels")
        #expect(error.isCategoryFull)
        #expect(!DiscordError.http(status: 400, code: 50035, message: "Invalid Form Body: name BASE_TYPE_REQUIRED", route: "").isCategoryFull)
    }

    @Test("the server's 500 channels count categories, the channels at the top and creations under way; Discord's 30013 is believed until a deletion")
    func serverLimit() {
        let channels = GuildChannels()
        channels.replaceAll([Self.channel(0, in: nil)] + (1..<447).map { Self.channel($0, in: nil) } + (500..<550).map { Self.channel($0, in: Self.full) })
        #expect(channels.room(among: [Self.full]) == .categoriesFull)
        #expect(channels.room(among: [Self.full, Self.overflow]) == .available)
        #expect(channels.reserve(among: [Self.overflow]) == Self.overflow, "the 498th")
        #expect(channels.reserve(among: [Self.overflow]) == Self.overflow, "the 499th")
        #expect(channels.reserve(among: [Self.overflow]) == Self.overflow, "the 500th")
        #expect(channels.reserve(among: [Self.overflow]) == nil, "none past 500, although the category has room")
        #expect(channels.room(among: [Self.overflow]) == .serverFull && channels.room(among: []) == .serverFull)
        channels.settle(Self.overflow, created: nil)
        #expect(channels.room(among: []) == .available, "a failed creation gives its place back")
        channels.markServerFull()
        #expect(channels.room(among: [Self.overflow]) == .serverFull, "Discord said so")
        channels.remove(Snowflake("123"))
        #expect(channels.room(among: [Self.overflow]) == .available, "a deletion Discord told of, even of a channel never counted")
    }
}
