import Testing
@testable import LumbungCore

@Suite struct SearchQueryTests {
    @Test func wordsPhrasesAndExclusions() {
        let query = SearchQuery.parse("pelayanan \"jemput bola\" -digital")
        #expect(query.required == [["layan"], ["jemput", "bola"]])
        #expect(query.excluded == [["digital"]])
        #expect(!query.isEmpty)
        #expect(query == SearchQuery(required: [["layan"], ["jemput", "bola"]], excluded: [["digital"]]))
    }

    @Test func excludedPhrasesAndTypographicQuotes() {
        let query = SearchQuery.parse("bola -\"jemput bola\" “Sekolah Terapung”")
        #expect(query.required == [["bola"], ["sekolah", "apung"]])
        #expect(query.excluded == [["jemput", "bola"]])
    }

    @Test func stopWordsOnlyOrExclusionsOnlyIsEmpty() {
        #expect(SearchQuery.parse("yang dan di").isEmpty)
        #expect(SearchQuery.parse("\"yang dan\"").isEmpty)
        let exclusionsOnly = SearchQuery.parse("-digital -\"jemput bola\"")
        #expect(exclusionsOnly.isEmpty)
        #expect(exclusionsOnly.excluded == [["digital"], ["jemput", "bola"]])
        #expect(SearchQuery.parse("").isEmpty)
        #expect(SearchQuery.parse("   \n\t ").isEmpty)
    }

    @Test func stopWordsInsidePhrasesAreKeptAndMarked() {
        #expect(SearchQuery.parse("\"pelayanan dan perizinan\"").required == [["layan", "\u{1F}dan", "izin"]])
        // Unquoted, a stop word is still nothing to look for.
        #expect(SearchQuery.parse("pelayanan dan perizinan").required == [["layan"], ["izin"]])
    }

    @Test func unbalancedQuoteRunsToTheEnd() {
        #expect(SearchQuery.parse("desa \"jemput bola").required == [["desa"], ["jemput", "bola"]])
        #expect(SearchQuery.parse("-\"jemput bola").excluded == [["jemput", "bola"]])
        #expect(SearchQuery.parse("\"").isEmpty)
        #expect(SearchQuery.parse("\"\"\"").isEmpty)
    }

    @Test func strayMinusSignsExcludeNothing() {
        #expect(SearchQuery.parse("desa - kota") == SearchQuery(required: [["desa"], ["kota"]]))
        #expect(SearchQuery.parse("-") == SearchQuery())
        #expect(SearchQuery.parse("desa -") == SearchQuery(required: [["desa"]]))
        #expect(SearchQuery.parse("-- ---") == SearchQuery())
        #expect(SearchQuery.parse("-\"\"") == SearchQuery())
    }

    @Test func hyphenatedAndPunctuatedWords() {
        #expect(SearchQuery.parse("e-KTP inovasi-inovasi").required == [["ektp"], ["inovasi"]])
        #expect(SearchQuery.parse("-covid-19").excluded == [["covid", "19"]])
        #expect(SearchQuery.parse("desa -kota-") == SearchQuery(required: [["desa"]], excluded: [["kota"]]))
    }

    @Test func sqlAndHtmlAreJustSeparators() {
        #expect(SearchQuery.parse("<script>alert('x')</script>").required == [["script"], ["alert"], ["x"]])
        #expect(SearchQuery.parse("' OR 1=1 --").required == [["or"], ["1"]])
        #expect(SearchQuery.parse("'; DROP TABLE innovations; --").required == [["drop"], ["table"], ["innovations"]])
        #expect(SearchQuery.parse("%' AND \"x\"=\"x").required == [["and"], ["x"]])
        #expect(SearchQuery.parse("\u{0}\u{7}\u{FFFD}🙂").isEmpty)
    }

    @Test func repeatedWordsCountOnce() {
        #expect(SearchQuery.parse("layanan pelayanan melayani").required == [["layan"]])
    }

    @Test func longInputIsCappedAndFast() {
        let words = ["pelayanan", "desa", "kesehatan", "digital", "\"jemput bola\"", "-kota", "yang", "sekolah"]
        var text = ""
        var n = 0
        while text.count < 10_000 {
            text += words[n % words.count] + "\(n) "
            n += 1
        }
        let query = SearchQuery.parse(text)
        let termCount = (query.required + query.excluded).reduce(0) { $0 + $1.count }
        #expect(termCount <= SearchQuery.maximumTerms)
        #expect(termCount > 0)
    }

    @Test(arguments: [
        String(repeating: "a", count: 10_000),
        String(repeating: "\"", count: 10_000),
        String(repeating: "-", count: 10_000),
        String(repeating: "- ", count: 5_000),
        String(repeating: "yang ", count: 2_000),
        "\"" + String(repeating: "pelayanan ", count: 1_000),
        String(repeating: "x-", count: 5_000),
        String(repeating: "é", count: 10_000),
        String(repeating: "<>'\";", count: 2_000),
    ])
    func pathologicalInputsStayBounded(_ text: String) {
        let query = SearchQuery.parse(text)
        #expect((query.required + query.excluded).reduce(0) { $0 + $1.count } <= SearchQuery.maximumTerms)
    }
}
