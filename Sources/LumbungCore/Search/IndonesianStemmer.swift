/// A rule-based stemmer for Indonesian, of the Nazief–Adriani / Enhanced Confix Stripping
/// family, so that "pelayanan", "melayani", "dilayani" and "layanan" all find each other.
///
/// Indonesian builds words by stacking affixes on a root (pe-layan-an, di-terap-kan,
/// ke-sehat-an-nya), and the nasal prefixes meN-/peN- swallow the root's first sound
/// (menerapkan = meN + terap + kan). Stripping rules alone cannot tell "menilai" (nilai)
/// from "menulis" (tulis), so like Nazief–Adriani the stemmer tries every reading and stops at
/// the first form found in a root lexicon; only when no reading reaches a known root does it
/// fall back to the most common recoding, guarded so that it does not cut up roots that merely
/// look affixed.
public enum IndonesianStemmer: Sendable {
    typealias Word = IndonesianAffixes.Word
    typealias Affixes = IndonesianAffixes

    /// Longer "words" are URLs, hashes or noise; stemming them could only do harm. The longest
    /// real words (mempertanggungjawabkan, 22 letters) fit easily.
    static let maximumLength = 40

    /// The root of one folded, lower-case word: "pelayanan" -> "layan", "melayani" -> "layan",
    /// "layanan" -> "layan", "penerapan" -> "terap", "menerapkan" -> "terap", "diterapkan" -> "terap",
    /// "inovasi-inovasi" -> "inovasi", "kesehatannya" -> "sehat", "pendidikan" -> "didik",
    /// "pemerintahan" -> "perintah", "bukunyalah" -> "buku". Words it cannot improve come back unchanged.
    public static func stem(_ word: String) -> String {
        // A reduplicated word is two words and a hyphen; anything longer is not worth reading.
        guard !word.isEmpty, word.utf8.count <= 2 * maximumLength + 1 else { return word }
        var lowered = word
        if word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) { lowered = word.lowercased() }
        if lowered.utf8.contains(UInt8(ascii: "-")) { return stemHyphenated(lowered) }
        return stemPlain(lowered)
    }

    /// Reduplication: "inovasi-inovasi" and "sayur-mayur" are one word whose meaning sits in the
    /// first half. A one-letter or bound first part is no reduplication but a spelling of one
    /// word that is also written joined: e-KTP/eKTP, non-tunai/nontunai, pasca-panen/pascapanen.
    static func stemHyphenated(_ word: String) -> String {
        let parts = word.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return word }
        if parts.count == 1 { return stemPlain(first) }
        if first.count == 1 || boundFirstParts.contains(first) { return parts.joined() }
        return stemPlain(first)
    }

    /// Forms that attach to the next word (KBBI writes them joined) rather than reduplicate.
    static let boundFirstParts: Set<String> = [
        "anti", "antar", "inter", "intra", "ko", "makro", "mikro", "multi", "non", "pasca", "pra", "pro",
        "semi", "sub", "super", "supra", "swa", "ultra",
    ]

    static func stemPlain(_ word: String) -> String {
        let bytes = Word(word.utf8)
        guard bytes.count > 3, bytes.count <= maximumLength,
              bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if isKnownRoot(bytes) { return word }
        let root = lexiconStem(bytes) ?? ruleStem(bytes)
        return root == bytes ? word : String(decoding: root, as: UTF8.self)
    }

    static func isKnownRoot(_ word: Word) -> Bool {
        word.count >= 2 && IndonesianRootLexicon.roots.contains(String(decoding: word, as: UTF8.self))
    }

    // MARK: - Lexicon-guided search (Nazief–Adriani)

    /// The first known root reachable by removing suffixes and then up to three prefixes. Each
    /// suffix reading is tried in turn, the most stripped first, so "pendidikan" tries "pendidi"
    /// (-kan) after "pendidik" (-an) and finds "didik".
    static func lexiconStem(_ word: Word) -> Word? {
        for reading in Affixes.suffixReadings(word) {
            if isKnownRoot(reading.form) { return reading.form }
            if let root = searchPrefixes(reading.form, suffix: reading.derivational, removed: []) { return root }
        }
        return nil
    }

    /// Depth-first over the prefix readings; at each level every recoding is checked against the
    /// lexicon before any is stripped further, so "memerintah" stops at "perintah".
    static func searchPrefixes(_ word: Word, suffix: Affixes.Derivational?, removed: [Affixes.PrefixKind]) -> Word? {
        guard removed.count < 3, let removal = Affixes.prefixRemoval(word),
              isAllowed(removal.kind, after: removed, suffix: suffix) else { return nil }
        let candidates = removal.candidates.filter { $0.count >= 2 }
        if let known = candidates.first(where: isKnownRoot) { return known }
        for candidate in candidates {
            if let root = searchPrefixes(candidate, suffix: suffix, removed: removed + [removal.kind]) { return root }
        }
        return nil
    }

    /// Prefixes never repeat, di- and meN- only stand outermost, and the outermost prefix must
    /// be one that combines with the suffix that was removed.
    static func isAllowed(_ kind: Affixes.PrefixKind, after removed: [Affixes.PrefixKind],
                          suffix: Affixes.Derivational?) -> Bool {
        if removed.contains(kind) { return false }
        if !removed.isEmpty && (kind == .di || kind == .me) { return false }
        if removed.isEmpty, let suffix, Affixes.isDisallowed(kind, suffix) { return false }
        return true
    }
}
