/// Damage a workflow file the way editors, copy-paste and attackers do:
/// byte flips, lines deleted, duplicated and swapped, truncations, stray
/// punctuation, and the extremes (NUL, right-to-left and zero-width
/// characters, invalid UTF-8, 10,000-deep nesting, very long lines, 10 MB
/// files). Seeded, so that a failure reproduces from its seed and round.
public struct Mutator {
    /// SplitMix64: small, seedable, the same on every machine.
    public struct Generator: RandomNumberGenerator {
        public var state: UInt64
        public init(state: UInt64) { self.state = state }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    public enum Mutation: CaseIterable, Sendable {
        case flipByte, deleteLine, duplicateLine, truncate, insertPunctuation, swapLines, deleteRange
        case insertUnicode, insertInvalidUTF8, deepNesting, longLine, hugeFile

        /// The everyday edits; the extremes come rarely, as they do in life
        /// (and a 10 MB file takes a while even to generate).
        public static let everyday: [Mutation] = [.flipByte, .deleteLine, .duplicateLine, .truncate, .insertPunctuation, .swapLines, .deleteRange]
    }

    public static func mutate(_ bytes: [UInt8], _ mutation: Mutation, _ random: inout Generator) -> [UInt8] {
        guard !bytes.isEmpty else { return bytes }
        var bytes = bytes
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        func at() -> Int { Int.random(in: 0...bytes.count, using: &random) }
        switch mutation {
        case .flipByte:
            let index = Int.random(in: 0..<bytes.count, using: &random)
            bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case .deleteLine:
            var copy = lines
            copy.remove(at: Int.random(in: 0..<copy.count, using: &random))
            bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
        case .duplicateLine:
            var copy = lines
            let index = Int.random(in: 0..<copy.count, using: &random)
            copy.insert(copy[index], at: Int.random(in: 0...copy.count, using: &random))
            bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
        case .truncate:
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
        case .insertPunctuation:
            let punctuation = Array("{}\":;,<>()#\\-=".utf8)
            bytes.insert(punctuation.randomElement(using: &random)!, at: at())
        case .swapLines:
            var copy = lines
            copy.swapAt(Int.random(in: 0..<copy.count, using: &random), Int.random(in: 0..<copy.count, using: &random))
            bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
        case .deleteRange:
            let start = Int.random(in: 0..<bytes.count, using: &random)
            let end = min(bytes.count, start + Int.random(in: 1...200, using: &random))
            bytes.removeSubrange(start..<end)
        case .insertUnicode:
            // NUL, right-to-left override and mark, zero-width space and
            // joiner, a byte-order mark, an emoji with a modifier, a combining accent.
            let pieces = ["\u{0}", "\u{202E}", "\u{200F}", "\u{200B}", "\u{200D}", "\u{FEFF}", "👩🏽‍💻", "e\u{301}", "\u{2028}"]
            bytes.insert(contentsOf: Array(pieces.randomElement(using: &random)!.utf8), at: at())
        case .insertInvalidUTF8:
            let invalid: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80]]
            bytes.insert(contentsOf: invalid.randomElement(using: &random)!, at: at())
        case .deepNesting:
            let opener = ["not ", "(", "{", "[", "\""].randomElement(using: &random)!
            bytes.insert(contentsOf: Array(String(repeating: opener, count: 10_000).utf8), at: at())
        case .longLine:
            bytes.insert(contentsOf: [UInt8](repeating: UInt8(ascii: "a"), count: 200_000), at: at())
        case .hugeFile:
            while bytes.count < 10_000_000 { bytes += bytes }
        }
        return bytes
    }

    /// One to three damages stacked, as a clumsy edit would; one input in
    /// fifty gets an extreme, one in twenty thousand a 10 MB file.
    public static func damage(_ original: [UInt8], _ random: inout Generator) -> [UInt8] {
        var bytes = original
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let roll = random.next() % 20_000
            let mutation: Mutation = switch roll {
            case 0: .hugeFile
            case 1..<400: [.insertUnicode, .insertInvalidUTF8, .deepNesting, .longLine].randomElement(using: &random)!
            default: Mutation.everyday.randomElement(using: &random)!
            }
            bytes = mutate(bytes, mutation, &random)
        }
        return bytes
    }

    /// Round `round` of a fuzz run seeded `seed` over `originals` (the
    /// shipped workflows, sorted by name).
    public static func input(seed: UInt64, round: Int, originals: [[UInt8]]) -> [UInt8] {
        var random = Generator(state: seed ^ (UInt64(round) &* 0x9E37_79B9_7F4A_7C15))
        return damage(originals[round % originals.count], &random)
    }
}
