import Foundation

/// One word of a text as the search index sees it.
public struct AnalyzedToken: Sendable, Equatable {
    /// The stem, used for indexing and matching.
    public let term: String
    /// 0, 1, 2 … over all words including stop words, so that a phrase match can require the
    /// same gaps that the stop words leave.
    public let position: Int
    /// Where the original word sits in the original (unfolded) text, for highlighting.
    public let range: Range<String.Index>

    public init(term: String, position: Int, range: Range<String.Index>) {
        self.term = term
        self.position = position
        self.range = range
    }
}

/// Turns text into search terms: split into words, fold case and accents, drop stop words, stem.
/// The index and the query parser both go through here, so a word typed in the search box and
/// the same word in a profile always produce the same term.
public enum TextAnalyzer: Sendable {
    /// Splits on anything that is not a letter or digit; keeps hyphenated reduplication together
    /// ("inovasi-inovasi" is one token, stemmed to "inovasi"; "e-KTP" becomes one token "ektp";
    /// "sayur-mayur" -> stem of "sayur"); folds; drops stop words; stems.
    public static func tokens(_ text: String) -> [AnalyzedToken] {
        var tokens: [AnalyzedToken] = []
        var position = 0
        var cache = TermCache()
        scanWords(text[...]) { range, folded in
            defer { position += 1 }
            if let term = cache.term(forFolded: folded) {
                tokens.append(AnalyzedToken(term: term, position: position, range: range))
            }
            return true
        }
        return tokens
    }

    /// Just the terms, in order.
    public static func terms(_ text: String) -> [String] {
        terms(text[...], limit: .max)
    }

    /// The terms of part of a text, stopping after `limit`, so that a huge query costs no more
    /// than a short one.
    static func terms(_ text: Substring, limit: Int) -> [String] {
        var terms: [String] = []
        guard limit > 0 else { return terms }
        var cache = TermCache()
        scanWords(text) { _, folded in
            if let term = cache.term(forFolded: folded) { terms.append(term) }
            return terms.count < limit
        }
        return terms
    }

    /// Marks a stop word kept in a phrase's sequence (`stopMarker` + the folded word).
    public static let stopMarker: Character = "\u{1F}"

    public static func isStopMarker(_ term: String) -> Bool { term.first == stopMarker }

    /// The terms in order with the stop words kept, each as `stopMarker` + the folded word: what
    /// a quoted phrase must match word for word ("pelayanan di perbatasan"), and what each
    /// document's term stream holds for phrase checks. Stop words are never indexed as terms.
    static func sequence(_ text: Substring, limit: Int = .max) -> [String] {
        var sequence: [String] = []
        guard limit > 0 else { return sequence }
        var cache = TermCache()
        scanWords(text) { _, folded in
            if let entry = cache.term(forFolded: folded) ?? markedStopWord(folded) { sequence.append(entry) }
            return sequence.count < limit
        }
        return sequence
    }

    /// A folded stop word as a sequence holds it (`stopMarker` + the word); nil for any other word.
    static func markedStopWord(_ folded: String) -> String? {
        isStopWord(folded) ? String(stopMarker) + folded : nil
    }

    /// The term for one folded word, or nil for a stop word.
    static func term(forFolded word: String) -> String? {
        if isStopWord(word) { return nil }
        let term = IndonesianStemmer.stem(word)
        return term.isEmpty ? nil : term
    }

    /// The terms of words seen by any search result page, shared by every request: a page
    /// highlights twenty snippets, and stemming each of their words again for every page was
    /// a sixth of the page's cost. Bounded, since the vocabulary of the registry is.
    final class SharedTermCache: @unchecked Sendable {
        private let lock = NSLock()
        private var terms: [String: String?] = [:]
        private let capacity: Int

        init(capacity: Int = 200_000) { self.capacity = capacity }

        func term(forFolded word: String) -> String? {
            if let known = lock.withLock({ terms[word] }) { return known }
            let term = TextAnalyzer.term(forFolded: word)
            lock.withLock { if terms.count < capacity { terms[word] = term } }
            return term
        }
    }

    static let sharedTerms = SharedTermCache()

    /// Remembers the terms of one text's words: a profile repeats its vocabulary (layanan,
    /// masyarakat, desa) many times, and a lookup is much cheaper than stemming again.
    struct TermCache {
        private var terms: [String: String?] = [:]

        mutating func term(forFolded word: String) -> String? {
            if let known = terms[word] { return known }
            let term = TextAnalyzer.term(forFolded: word)
            if terms.count < 10_000 { terms[word] = term }
            return term
        }
    }

    /// Stop words are matched on the surface form: "dapat" is dropped, but "pendapatan" is kept
    /// and indexed under its stem. "masing-masing" is dropped like "masing".
    static func isStopWord(_ word: String) -> Bool {
        if stopWords.contains(word) { return true }
        if let hyphen = word.firstIndex(of: "-"), stopWords.contains(String(word[..<hyphen])) {
            let first = word[..<hyphen]
            return word.split(separator: "-").allSatisfy { $0 == first }
        }
        return false
    }

    // MARK: - Word scanning

    /// Calls `body` with the range (in the base string) and the folded form of each word of
    /// `text`, until it returns false. A word is a run of letters and digits; a hyphen between
    /// two letters joins (inovasi-inovasi, e-KTP) but one next to a digit does not (COVID-19,
    /// 2019-2020 are two words each); an apostrophe between letters joins and is dropped
    /// (Jum'at -> jumat), as `WordCounter` counts it.
    static func scanWords(_ text: Substring, _ body: (Range<String.Index>, String) -> Bool) {
        scanWordRanges(text) { range, hasJoiner in
            var folded = TextFolding.fold(String(text[range]))
            if hasJoiner { folded = normalizingJoiners(folded) }
            return folded.isEmpty || body(range, folded)
        }
    }

    /// The words of `scanWords` without their folded form (and whether a hyphen or apostrophe
    /// joins parts of each): enough to count words, which costs no string per word.
    static func scanWordRanges(_ text: Substring, _ body: (Range<String.Index>, Bool) -> Bool) {
        let scanner = WordScanner(text)
        var i = text.startIndex
        let end = text.endIndex
        while i < end {
            let (kind, next) = scanner.read(at: i)
            guard kind == .letter || kind == .digit else {
                i = next
                continue
            }
            let start = i
            var previousIsLetter = kind == .letter
            var hasJoiner = false
            i = next
            while i < end {
                let (kind, next) = scanner.read(at: i)
                if kind == .letter || kind == .digit {
                    previousIsLetter = kind == .letter
                    i = next
                    continue
                }
                guard previousIsLetter, kind == .hyphen || kind == .apostrophe, next < end else { break }
                let (kindAfter, nextAfter) = scanner.read(at: next)
                guard kindAfter == .letter else { break }
                hasJoiner = true
                i = nextAfter
            }
            if !body(start..<i, hasJoiner) { return }
        }
    }

    /// The first `limit` words of `text` as UTF-8 offset ranges, by the rules of `scanWords`,
    /// read straight from the bytes; nil unless the text is ASCII up to there (nearly all
    /// catalogue text is), where a character is a byte. Finding words this way costs a fraction
    /// of scanning and folding them.
    static func asciiWordRanges(_ text: String, limit: Int = .max) -> [Range<Int>]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [Range<Int>]? in
            let end = bytes.count
            // A byte is a whole character when it and the one after it are ASCII.
            func isCharacter(_ i: Int) -> Bool { bytes[i] < 0x80 && (i + 1 == end || bytes[i + 1] < 0x80) }
            var words: [Range<Int>] = []
            // Room for the words a snippet asks for (a word and a space take two bytes at least),
            // made once instead of growing by doubling, each step a copy.
            words.reserveCapacity(min(limit, end / 2 + 1, 256))
            var i = 0
            while i < end && words.count < limit {
                guard isCharacter(i) else { return nil }
                var kind = WordScanner.kind(ofASCII: bytes[i])
                guard kind == .letter || kind == .digit else {
                    i += 1
                    continue
                }
                let start = i
                var previousIsLetter = kind == .letter
                i += 1
                while i < end {
                    guard isCharacter(i) else { return nil }
                    kind = WordScanner.kind(ofASCII: bytes[i])
                    if kind == .letter || kind == .digit {
                        previousIsLetter = kind == .letter
                        i += 1
                        continue
                    }
                    guard previousIsLetter, kind == .hyphen || kind == .apostrophe, i + 1 < end else { break }
                    guard isCharacter(i + 1) else { return nil }
                    guard WordScanner.kind(ofASCII: bytes[i + 1]) == .letter else { break }
                    i += 2
                }
                words.append(start..<i)
            }
            return words
        } ?? nil
    }

    /// The folded words `scanWords` finds in an ASCII text, made straight from its bytes (upper
    /// case lowered, apostrophes dropped, as folding does to ASCII): no string per word but the
    /// folded one, most of them short enough to need no allocation. Nil for any other text.
    static func asciiFoldedWords(_ text: String) -> [String]? {
        guard let ranges = asciiWordRanges(text) else { return nil }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            ranges.map { range in
                String(unsafeUninitializedCapacity: range.count) { folded in
                    var count = 0
                    for byte in bytes[range] where byte != UInt8(ascii: "'") {
                        folded[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                        count += 1
                    }
                    return count
                }
            }
        }
    }

    /// Reads a text one character at a time, by bytes where the text is ASCII (nearly all
    /// catalogue text) and by grapheme cluster elsewhere, so that "é" written as e + U+0301 or
    /// an emoji sequence stays one character and word ranges never split one.
    struct WordScanner {
        enum Kind { case letter, digit, hyphen, apostrophe, other }

        let text: Substring
        let utf8: Substring.UTF8View

        init(_ text: Substring) {
            self.text = text
            self.utf8 = text.utf8
        }

        /// The kind of the character starting at `i` (a character boundary) and where the next
        /// one starts.
        @inline(__always) func read(at i: String.Index) -> (Kind, String.Index) {
            let byte = utf8[i]
            if byte < 0x80 {
                let next = utf8.index(after: i)
                // An ASCII byte followed by another (or the end) is a whole character.
                if next == utf8.endIndex || utf8[next] < 0x80 { return (Self.kind(ofASCII: byte), next) }
            }
            let character = text[i]
            let kind: Kind
            if character.isLetter { kind = .letter }
            else if character.isNumber { kind = .digit }
            else if TextAnalyzer.isHyphen(character) { kind = .hyphen }
            else if TextAnalyzer.isApostrophe(character) { kind = .apostrophe }
            else { kind = .other }
            return (kind, text.index(after: i))
        }

        @inline(__always) static func kind(ofASCII byte: UInt8) -> Kind {
            switch byte {
            case 0x61...0x7A, 0x41...0x5A: return .letter
            case 0x30...0x39: return .digit
            case 0x2D: return .hyphen
            case 0x27: return .apostrophe
            default: return .other
            }
        }
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
    static func isHyphen(_ c: Character) -> Bool { c == "-" || c == "\u{2010}" || c == "\u{2011}" }
    static func isApostrophe(_ c: Character) -> Bool { c == "'" || c == "\u{2019}" || c == "\u{02BC}" }

    /// Typographic hyphens become "-" and apostrophes disappear.
    static func normalizingJoiners(_ word: String) -> String {
        var result = ""
        result.reserveCapacity(word.utf8.count)
        for c in word where !isApostrophe(c) {
            result.append(isHyphen(c) ? "-" : c)
        }
        return result
    }
}
