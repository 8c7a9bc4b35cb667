import Testing
@testable import LumbungCore

@Suite struct IndonesianStemmerTests {
    @Test func everyHandCheckedPairStems() {
        var failures: [String] = []
        for (word, root) in stemPairs {
            let stem = IndonesianStemmer.stem(word)
            if stem != root { failures.append("\(word) -> \(stem), expected \(root)") }
        }
        #expect(stemPairs.count >= 300)
        let report = failures.joined(separator: "\n")
        #expect(failures.isEmpty, "\(failures.count) of \(stemPairs.count) pairs failed:\n\(report)")
    }

    /// The lexicon decides ambiguous recodings and protects roots that look affixed, but the ECS
    /// rules must carry most of the work on their own: without the lexicon they still stem
    /// over four fifths of the pairs (482 of 583 when written).
    @Test func theRulesAloneStemMostPairs() {
        let plain = stemPairs.filter { !$0.0.contains("-") }
        let correct = plain.filter { word, root in
            String(decoding: IndonesianStemmer.ruleStem(Array(word.utf8)), as: UTF8.self) == root
        }
        #expect(correct.count * 5 >= plain.count * 4, "rules alone: \(correct.count) of \(plain.count)")
    }

    @Test func theExamplesOfTheContract() {
        let examples = [
            "pelayanan": "layan", "melayani": "layan", "layanan": "layan", "penerapan": "terap",
            "menerapkan": "terap", "diterapkan": "terap", "inovasi-inovasi": "inovasi", "kesehatannya": "sehat",
            "pendidikan": "didik", "pemerintahan": "perintah", "bukunyalah": "buku",
        ]
        for (word, root) in examples { #expect(IndonesianStemmer.stem(word) == root, "\(word)") }
    }

    /// Words that a catalogue search must treat as one.
    @Test(arguments: [
        ["pelayanan", "layanan", "melayani", "dilayani", "pelayan", "layan"],
        ["penerapan", "menerapkan", "diterapkan", "terap"],
        ["inovasi-inovasi", "inovasi"],
        ["pendidikan", "mendidik", "didik"],
        ["perizinan", "izin"],
        ["pengelolaan", "kelola", "mengelola"],
        ["pemberdayaan", "berdaya", "daya"],
        ["kependudukan", "penduduk"],
    ])
    func searchEquivalences(_ words: [String]) {
        let stems = Set(words.map(IndonesianStemmer.stem))
        #expect(stems.count == 1, "\(words) stem to \(stems)")
    }

    @Test func wordsItCannotImproveComeBackUnchanged() {
        for word in ["", "a", "di", "yang", "ktp", "2019", "covid19", "rp", "café", "ütopia", "x-y",
                     String(repeating: "a", count: 500), "menggunakan-" + String(repeating: "b", count: 200)] {
            let stem = IndonesianStemmer.stem(word)
            #expect(!stem.isEmpty || word.isEmpty)
        }
        #expect(IndonesianStemmer.stem("") == "")
        #expect(IndonesianStemmer.stem("café") == "café")
        #expect(IndonesianStemmer.stem(String(repeating: "a", count: 500)) == String(repeating: "a", count: 500))
        #expect(IndonesianStemmer.stem("---") == "---")
    }

    @Test func upperCaseInputIsLowered() {
        #expect(IndonesianStemmer.stem("Pelayanan") == "layan")
    }

    @Test func theLexiconHoldsOnlyLowerCaseRoots() {
        for root in IndonesianRootLexicon.roots {
            #expect(root.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }, "\(root)")
            #expect(IndonesianStemmer.stem(root) == root, "\(root) is in the lexicon, so it must stem to itself")
        }
        #expect(IndonesianRootLexicon.roots.count >= 300)
    }
}
