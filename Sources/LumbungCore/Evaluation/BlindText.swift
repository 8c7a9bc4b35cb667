import Foundation

/// What a blind evaluator reads: the proposal's own text with the names that would tell whose it
/// is (the agency, its parent, their short names and codes, the innovation and its acronym)
/// replaced by a marker. Matching ignores case and accents and respects word edges, so
/// "DISDUKCAPIL" in "800/91/DISDUKCAPIL/2019" goes but "Disdukcapilnya" would not match "Dukcapil".
public enum BlindText {
    public static let marker = "[disamarkan]"

    public static func redact(_ text: String, hiding names: [String]) -> String {
        let trimmed: [String] = names.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let distinct = Set(trimmed.filter { $0.count >= 3 })
        let longestFirst = distinct.sorted { (a: String, b: String) -> Bool in a.count != b.count ? a.count > b.count : a < b }
        var result = text
        for name in longestFirst {
            var searchFrom = result.startIndex
            while let found = result.range(of: name, options: [.caseInsensitive, .diacriticInsensitive], range: searchFrom..<result.endIndex) {
                guard startsWord(found.lowerBound, in: result), endsWord(found.upperBound, in: result) else {
                    searchFrom = found.upperBound
                    continue
                }
                let offset = result.distance(from: result.startIndex, to: found.lowerBound)
                result.replaceSubrange(found, with: marker)
                searchFrom = result.index(result.startIndex, offsetBy: offset + marker.count)
            }
        }
        return result
    }

    private static func startsWord(_ index: String.Index, in text: String) -> Bool {
        index == text.startIndex || !isWordCharacter(text[text.index(before: index)])
    }

    private static func endsWord(_ index: String.Index, in text: String) -> Bool {
        index == text.endIndex || !isWordCharacter(text[index])
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }
}
