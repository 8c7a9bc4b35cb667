import Testing
@testable import LumbungCore

@Suite struct SearchResultCacheTests {
    static func request(_ text: String, offset: Int = 0) -> SearchRequest {
        SearchRequest(query: SearchQuery.parse(text), offset: offset)
    }

    static func result(_ total: Int) -> SearchResult {
        SearchResult(total: total, hits: [], facets: [:], highlightTerms: [])
    }

    @Test func answersOnlyForTheSameRequestAndIndexVersion() {
        var cache = SearchResultCache(capacity: 4)
        cache.store(Self.result(7), for: Self.request("pangan"), generation: 1)

        #expect(cache.result(for: Self.request("pangan"), generation: 1)?.total == 7)
        #expect(cache.result(for: Self.request("Pangan"), generation: 1)?.total == 7, "the parsed query is the key")
        #expect(cache.result(for: Self.request("pangan", offset: 20), generation: 1) == nil)
        #expect(cache.result(for: Self.request("pangan"), generation: 2) == nil)
    }

    @Test func aNewerIndexEmptiesItAndAnOlderAnswerIsNotKept() {
        var cache = SearchResultCache(capacity: 4)
        cache.store(Self.result(1), for: Self.request("air"), generation: 1)
        cache.store(Self.result(2), for: Self.request("ikan"), generation: 2)
        #expect(cache.count == 1)
        #expect(cache.result(for: Self.request("air"), generation: 2) == nil)

        // A search that started before the change finishes after it: its answer is dropped.
        cache.store(Self.result(3), for: Self.request("padi"), generation: 1)
        #expect(cache.result(for: Self.request("padi"), generation: 2) == nil)
        #expect(cache.result(for: Self.request("padi"), generation: 1) == nil)
    }

    @Test func theLeastRecentlyUsedAnswerMakesRoom() {
        var cache = SearchResultCache(capacity: 2)
        cache.store(Self.result(1), for: Self.request("air"), generation: 1)
        cache.store(Self.result(2), for: Self.request("ikan"), generation: 1)
        _ = cache.result(for: Self.request("air"), generation: 1)
        cache.store(Self.result(3), for: Self.request("padi"), generation: 1)
        #expect(cache.count == 2)
        #expect(cache.result(for: Self.request("air"), generation: 1)?.total == 1)
        #expect(cache.result(for: Self.request("ikan"), generation: 1) == nil)
    }

    @Test func aCapacityOfZeroKeepsNothing() {
        var cache = SearchResultCache(capacity: 0)
        cache.store(Self.result(1), for: Self.request("air"), generation: 1)
        #expect(cache.result(for: Self.request("air"), generation: 1) == nil)
    }
}
