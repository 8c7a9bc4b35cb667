import Foundation

/// An in-memory inverted index over the published catalogue: BM25 ranking with the title and
/// acronym weighted above keywords and narrative, exact phrase checks, exclusions and facet
/// counts over every match. Built from the database at start and kept current on each write;
/// it is a value type, so readers search a snapshot while a writer prepares the next one.
///
/// Documents get dense internal numbers. An update or removal marks the old number dead and
/// appends anew, so postings stay sorted without moving; `compacted()` drops the dead ones.
public struct SearchIndex: Sendable {
    // Field weights for BM25F-style term frequency.
    static let titleWeight: UInt16 = 6
    static let acronymWeight: UInt16 = 6
    static let keywordWeight: UInt16 = 2
    static let bodyWeight: UInt16 = 1
    static let k1 = 1.2
    static let b = 0.75

    private var termIDs: [String: Int32] = [:]
    private var terms: [String] = []
    /// For each term, the documents holding it (ascending) and the weighted frequency there.
    private var postingDocs: [[Int32]] = []
    private var postingFrequencies: [[UInt16]] = []

    private var externalIDs: [Int] = []
    private var alive: [Bool] = []
    private var liveCount = 0
    private var slotByID: [Int: Int32] = [:]
    private var weightedLength: [Float] = []
    private var totalWeightedLength: Double = 0
    private var newestKeys: [String] = []
    private var summaries: [SearchSummary?] = []
    /// Each document's term sequence (title, then keywords, then body), for phrase checks.
    private var streamStart: [Int32] = []
    private var streamLength: [Int32] = []
    private var streams: [Int32] = []

    private var facetValueIDs: [String: Int32] = [:]
    private var facetValues: [(SearchFacet, String)] = []
    private var docFacetStart: [Int32] = []
    private var docFacetCount: [UInt8] = []
    private var docFacetValues: [Int32] = []

    public init() {}

    public var count: Int { liveCount }
    /// Entries held, the dead ones of replaced documents included.
    public var storedEntries: Int { externalIDs.count }

    public init(_ documents: [SearchDocument]) {
        for document in documents { upsert(document) }
    }

    // MARK: - Writing

    /// Adds the document, or replaces the one with the same id.
    public mutating func upsert(_ document: SearchDocument) {
        remove(id: document.id)
        let slot = Int32(externalIDs.count)
        externalIDs.append(document.id)
        alive.append(true)
        liveCount += 1
        slotByID[document.id] = slot
        newestKeys.append(document.newestKey)
        summaries.append(document.summary)

        var frequencies: [Int32: UInt16] = [:]
        var stream: [Int32] = []
        var length: UInt32 = 0
        func add(_ text: String, weight: UInt16) {
            for term in TextAnalyzer.terms(text) {
                let id = termID(term)
                frequencies[id, default: 0] &+= weight
                stream.append(id)
                length += UInt32(weight)
            }
            stream.append(-1) // fields never join into one phrase
        }
        add(document.title, weight: Self.titleWeight)
        add(document.acronym, weight: Self.acronymWeight)
        add(document.keywords, weight: Self.keywordWeight)
        add(document.body, weight: Self.bodyWeight)

        for (term, frequency) in frequencies {
            postingDocs[Int(term)].append(slot)
            postingFrequencies[Int(term)].append(frequency)
        }
        weightedLength.append(Float(length))
        totalWeightedLength += Double(length)
        streamStart.append(Int32(streams.count))
        streamLength.append(Int32(stream.count))
        streams.append(contentsOf: stream)

        docFacetStart.append(Int32(docFacetValues.count))
        var facetCount = 0
        for facet in SearchFacet.allCases {
            for value in document.facets[facet] ?? [] where facetCount < 255 {
                docFacetValues.append(facetValueID(facet, value))
                facetCount += 1
            }
        }
        docFacetCount.append(UInt8(facetCount))
    }

    public mutating func remove(id: Int) {
        guard let slot = slotByID.removeValue(forKey: id) else { return }
        alive[Int(slot)] = false
        liveCount -= 1
        totalWeightedLength -= Double(weightedLength[Int(slot)])
    }

    /// Whether dead entries are worth dropping (more than a fifth of all).
    public var needsCompaction: Bool { externalIDs.count > 1000 && liveCount < externalIDs.count * 4 / 5 }

    private mutating func termID(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(terms.count)
        termIDs[term] = id
        terms.append(term)
        postingDocs.append([])
        postingFrequencies.append([])
        return id
    }

    private mutating func facetValueID(_ facet: SearchFacet, _ value: String) -> Int32 {
        let key = facet.rawValue + "\u{1}" + value
        if let id = facetValueIDs[key] { return id }
        let id = Int32(facetValues.count)
        facetValueIDs[key] = id
        facetValues.append((facet, value))
        return id
    }

    // MARK: - Searching

    public func search(_ request: SearchRequest) -> SearchResult {
        let slotCount = externalIDs.count
        let highlight = Set(request.query.required.flatMap { $0 })

        // Which facet values each filtered facet accepts.
        var accepted: [[Int32]] = []
        for (facet, values) in request.filters where !values.isEmpty {
            accepted.append(values.compactMap { facetValueIDs[facet.rawValue + "\u{1}" + $0] })
        }
        func passesFilters(_ slot: Int) -> Bool {
            if accepted.isEmpty { return true }
            let start = Int(docFacetStart[slot]), end = start + Int(docFacetCount[slot])
            for allowed in accepted {
                var found = false
                for i in start..<end where allowed.contains(docFacetValues[i]) { found = true; break }
                if !found { return false }
            }
            return true
        }

        // Which documents match, and their scores (kept apart: a score is never a marker).
        var isMatch = [Bool](repeating: false, count: slotCount)
        var scores = [Double](repeating: 0, count: slotCount)
        if request.query.isEmpty {
            for slot in 0..<slotCount where alive[slot] && passesFilters(slot) { isMatch[slot] = true }
        } else {
            var termLists: [[Int32]] = []
            for group in request.query.required {
                var ids: [Int32] = []
                for term in group {
                    guard let id = termIDs[term] else {
                        return SearchResult(total: 0, hits: [], facets: [:], highlightTerms: highlight)
                    }
                    ids.append(id)
                }
                termLists.append(ids)
            }
            // Every document must hold every term: mark each term's documents with its bit.
            let allTerms = Array(Set(termLists.flatMap { $0 })).prefix(32)
            var held = [UInt32](repeating: 0, count: slotCount)
            for (bit, term) in allTerms.enumerated() {
                for slot in postingDocs[Int(term)] { held[Int(slot)] |= 1 << UInt32(bit) }
            }
            let full: UInt32 = allTerms.count == 32 ? .max : (1 << UInt32(allTerms.count)) - 1
            let rarest = allTerms.min { postingDocs[Int($0)].count < postingDocs[Int($1)].count }!
            for slot in postingDocs[Int(rarest)] where held[Int(slot)] == full && alive[Int(slot)] && passesFilters(Int(slot)) {
                isMatch[Int(slot)] = true
            }
            for group in termLists where group.count > 1 {
                for slot in 0..<slotCount where isMatch[slot] && !containsPhrase(slot, group) { isMatch[slot] = false }
            }
            // BM25 over live documents only: dead entries count neither as matches nor in idf.
            let live = Double(max(liveCount, 1))
            let averageLength = max(totalWeightedLength / live, 1)
            for term in allTerms {
                let docs = postingDocs[Int(term)], frequencies = postingFrequencies[Int(term)]
                var documentFrequency = 0.0
                for slot in docs where alive[Int(slot)] { documentFrequency += 1 }
                let idf = log(1 + (live - documentFrequency + 0.5) / (documentFrequency + 0.5))
                for (i, slot) in docs.enumerated() where isMatch[Int(slot)] {
                    let tf = Double(frequencies[i])
                    let norm = Self.k1 * (1 - Self.b + Self.b * Double(weightedLength[Int(slot)]) / averageLength)
                    scores[Int(slot)] += idf * tf * (Self.k1 + 1) / (tf + norm)
                }
            }
        }

        // Exclusions.
        for group in request.query.excluded {
            let ids = group.compactMap { termIDs[$0] }
            guard ids.count == group.count, let first = ids.first else { continue }
            for slot in postingDocs[Int(first)] where isMatch[Int(slot)] {
                if ids.count == 1 || containsPhrase(Int(slot), ids) { isMatch[Int(slot)] = false }
            }
        }

        // Facet counts and the ranked page.
        var counts = [Int32](repeating: 0, count: facetValues.count)
        var matches: [Int32] = []
        for slot in 0..<slotCount where isMatch[slot] {
            matches.append(Int32(slot))
            let start = Int(docFacetStart[slot])
            for i in start..<(start + Int(docFacetCount[slot])) { counts[Int(docFacetValues[i])] += 1 }
        }
        let byNewest = request.order == .newest || request.query.isEmpty
        func before(_ a: Int32, _ b: Int32) -> Bool {
            if !byNewest && scores[Int(a)] != scores[Int(b)] { return scores[Int(a)] > scores[Int(b)] }
            if newestKeys[Int(a)] != newestKeys[Int(b)] { return newestKeys[Int(a)] > newestKeys[Int(b)] }
            return externalIDs[Int(a)] > externalIDs[Int(b)]
        }
        let wanted = min(matches.count, max(0, request.offset) &+ max(0, request.limit))
        let top = Self.smallest(wanted, of: matches, by: before)
        let page = top.dropFirst(max(0, request.offset)).map {
            SearchHit(id: externalIDs[Int($0)], score: scores[Int($0)], summary: summaries[Int($0)])
        }

        var facets: [SearchFacet: [FacetCount]] = [:]
        for (index, count) in counts.enumerated() where count > 0 {
            let (facet, value) = facetValues[index]
            facets[facet, default: []].append(FacetCount(value: value, count: Int(count)))
        }
        for facet in facets.keys {
            facets[facet]!.sort { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return SearchResult(total: matches.count, hits: Array(page), facets: facets, highlightTerms: highlight)
    }

    private func containsPhrase(_ slot: Int, _ phrase: [Int32]) -> Bool {
        let start = Int(streamStart[slot]), end = start + Int(streamLength[slot])
        guard phrase.count <= end - start else { return false }
        var i = start
        while i + phrase.count <= end {
            if streams[i] == phrase[0] {
                var j = 1
                while j < phrase.count && streams[i + j] == phrase[j] { j += 1 }
                if j == phrase.count { return true }
            }
            i += 1
        }
        return false
    }

    /// The first `k` elements in order, without sorting everything (a bounded heap would do the
    /// same; for page-sized k a partial selection is simpler and as fast).
    static func smallest(_ k: Int, of items: [Int32], by before: (Int32, Int32) -> Bool) -> [Int32] {
        guard k > 0 else { return [] }
        if k >= items.count / 8 { return Array(items.sorted(by: before).prefix(k)) }
        var best: [Int32] = []
        best.reserveCapacity(k + 1)
        for item in items {
            if best.count < k {
                let at = best.firstIndex { before(item, $0) } ?? best.count
                best.insert(item, at: at)
            } else if before(item, best[k - 1]) {
                best.removeLast()
                let at = best.firstIndex { before(item, $0) } ?? best.count
                best.insert(item, at: at)
            }
        }
        return best
    }

    // MARK: - Maintenance

    /// Approximate bytes held by the index's arrays and strings.
    public var approximateBytes: Int {
        var bytes = 0
        for list in postingDocs { bytes += list.capacity * 4 + 32 }
        for list in postingFrequencies { bytes += list.capacity * 2 + 32 }
        for term in terms { bytes += term.utf8.count + 16 + 24 }
        bytes += termIDs.capacity * 28
        bytes += streams.capacity * 4 + streamStart.capacity * 4 + streamLength.capacity * 4
        bytes += externalIDs.capacity * 8 + alive.capacity + weightedLength.capacity * 4
        bytes += newestKeys.reduce(0) { $0 + $1.utf8.count + 16 } + slotByID.capacity * 17
        bytes += summaries.reduce(0) { total, summary in
            total + 8 + (summary.map { $0.name.utf8.count + $0.agencyName.utf8.count + $0.themes.reduce(0) { $0 + $1.utf8.count + 16 } + 160 } ?? 0)
        }
        bytes += docFacetValues.capacity * 4 + docFacetStart.capacity * 4 + docFacetCount.capacity
        bytes += facetValues.reduce(0) { $0 + $1.1.utf8.count + 24 } + facetValueIDs.capacity * 40
        return bytes
    }
}
