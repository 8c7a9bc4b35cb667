/// A set of document slots, one bit each, 64 to a word: for the terms and facet values that many
/// documents hold, where intersecting and counting a word at a time beats walking lists.
struct SlotBits: Sendable, Equatable {
    private(set) var words: [UInt64]

    init(slots: Int = 0) {
        words = [UInt64](repeating: 0, count: Self.wordCount(slots))
    }

    init<Slots: Sequence>(_ slots: Slots, capacity: Int) where Slots.Element == Int32 {
        self.init(slots: capacity)
        for slot in slots { insert(slot) }
    }

    static func wordCount(_ slots: Int) -> Int { (slots + 63) / 64 }

    var byteCount: Int { words.capacity * 8 }

    mutating func insert(_ slot: Int32) {
        let word = Int(slot) >> 6
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word + 1 - words.count)) }
        words[word] |= 1 << UInt64(slot & 63)
    }

    mutating func remove(_ slot: Int32) {
        let word = Int(slot) >> 6
        guard word < words.count else { return }
        words[word] &= ~(1 << UInt64(slot & 63))
    }

    func contains(_ slot: Int32) -> Bool {
        let word = Int(slot) >> 6
        return word < words.count && words[word] & (1 << UInt64(slot & 63)) != 0
    }

    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Keeps only the slots `other` holds too.
    mutating func formIntersection(_ other: SlotBits) {
        let shared = min(words.count, other.words.count)
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for i in 0..<shared { mine[i] &= theirs[i] }
            }
        }
        if words.count > shared { words.replaceSubrange(shared..., with: repeatElement(0, count: words.count - shared)) }
    }

    /// Adds the slots `other` holds.
    mutating func formUnion(_ other: SlotBits) {
        if other.words.count > words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for i in theirs.indices { mine[i] |= theirs[i] }
            }
        }
    }

    /// How many slots both sets hold, without building the intersection.
    func intersectionCount(_ other: SlotBits) -> Int {
        let shared = min(words.count, other.words.count)
        return words.withUnsafeBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                var total = 0
                for i in 0..<shared { total &+= (mine[i] & theirs[i]).nonzeroBitCount }
                return total
            }
        }
    }

    /// The slots in ascending order.
    var slots: [Int32] {
        var slots: [Int32] = []
        slots.reserveCapacity(count)
        for (index, word) in words.enumerated() { Self.forEach(in: word, at: index) { slots.append($0) } }
        return slots
    }

    /// Calls `body` with each slot a word holds, ascending; `index` is the word's place.
    @inline(__always)
    static func forEach(in word: UInt64, at index: Int, _ body: (Int32) -> Void) {
        var rest = word
        let base = Int32(index << 6)
        while rest != 0 {
            body(base + Int32(rest.trailingZeroBitCount))
            rest &= rest &- 1
        }
    }

    mutating func shrinkToFit() {
        words = words.withUnsafeBufferPointer { Array($0) }
    }
}
