import Testing
@testable import LumbungCore

@Suite struct BlindTextTests {
    let names = ["Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Utara", "Disdukcapil", "DISDUKCAPIL",
                 "Sistem Informasi Antrean dan Permohonan Adminduk Daring", "SI-ANDUK"]

    @Test func theAgencyTheInnovationAndTheirShortNamesAreHidden() {
        let text = "Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Utara menyusun Sistem Informasi Antrean dan "
            + "Permohonan Adminduk Daring (SI-ANDUK) atas inisiatif kelembagaan Disdukcapil; Keputusan Nomor 800/91/DISDUKCAPIL/2019."
        let shown = BlindText.redact(text, hiding: names)
        #expect(shown == "[disamarkan] menyusun [disamarkan] ([disamarkan]) atas inisiatif kelembagaan [disamarkan]; "
            + "Keputusan Nomor 800/91/[disamarkan]/2019.")
    }

    @Test func caseAndAccentsDoNotMatterButWordEdgesDo() {
        #expect(BlindText.redact("disdukcapil dan DISDUKCAPIL", hiding: ["Disdukcapil"]) == "[disamarkan] dan [disamarkan]")
        #expect(BlindText.redact("Layanan Rumah Sakit Umum Daérah", hiding: ["Rumah Sakit Umum Daerah"]) == "Layanan [disamarkan]")
        #expect(BlindText.redact("Disdukcapilnya dan Kominfo", hiding: ["Disdukcapil", "Info"]) == "Disdukcapilnya dan Kominfo")
    }

    @Test func theLongestNameGoesFirstAndShortOrEmptyNamesAreIgnored() {
        #expect(BlindText.redact("Dinas Kesehatan Provinsi dan Dinas Kesehatan", hiding: ["Dinas Kesehatan", "Dinas Kesehatan Provinsi", "", "DK"])
                == "[disamarkan] dan [disamarkan]")
        #expect(BlindText.redact("Tanpa nama apa pun.", hiding: names) == "Tanpa nama apa pun.")
    }
}
