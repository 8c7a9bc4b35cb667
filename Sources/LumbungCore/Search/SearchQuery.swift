/// A catalogue search as typed: several words (all must match), "quoted phrases" (the words in
/// that order), and -exclusions (-word or -"a phrase").
///
/// The text comes straight from the public search box, so parsing never fails: anything that
/// is not a letter or digit only separates words (`<script>` is the word "script", `' OR 1=1 --`
/// the words "or", "1", "1"), an unclosed quote runs to the end, a lone "-" is ignored, and only
/// the first `maximumTerms` terms count, which bounds both parsing and searching.
///
/// An unquoted word that analyses into several terms ("covid-19", "a/b") requires each term on
/// its own, like separate words; excluded, it excludes them as a phrase, so "-covid-19" drops
/// texts about COVID-19 rather than every text that mentions 19. Repeated entries count once.
public struct SearchQuery: Sendable, Hashable {
    /// Each entry: one term, or a phrase's terms in order (stemmed; a phrase keeps its stop
    /// words, marked with `TextAnalyzer.stopMarker`, so that "pelayanan di perbatasan" matches
    /// only that order, "di" included).
    public var required: [[String]]
    public var excluded: [[String]]

    /// Nothing to match, e.g. only stop words or only exclusions: the catalogue is browsed.
    public var isEmpty: Bool { required.isEmpty }

    /// Enough for any real query; the search index also tracks at most 32 terms per query.
    public static let maximumTerms = 32

    public init(required: [[String]] = [], excluded: [[String]] = []) {
        self.required = required
        self.excluded = excluded
    }

    public static func parse(_ text: String) -> SearchQuery {
        var query = SearchQuery()
        var budget = maximumTerms
        func add(_ terms: [String], excluded: Bool) {
            guard !terms.isEmpty else { return }
            budget -= terms.count
            if excluded {
                if !query.excluded.contains(terms) { query.excluded.append(terms) }
            } else if !query.required.contains(terms) {
                query.required.append(terms)
            }
        }

        var i = text.startIndex
        let end = text.endIndex
        while i < end && budget > 0 {
            var c = text[i]
            if c.isWhitespace {
                i = text.index(after: i)
                continue
            }
            var negated = false
            if isMinus(c) {
                let next = text.index(after: i)
                // A lone "-" (or one at the very end) excludes nothing.
                guard next < end, !text[next].isWhitespace else {
                    i = next
                    continue
                }
                negated = true
                i = next
                c = text[i]
            }
            if isQuote(c) {
                let start = text.index(after: i)
                let close = text[start...].firstIndex(where: isQuote) ?? end
                let phrase = TextAnalyzer.sequence(text[start..<close], limit: budget)
                // Only stop words: nothing to look for, as an unquoted stop word.
                if phrase.contains(where: { !TextAnalyzer.isStopMarker($0) }) {
                    add(phrase, excluded: negated)
                }
                i = close < end ? text.index(after: close) : end
            } else {
                let close = text[i...].firstIndex { $0.isWhitespace || isQuote($0) } ?? end
                let terms = TextAnalyzer.terms(text[i..<close], limit: budget)
                if negated {
                    // "-covid-19" excludes the words together, not every text with "19".
                    add(terms, excluded: true)
                } else {
                    for term in terms { add([term], excluded: false) }
                }
                i = close
            }
        }
        return query
    }

    /// Straight and typographic double quotes, as phones type them.
    static func isQuote(_ c: Character) -> Bool {
        c == "\"" || c == "\u{201C}" || c == "\u{201D}" || c == "\u{201E}" || c == "\u{00AB}" || c == "\u{00BB}"
    }

    static func isMinus(_ c: Character) -> Bool { c == "-" || c == "\u{2212}" }
}
