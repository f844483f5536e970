import WorkflowDSL

/// Activity counted in memory between two writes to the database.
///
/// A message or a reaction is counted tens of thousands of times a minute
/// on a busy server; one transaction each would spend the disk on fsyncs.
/// The tally adds them up per window and member, and `CommunityEngine`
/// writes the sums in one transaction per flush (every timer tick, and
/// before a window closes). A crash loses at most the counts since the last
/// flush — passive counters, never a ticket, a role or an audit line.
struct ActivityTally {
    struct Key: Hashable {
        let workflow: String
        let board: String
        let windowStart: Int64
        let windowEnd: Int64
        let member: String
    }

    struct Counts {
        var messages = 0
        var reactions = 0
        var reputation = 0
    }

    private(set) var counts: [Key: Counts] = [:]
    private(set) var events = 0
    /// The running window of each board, by the engine's board id.
    var windows: [Int: ActivityWindow] = [:]

    mutating func add(_ counter: ActivityBoard.Counter, to key: Key) {
        events += 1
        switch counter {
        case .messages: counts[key, default: Counts()].messages += 1
        case .reactions: counts[key, default: Counts()].reactions += 1
        case .reputation: counts[key, default: Counts()].reputation += 1
        }
    }

    /// Counts taken by a flush that failed, added back to what was counted since.
    mutating func restore(_ taken: [Key: Counts]) {
        for (key, value) in taken {
            var merged = counts[key, default: Counts()]
            merged.messages += value.messages
            merged.reactions += value.reactions
            merged.reputation += value.reputation
            counts[key] = merged
            events += value.messages + value.reactions + value.reputation
        }
    }

    /// Everything counted so far; the tally starts again empty.
    mutating func take() -> [Key: Counts] {
        defer { counts = [:]; events = 0 }
        return counts
    }
}
