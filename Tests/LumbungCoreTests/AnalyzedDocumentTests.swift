import Testing
@testable import LumbungCore

/// Building the index from documents analysed on every core gives the index that adding them
/// one by one gives: the same terms, postings, streams and answers.
@Suite struct AnalyzedDocumentTests {
    @Test func analysingInPartsBuildsTheSameIndex() async {
        var random = SearchIndexReferenceTests.Generator(state: 2026)
        let documents = (1...500).map { SearchIndexReferenceTests.randomDocument($0, &random) }
            + [SearchIndexTests.document(501, "Pelayanan di Perbatasan", body: "Masing-masing desa; e-KTP untuk anak-anak di perbatasan.")]
        let oneByOne = SearchIndex(documents)
        var inParts = SearchIndex()
        let analysed = await AnalyzedDocument.analyze(documents, parts: 3)
        #expect(analysed.map(\.document.id) == documents.map(\.id))
        for document in analysed { inParts.upsert(document) }
        inParts.organize()

        #expect(inParts.terms == oneByOne.terms)
        #expect(inParts.postingDocs == oneByOne.postingDocs)
        #expect(inParts.terms.indices.map { inParts.postingSlots(Int32($0)) } == oneByOne.terms.indices.map { oneByOne.postingSlots(Int32($0)) })
        #expect(inParts.postingFrequencies == oneByOne.postingFrequencies)
        #expect(inParts.streams == oneByOne.streams)
        #expect(inParts.stopWordIDs == oneByOne.stopWordIDs)
        for query in ["air", "desa kota", "\"pasar sungai\"", "\"pelayanan di perbatasan\"", "hutan -laut", "ektp anak"] {
            let request = SearchRequest(query: SearchQuery.parse(query), limit: 50)
            #expect(inParts.search(request).hits == oneByOne.search(request).hits, "\(query)")
        }
        #expect(inParts.search(SearchRequest(query: SearchQuery.parse("\"pelayanan di perbatasan\""))).hits.map(\.id) == [501])
    }
}
