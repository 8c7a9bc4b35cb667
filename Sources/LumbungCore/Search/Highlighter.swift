/// A piece of displayed text, marked when it is a word that matched the search.
public struct HighlightSegment: Sendable, Equatable {
    public let text: String
    public let isMatch: Bool

    public init(text: String, isMatch: Bool) {
        self.text = text
        self.isMatch = isMatch
    }
}

/// Splits a text into plain and highlighted pieces: words whose stem is in `terms` are marked.
///
/// Matching goes through `TextAnalyzer`, so a search for "layanan" marks "Pelayanan" and
/// "melayani" as well, while the pieces keep the original spelling; the view only has to wrap
/// the matched pieces (escaping every piece as usual).
public enum Highlighter: Sendable {
    public static func segments(_ text: String, terms: Set<String>) -> [HighlightSegment] {
        var matcher = HighlightMatcher(terms: terms)
        return segments(text, matcher: &matcher)
    }

    public static func segments(_ text: String, matcher: inout HighlightMatcher) -> [HighlightSegment] {
        var matches: [Range<String.Index>] = []
        if !matcher.terms.isEmpty {
            TextAnalyzer.scanWords(text[...]) { range, folded in
                if matcher.matches(folded) { matches.append(range) }
                return true
            }
        }
        return pieces(text, from: text.startIndex, to: text.endIndex, matches: matches[...])
    }

    public static func snippet(_ text: String, terms: Set<String>, words: Int = 30) -> [HighlightSegment] {
        var matcher = HighlightMatcher(terms: terms)
        return snippet(text, matcher: &matcher, words: words)
    }

    /// A window of about `words` words around the first match (the start of the text when none),
    /// as segments, with "…" pieces where it was cut. The window opens a few words before the
    /// match so the reader sees it in context.
    ///
    /// `nearWord` is where the caller knows the first match to be at the earliest, counted in
    /// words (the index's term stream counts them without the few words it drops): the words
    /// before the window are then only counted, not folded and looked up, and the snippet is
    /// the same as without it. A text with no more words than that holds no match, so its
    /// start is shown unsearched; when no match follows the place, the whole text is searched.
    public static func snippet(_ text: String, matcher: inout HighlightMatcher, words: Int = 30,
                               nearWord: Int = 0) -> [HighlightSegment] {
        let size = max(1, words)
        guard nearWord > 0, !matcher.terms.isEmpty else {
            return window(text, from: text.startIndex, matcher: &matcher, size: size) ?? []
        }
        // Counted no further than the window after the place needs.
        let starts = wordStarts(text, limit: nearWord + size)
        if starts.count <= nearWord {
            var unsearched = HighlightMatcher(terms: [])
            return window(text, from: text.startIndex, matcher: &unsearched, size: size) ?? []
        }
        // A lead before the match, or a window's worth before the end, as the window would open.
        let skipped = max(0, min(nearWord - size / 4, starts.count - size))
        if skipped > 0, let found = window(text, from: starts.index(skipped), matcher: &matcher, size: size) { return found }
        return window(text, from: text.startIndex, matcher: &matcher, size: size) ?? []
    }

    /// Where the words of a text start, counted without folding them.
    private enum WordStarts {
        case ascii(String, [Int])
        case any([String.Index])

        var count: Int {
            switch self {
            case .ascii(_, let offsets): offsets.count
            case .any(let indices): indices.count
            }
        }

        func index(_ word: Int) -> String.Index {
            switch self {
            case .ascii(let text, let offsets): text.utf8.index(text.utf8.startIndex, offsetBy: offsets[word])
            case .any(let indices): indices[word]
            }
        }
    }

    private static func wordStarts(_ text: String, limit: Int) -> WordStarts {
        if let offsets = TextAnalyzer.asciiWordStarts(text, limit: limit) { return .ascii(text, offsets) }
        var starts: [String.Index] = []
        TextAnalyzer.scanWordRanges(text[...]) { range, _ in
            starts.append(range.lowerBound)
            return starts.count < limit
        }
        return .any(starts)
    }

    /// The snippet of `text` scanned from `from` (a word's start; anything before it is cut);
    /// nil when words were skipped and no match follows them.
    private static func window(_ text: String, from start: String.Index, matcher: inout HighlightMatcher,
                               size: Int) -> [HighlightSegment]? {
        let terms = matcher.terms
        // Every word (stop words too, they count towards the window) and whether it matches.
        var ranges: [Range<String.Index>] = []
        var isMatch: [Bool] = []
        var firstMatch: Int?
        TextAnalyzer.scanWords(text[start...]) { range, folded in
            let matched = matcher.matches(folded)
            if matched && firstMatch == nil { firstMatch = ranges.count }
            ranges.append(range)
            isMatch.append(matched)
            // Enough once the window after the first match is full; without a match, keep looking,
            // unless there is nothing to look for.
            if let firstMatch { return ranges.count < firstMatch + size }
            return !terms.isEmpty || ranges.count < size
        }
        let skippedWords = start > text.startIndex
        if firstMatch == nil && skippedWords { return nil }
        guard !ranges.isEmpty else { return pieces(text, from: start, to: text.endIndex, matches: []) }

        let lead = size / 4
        var first = max(0, (firstMatch ?? 0) - lead)
        let last = min(ranges.count, first + size) - 1
        first = max(0, min(first, last - size + 1))
        let cutBefore = first > 0 || skippedWords
        // Words were only collected up to the window when there was a match, so check the text.
        let cutAfter = last < ranges.count - 1 || hasWord(in: text[ranges[last].upperBound...])

        let from = cutBefore ? ranges[first].lowerBound : text.startIndex
        let to = cutAfter ? ranges[last].upperBound : text.endIndex
        let matches = (first...last).filter { isMatch[$0] }.map { ranges[$0] }
        var result: [HighlightSegment] = []
        if cutBefore { result.append(HighlightSegment(text: ellipsis, isMatch: false)) }
        result += pieces(text, from: from, to: to, matches: matches[...])
        if cutAfter { result.append(HighlightSegment(text: ellipsis, isMatch: false)) }
        return result
    }

    static let ellipsis = "…"

    /// The text between `from` and `to`, split at the matched ranges (ascending, inside it).
    static func pieces(_ text: String, from: String.Index, to: String.Index,
                       matches: ArraySlice<Range<String.Index>>) -> [HighlightSegment] {
        var result: [HighlightSegment] = []
        var cursor = from
        for match in matches {
            if cursor < match.lowerBound {
                result.append(HighlightSegment(text: String(text[cursor..<match.lowerBound]), isMatch: false))
            }
            result.append(HighlightSegment(text: String(text[match]), isMatch: true))
            cursor = match.upperBound
        }
        if cursor < to { result.append(HighlightSegment(text: String(text[cursor..<to]), isMatch: false)) }
        return result
    }

    static func hasWord(in text: Substring) -> Bool {
        text.contains(where: TextAnalyzer.isWordCharacter)
    }
}

/// Whether a folded word matches the search, remembered for the words of one page: its
/// snippets and titles repeat their vocabulary, and a small dictionary of its own is cheaper
/// than the process-wide term cache, which every request shares behind a lock.
public struct HighlightMatcher: Sendable {
    public let terms: Set<String>
    private var known: [String: Bool] = [:]

    public init(terms: Set<String>) { self.terms = terms }

    public mutating func matches(_ folded: String) -> Bool {
        guard !terms.isEmpty else { return false }
        if let known = known[folded] { return known }
        let matched = TextAnalyzer.sharedTerms.term(forFolded: folded).map(terms.contains) == true
        known[folded] = matched
        return matched
    }
}
