import Foundation

/// BM25 weights of a query's terms, as the index defines them: the same numbers whichever path
/// answers the search.
struct TermScorer {
    let idf: [Double]
    let averageLength: Double

    init(_ terms: [Int32], in index: SearchIndex) {
        let live = Double(max(index.liveCount, 1))
        averageLength = max(index.totalWeightedLength / live, 1)
        idf = terms.map { term in
            let frequency = Double(index.documentFrequencies[Int(term)])
            return log(1 + (live - frequency + 0.5) / (frequency + 0.5))
        }
    }

    /// The weight of the query's `term`-th term in a document of `length` holding it `frequency`
    /// times. It grows with the frequency and falls with the length, so the highest frequency
    /// and the shortest length of a block bound the weight of every document in it.
    @inline(__always)
    func weight(_ term: Int, frequency: UInt16, length: Float) -> Double {
        let tf = Double(frequency)
        let norm = SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * Double(length) / averageLength)
        return idf[term] * tf * (SearchIndex.k1 + 1) / (tf + norm)
    }
}

/// Searches whose every term is dense (see `DenseSets`), and browsing: the matches are the
/// intersection of bit sets, counted and faceted a word at a time, and the page is ranked
/// block by block.
extension SearchIndex {
    struct Ranked {
        let slot: Int32
        var score: Double
    }

    func searchByBits(_ request: SearchRequest, terms: [Int32], byNewest: Bool, highlight: Set<String>) -> SearchResult {
        let capacity = externalIDs.count
        var matches = liveBits
        for term in terms { matches.formIntersection(dense.termBits[term]!) }
        for accepted in FacetFilter(request.filters, index: self).accepted {
            matches.formIntersection(dense.slots(holdingAnyOf: accepted, capacity: capacity))
        }
        let total = matches.count
        let facets = facetsCountedByBits(matches: total)
            ? facets(fromCounts: dense.facetValueCounts(matches, values: facetValues.count))
            : facets(of: matches.slots)

        let wanted = min(total, max(0, request.offset) &+ max(0, request.limit))
        let page = rank(matches, terms: terms, wanted: wanted, byNewest: byNewest).dropFirst(max(0, request.offset)).map {
            SearchHit(id: externalIDs[Int($0.slot)], score: $0.score, summary: summaries[Int($0.slot)])
        }
        return SearchResult(total: total, hits: Array(page), facets: facets, highlightTerms: highlight)
    }

    /// The first `wanted` matches in the catalogue's order (score, then newest, then id; or
    /// newest, then id), with their scores. Blocks of 64 are visited best first, by the best
    /// score a document there could have (the sum of each term's best impact in the block) or
    /// by their newest key, and the visit stops once the page is full and the next block's
    /// best is below the last on the page.
    func rank(_ matches: SlotBits, terms: [Int32], wanted: Int, byNewest: Bool) -> [Ranked] {
        guard wanted > 0 else { return [] }
        let scorer = TermScorer(terms, in: self)
        let blocksOfTerms = terms.map { dense.termBlocks[$0] ?? DenseSets.TermBlocks() }
        let bitsOfTerms = terms.map { dense.termBits[$0]! }
        // A catalogue grown longer on average since the impacts were computed weighs each term
        // less than they say, and one grown shorter more, by at most the ratio of the averages.
        let drift = max(1, scorer.averageLength / dense.organizedAverageLength) * (1 + 1e-6)
        let factors = scorer.idf.map { $0 * (SearchIndex.k1 + 1) * drift }

        // Each block with matches as one sortable number: its best (a non-negative Float, rounded
        // up, or the newest key, never negative) above its number.
        var visits: [UInt64] = []
        for (block, word) in matches.words.enumerated() where word != 0 {
            let best: UInt32
            if byNewest {
                best = UInt32(bitPattern: dense.blockMaxNewest[block])
            } else {
                var sum = 0.0
                for position in terms.indices {
                    let impacts = blocksOfTerms[position].bestImpact
                    sum += factors[position] * Double(block < impacts.count ? impacts[block] : 1)
                }
                best = Float(sum).nextUp.bitPattern
            }
            visits.append(UInt64(best) << 32 | UInt64(block))
        }
        // Usually a few blocks fill the page: taken best first from a heap, not all sorted.
        var queue = MaxHeap(visits)

        func before(_ a: Ranked, _ b: Ranked) -> Bool {
            if !byNewest && a.score != b.score { return a.score > b.score }
            let slotA = Int(a.slot), slotB = Int(b.slot)
            if newestRanks[slotA] != newestRanks[slotB] { return newestRanks[slotA] > newestRanks[slotB] }
            return externalIDs[slotA] > externalIDs[slotB]
        }
        func score(_ slot: Int32) -> Double {
            var total = 0.0
            for (position, term) in terms.enumerated() {
                let found = DenseSets.position(of: slot, bits: bitsOfTerms[position], blocks: blocksOfTerms[position])
                total += scorer.weight(position, frequency: postingFrequencies[Int(term)][found], length: weightedLength[Int(slot)])
            }
            return total
        }

        var heap = BoundedHeap<Ranked>(capacity: wanted)
        while let visit = queue.popMax() {
            let block = Int(visit & 0xFFFF_FFFF), best = UInt32(visit >> 32)
            if heap.isFull, let last = heap.worst {
                let below = byNewest ? Int32(bitPattern: best) < newestRanks[Int(last.slot)] : Double(Float(bitPattern: best)) < last.score
                if below { break }
            }
            if byNewest {
                // A score is only needed for what ends on the page.
                SlotBits.forEach(in: matches.words[block], at: block) { heap.offer(Ranked(slot: $0, score: 0), by: before) }
                continue
            }
            SlotBits.forEach(in: matches.words[block], at: block) { heap.offer(Ranked(slot: $0, score: score($0)), by: before) }
        }
        var page = heap.sorted(by: before)
        if byNewest && !terms.isEmpty {
            for i in page.indices { page[i].score = score(page[i].slot) }
        }
        return page
    }
}

/// The largest first, one at a time: heapified in linear time, each taken in logarithmic time.
struct MaxHeap {
    private var values: [UInt64]

    init(_ values: [UInt64]) {
        self.values = values
        var start = values.count / 2
        while start > 0 {
            start -= 1
            siftDown(start)
        }
    }

    mutating func popMax() -> UInt64? {
        guard let top = values.first else { return nil }
        let last = values.removeLast()
        if !values.isEmpty {
            values[0] = last
            siftDown(0)
        }
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var largest = parent
            if left < values.count && values[left] > values[largest] { largest = left }
            if right < values.count && values[right] > values[largest] { largest = right }
            if largest == parent { return }
            values.swapAt(parent, largest)
            parent = largest
        }
    }
}
