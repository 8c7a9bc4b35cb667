import Foundation

/// Answering a search. The work is proportional to the matching documents, not to the
/// catalogue: candidates come from the rarest term's postings, the other terms are found by
/// galloping through their sorted postings, and scores, facet counts and the ranked page are
/// computed over the matches only.
extension SearchIndex {
    public func search(_ request: SearchRequest) -> SearchResult {
        let highlight = Set(request.query.required.flatMap { $0 }.filter { !TextAnalyzer.isStopMarker($0) })
        let filter = FacetFilter(request.filters, index: self)
        var matches: [Int32] = []
        var scores: [Double] = []

        let byNewest = request.order == .newest || request.query.isEmpty
        let answeredByBits = dense.isOrganized && request.query.excluded.isEmpty
        if request.query.isEmpty {
            if answeredByBits { return searchByBits(request, terms: [], byNewest: true, highlight: highlight) }
            matches.reserveCapacity(liveCount)
            for slot in 0..<Int32(externalIDs.count) where liveBits.contains(slot) && filter.passes(slot, in: self) {
                matches.append(slot)
            }
            scores = [Double](repeating: 0, count: matches.count)
        } else {
            var groups: [[Int32]] = []
            for group in request.query.required {
                guard let ids = ids(of: group) else { return .empty(highlight) }
                groups.append(ids)
            }
            // Stop words have no postings: candidates come from the other terms, and the
            // phrase check finds the stop words between them.
            let terms = Array(Set(groups.flatMap { $0 }.filter { $0 >= 0 })).prefix(32)
                .sorted { postingFrequencies[Int($0)].count < postingFrequencies[Int($1)].count }
            guard !terms.isEmpty else { return .empty(highlight) }
            if answeredByBits && groups.allSatisfy({ $0.count == 1 }) && terms.allSatisfy({ dense.termBits[$0] != nil }) {
                return searchByBits(request, terms: terms, byNewest: byNewest, highlight: highlight)
            }
            (matches, scores) = intersect(terms, filter: filter)
            for phrase in groups where phrase.count > 1 {
                let pattern = TermStreams.encoded(phrase)
                keep(&matches, &scores) { streams.contains(pattern, in: Int($0)) }
            }
        }

        for group in request.query.excluded {
            guard let ids = ids(of: group), let first = ids.first(where: { $0 >= 0 }) else { continue }
            let holding = Set(postingSlots(first))
            let pattern = TermStreams.encoded(ids)
            keep(&matches, &scores) { !(holding.contains($0) && (ids.count == 1 || streams.contains(pattern, in: Int($0)))) }
        }

        let wanted = min(matches.count, max(0, request.offset) &+ max(0, request.limit))
        let ranked = Self.best(wanted, of: matches.count) { a, b in
            let slotA = Int(matches[Int(a)]), slotB = Int(matches[Int(b)])
            if !byNewest && scores[Int(a)] != scores[Int(b)] { return scores[Int(a)] > scores[Int(b)] }
            if newestRanks[slotA] != newestRanks[slotB] { return newestRanks[slotA] > newestRanks[slotB] }
            return externalIDs[slotA] > externalIDs[slotB]
        }
        let page = ranked.dropFirst(max(0, request.offset)).map { position in
            let slot = Int(matches[Int(position)])
            return SearchHit(id: externalIDs[slot], score: scores[Int(position)], summary: summaries[slot])
        }
        return SearchResult(total: matches.count, hits: Array(page), facets: facets(of: matches), highlightTerms: highlight)
    }

    /// The live documents holding every term (rarest first) that pass the filters, ascending,
    /// with their BM25 scores. Dead entries count neither as matches nor in idf.
    /// The ids of a query group's terms and stop words, or nil when one of them is in no document.
    func ids(of group: [String]) -> [Int32]? {
        var ids: [Int32] = []
        for term in group {
            let id = TextAnalyzer.isStopMarker(term) ? stopWordIDs[term] : termIDs[term]
            guard let id else { return nil }
            ids.append(id)
        }
        return ids
    }

    private func intersect(_ terms: [Int32], filter: FacetFilter) -> ([Int32], [Double]) {
        let scorer = TermScorer(terms, in: self)
        func weight(_ term: Int, _ position: Int, _ slot: Int) -> Double {
            scorer.weight(term, frequency: postingFrequencies[Int(terms[term])][position], length: weightedLength[slot])
        }
        var matches: [Int32] = []
        var scores: [Double] = []
        var cursors = [Int](repeating: 0, count: terms.count)
        // Each term's list, or for a dense one its bits.
        let lists = terms.map { dense.termBits[$0] == nil ? postingDocs[Int($0)] : nil }
        let bits = terms.map { term in dense.termBits[term].map { ($0, dense.termBlocks[term] ?? DenseSets.TermBlocks()) } }
        let rarest = postingSlots(terms[0])
        candidates: for (position, slot) in rarest.enumerated() {
            guard liveBits.contains(slot), filter.passes(slot, in: self) else { continue }
            var score = weight(0, position, Int(slot))
            for term in 1..<max(terms.count, 1) {
                let found: Int
                if let postings = lists[term] {
                    found = Self.gallop(to: slot, in: postings, from: cursors[term])
                    cursors[term] = found
                    guard found < postings.count else { break candidates }
                    guard postings[found] == slot else { continue candidates }
                } else if let (set, blocks) = bits[term] {
                    guard set.contains(slot) else { continue candidates }
                    found = DenseSets.position(of: slot, bits: set, blocks: blocks)
                } else {
                    continue candidates
                }
                score += weight(term, found, Int(slot))
            }
            matches.append(slot)
            scores.append(score)
        }
        return (matches, scores)
    }

    /// The first position at or after `start` whose value is not below `target`.
    static func gallop(to target: Int32, in sorted: [Int32], from start: Int) -> Int {
        var low = start, step = 1
        var high = start
        while high < sorted.count && sorted[high] < target {
            low = high + 1
            high += step
            step *= 2
        }
        high = min(high, sorted.count)
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func keep(_ matches: inout [Int32], _ scores: inout [Double], where keeps: (Int32) -> Bool) {
        var kept = 0
        for i in matches.indices where keeps(matches[i]) {
            matches[kept] = matches[i]
            scores[kept] = scores[i]
            kept += 1
        }
        matches.removeLast(matches.count - kept)
        scores.removeLast(scores.count - kept)
    }

    /// Whether counting the facets of this many matches by bits costs less than walking each
    /// match's values (`extra`: the word operations to make the bits first).
    func facetsCountedByBits(matches: Int, extra: Int = 0) -> Bool {
        let perMatch = matches * docFacetValues.count / max(externalIDs.count, 1)
        return dense.isOrganized && dense.facetCountingCost(words: liveBits.words.count) + extra < perMatch
    }

    /// Every facet's values among the matches (ascending slots), counted by bits when that is
    /// cheaper than walking each match's values.
    func facets(of matches: [Int32]) -> [SearchFacet: [FacetCount]] {
        if facetsCountedByBits(matches: matches.count, extra: matches.count) {
            return facets(fromCounts: dense.facetValueCounts(SlotBits(matches, capacity: externalIDs.count), values: facetValues.count))
        }
        var counts = [Int32](repeating: 0, count: facetValues.count)
        docFacetValues.withUnsafeBufferPointer { values in
            counts.withUnsafeMutableBufferPointer { counts in
                for slot in matches {
                    let start = Int(docFacetStart[Int(slot)])
                    for i in start..<(start + Int(docFacetCount[Int(slot)])) { counts[Int(values[i])] += 1 }
                }
            }
        }
        return facets(fromCounts: counts)
    }

    /// Facet values with a count above zero, most frequent first.
    func facets(fromCounts counts: [Int32]) -> [SearchFacet: [FacetCount]] {
        var facets: [SearchFacet: [FacetCount]] = [:]
        for (index, count) in counts.enumerated() where count > 0 {
            let (facet, value) = facetValues[index]
            facets[facet, default: []].append(FacetCount(value: value, count: Int(count)))
        }
        for facet in facets.keys {
            facets[facet]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return facets
    }

    /// The first `k` of `0..<count` in the order `before` gives.
    static func best(_ k: Int, of count: Int, by before: (Int32, Int32) -> Bool) -> [Int32] {
        guard k > 0 else { return [] }
        if k >= count / 8 { return (0..<Int32(count)).sorted(by: before).prefix(k).map { $0 } }
        var heap = BoundedHeap<Int32>(capacity: k)
        for item in 0..<Int32(count) { heap.offer(item, by: before) }
        return heap.sorted(by: before)
    }
}

/// The facet values each filtered facet accepts: a document passes when, for every filtered
/// facet, it holds one of the accepted values.
struct FacetFilter {
    let accepted: [[Int32]]

    init(_ filters: [SearchFacet: Set<String>], index: SearchIndex) {
        accepted = filters.filter { !$0.value.isEmpty }.map { facet, values in
            values.compactMap { index.facetValueIDs[facet.rawValue + "\u{1}" + $0] }
        }
    }

    func passes(_ slot: Int32, in index: SearchIndex) -> Bool {
        if accepted.isEmpty { return true }
        let start = Int(index.docFacetStart[Int(slot)]), end = start + Int(index.docFacetCount[Int(slot)])
        for allowed in accepted {
            var found = false
            for i in start..<end where allowed.contains(index.docFacetValues[i]) { found = true; break }
            if !found { return false }
        }
        return true
    }
}

extension SearchResult {
    static func empty(_ highlight: Set<String>) -> SearchResult {
        SearchResult(total: 0, hits: [], facets: [:], highlightTerms: highlight)
    }
}

/// A search's terms as one index numbers them, looked up once for all the hits of a page.
public struct IndexedTerms: Sendable {
    let ids: [Int32]
}

/// Where a search's terms stand in a document, as word places (stop words count): every one in
/// its title, and in its narrative from the first one up to a window of words after it.
public struct MatchPlaces: Equatable, Sendable {
    public var title: [Int] = []
    public var narrative: [Int] = []

    public init(title: [Int] = [], narrative: [Int] = []) {
        self.title = title
        self.narrative = narrative
    }
}

extension SearchIndex {
    public func indexed(_ terms: Set<String>) -> IndexedTerms {
        IndexedTerms(ids: terms.compactMap { termIDs[$0] })
    }

    /// Where these terms stand in the document's title and narrative, the narrative's places
    /// from the first one up to `window` words after it. Empty when a field holds none (its text
    /// then needs no search for matches). A word the index dropped is not counted, so a true
    /// place is never before the one given.
    public func matchPlaces(id: Int, of terms: IndexedTerms, window: Int) -> MatchPlaces {
        let wanted = terms.ids
        guard let slot = slotByID[id], !wanted.isEmpty else { return MatchPlaces() }
        // Fields end with -1 in the order title, acronym, keywords, narrative.
        var field = 0, position = 0
        var places = MatchPlaces()
        streams.forEach(in: Int(slot)) { term in
            if term == -1 {
                field += 1
                position = 0
                return field <= 3
            }
            switch field {
            case 0:
                if wanted.contains(term) { places.title.append(position) }
            case 3:
                if let first = places.narrative.first, position >= first + window { return false }
                if wanted.contains(term) { places.narrative.append(position) }
            default:
                break
            }
            position += 1
            return true
        }
        return places
    }
}
