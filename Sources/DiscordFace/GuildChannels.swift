import Discord
import Engine
import Synchronization

/// The server's channels as the gateway tells them (GUILD_CREATE, then
/// CHANNEL_CREATE and CHANNEL_DELETE) and as the bot creates them: how
/// many each category holds, and which channel carries a ticket's key.
///
/// Why not ask Discord: listing a server's channels before every new
/// ticket is 287 KB of JSON at 500 channels and a request out of the
/// global budget, and two opens at once could both read 49 and both create
/// the fiftieth. Here a new ticket takes a place in a category before its
/// channel is created (`reserve`, or `promise` at the click), so the count
/// cannot be raced.
final class GuildChannels: Sendable {
    /// Discord's cap on the channels under one category.
    static let perCategory = 50
    /// Discord's cap on a server's channels, categories included (threads
    /// are not channels of the server's list, and do not count).
    static let perServer = 500

    /// Who a place is promised to: a member opening a ticket of a
    /// category. Not the ticket: the outbox may create the channel before
    /// the click that opened the ticket has heard its number.
    struct Claimant: Hashable, Sendable {
        let member: String
        let category: String
    }

    private struct State {
        /// Channel → its category, for the channels the server holds.
        var parentOf: [Snowflake: Snowflake?] = [:]
        var children: [Snowflake: Int] = [:]
        /// Escala's channels by topic (`escala:` and the effect's key).
        var byTopic: [String: Snowflake] = [:]
        var topicOf: [Snowflake: String] = [:]
        /// Creations under way, per category: places already promised.
        var reserved: [Snowflake: Int] = [:]
        /// Of those, the ones promised at a click, until its channel's
        /// creation takes them.
        var promised: [Claimant: [Snowflake]] = [:]
        /// Whether the whole list has been read once.
        var known = false
        /// Discord answered 30013 (the server's 500) although we counted
        /// less, until a channel is deleted.
        var serverFullSaid = false

        /// Channels under `category`, creations under way included.
        func occupied(_ category: Snowflake) -> Int {
            (children[category] ?? 0) + (reserved[category] ?? 0)
        }

        /// Whether the server has room for one more channel, creations
        /// under way counted.
        var serverHasRoom: Bool {
            !serverFullSaid && parentOf.count + reserved.values.reduce(0, +) < GuildChannels.perServer
        }

        func room(among categories: [Snowflake]) -> ChannelRoom {
            if !serverHasRoom { return .serverFull }
            return categories.isEmpty || categories.contains(where: { occupied($0) < GuildChannels.perCategory }) ? .available : .categoriesFull
        }

        mutating func reserve(among categories: [Snowflake]) -> Snowflake? {
            guard serverHasRoom, let category = categories.first(where: { occupied($0) < GuildChannels.perCategory }) else { return nil }
            reserved[category, default: 0] += 1
            return category
        }
    }

    private let state = Mutex(State())

    /// Whether the list of channels has been read (start-up or GUILD_CREATE).
    var isKnown: Bool { state.withLock { $0.known } }

    /// The whole list, from GUILD_CREATE or the start-up listing.
    func replaceAll(_ channels: [Channel]) {
        state.withLock { state in
            let (reserved, promised) = (state.reserved, state.promised)
            state = State()
            (state.reserved, state.promised) = (reserved, promised)
            state.known = true
            for channel in channels { Self.add(channel, to: &state) }
        }
    }

    func add(_ channel: Channel) {
        state.withLock { Self.add(channel, to: &$0) }
    }

    /// A channel Escala moved under another category (`/move`).
    func move(_ id: Snowflake, to parent: Snowflake) {
        state.withLock { state in
            if let old = state.parentOf[id] ?? nil { state.children[old, default: 1] -= 1 }
            state.parentOf[id] = parent
            state.children[parent, default: 0] += 1
        }
    }

    /// The category a channel is under, as last told.
    func parent(of id: Snowflake) -> Snowflake? {
        state.withLock { $0.parentOf[id] ?? nil }
    }

    func remove(_ id: Snowflake) {
        state.withLock { state in
            // One fewer on Discord, even a channel never counted here.
            state.serverFullSaid = false
            guard let parent = state.parentOf.removeValue(forKey: id) else { return }
            if let parent { state.children[parent, default: 1] -= 1 }
            if let topic = state.topicOf.removeValue(forKey: id) { state.byTopic[topic] = nil }
        }
    }

    private static func add(_ channel: Channel, to state: inout State) {
        guard state.parentOf[channel.id] == nil else { return } // told twice: by the answer and by the gateway
        state.parentOf[channel.id] = channel.parentID
        if let parent = channel.parentID { state.children[parent, default: 0] += 1 }
        if let topic = channel.topic, topic.hasPrefix("escala:") {
            state.byTopic[topic] = channel.id
            state.topicOf[channel.id] = topic
        }
    }

    /// Whether `channel` is one Escala made for a ticket (its topic says so).
    func isTicketChannel(_ channel: Snowflake) -> Bool {
        state.withLock { $0.topicOf[channel] != nil }
    }

    /// The channel created for the effect whose topic this is, if any.
    func channel(topic: String) -> Snowflake? {
        state.withLock { $0.byTopic[topic] }
    }

    /// Channels under `category` now, creations under way included.
    func occupied(_ category: Snowflake) -> Int {
        state.withLock { $0.occupied(category) }
    }

    /// Whether a new channel fits in one of `categories` (none: at the
    /// top of the server), and if not, which of Discord's limits says no.
    func room(among categories: [Snowflake]) -> ChannelRoom {
        state.withLock { $0.room(among: categories) }
    }

    /// The first of `categories` with room, holding a place in it until
    /// `settle` says the creation is over; nil when every one is full.
    func reserve(among categories: [Snowflake]) -> Snowflake? {
        state.withLock { $0.reserve(among: categories) }
    }

    /// Reserves a place for `claimant` before its ticket exists; false when
    /// every one of `categories` is full.
    func promise(among categories: [Snowflake], to claimant: Claimant) -> Bool {
        state.withLock { state in
            guard let category = state.reserve(among: categories) else { return false }
            state.promised[claimant, default: []].append(category)
            return true
        }
    }

    /// The place promised to `claimant`, handed over once; it stays
    /// reserved until `settle`.
    func takePromise(of claimant: Claimant) -> Snowflake? {
        state.withLock { state in
            guard var places = state.promised[claimant], !places.isEmpty else { return nil }
            let place = places.removeFirst()
            state.promised[claimant] = places.isEmpty ? nil : places
            return place
        }
    }

    /// The click ended without a ticket (refused, a repeat, an error): its
    /// promised place is free again.
    func withdrawPromise(of claimant: Claimant) {
        if let place = takePromise(of: claimant) { settle(place, created: nil) }
    }

    /// A creation in `category` is over: `created` is the channel made,
    /// nil when none was.
    func settle(_ category: Snowflake, created: Channel?) {
        state.withLock { state in
            state.reserved[category, default: 1] -= 1
            if let created { Self.add(created, to: &state) }
        }
    }

    /// Discord said the server holds its 500 channels although we counted
    /// less: believe Discord until a channel is deleted.
    func markServerFull() {
        state.withLock { $0.serverFullSaid = true }
    }

    /// Discord said the category is full although we counted less (a
    /// channel made by hand while the gateway was away): believe Discord.
    func markFull(_ category: Snowflake) {
        state.withLock { state in
            state.children[category] = max(state.children[category] ?? 0, Self.perCategory)
        }
    }
}
