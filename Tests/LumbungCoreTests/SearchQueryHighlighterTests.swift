import Testing
@testable import LumbungCore

@Suite struct HighlighterTests {
    func marked(_ segments: [HighlightSegment]) -> [String] { segments.filter(\.isMatch).map(\.text) }
    func joined(_ segments: [HighlightSegment]) -> String { segments.map(\.text).joined() }

    @Test func marksEveryFormOfTheStem() {
        let text = "Pelayanan terpadu: layanan cepat, petugas melayani warga."
        let segments = Highlighter.segments(text, terms: ["layan"])
        #expect(marked(segments) == ["Pelayanan", "layanan", "melayani"])
        #expect(joined(segments) == text)
        #expect(segments.first == HighlightSegment(text: "Pelayanan", isMatch: true))
        #expect(segments[1] == HighlightSegment(text: " terpadu: ", isMatch: false))
    }

    @Test func keepsTheOriginalTextExactly() {
        let text = "  Café-Café, <b>layanan</b> & \"jemput-bola\"\n\tdi DESA 2019!  "
        for terms: Set<String> in [[], ["layan"], ["cafe", "desa", "2019"], ["tidak-ada"]] {
            #expect(joined(Highlighter.segments(text, terms: terms)) == text)
        }
        #expect(marked(Highlighter.segments(text, terms: ["cafe", "desa", "2019"])) == ["Café-Café", "DESA", "2019"])
    }

    @Test func noMatchOrEmptyText() {
        #expect(Highlighter.segments("Sekolah terapung", terms: ["layan"])
            == [HighlightSegment(text: "Sekolah terapung", isMatch: false)])
        #expect(Highlighter.segments("", terms: ["layan"]).isEmpty)
        #expect(Highlighter.segments("Pelayanan", terms: []) == [HighlightSegment(text: "Pelayanan", isMatch: false)])
    }

    @Test func stopWordsAreNeverMarked() {
        #expect(marked(Highlighter.segments("yang dan yang", terms: ["yang"])).isEmpty)
    }

    static let numbered = (1...100).map { "kata\($0)" }.joined(separator: " ")

    @Test func snippetWindowsAroundTheFirstMatch() {
        let text = (1...100).map { $0 == 50 ? "pelayanan" : "kata\($0)" }.joined(separator: " ")
        let snippet = Highlighter.snippet(text, terms: ["layan"], words: 10)
        #expect(snippet.first == HighlightSegment(text: "…", isMatch: false))
        #expect(snippet.last == HighlightSegment(text: "…", isMatch: false))
        #expect(marked(snippet) == ["pelayanan"])
        let inner = joined(Array(snippet.dropFirst().dropLast()))
        #expect(inner.split(separator: " ").count == 10)
        #expect(inner.hasPrefix("kata48 kata49 pelayanan"))
        #expect(text.contains(inner))
    }

    @Test func snippetWithoutMatchStartsAtTheBeginning() {
        let snippet = Highlighter.snippet(Self.numbered, terms: ["layan"], words: 5)
        #expect(snippet == [HighlightSegment(text: "kata1 kata2 kata3 kata4 kata5", isMatch: false),
                            HighlightSegment(text: "…", isMatch: false)])
    }

    @Test func snippetNearTheEndShiftsBack() {
        let text = Self.numbered + " pelayanan."
        let snippet = Highlighter.snippet(text, terms: ["layan"], words: 4)
        #expect(snippet == [HighlightSegment(text: "…", isMatch: false),
                            HighlightSegment(text: "kata98 kata99 kata100 ", isMatch: false),
                            HighlightSegment(text: "pelayanan", isMatch: true),
                            HighlightSegment(text: ".", isMatch: false)])
    }

    @Test func shortTextsAreNotCut() {
        let text = "Layanan kesehatan keliling."
        #expect(Highlighter.snippet(text, terms: ["sehat"]) == [
            HighlightSegment(text: "Layanan ", isMatch: false),
            HighlightSegment(text: "kesehatan", isMatch: true),
            HighlightSegment(text: " keliling.", isMatch: false),
        ])
        #expect(Highlighter.snippet("", terms: ["sehat"]).isEmpty)
        #expect(Highlighter.snippet("?!", terms: ["sehat"]) == [HighlightSegment(text: "?!", isMatch: false)])
        #expect(joined(Highlighter.snippet(text, terms: [], words: 0)).hasPrefix("Layanan"))
    }

    @Test func aMatchAtTheEndOfAVeryLongTextIsFound() {
        let text = String(repeating: "kata lain yang panjang sekali ", count: 20_000) + "pelayanan"
        let snippet = Highlighter.snippet(text, terms: ["layan"], words: 30)
        #expect(marked(snippet) == ["pelayanan"])
    }

    /// With nothing to look for, the snippet is the start of the text, read no further.
    @Test func withoutTermsTheSnippetIsTheStart() {
        #expect(Highlighter.snippet(Self.numbered, terms: [], words: 5) == Highlighter.snippet(Self.numbered, terms: ["layan"], words: 5))
        let fiveWords = "satu dua tiga empat lima."
        #expect(Highlighter.snippet(fiveWords, terms: [], words: 5) == [HighlightSegment(text: fiveWords, isMatch: false)])
        #expect(joined(Highlighter.snippet(fiveWords + " enam", terms: [], words: 5)) == "satu dua tiga empat lima…")
    }
}
