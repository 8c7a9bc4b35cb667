import Testing
@testable import LumbungCore

@Suite struct SearchIndexTests {
    static func document(_ id: Int, _ title: String, body: String = "", acronym: String = "", agency: String = "1",
                         category: String = "publicService", year: String = "2019", themes: [String] = [],
                         newest: String = "2019-01-01") -> SearchDocument {
        SearchDocument(id: id, title: title, acronym: acronym, keywords: themes.joined(separator: ", "), body: body,
                       facets: [.agency: [agency], .category: [category], .year: [year], .theme: themes], newestKey: newest)
    }

    static let corpus = SearchIndex([
        document(1, "Pelayanan Administrasi Kependudukan Keliling", body: "Petugas melayani warga perbatasan dengan jemput bola.",
                 acronym: "SIPELANDUKILAT", agency: "1", themes: ["jemput bola"], newest: "2018-07-02"),
        document(2, "Aplikasi Antrean Puskesmas", body: "Layanan kesehatan digital untuk mengurangi antrean.", agency: "2",
                 newest: "2020-03-01"),
        document(3, "Penerapan Tanda Tangan Elektronik", body: "Menerapkan dokumen digital pada pelayanan perizinan.",
                 agency: "3", category: "governance", year: "2020", newest: "2020-06-01"),
        document(4, "Sekolah Terapung", body: "Pendidikan bagi anak nelayan di pesisir; bola voli dan jemput sekolah.", agency: "2",
                 newest: "2017-01-01"),
    ])

    func ids(_ text: String, filters: [SearchFacet: Set<String>] = [:], order: SearchOrder = .relevance) -> [Int] {
        Self.corpus.search(SearchRequest(query: SearchQuery.parse(text), filters: filters, order: order, limit: 10)).hits.map(\.id)
    }

    @Test func findsMorphologicalVariants() {
        // pelayanan, melayani and layanan share the root layan.
        #expect(Set(ids("layanan")) == [1, 2, 3])
        #expect(Set(ids("penerapan")) == [3])
        #expect(Set(ids("diterapkan")) == [3])
    }

    @Test func titleMatchesRankAboveNarrative() {
        // Document 1 has "pelayanan" in its title; 2 and 3 only in the body.
        #expect(ids("pelayanan").first == 1)
    }

    @Test func allWordsMustMatchAndPhrasesKeepTheirOrder() {
        #expect(ids("layanan digital") == [2, 3] || ids("layanan digital") == [3, 2])
        #expect(Set(ids("jemput bola")) == [1, 4])
        #expect(ids("\"jemput bola\"") == [1])
    }

    /// "pelayanan di perbatasan" matches only that order, the stop word included.
    @Test func phrasesWithStopWordsMatchWordForWord() {
        let index = SearchIndex([
            Self.document(1, "Pelayanan di Perbatasan Krayan"),
            Self.document(2, "Pelayanan Perbatasan Terpadu"),
            Self.document(3, "Pelayanan dari Perbatasan"),
            Self.document(4, "Perbatasan di Pelayanan"),
            Self.document(5, "Bola", body: "Pelayanan prima di perbatasan utara."),
        ])
        func found(_ text: String) -> Set<Int> { Set(index.search(SearchRequest(query: SearchQuery.parse(text), limit: 10)).hits.map(\.id)) }
        #expect(found("\"pelayanan di perbatasan\"") == [1])
        #expect(found("\"pelayanan perbatasan\"") == [2])
        #expect(found("\"pelayanan dari perbatasan\"") == [3])
        #expect(found("\"pelayanan ke perbatasan\"").isEmpty)  // a stop word no document has there
        #expect(found("pelayanan di perbatasan") == [1, 2, 3, 4, 5])  // unquoted: every word, any order
        #expect(found("pelayanan -\"di perbatasan\"") == [2, 3, 4])
        // Highlighting never marks the stop word, and removing a document keeps counts right.
        #expect(!index.search(SearchRequest(query: SearchQuery.parse("\"pelayanan di perbatasan\""), limit: 1)).highlightTerms.contains { TextAnalyzer.isStopMarker($0) })
        var smaller = index
        smaller.remove(id: 1)
        #expect(Set(smaller.search(SearchRequest(query: SearchQuery.parse("\"pelayanan di perbatasan\""), limit: 10)).hits.map(\.id)).isEmpty)
        #expect(smaller.search(SearchRequest(query: SearchQuery.parse("perbatasan"), limit: 10)).total == 4)
    }

    @Test func exclusionsRemoveMatches() {
        #expect(Set(ids("layanan -digital")) == [1])
        #expect(Set(ids("bola -\"jemput bola\"")) == [4])
    }

    @Test func facetsCountEveryMatchAndFiltersNarrow() {
        let result = Self.corpus.search(SearchRequest(query: SearchQuery.parse("layanan"), limit: 1))
        #expect(result.total == 3)
        #expect(result.hits.count == 1)
        #expect(result.facets[.category] == [FacetCount(value: "publicService", count: 2), FacetCount(value: "governance", count: 1)])
        #expect(Set(ids("layanan", filters: [.agency: ["2", "3"]])) == [2, 3])
        #expect(ids("layanan", filters: [.agency: ["2"], .category: ["governance"]]).isEmpty)
    }

    @Test func anEmptyQueryBrowsesNewestFirst() {
        #expect(ids("") == [3, 2, 1, 4])
        #expect(ids("dan yang") == [3, 2, 1, 4])
    }

    @Test func unknownWordsMatchNothing() {
        #expect(ids("kapalselam").isEmpty)
    }

    @Test func updatesAndRemovalsTakeEffect() {
        var index = Self.corpus
        index.upsert(Self.document(2, "Aplikasi Antrean Rumah Sakit", body: "Pendaftaran daring."))
        index.remove(id: 4)
        #expect(index.count == 3)
        let result = index.search(SearchRequest(query: SearchQuery.parse("antrean"), limit: 10))
        #expect(result.hits.map(\.id) == [2])
        #expect(index.search(SearchRequest(query: SearchQuery.parse("puskesmas"), limit: 10)).total == 0)
        #expect(index.search(SearchRequest(query: SearchQuery.parse("sekolah"), limit: 10)).total == 0)
        #expect(index.approximateBytes > 0)
    }

    /// Replaced documents leave dead entries behind; they must not weigh on idf or hide matches
    /// (a bug once made every score negative after each document had been replaced twice).
    @Test func replacingEveryDocumentTwiceKeepsTheSameAnswers() {
        var index = Self.corpus
        let documents = [Self.document(1, "Pelayanan Administrasi Kependudukan Keliling", body: "Petugas melayani warga."),
                         Self.document(2, "Aplikasi Antrean Puskesmas", body: "Layanan kesehatan digital.")]
        index = SearchIndex(documents)
        for _ in 0..<2 { for document in documents { index.upsert(document) } }
        let result = index.search(SearchRequest(query: SearchQuery.parse("layanan"), limit: 10))
        #expect(result.total == 2)
        #expect(result.hits.allSatisfy { $0.score > 0 })
        #expect(index.count == 2)
    }

    @Test func pagesDoNotOverlap() {
        let first = Self.corpus.search(SearchRequest(query: SearchQuery.parse(""), offset: 0, limit: 2)).hits.map(\.id)
        let second = Self.corpus.search(SearchRequest(query: SearchQuery.parse(""), offset: 2, limit: 2)).hits.map(\.id)
        #expect(first == [3, 2] && second == [1, 4])
        #expect(Self.corpus.search(SearchRequest(query: SearchQuery.parse(""), offset: 10, limit: 2)).hits.isEmpty)
    }
}

extension SearchIndexTests {
    func places(_ id: Int, _ terms: Set<String>, window: Int = 10) -> MatchPlaces {
        Self.corpus.matchPlaces(id: id, of: Self.corpus.indexed(terms), window: window)
    }

    func narrative(_ id: Int, of terms: Set<String>, window: Int) -> [Int] { places(id, terms, window: window).narrative }

    @Test func knowsWhereATitleHoldsItsWords() {
        // "Pelayanan Administrasi Kependudukan Keliling"
        #expect(places(1, ["layan"]).title == [0])
        #expect(places(1, ["keliling", "layan"]).title == [0, 3])
        #expect(places(1, ["bola"]).title.isEmpty, "a theme and the narrative are not the title")
        // "Pendidikan bagi anak nelayan di pesisir…": the title "Sekolah Terapung" holds "sekolah" once.
        #expect(places(4, ["sekolah"]) == MatchPlaces(title: [0], narrative: [10]))
        #expect(places(4, ["tidakada"]) == MatchPlaces())
        #expect(places(99, ["sekolah"]) == MatchPlaces())
    }

    @Test func knowsWhereANarrativeHoldsItsWords() {
        // Document 1: "jemput bola" is a theme (keywords), "melayani" is the narrative's second word.
        #expect(narrative(1, of: ["layan"], window: 10) == [1])
        #expect(narrative(1, of: ["sipelandukilat"], window: 10).isEmpty, "the acronym is not narrative")
        // "Petugas melayani warga perbatasan dengan jemput bola.": every place within the window.
        #expect(narrative(1, of: ["layan", "batas", "bola"], window: 10) == [1, 3, 6])
        #expect(narrative(1, of: ["layan", "batas", "bola"], window: 3) == [1, 3])
        // Stop words count as words ("bagi", "di"): the snippet counts them too.
        #expect(narrative(4, of: ["bola", "kapal"], window: 10) == [6])
        #expect(narrative(2, of: ["terap"], window: 10).isEmpty)
        #expect(narrative(99, of: ["layan"], window: 10).isEmpty)
    }
}
