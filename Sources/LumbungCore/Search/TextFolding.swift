import Foundation

/// Lower-cases and strips diacritics ("Pelayanan Publik" -> "pelayanan publik", "café" -> "cafe").
///
/// Search must not care how a word was typed: titles arrive in Title Case, loan words arrive
/// with or without accents ("café", "élite"), and phones produce full-width or ligature forms.
/// Compatibility decomposition (NFKD) turns all of these into plain letters plus combining
/// marks, and dropping the marks leaves the base letter that everyone types.
public enum TextFolding: Sendable {
    public static func fold(_ text: String) -> String {
        // Nearly all catalogue text is ASCII; skip Unicode normalisation for it.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
            return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            // Only non-spacing marks are accents; spacing marks are vowels in Indic scripts.
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let replacement = unsplittableLetters[scalar] {
                scalars.append(contentsOf: replacement.unicodeScalars)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars).lowercased()
    }

    /// Letters that Unicode does not decompose into a base letter and an accent.
    static let unsplittableLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "ı": "i", "þ": "th", "Þ": "th",
    ]
}
