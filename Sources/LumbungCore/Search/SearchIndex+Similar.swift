import Foundation

/// A published innovation like another one, with the terms they share.
public struct SimilarMatch: Sendable, Equatable {
    public let id: Int
    public let score: Double
    /// The shared distinctive terms (stems), most distinctive first.
    public let sharedTerms: [String]
    public let summary: SearchSummary?
}

/// "More like this": the source's most distinctive stemmed terms (weighted term frequency ×
/// inverse document frequency; terms in more than a tenth of the catalogue, terms no other
/// document has, and one- and two-letter terms left out), then BM25 over their postings. The
/// work is the postings of twenty rare terms.
extension SearchIndex {
    public static let similarQueryTerms = 20

    /// The summary of a live document.
    public func summary(of id: Int) -> SearchSummary? {
        slotByID[id].flatMap { summaries[Int($0)] }
    }

    /// Up to `limit` live documents like the indexed document `id`, other agencies' only when
    /// `otherAgenciesOf` names the source's agency.
    public func similar(to id: Int, limit: Int = 5, otherAgenciesOf agencyID: Int? = nil) -> [SimilarMatch] {
        guard let slot = slotByID[id] else { return [] }
        let stream = streams.sequence(of: Int(slot))
        return similar(toStream: stream, excluding: slot, limit: limit, otherAgenciesOf: agencyID)
    }

    /// The same for a text that is not in the index (a draft): its fields analysed as when
    /// indexing, compared with the published catalogue.
    public func similar(to document: SearchDocument, limit: Int = 5, otherAgenciesOf agencyID: Int? = nil) -> [SimilarMatch] {
        var stream: [Int32] = []
        for field in [document.title, document.acronym, document.keywords, document.body] {
            stream += TextAnalyzer.terms(field).compactMap { termIDs[$0] }
            stream.append(-1)
        }
        return similar(toStream: stream, excluding: slotByID[document.id], limit: limit, otherAgenciesOf: agencyID)
    }

    /// The query: terms by weighted frequency (fields weighted as in search) × idf. A term must
    /// be held by `minimumDocuments` documents (the source itself counts when it is indexed).
    func distinctiveTerms(_ stream: [Int32], minimumDocuments: Int = 2) -> [(term: Int32, weight: Double)] {
        let weights = [Self.titleWeight, Self.acronymWeight, Self.keywordWeight, Self.bodyWeight]
        var field = 0
        var frequencies: [Int32: Double] = [:]
        for term in stream {
            if term == -1 { field = min(field + 1, weights.count - 1); continue }
            if term < 0 { continue }  // a stop word
            frequencies[term, default: 0] += Double(weights[field])
        }
        let documents = Double(max(liveCount, 1))
        let ceiling = max(2, liveCount / 10)
        let scored = frequencies.compactMap { term, frequency -> (Int32, Double)? in
            let df = Int(documentFrequencies[Int(term)])
            guard df >= minimumDocuments, df <= ceiling || liveCount < 20, terms[Int(term)].utf8.count >= 3 else { return nil }
            return (term, frequency * log(1 + (documents - Double(df) + 0.5) / (Double(df) + 0.5)))
        }
        return scored.sorted { ($0.1, terms[Int($1.0)]) > ($1.1, terms[Int($0.0)]) }.prefix(Self.similarQueryTerms).map { ($0.0, $0.1) }
    }

    private func similar(toStream stream: [Int32], excluding source: Int32?, limit: Int, otherAgenciesOf agencyID: Int?) -> [SimilarMatch] {
        let query = distinctiveTerms(stream, minimumDocuments: source == nil ? 1 : 2)
        guard let strongest = query.first?.weight, strongest > 0, limit > 0 else { return [] }
        let slots = externalIDs.count
        var scores = [Double](repeating: 0, count: slots)
        var shared = [UInt16](repeating: 0, count: slots)
        var touched: [Int32] = []
        let average = totalWeightedLength / Double(max(liveCount, 1))
        let documents = Double(max(liveCount, 1))
        for (position, (term, weight)) in query.enumerated() {
            let docs = postingSlots(term), frequencies = postingFrequencies[Int(term)]
            let df = Double(documentFrequencies[Int(term)])
            let idf = log(1 + (documents - df + 0.5) / (df + 0.5))
            let boost = weight / strongest
            for (index, slot) in docs.enumerated() {
                let s = Int(slot)
                guard liveBits.contains(slot), slot != source else { continue }
                if let agencyID, summaries.agencyID(at: s) == agencyID { continue }
                let tf = Double(frequencies[index])
                let norm = Self.k1 * (1 - Self.b + Self.b * Double(weightedLength[s]) / max(average, 1))
                if shared[s] == 0 { touched.append(slot) }
                scores[s] += boost * idf * tf * (Self.k1 + 1) / (tf + norm)
                shared[s] |= 1 << UInt16(position)
            }
        }
        // One shared term is a coincidence, not a likeness.
        let candidates = touched.filter { shared[Int($0)].nonzeroBitCount >= 2 }
        let best = Self.best(min(limit, candidates.count), of: candidates.count) { a, b in
            let x = Int(candidates[Int(a)]), y = Int(candidates[Int(b)])
            if scores[x] != scores[y] { return scores[x] > scores[y] }
            return externalIDs[x] < externalIDs[y]
        }
        return best.map { position in
            let s = Int(candidates[Int(position)])
            let terms = query.enumerated().filter { shared[s] & (1 << UInt16($0.offset)) != 0 }.map { self.terms[Int($0.element.term)] }
            return SimilarMatch(id: externalIDs[s], score: scores[s], sharedTerms: terms, summary: summaries[s])
        }
    }
}
