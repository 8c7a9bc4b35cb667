import Testing
@testable import LumbungCore

/// The index keeps summaries as bytes and shared numbers: each must read back as it went in.
@Suite struct SummaryStoreTests {
    @Test func everySummaryReadsBackAsItWasStored() {
        let full = SearchSummary(name: "Layanan Ūlu Krayan 🌾", acronym: "SI-ŪLU", agencyID: 12, agencyName: "Dinas Kesehatan",
                                 category: "public_service", deliveryMode: "digital", stage: "implementation", mainAffair: "kesehatan",
                                 implementationStart: "2021-03-01", themes: ["wilayah perbatasan", "jemput bola"], sdgs: [3, 10], startYear: 2020)
        let bare = SearchSummary(name: "", acronym: "", agencyID: 3, agencyName: "Dinas Kesehatan", category: "governance",
                                 deliveryMode: "non_digital", stage: "trial", mainAffair: nil, implementationStart: nil,
                                 themes: [], sdgs: [], startYear: nil)
        let sameValues = SearchSummary(name: "Posyandu Sebatik", acronym: "", agencyID: 12, agencyName: "Dinas Kesehatan",
                                       category: "public_service", deliveryMode: "digital", stage: "implementation", mainAffair: "kesehatan",
                                       implementationStart: "2021-03-01", themes: ["wilayah perbatasan", "jemput bola"], sdgs: [3, 10], startYear: 2020)
        var store = SummaryStore()
        for summary in [full, nil, bare, sameValues] { store.append(summary) }
        store.shrinkToFit()

        #expect(store.count == 4)
        #expect(store[0] == full)
        #expect(store[1] == nil)
        #expect(store[2] == bare)
        #expect(store[3] == sameValues)
        #expect(store.agencyID(at: 2) == 3)
        #expect(store.agencyID(at: 1) == nil)
    }
}

/// Frequencies take a byte each until one needs two; the numbers stay the same either way.
@Suite struct FrequencyListTests {
    @Test func frequenciesReadBackTheSameNarrowOrWide() {
        var list = FrequencyList()
        for frequency: UInt16 in [1, 6, 255] { list.append(frequency) }
        #expect(Array(list) == [1, 6, 255])
        var long = FrequencyList()
        for i in 0..<1000 { long.append(UInt16(i % 256)) }
        long.shrinkToFit()
        #expect(long.byteCount < 1000 + 100, "a byte each")
        list.append(256)
        list.append(7)
        list.shrinkToFit()
        #expect(Array(list) == [1, 6, 255, 256, 7])
        #expect(list.count == 5)
    }
}
