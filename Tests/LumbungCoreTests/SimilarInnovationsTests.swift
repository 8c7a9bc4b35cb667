import Testing
@testable import LumbungCore

/// Similar innovations on a small catalogue whose right neighbours are known.
@Suite struct SimilarInnovationsTests {
    static func document(_ id: Int, _ title: String, agency: Int, body: String) -> SearchDocument {
        SearchDocument(id: id, title: title, acronym: "", keywords: "", body: body, facets: [.agency: [String(agency)]], newestKey: "2020-01-01",
                       summary: SearchSummary(name: title, acronym: "", agencyID: agency, agencyName: "Instansi \(agency)", category: "publicService",
                                              deliveryMode: "digital", stage: "implementation", mainAffair: nil, implementationStart: nil, themes: [], sdgs: []))
    }

    static let index = SearchIndex([
        document(1, "Antrean Daring Puskesmas", agency: 1, body: "Pasien mengambil nomor antrean puskesmas secara daring dari rumah dan datang sesuai jadwal."),
        document(2, "Pendaftaran Pasien Puskesmas Daring", agency: 2, body: "Pasien mendaftar ke puskesmas secara daring; antrean pendaftaran di loket berkurang."),
        document(3, "Antrean Online Rumah Sakit", agency: 3, body: "Nomor antrean poliklinik rumah sakit diambil daring sehingga pasien tidak menunggu lama."),
        document(4, "Bank Sampah Desa", agency: 2, body: "Warga desa menabung sampah plastik di bank sampah dan menukarnya dengan uang."),
        document(5, "Pengelolaan Sampah Plastik Pesisir", agency: 4, body: "Sampah plastik dari pesisir dipilah warga lalu dijual ke bank sampah kabupaten."),
        document(6, "Antrean Puskesmas Keliling", agency: 1, body: "Antrean pasien puskesmas keliling dicatat daring oleh petugas."),
        document(7, "Beasiswa Mahasiswa Perbatasan", agency: 5, body: "Mahasiswa dari perbatasan menerima beasiswa kuliah."),
    ])

    static func stem(_ word: String) -> String { TextAnalyzer.terms(word).first ?? word }

    @Test func theNeighboursDoTheSameThingInOtherAgencies() {
        let matches = Self.index.similar(to: 1, otherAgenciesOf: 1)
        #expect(Set(matches.prefix(2).map(\.id)) == [2, 3])
        #expect(!matches.contains { $0.id == 1 || $0.id == 6 })  // itself and its own agency's
        #expect(!matches.contains { [4, 5, 7].contains($0.id) })  // nothing in common but a word or none
        let pendaftaran = matches.first { $0.id == 2 }!
        #expect(pendaftaran.sharedTerms.contains(Self.stem("puskesmas")) && pendaftaran.sharedTerms.contains(Self.stem("daring")))
        #expect(matches.first?.summary?.agencyName.hasPrefix("Instansi") == true)
        // Without the agency rule, its own agency's twin is the closest.
        #expect(Self.index.similar(to: 1).first?.id == 6)
    }

    @Test func wasteFindsWasteAndUnknownOrLoneDocumentsFindNothing() {
        #expect(Self.index.similar(to: 4, otherAgenciesOf: 2).map(\.id) == [5])
        #expect(Self.index.similar(to: 99).isEmpty)
        #expect(Self.index.similar(to: 7).isEmpty)
        #expect(Self.index.similar(to: 1, limit: 1).count == 1)
    }

    @Test func aDraftOutsideTheIndexIsComparedWithTheCatalogue() {
        let draft = Self.document(100, "Tabungan Sampah Sekolah", agency: 9, body: "Siswa menabung sampah plastik di bank sampah sekolah.")
        let matches = Self.index.similar(to: draft)
        #expect(Set(matches.map(\.id)) == [4, 5])
        #expect(matches.allSatisfy { $0.sharedTerms.contains(Self.stem("sampah")) })
    }

    @Test func removedDocumentsAreNoLongerNeighbours() {
        var index = Self.index
        index.remove(id: 2)
        #expect(!index.similar(to: 1, otherAgenciesOf: 1).contains { $0.id == 2 })
    }
}
