import Testing
@testable import LumbungCore

@Suite struct TextFoldingTests {
    @Test func lowerCasesAndStripsDiacritics() {
        #expect(TextFolding.fold("Pelayanan Publik") == "pelayanan publik")
        #expect(TextFolding.fold("café") == "cafe")
        #expect(TextFolding.fold("cafe\u{301}") == "cafe") // decomposed input
        #expect(TextFolding.fold("ÉLITE Ørsted Straße") == "elite orsted strasse")
        #expect(TextFolding.fold("ＫＴＰ") == "ktp") // full-width, as some phones type
        #expect(TextFolding.fold("") == "")
        #expect(TextFolding.fold("2019") == "2019")
    }
}

@Suite struct TextAnalyzerTests {
    @Test func stopWordsAreDroppedButAdvancePositions() {
        let tokens = TextAnalyzer.tokens("Pelayanan dan perizinan yang cepat untuk warga")
        #expect(tokens.map(\.term) == ["layan", "izin", "cepat", "warga"])
        #expect(tokens.map(\.position) == [0, 2, 4, 6])
    }

    @Test func rangesPointIntoTheOriginalText() {
        let text = "  Layanan KESEHATAN, di Desa Café-Café!"
        let tokens = TextAnalyzer.tokens(text)
        #expect(tokens.map { String(text[$0.range]) } == ["Layanan", "KESEHATAN", "Desa", "Café-Café"])
        #expect(tokens.map(\.term) == ["layan", "sehat", "desa", "cafe"])
        #expect(tokens.map(\.position) == [0, 1, 3, 4])
    }

    @Test func hyphenatedWordsNumbersAndAcronyms() {
        let text = "Inovasi-inovasi e-KTP tahun 2019, COVID-19 dan sayur-mayur 2019-2020"
        #expect(TextAnalyzer.terms(text)
            == ["inovasi", "ektp", "tahun", "2019", "covid", "19", "sayur", "2019", "2020"])
        let tokens = TextAnalyzer.tokens(text)
        #expect(String(text[tokens[0].range]) == "Inovasi-inovasi")
        #expect(String(text[tokens[1].range]) == "e-KTP")
    }

    @Test func graphemeClustersStayWhole() {
        let text = "Cafe\u{301} layanan\r\n🇮🇩desa👍🏽 naïve"
        let tokens = TextAnalyzer.tokens(text)
        #expect(tokens.map { String(text[$0.range]) } == ["Cafe\u{301}", "layanan", "desa", "naïve"])
        #expect(tokens.map(\.term) == ["cafe", "layan", "desa", "naive"])
    }

    @Test func apostrophesInsideWordsJoin() {
        #expect(TextAnalyzer.terms("Jum'at bersih, Qur’an") == ["jumat", "bersih", "quran"])
        #expect(TextAnalyzer.terms("'kutipan' -- ok") == ["kutip", "ok"])
    }

    @Test func hyphensAtWordEdgesSplit() {
        #expect(TextAnalyzer.terms("-desa- --kota-- desa -kota") == ["desa", "kota", "desa", "kota"])
        #expect(TextAnalyzer.terms("masing-masing desa") == ["desa"])
    }

    @Test func punctuationMarkupAndEmptyText() {
        #expect(TextAnalyzer.terms("") == [])
        #expect(TextAnalyzer.terms("  ,.;!? — ") == [])
        #expect(TextAnalyzer.terms("<b>Layanan</b>&nbsp;publik") == ["b", "layan", "b", "nbsp", "publik"])
        #expect(TextAnalyzer.terms("yang dan di ke dari") == [])
    }

    @Test func stopWordsAreFunctionWordsOnly() {
        let required = ["yang", "dan", "di", "ke", "dari", "untuk", "dengan", "pada", "dalam", "ini", "itu", "atau",
                        "juga", "oleh", "adalah", "akan", "sebagai", "tidak", "ada", "bagi", "para", "serta",
                        "telah", "sudah", "karena", "agar", "maka", "secara"]
        for word in required { #expect(TextAnalyzer.stopWords.contains(word), "\(word)") }
        for word in ["layanan", "desa", "inovasi", "kota", "digital", "sekolah", "baik", "baru", "warga", "publik"] {
            #expect(!TextAnalyzer.stopWords.contains(word), "\(word)")
        }
        #expect((100...150).contains(TextAnalyzer.stopWords.count))
        for word in TextAnalyzer.stopWords { #expect(TextFolding.fold(word) == word) }
    }

    @Test func analyzesALongText() {
        let sentence = "Pelayanan administrasi kependudukan keliling di desa-desa perbatasan. "
        let text = String(repeating: sentence, count: 2000)
        #expect(TextAnalyzer.tokens(text).count == 12000)
    }
}
