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

    /// Known places of the matches (from the index) change how much is read, never the
    /// snippet: any first place up to the true one gives the snippet found without it, in ASCII
    /// text (cut by its bytes) and in any other (read from near the place).
    @Test func knownPlacesOfTheMatchesGiveTheSameSnippet() {
        for word in ["kata", "kāta"] {
            for position in [0, 3, 9, 50, 97, 100] {
                let text = (0...100).map { $0 == position ? "Pelayanan," : "\(word)\($0)" }.joined(separator: " ")
                for size in [1, 4, 10, 36] {
                    var plain = HighlightMatcher(terms: ["layan"])
                    let expected = Highlighter.snippet(text, matcher: &plain, words: size)
                    for hint in Set([0, position / 2, max(0, position - 1), position]) {
                        var matcher = HighlightMatcher(terms: ["layan"])
                        #expect(Highlighter.snippet(text, matcher: &matcher, words: size, matchesAt: [hint]) == expected,
                                "\(word): match at \(position), window \(size), place \(hint)")
                    }
                }
            }
        }
        // Several matches in the window, all given: all marked, as without the places.
        let text = (0...100).map { [50, 53, 60].contains($0) ? "melayani" : "kata\($0)" }.joined(separator: " ")
        var plain = HighlightMatcher(terms: ["layan"])
        let expected = Highlighter.snippet(text, matcher: &plain, words: 12)
        var matcher = HighlightMatcher(terms: ["layan"])
        #expect(Highlighter.snippet(text, matcher: &matcher, words: 12, matchesAt: [50, 53, 60]) == expected)
        #expect(marked(expected) == ["melayani", "melayani"], "the third is past the window")
    }

    /// A title cut by the places the index gives is the title searched word by word, in ASCII
    /// and other text, with stop words, joined words and several matches; a place that holds no
    /// match (an index older than the text) falls back to searching it.
    @Test func titlesCutByTheIndexsPlacesAreTheSearchedTitles() {
        let titles = ["Pelayanan Administrasi Kependudukan Keliling", "Layanan di Perbatasan: jemput bola, pelayanan prima",
                      "e-KTP untuk Warga Pesisir", "Sekolah Terapung bagi Anak Nelayan", "Pelayanan Ūlu Sungai dan layanan kapal",
                      "SIPELANDUKILAT", "Jum'at Melayani", ""]
        let index = SearchIndex(titles.enumerated().map { SearchIndexTests.document($0.offset + 1, $0.element) })
        for terms: Set<String> in [["layan"], ["layan", "batas"], ["ktp", "warga"], ["sekolah", "layan"], ["kapal"], ["tidakada"], []] {
            for (offset, title) in titles.enumerated() {
                let places = index.matchPlaces(id: offset + 1, of: index.indexed(terms), window: 10).title
                var plain = HighlightMatcher(terms: terms)
                var matcher = HighlightMatcher(terms: terms)
                #expect(Highlighter.segments(title, matcher: &matcher, matchesAt: places) == Highlighter.segments(title, matcher: &plain),
                        "\(title) \(terms) at \(places)")
            }
        }
        var matcher = HighlightMatcher(terms: ["layan"])
        let title = titles[1]
        #expect(Highlighter.segments(title, matcher: &matcher, matchesAt: [1, 5]) == Highlighter.segments(title, terms: ["layan"]),
                "1 holds no match")
        #expect(Highlighter.segments(title, matcher: &matcher, matchesAt: [40]) == Highlighter.segments(title, terms: ["layan"]))
        #expect(Highlighter.segments(title, matcher: &matcher, matchesAt: []) == [HighlightSegment(text: title, isMatch: false)])
    }

    /// A place past the match (an index older than the text) still finds it; a place past the
    /// end of the text means the match is further on, so the start is shown unsearched.
    @Test func aPlacePastTheMatchOrTheText() {
        let text = (0...100).map { $0 == 20 ? "pelayanan" : "kata\($0)" }.joined(separator: " ")
        var plain = HighlightMatcher(terms: ["layan"])
        let expected = Highlighter.snippet(text, matcher: &plain, words: 10)
        var matcher = HighlightMatcher(terms: ["layan"])
        #expect(Highlighter.snippet(text, matcher: &matcher, words: 10, matchesAt: [60]) == expected)
        #expect(Highlighter.snippet(text, matcher: &matcher, words: 10, matchesAt: [20, 25]) == expected, "25 holds no match")
        #expect(Highlighter.snippet(text, matcher: &matcher, words: 10, matchesAt: [101])
                == Highlighter.snippet(text, terms: [], words: 10))
    }

    /// Words found straight from the bytes of an ASCII text are the words `scanWords` finds.
    @Test func wordsFoundFromBytesAreTheScannedWords() {
        let texts = [
            "", "  ", "Layanan", "e-KTP dan inovasi-inovasi Jum'at, COVID-19 2019-2020.", "a- -b 'c d' x'", "kata--kata 12a a12 -",
            "Pelayanan\r\ndi perbatasan; (SIPELANDUKILAT) 100% warga!", "end-", "o'", "x-1 1-x a-b-c",
        ]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aB1 -'.\nZ")
        let random = (0..<300).map { _ in String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        for text in texts + random {
            var scanned: [Range<Int>] = []
            TextAnalyzer.scanWords(text[...]) { range, _ in
                scanned.append(text.utf8.distance(from: text.startIndex, to: range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: range.upperBound))
                return true
            }
            #expect(TextAnalyzer.asciiWordRanges(text) == scanned, "\(text.debugDescription)")
            var folded: [String] = []
            TextAnalyzer.scanWords(text[...]) { _, word in
                folded.append(word)
                return true
            }
            #expect(TextAnalyzer.asciiFoldedWords(text) == folded, "\(text.debugDescription)")
        }
        #expect(TextAnalyzer.asciiFoldedWords("Jum'at e-KTP KOTA") == ["jumat", "e-ktp", "kota"])
        #expect(TextAnalyzer.asciiFoldedWords("Pelayanan Ūlu") == nil, "not ASCII")
        #expect(TextAnalyzer.asciiWordRanges("Pelayanan Ūlu") == nil, "not ASCII")
        #expect(TextAnalyzer.asciiWordRanges("cafe\u{301} baru") == nil, "an accent joins the e before it")
        #expect(TextAnalyzer.asciiWordRanges("satu dua tiga Ūlu", limit: 2) == [0..<4, 5..<8], "ASCII as far as it reads")
    }
}
