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

    /// The same segments, when the caller knows where the matches are: `places` are the word
    /// places (stop words count) of every match, as the index's term stream gives them. No
    /// places, no match: the text is one piece, unsearched. An ASCII text (nearly all) is cut by
    /// its bytes, with no word folded but the marked ones, each checked; another text, or a
    /// place that does not hold a match (an index a moment older than the text), is searched.
    public static func segments(_ text: String, matcher: inout HighlightMatcher, matchesAt places: [Int]) -> [HighlightSegment] {
        guard let last = places.last, !matcher.terms.isEmpty else {
            return pieces(text, from: text.startIndex, to: text.endIndex, matches: [])
        }
        guard let ranges = asciiWords(text, limit: last + 1), ranges.count > last,
              holdMatches(text, at: places, of: ranges, matcher: &matcher) else {
            return segments(text, matcher: &matcher)
        }
        return pieces(text, from: text.startIndex, to: text.endIndex, matches: places.map { ranges[$0] }[...])
    }

    public static func snippet(_ text: String, terms: Set<String>, words: Int = 30) -> [HighlightSegment] {
        var matcher = HighlightMatcher(terms: terms)
        return snippet(text, matcher: &matcher, words: words)
    }

    /// A window of about `words` words around the first match (the start of the text when none),
    /// as segments, with "…" pieces where it was cut. The window opens a few words before the
    /// match so the reader sees it in context.
    public static func snippet(_ text: String, matcher: inout HighlightMatcher, words: Int = 30) -> [HighlightSegment] {
        window(text, from: text.startIndex, matcher: &matcher, size: max(1, words)) ?? []
    }

    /// The same snippet, when the caller knows where the matches are: `places` are the word
    /// places (stop words count) of the matches from the first, as the index's term stream
    /// gives them. An ASCII text (nearly all) is then cut by its bytes, with no word folded but
    /// the marked ones, each checked; other texts are read from a little before the first place.
    /// No places, or a text with no more words than the first place, hold no match (it is
    /// elsewhere or further on), so the text's start is shown unsearched. When a place does not
    /// hold a match (an index a moment older than the text), the whole text is searched.
    public static func snippet(_ text: String, matcher: inout HighlightMatcher, words: Int = 30,
                               matchesAt places: [Int]) -> [HighlightSegment] {
        let size = max(1, words)
        guard let firstPlace = places.first, !matcher.terms.isEmpty else { return unsearched(text, size: size) }
        guard let ranges = asciiWords(text, limit: firstPlace + size) else {
            return snippet(text, matcher: &matcher, size: size, nearWord: firstPlace)
        }
        if ranges.count <= firstPlace { return unsearched(text, size: size) }
        let marked = Set(places.filter { $0 < ranges.count })
        guard holdMatches(text, at: marked, of: ranges, matcher: &matcher) else {
            return window(text, from: text.startIndex, matcher: &matcher, size: size) ?? []
        }
        return cut(text, words: ranges, firstMatch: firstPlace, isMatch: marked.contains, size: size, skipped: false)
    }

    /// The first `limit` words of an ASCII text, read from its bytes; nil for any other text.
    private static func asciiWords(_ text: String, limit: Int) -> [Range<String.Index>]? {
        guard let offsets = TextAnalyzer.asciiWordRanges(text, limit: limit) else { return nil }
        let utf8 = text.utf8
        return offsets.map { utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound) }
    }

    /// Whether the words at `places` (each one of `ranges`) all match the search.
    private static func holdMatches(_ text: String, at places: some Sequence<Int>, of ranges: [Range<String.Index>],
                                    matcher: inout HighlightMatcher) -> Bool {
        for place in places {
            var holds = false
            TextAnalyzer.scanWords(text[ranges[place]]) { _, folded in
                holds = matcher.matches(folded)
                return false
            }
            if !holds { return false }
        }
        return true
    }

    /// A text that is not ASCII: its words before the window are counted without folding, and
    /// the window is read from there as usual.
    private static func snippet(_ text: String, matcher: inout HighlightMatcher, size: Int, nearWord: Int) -> [HighlightSegment] {
        var starts: [String.Index] = []
        TextAnalyzer.scanWordRanges(text[...]) { range, _ in
            starts.append(range.lowerBound)
            return starts.count < nearWord + size
        }
        if starts.count <= nearWord { return unsearched(text, size: size) }
        // A lead before the match, or a window's worth before the end, as the window would open.
        let skipped = max(0, min(nearWord - size / 4, starts.count - size))
        if skipped > 0, let found = window(text, from: starts[skipped], matcher: &matcher, size: size) { return found }
        return window(text, from: text.startIndex, matcher: &matcher, size: size) ?? []
    }

    private static func unsearched(_ text: String, size: Int) -> [HighlightSegment] {
        var nothing = HighlightMatcher(terms: [])
        return window(text, from: text.startIndex, matcher: &nothing, size: size) ?? []
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
        return cut(text, words: ranges, firstMatch: firstMatch, isMatch: { isMatch[$0] }, size: size, skipped: skippedWords)
    }

    /// The window of `size` words of `words` (the text's words, from its start or from a cut
    /// when `skipped`, as far as they were read) that opens a quarter before `firstMatch`, or
    /// shifts back to fill itself near the end, with its matches marked.
    private static func cut(_ text: String, words ranges: [Range<String.Index>], firstMatch: Int?, isMatch: (Int) -> Bool,
                            size: Int, skipped: Bool) -> [HighlightSegment] {
        guard !ranges.isEmpty else { return pieces(text, from: text.startIndex, to: text.endIndex, matches: []) }
        let lead = size / 4
        var first = max(0, (firstMatch ?? 0) - lead)
        let last = min(ranges.count, first + size) - 1
        first = max(0, min(first, last - size + 1))
        let cutBefore = first > 0 || skipped
        // Words were only read up to the window when there was a match, so check the text.
        let cutAfter = last < ranges.count - 1 || hasWord(in: text[ranges[last].upperBound...])

        let from = cutBefore ? ranges[first].lowerBound : text.startIndex
        let to = cutAfter ? ranges[last].upperBound : text.endIndex
        let matches = (first...last).filter(isMatch).map { ranges[$0] }
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
