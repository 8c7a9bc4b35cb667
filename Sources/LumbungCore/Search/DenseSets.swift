/// The index's bit sets, for the terms and facet values held by at least one document in
/// `denseShare`: a search whose every term is one of them intersects and counts a word (64
/// documents) at a time, and ranks block by block, the blocks of 64 with the best possible
/// score first, stopping at the first block that cannot reach the page. Built by
/// `SearchIndex.organize()` once a whole index is read, and kept current by every later
/// change; before that, or for other searches, the postings answer.
struct DenseSets: Sendable {
    /// A term or facet value gets bits when one document in this many holds it: below that a
    /// list of slots is both smaller and quicker to walk.
    static let denseShare = 64

    var isOrganized = false
    /// The slots when last organised: the sets are made again once the index has doubled.
    var organizedSlots = 0
    /// Per dense term: the slots holding it, and for each block its best impact and where its
    /// postings there start.
    var termBits: [Int32: SlotBits] = [:]
    var termBlocks: [Int32: TermBlocks] = [:]
    /// The average weighted length the impacts were computed with.
    var organizedAverageLength = 1.0
    /// Per facet value (by id): its slots as bits when dense, otherwise as an ascending list.
    var facetBits: [SlotBits?] = []
    var facetSlots: [[Int32]] = []
    var denseFacetValues = 0
    var sparseFacetEntries = 0
    /// Per block of 64 slots: the newest "newest first" key there.
    var blockMaxNewest: [Int32] = []

    /// A dense term's blocks: the highest `impact` of a document there, rounded up, and the
    /// position in the term's postings of its first document at or after the block's start.
    struct TermBlocks: Sendable {
        var bestImpact: [Float] = []
        var firstPosting: [Int32] = []
    }

    /// tf / (tf + k1 (1 − b + b · length / average)): a term's BM25 weight without its idf and
    /// its constant factor. With another average A' the weight is at most the impact at A times
    /// max(1, A' / A), which is how a search bounds a block after the catalogue has changed.
    static func impact(frequency: UInt16, length: Float, averageLength: Double) -> Float {
        let tf = Double(frequency)
        let value = tf / (tf + SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * Double(length) / averageLength))
        return Float(value).nextUp
    }

    var byteCount: Int {
        var bytes = blockMaxNewest.capacity * 4
        for bits in termBits.values { bytes += bits.byteCount + 48 }
        for blocks in termBlocks.values { bytes += blocks.bestImpact.capacity * 4 + blocks.firstPosting.capacity * 4 + 64 }
        for bits in facetBits { bytes += (bits?.byteCount ?? 0) + 9 }
        for slots in facetSlots { bytes += slots.capacity * 4 + 32 }
        return bytes
    }

    /// Records a new slot's newest key in its block.
    mutating func noteBlock(of slot: Int32, newest: Int32) {
        let block = Int(slot) >> 6
        if block >= blockMaxNewest.count {
            blockMaxNewest.append(newest)
        } else {
            blockMaxNewest[block] = max(blockMaxNewest[block], newest)
        }
    }

    /// Records a new slot holding a dense term, when the term is one; `position` is where the
    /// slot stands in the term's postings.
    mutating func noteTerm(_ term: Int32, slot: Int32, position: Int, frequency: UInt16, length: Float) {
        guard termBits[term] != nil else { return }
        termBits[term]!.insert(slot)
        let block = Int(slot) >> 6
        let impact = Self.impact(frequency: frequency, length: length, averageLength: organizedAverageLength)
        termBlocks[term, default: TermBlocks()].note(block: block, position: position, impact: impact)
    }

    /// Where `slot`, which holds the dense term, stands in the term's postings: the postings
    /// before its block, and the term's slots before it in the block.
    @inline(__always)
    static func position(of slot: Int32, bits: SlotBits, blocks: TermBlocks) -> Int {
        let block = Int(slot) >> 6
        let before = bits.words[block] & ((1 << UInt64(slot & 63)) &- 1)
        return Int(blocks.firstPosting[block]) + before.nonzeroBitCount
    }

    /// Records a new slot holding a facet value.
    mutating func noteFacetValue(_ value: Int32, slot: Int32) {
        while facetSlots.count <= Int(value) {
            facetSlots.append([])
            facetBits.append(nil)
        }
        if facetBits[Int(value)] != nil {
            facetBits[Int(value)]!.insert(slot)
        } else {
            facetSlots[Int(value)].append(slot)
            sparseFacetEntries += 1
        }
    }

    /// The slots holding any of the facet values.
    func slots(holdingAnyOf values: [Int32], capacity: Int) -> SlotBits {
        var union = SlotBits(slots: capacity)
        for value in values where Int(value) < facetSlots.count {
            if let bits = facetBits[Int(value)] {
                union.formUnion(bits)
            } else {
                for slot in facetSlots[Int(value)] { union.insert(slot) }
            }
        }
        return union
    }

    /// How many of `matches` hold each facet value (by id).
    func facetValueCounts(_ matches: SlotBits, values: Int) -> [Int32] {
        var counts = [Int32](repeating: 0, count: values)
        for value in 0..<min(values, facetSlots.count) {
            if let bits = facetBits[value] {
                counts[value] = Int32(matches.intersectionCount(bits))
            } else {
                var count: Int32 = 0
                for slot in facetSlots[value] where matches.contains(slot) { count += 1 }
                counts[value] = count
            }
        }
        return counts
    }

    /// The word operations counting by bits costs, to compare with walking each match's values.
    func facetCountingCost(words: Int) -> Int {
        denseFacetValues * words / 4 + sparseFacetEntries
    }
}

extension DenseSets.TermBlocks {
    /// Records a posting at `position` in `block`, at or after every block known so far.
    mutating func note(block: Int, position: Int, impact: Float) {
        while bestImpact.count <= block {
            bestImpact.append(0)
            firstPosting.append(Int32(position))
        }
        bestImpact[block] = max(bestImpact[block], impact)
    }
}

extension SearchIndex {
    /// Builds the bit sets (see `DenseSets`) from the postings and facet values: called once a
    /// whole index is read, and again whenever the catalogue has grown enough to change which
    /// terms are dense.
    public mutating func organize() {
        let slots = externalIDs.count
        var sets = DenseSets()
        sets.isOrganized = true
        sets.organizedSlots = slots
        sets.organizedAverageLength = max(totalWeightedLength / Double(max(liveCount, 1)), 1)
        for slot in 0..<slots { sets.noteBlock(of: Int32(slot), newest: newestRanks[slot]) }
        for term in postingDocs.indices {
            let postings = postingSlots(Int32(term))
            guard postings.count * DenseSets.denseShare >= slots else {
                postingDocs[term] = postings
                continue
            }
            postingDocs[term] = []
            sets.termBits[Int32(term)] = SlotBits(postings, capacity: slots)
            var blocks = DenseSets.TermBlocks()
            for (position, (slot, frequency)) in zip(postings, postingFrequencies[term]).enumerated() {
                let impact = DenseSets.impact(frequency: frequency, length: weightedLength[Int(slot)], averageLength: sets.organizedAverageLength)
                blocks.note(block: Int(slot) >> 6, position: position, impact: impact)
            }
            sets.termBlocks[Int32(term)] = blocks
        }
        var valueSlots = [[Int32]](repeating: [], count: facetValues.count)
        for slot in 0..<slots {
            let start = Int(docFacetStart[slot])
            for i in start..<(start + Int(docFacetCount[slot])) { valueSlots[Int(docFacetValues[i])].append(Int32(slot)) }
        }
        for list in valueSlots {
            if list.count * DenseSets.denseShare >= slots {
                sets.facetBits.append(SlotBits(list, capacity: slots))
                sets.facetSlots.append([])
                sets.denseFacetValues += 1
            } else {
                sets.facetBits.append(nil)
                sets.facetSlots.append(list)
                sets.sparseFacetEntries += list.count
            }
        }
        dense = sets
    }
}
