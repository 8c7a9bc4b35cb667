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
    /// In the order of `AnalyzedDocument.fields`.
    static let fieldWeights = [titleWeight, acronymWeight, keywordWeight, bodyWeight]
    static let k1 = 1.2
    static let b = 0.75

    var termIDs: [String: Int32] = [:]
    var terms: [String] = []
    /// Stop words as they stand in the term streams: -2, -3, … (-1 ends a field). They have no
    /// postings; only phrase checks read them.
    var stopWordIDs: [String: Int32] = [:]
    /// Each folded word seen, with what it stands as in the streams (see `streamID(ofFolded:)`).
    var foldedWordIDs: [String: Int32] = [:]
    /// For each term, the documents holding it (ascending) and the weighted frequency there. A
    /// dense term's documents are its bits instead (`dense.termBits`, most of all postings), and
    /// its list here is empty: read them through `postingSlots(_:)`.
    var postingDocs: [[Int32]] = []
    var postingFrequencies: [FrequencyList] = []

    var externalIDs: [Int] = []
    var liveCount = 0
    var slotByID: [Int: Int32] = [:]
    var weightedLength: [Float] = []
    var totalWeightedLength: Double = 0
    /// Each document's "newest first" key as a number (2020-03-01 → 20200301; 0 without a date).
    var newestRanks: [Int32] = []
    /// For each term, the live documents holding it (dead entries stay in the postings).
    var documentFrequencies: [Int32] = []
    var summaries = SummaryStore()
    /// Each document's term sequence (title, then keywords, then body), for phrase checks.
    var streams = TermStreams()

    var facetValueIDs: [String: Int32] = [:]
    var facetValues: [(SearchFacet, String)] = []
    var docFacetStart: [Int32] = []
    var docFacetCount: [UInt8] = []
    var docFacetValues: [Int32] = []

    /// Every live slot, as bits.
    var liveBits = SlotBits()
    var dense = DenseSets()

    public init() {}

    public var count: Int { liveCount }
    /// Entries held, the dead ones of replaced documents included.
    public var storedEntries: Int { externalIDs.count }

    public init(_ documents: [SearchDocument]) {
        for document in documents { upsert(document) }
        organize()
    }

    // MARK: - Writing

    /// Adds the document, or replaces the one with the same id.
    public mutating func upsert(_ document: SearchDocument) {
        upsert(AnalyzedDocument(document))
    }

    /// Adds a document analysed beforehand (see `AnalyzedDocument.analyze`).
    public mutating func upsert(_ analyzed: AnalyzedDocument) {
        let document = analyzed.document
        remove(id: document.id)
        let slot = Int32(externalIDs.count)
        externalIDs.append(document.id)
        liveBits.insert(slot)
        liveCount += 1
        slotByID[document.id] = slot
        newestRanks.append(Self.newestRank(document.newestKey))
        summaries.append(document.summary)

        var frequencies: [Int32: UInt16] = [:]
        var stream: [Int32] = []
        var length: UInt32 = 0
        for (words, weight) in zip(analyzed.fields, Self.fieldWeights) {
            for folded in words {
                let id = streamID(ofFolded: folded)
                if id >= 0 {
                    frequencies[id, default: 0] &+= weight
                    length += UInt32(weight)
                }
                if id != Self.droppedWord { stream.append(id) }
            }
            stream.append(-1) // fields never join into one phrase
        }

        for (term, frequency) in frequencies {
            documentFrequencies[Int(term)] += 1
            if dense.termBits[term] == nil { postingDocs[Int(term)].append(slot) }
            postingFrequencies[Int(term)].append(frequency)
        }
        weightedLength.append(Float(length))
        totalWeightedLength += Double(length)
        streams.append(stream)

        docFacetStart.append(Int32(docFacetValues.count))
        var facetCount = 0
        for facet in SearchFacet.allCases {
            for value in document.facets[facet] ?? [] where facetCount < 255 {
                docFacetValues.append(facetValueID(facet, value))
                facetCount += 1
            }
        }
        docFacetCount.append(UInt8(facetCount))

        if dense.isOrganized {
            dense.noteBlock(of: slot, newest: newestRanks[Int(slot)])
            for (term, frequency) in frequencies {
                dense.noteTerm(term, slot: slot, position: postingFrequencies[Int(term)].count - 1, frequency: frequency, length: Float(length))
            }
            let start = Int(docFacetStart[Int(slot)])
            for value in docFacetValues[start...] { dense.noteFacetValue(value, slot: slot) }
            if externalIDs.count >= 2 * dense.organizedSlots + DenseSets.denseShare { organize() }
        }
    }

    public mutating func remove(id: Int) {
        guard let slot = slotByID.removeValue(forKey: id) else { return }
        liveBits.remove(slot)
        liveCount -= 1
        for term in Set(streams.sequence(of: Int(slot))) where term >= 0 {
            documentFrequencies[Int(term)] -= 1
        }
        totalWeightedLength -= Double(weightedLength[Int(slot)])
    }

    /// Whether dead entries are worth dropping (more than a fifth of all).
    public var needsCompaction: Bool { externalIDs.count > 1000 && liveCount < externalIDs.count * 4 / 5 }

    /// 2020-03-01 → 20200301, so that comparing numbers orders like comparing ISO dates.
    static func newestRank(_ key: String) -> Int32 {
        let digits = key.utf8.prefix(10).filter { $0 != UInt8(ascii: "-") }
        guard digits.count == 8, digits.allSatisfy({ (48...57).contains($0) }) else { return 0 }
        return digits.reduce(0) { $0 * 10 + Int32($1 - 48) }
    }

    /// The slots holding a term, ascending (dead ones included).
    func postingSlots(_ term: Int32) -> [Int32] {
        dense.termBits[term]?.slots ?? postingDocs[Int(term)]
    }

    mutating func termID(_ term: String) -> Int32 {
        if let id = termIDs[term] { return id }
        let id = Int32(terms.count)
        termIDs[term] = id
        terms.append(term)
        postingDocs.append([])
        postingFrequencies.append(FrequencyList())
        documentFrequencies.append(0)
        return id
    }

    /// What a folded word stands as in the term streams: its term's id, its stop word's id, or
    /// `droppedWord`; as `TextAnalyzer.sequence` reads it. Remembered for every word seen, since
    /// stemming is most of the cost of indexing and a catalogue repeats its vocabulary.
    mutating func streamID(ofFolded folded: String) -> Int32 {
        if let known = foldedWordIDs[folded] { return known }
        let id: Int32
        if let term = TextAnalyzer.term(forFolded: folded) {
            id = termID(term)
        } else if let marked = TextAnalyzer.markedStopWord(folded) {
            id = stopWordID(marked)
        } else {
            id = Self.droppedWord
        }
        if foldedWordIDs.count < Self.rememberedWords { foldedWordIDs[folded] = id }
        return id
    }

    static let droppedWord = Int32.min
    /// Folded words remembered at most: far above any catalogue's vocabulary, a bound for a
    /// stream of nonsense words.
    static let rememberedWords = 400_000

    mutating func stopWordID(_ marked: String) -> Int32 {
        if let id = stopWordIDs[marked] { return id }
        let id = -2 - Int32(stopWordIDs.count)
        stopWordIDs[marked] = id
        return id
    }

    mutating func facetValueID(_ facet: SearchFacet, _ value: String) -> Int32 {
        let key = facet.rawValue + "\u{1}" + value
        if let id = facetValueIDs[key] { return id }
        let id = Int32(facetValues.count)
        facetValueIDs[key] = id
        facetValues.append((facet, value))
        return id
    }

    // MARK: - Maintenance

    /// Gives back the room the arrays grew for appends: called once a whole index is built,
    /// it saves about a third of the postings' memory.
    /// The words remembered for the build are let go too: a later change stems its few words
    /// again.
    public mutating func shrinkToFit() {
        for term in postingDocs.indices {
            if postingDocs[term].capacity > postingDocs[term].count {
                postingDocs[term] = postingDocs[term].withUnsafeBufferPointer { Array($0) }
            }
            postingFrequencies[term].shrinkToFit()
        }
        streams.shrinkToFit()
        summaries.shrinkToFit()
        foldedWordIDs = [:]
    }

    /// Approximate bytes held by the index's arrays and strings.
    public var approximateBytes: Int { memoryParts.reduce(0) { $0 + $1.bytes } }

    /// The same, part by part, largest first: what an operator reads in the log at start.
    public var memoryParts: [(part: String, bytes: Int)] {
        var postings = 0
        for list in postingDocs { postings += list.capacity * 4 + 32 }
        for list in postingFrequencies { postings += list.byteCount }
        var vocabulary = 0
        for term in terms { vocabulary += term.utf8.count + 16 + 24 }
        vocabulary += termIDs.capacity * 28 + stopWordIDs.capacity * 40 + foldedWordIDs.capacity * 28
        for word in foldedWordIDs.keys where word.utf8.count > 15 { vocabulary += word.utf8.count }
        var documents = externalIDs.capacity * 8 + weightedLength.capacity * 4
        documents += newestRanks.capacity * 4 + documentFrequencies.capacity * 4 + slotByID.capacity * 17
        let summaryBytes = summaries.byteCount
        var facets = docFacetValues.capacity * 4 + docFacetStart.capacity * 4 + docFacetCount.capacity
        facets += facetValues.reduce(0) { $0 + $1.1.utf8.count + 24 } + facetValueIDs.capacity * 40
        let parts = [("postings", postings), ("term streams", streams.byteCount), ("summaries", summaryBytes),
                     ("bit sets", liveBits.byteCount + dense.byteCount), ("documents", documents), ("vocabulary", vocabulary),
                     ("facet values", facets)]
        return parts.sorted { $0.1 > $1.1 }.map { (part: $0.0, bytes: $0.1) }
    }
}
