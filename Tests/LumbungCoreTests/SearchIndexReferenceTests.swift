import Foundation
import Testing
@testable import LumbungCore

/// Checks the index against a brute-force reading of the same documents: every match, every
/// facet count and every score must agree, after replacements and removals too.
@Suite struct SearchIndexReferenceTests {
    static let words = ["air", "ikan", "padi", "jalan", "desa", "kota", "pasar", "sungai", "hutan", "kebun", "laut", "pantai"]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static func randomDocument(_ id: Int, _ random: inout Generator) -> SearchDocument {
        func text(_ count: Int) -> String { (0..<count).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") }
        let agency = String(Int.random(in: 1...5, using: &random))
        let year = String(Int.random(in: 2017...2021, using: &random))
        // Sorted: a set's order differs from one instance to the next, and the themes are a phrase.
        let themes = Set((0..<Int.random(in: 0...2, using: &random)).map { _ in words.randomElement(using: &random)! }).sorted()
        return SearchDocument(id: id, title: text(Int.random(in: 1...4, using: &random)), acronym: "",
                              keywords: themes.joined(separator: ", "), body: text(Int.random(in: 0...30, using: &random)),
                              facets: [.agency: [agency], .year: [year], .theme: themes],
                              newestKey: "\(year)-0\(Int.random(in: 1...9, using: &random))-01")
    }

    /// BM25 as the index defines it, computed document by document.
    struct Reference {
        var documents: [Int: SearchDocument] = [:]

        func fieldTerms(_ document: SearchDocument) -> [(terms: [String], weight: Double)] {
            [(TextAnalyzer.terms(document.title), Double(SearchIndex.titleWeight)),
             (TextAnalyzer.terms(document.acronym), Double(SearchIndex.acronymWeight)),
             (TextAnalyzer.terms(document.keywords), Double(SearchIndex.keywordWeight)),
             (TextAnalyzer.terms(document.body), Double(SearchIndex.bodyWeight))]
        }

        func frequencies(_ document: SearchDocument) -> (tf: [String: Double], length: Double) {
            var tf: [String: Double] = [:], length = 0.0
            for (terms, weight) in fieldTerms(document) {
                for term in terms { tf[term, default: 0] += weight; length += weight }
            }
            return (tf, length)
        }

        func search(_ words: [String], filters: [SearchFacet: Set<String>]) -> (scores: [Int: Double], facets: [SearchFacet: [FacetCount]]) {
            let read = documents.mapValues(frequencies)
            let live = Double(documents.count)
            let average = max(read.values.reduce(0) { $0 + $1.length } / live, 1)
            var scores: [Int: Double] = [:]
            var counts: [SearchFacet: [String: Int]] = [:]
            for (id, document) in documents {
                let (tf, length) = read[id]!
                guard words.allSatisfy({ tf[$0] != nil }) else { continue }
                guard filters.allSatisfy({ facet, values in !(document.facets[facet] ?? []).filter(values.contains).isEmpty }) else { continue }
                var score = 0.0
                for word in Set(words) {
                    let frequency = Double(read.values.filter { $0.tf[word] != nil }.count)
                    let idf = log(1 + (live - frequency + 0.5) / (frequency + 0.5))
                    let norm = SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * length / average)
                    score += idf * tf[word]! * (SearchIndex.k1 + 1) / (tf[word]! + norm)
                }
                scores[id] = score
                for (facet, values) in document.facets { for value in values { counts[facet, default: [:]][value, default: 0] += 1 } }
            }
            let facets = counts.mapValues { values in
                values.map { FacetCount(value: $0.key, count: $0.value) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
            }
            return (scores, facets)
        }
    }

    /// 400 random documents, then 150 replacements and removals; organised (bit sets built)
    /// after the first `organizedAfter` documents when asked, so that the later changes must
    /// keep the sets current (from empty, the index organises itself again as it doubles).
    static func changedIndex(organizedAfter: Int? = nil) -> (SearchIndex, Reference) {
        var random = Generator(state: 42)
        var index = SearchIndex()
        var reference = Reference()
        if organizedAfter == 0 { index.organize() }
        for id in 1...400 {
            if id - 1 == organizedAfter && id > 1 { index.organize() }
            let document = Self.randomDocument(id, &random)
            index.upsert(document)
            reference.documents[id] = document
        }
        if organizedAfter == 400 { index.organize() }
        for _ in 0..<150 {
            let id = Int.random(in: 1...400, using: &random)
            if Bool.random(using: &random) {
                let document = Self.randomDocument(id, &random)
                index.upsert(document)
                reference.documents[id] = document
            } else {
                index.remove(id: id)
                reference.documents[id] = nil
            }
        }
        return (index, reference)
    }

    @Test(arguments: [false, true])
    func agreesWithABruteForceReadingAfterReplacementsAndRemovals(organized: Bool) {
        let (index, reference) = Self.changedIndex(organizedAfter: organized ? 400 : nil)
        let queries: [([String], [SearchFacet: Set<String>])] = [
            (["air"], [:]), (["pasar", "desa"], [:]), (["laut", "pantai", "hutan"], [:]),
            (["kebun"], [.agency: ["2", "3"]]), (["sungai", "air"], [.year: ["2019"], .agency: ["1", "4"]]),
        ]
        if organized {
            #expect(Self.words.allSatisfy { index.termIDs[$0].map { index.dense.termBits[$0] != nil } == true },
                    "every query term is answered by bits")
        }
        var matched = 0
        for (words, filters) in queries {
            let result = index.search(SearchRequest(query: SearchQuery.parse(words.joined(separator: " ")), filters: filters, limit: 15))
            let expected = reference.search(words, filters: filters)

            matched += result.total
            #expect(result.total == expected.scores.count, "total for \(words)")
            #expect(result.facets == expected.facets, "facets for \(words)")
            #expect(result.hits.count == min(15, expected.scores.count))
            for hit in result.hits {
                #expect(abs(hit.score - (expected.scores[hit.id] ?? -1)) < 1e-9, "score of \(hit.id) for \(words)")
            }
            let scores = result.hits.map(\.score)
            #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 }, "ranked by score for \(words)")
            let shown = Set(result.hits.map(\.id))
            let lowest = scores.last ?? .infinity
            #expect(expected.scores.filter { !shown.contains($0.key) }.allSatisfy { $0.value <= lowest + 1e-9 }, "no better match left out for \(words)")
        }
        #expect(matched > 100, "the queries find enough to compare")
    }

    /// The bit sets answer exactly as the postings do: the same matches, scores, order, pages
    /// and facet counts, for every kind of question.
    @Test func bitSetsAnswerAsThePostingsDo() {
        let (lists, _) = Self.changedIndex()
        let organized = [0, 150, 400].map { Self.changedIndex(organizedAfter: $0).0 }
        #expect(organized.allSatisfy { $0.dense.isOrganized && $0.dense.termBits.count == Self.words.count })
        let texts = ["air", "pasar desa", "laut pantai hutan", "kebun", "sungai air", "", "ikan -jalan", "\"air ikan\"", "zzz", "air zzz"]
        let filters: [[SearchFacet: Set<String>]] = [[:], [.agency: ["2", "3"]], [.year: ["2019"], .agency: ["1", "4"]], [.agency: ["9"]]]
        var compared = 0
        for text in texts {
            for filter in filters {
                for order in SearchOrder.allCases {
                    for (offset, limit) in [(0, 10), (10, 10), (0, 1000), (395, 20)] {
                        let request = SearchRequest(query: SearchQuery.parse(text), filters: filter, order: order, offset: offset, limit: limit)
                        let expected = lists.search(request)
                        for bits in organized {
                            let result = bits.search(request)
                            #expect(result.total == expected.total, "total for \(request), organised at \(bits.dense.organizedSlots) slots")
                            #expect(result.hits == expected.hits, "hits for \(request)")
                            #expect(result.facets == expected.facets, "facets for \(request)")
                            compared += result.hits.count
                        }
                    }
                }
            }
        }
        #expect(compared > 10_000, "the questions find enough to compare")
    }

    @Test func gallopingFindsTheFirstPositionNotBelowTheTarget() {
        let sorted: [Int32] = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21]
        for target in Int32(0)...22 {
            for start in 0...sorted.count {
                let expected = sorted[start...].firstIndex { $0 >= target } ?? sorted.count
                #expect(SearchIndex.gallop(to: target, in: sorted, from: start) == expected)
            }
        }
    }

    @Test func theBestOfAListComeInOrderWhateverTheirNumber() {
        var random = Generator(state: 7)
        let values = (0..<500).map { _ in Int.random(in: 0..<100, using: &random) }
        let before: (Int32, Int32) -> Bool = { values[Int($0)] != values[Int($1)] ? values[Int($0)] > values[Int($1)] : $0 < $1 }
        let sorted = (0..<Int32(values.count)).sorted(by: before)
        for k in [0, 1, 5, 20, 62, 63, 64, 200, 500, 600] {
            #expect(SearchIndex.best(k, of: values.count, by: before) == Array(sorted.prefix(k)))
        }
    }
}
