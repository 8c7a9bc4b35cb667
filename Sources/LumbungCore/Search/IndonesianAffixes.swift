/// The affix rules of Enhanced Confix Stripping (ECS, Arifin et al. 2009, after Nazief and
/// Adriani 1996), written over ASCII bytes because every Indonesian word is plain a-z once
/// folded, and byte arrays make the many prefix and suffix checks cheap.
///
/// The rules only propose: each prefix rule lists its possible roots, most common recoding
/// first, and `IndonesianStemmer` decides between them with the root lexicon.
enum IndonesianAffixes {
    typealias Word = [UInt8]

    // MARK: - Suffixes

    /// A derivational suffix; it matters because some prefixes never combine with some suffixes.
    enum Derivational: Sendable { case i, kan, an }

    /// One way of reading a word's ending: the form left after removing suffixes.
    struct SuffixReading {
        let form: Word
        let derivational: Derivational?
    }

    static let particles = ["lah", "kah", "tah", "pun"].map { Word($0.utf8) }
    static let possessives = ["nya", "ku", "mu"].map { Word($0.utf8) }

    /// Every way of removing the suffixes, the most stripped first, as Nazief–Adriani tries them:
    /// particle, then possessive, then derivational suffix; the less stripped readings are how
    /// the algorithm "restores" suffixes when the fully stripped form leads to no known root.
    static func suffixReadings(_ word: Word) -> [SuffixReading] {
        var levels: [Word] = [word]
        var current = word
        if let particle = particles.first(where: { hasSuffix(current, $0) }), current.count - particle.count >= 2 {
            current.removeLast(particle.count)
            levels.insert(current, at: 0)
        }
        if let possessive = possessives.first(where: { hasSuffix(current, $0) }),
           current.count - possessive.count >= 2 {
            current.removeLast(possessive.count)
            levels.insert(current, at: 0)
        }
        var readings: [SuffixReading] = []
        for level in levels {
            for reading in derivationalReadings(level) where !readings.contains(where: { $0.form == reading.form }) {
                readings.append(reading)
            }
        }
        return readings
    }

    /// The derivational readings of one form, then the form itself. After peN-, per- and ke-, and
    /// on a word with no prefix, a final "kan" is more often a root ending in k plus the noun
    /// suffix -an (pendidikan, perbaikan, kebijakan, tindakan, masukan) than the verbal -kan,
    /// which nominal prefixes do not take (ke-…-kan is one of ECS's disallowed pairs).
    static func derivationalReadings(_ form: Word) -> [SuffixReading] {
        var readings: [SuffixReading] = []
        if hasSuffix(form, "kan"), form.count >= 5 {
            let kan = SuffixReading(form: Word(form.dropLast(3)), derivational: .kan)
            let an = SuffixReading(form: Word(form.dropLast(2)), derivational: .an)
            let nominal = hasPrefix(form, "pe") || hasPrefix(form, "ke") || prefixRemoval(form) == nil
            readings += nominal ? [an, kan] : [kan, an]
        } else if hasSuffix(form, "an"), form.count >= 4 {
            readings.append(SuffixReading(form: Word(form.dropLast(2)), derivational: .an))
        } else if hasSuffix(form, "i"), form.count >= 3 {
            readings.append(SuffixReading(form: Word(form.dropLast(1)), derivational: .i))
        }
        readings.append(SuffixReading(form: form, derivational: nil))
        return readings
    }

    // MARK: - Prefixes

    enum PrefixKind: Sendable { case di, ke, se, ber, ter, me, pe, per }

    /// A prefix found at the start of a word and the roots it may hide, the default recoding first.
    struct PrefixRemoval {
        let kind: PrefixKind
        let candidates: [Word]
    }

    /// ECS's disallowed prefix–suffix pairs: be-…-i, di-…-an, ke-…-i, ke-…-kan, me-…-an,
    /// se-…-i, se-…-kan, te-…-an. A reading that needs one of them is not a real derivation.
    static func isDisallowed(_ prefix: PrefixKind, _ suffix: Derivational) -> Bool {
        switch (prefix, suffix) {
        case (.ber, .i), (.di, .an), (.ke, .i), (.ke, .kan), (.me, .an), (.se, .i), (.se, .kan), (.ter, .an):
            return true
        default:
            return false
        }
    }

    /// The prefix rule that applies to the start of `word`, if any.
    static func prefixRemoval(_ word: Word) -> PrefixRemoval? {
        guard word.count >= 4 else { return nil }
        if hasPrefix(word, "di") { return PrefixRemoval(kind: .di, candidates: [drop(word, 2)]) }
        if hasPrefix(word, "ke") { return PrefixRemoval(kind: .ke, candidates: [drop(word, 2)]) }
        if hasPrefix(word, "se") { return PrefixRemoval(kind: .se, candidates: [drop(word, 2)]) }
        if hasPrefix(word, "me") { return nasalRemoval(word, head: "me", kind: .me) }
        if hasPrefix(word, "pe") { return peRemoval(word) }
        if hasPrefix(word, "be") { return berRemoval(word) }
        if hasPrefix(word, "te") { return terRemoval(word) }
        return nil
    }

    /// meN- and peN-: the nasal replaces or precedes the root's first sound.
    /// meng+g/h/k/q keeps the consonant; meng+vowel hides a vowel or k (and menge- stands before
    /// one-syllable roots: mengecat); meny+vowel hides s (or is ny); men+c/d/j/s/z keeps it,
    /// men+vowel hides t (or is n); mem+b/f/v/p keeps it, mem+vowel hides p (or is m); me- before
    /// l, r, w and y has no nasal at all.
    static func nasalRemoval(_ word: Word, head: String, kind: PrefixKind) -> PrefixRemoval? {
        let h = head.utf8.count // 2: "me" or "pe"
        let n = word.count
        func at(_ i: Int) -> UInt8? { i < n ? word[i] : nil }
        func recode(_ letters: String, from index: Int) -> Word { Word(letters.utf8) + word[index...] }

        if hasPrefix(word, head + "ng") {
            guard let c = at(h + 2) else { return nil }
            if "ghkq".utf8.contains(c) { return PrefixRemoval(kind: kind, candidates: [drop(word, h + 2)]) }
            guard isVowel(c) else { return nil }
            var candidates = [drop(word, h + 2), recode("k", from: h + 2)]
            // menge-/penge- before a one-syllable root: mengecat -> cat, pengeboman -> bom.
            if c == ascii("e"), let d = at(h + 3), !isVowel(d) {
                let short = drop(word, h + 3)
                if isPlausibleRoot(short, minimumLength: 3) {
                    if isMonosyllabic(short) { candidates.insert(short, at: 0) } else { candidates.append(short) }
                }
            }
            return PrefixRemoval(kind: kind, candidates: candidates)
        }
        if hasPrefix(word, head + "ny") {
            guard let c = at(h + 2), isVowel(c) else { return nil }
            return PrefixRemoval(kind: kind, candidates: [recode("s", from: h + 2), drop(word, h)])
        }
        if hasPrefix(word, head + "n") {
            guard let c = at(h + 1) else { return nil }
            if "cdjz".utf8.contains(c) || (c == ascii("s") && h == 2 && kind == .me) {
                // mens- is non-standard (mensosialisasikan) but common; pens- is pensiun, a root.
                return PrefixRemoval(kind: kind, candidates: [drop(word, h + 1)])
            }
            if c == ascii("t"), at(h + 2) == ascii("r") { // mentransfer: loan roots keep their cluster
                return PrefixRemoval(kind: kind, candidates: [drop(word, h + 1)])
            }
            if isVowel(c) { return PrefixRemoval(kind: kind, candidates: [recode("t", from: h + 1), drop(word, h)]) }
            return nil
        }
        if hasPrefix(word, head + "m") {
            guard let c = at(h + 1) else { return nil }
            if "bfvp".utf8.contains(c) { return PrefixRemoval(kind: kind, candidates: [drop(word, h + 1)]) }
            if isVowel(c) { return PrefixRemoval(kind: kind, candidates: [recode("p", from: h + 1), drop(word, h)]) }
            return nil
        }
        // me- before l, r, w, y: melayani -> layani, merawat -> rawat (pe- has its own rules).
        if kind == .me, let c = at(h), "lrwy".utf8.contains(c), let v = at(h + 1), isVowel(v) {
            return PrefixRemoval(kind: kind, candidates: [drop(word, h)])
        }
        return nil
    }

    /// pe-, peN- and per-.
    static func peRemoval(_ word: Word) -> PrefixRemoval? {
        let n = word.count
        let c2 = word[2]
        if c2 == ascii("n") || c2 == ascii("m") {
            return nasalRemoval(word, head: "pe", kind: .pe)
        }
        if c2 == ascii("r") {
            let c3 = word[3]
            if isVowel(c3) { // peraturan -> atur, perawat -> rawat
                return PrefixRemoval(kind: .per, candidates: [drop(word, 3), drop(word, 2)])
            }
            if c3 != ascii("r") { return PrefixRemoval(kind: .per, candidates: [drop(word, 3)]) }
            return nil
        }
        if c2 == ascii("l") {
            if hasPrefix(word, "pelajar") { // pel-ajar, an old allomorph kept in this one word family
                return PrefixRemoval(kind: .pe, candidates: [drop(word, 3), drop(word, 2)])
            }
            if n > 3, isVowel(word[3]) { return PrefixRemoval(kind: .pe, candidates: [drop(word, 2)]) }
            return nil
        }
        if c2 == ascii("w") || c2 == ascii("y") {
            if n > 3, isVowel(word[3]) { return PrefixRemoval(kind: .pe, candidates: [drop(word, 2)]) }
            return nil
        }
        // pe- before any other consonant: petani -> tani, pekerja -> kerja.
        if !isVowel(c2) { return PrefixRemoval(kind: .pe, candidates: [drop(word, 2)]) }
        return nil
    }

    /// ber-, be- before a root whose first syllable ends in -er (bekerja), and bel-ajar.
    static func berRemoval(_ word: Word) -> PrefixRemoval? {
        let c2 = word[2]
        if c2 == ascii("r") {
            let c3 = word[3]
            if isVowel(c3) { // berusaha -> usaha, berupa -> rupa
                return PrefixRemoval(kind: .ber, candidates: [drop(word, 3), drop(word, 2)])
            }
            if c3 != ascii("r") { return PrefixRemoval(kind: .ber, candidates: [drop(word, 3)]) }
            return nil
        }
        if hasPrefix(word, "belajar") { return PrefixRemoval(kind: .ber, candidates: [drop(word, 3)]) }
        if word.count > 4, !isVowel(c2), c2 != ascii("l"), hasPrefix(drop(word, 3), "er") {
            return PrefixRemoval(kind: .ber, candidates: [drop(word, 2)])
        }
        return nil
    }

    /// ter-, and te- before a root whose first syllable ends in -er (tepercaya).
    static func terRemoval(_ word: Word) -> PrefixRemoval? {
        let c2 = word[2]
        if c2 == ascii("r") {
            let c3 = word[3]
            if isVowel(c3) { // terakhir -> akhir, terasa -> rasa
                return PrefixRemoval(kind: .ter, candidates: [drop(word, 3), drop(word, 2)])
            }
            if c3 != ascii("r") { return PrefixRemoval(kind: .ter, candidates: [drop(word, 3)]) }
            return nil
        }
        if word.count > 4, !isVowel(c2), hasPrefix(drop(word, 3), "er") {
            return PrefixRemoval(kind: .ter, candidates: [drop(word, 2)])
        }
        return nil
    }

    // MARK: - Shape of a root

    /// Whether a form could be an Indonesian root by its shape alone: long enough, with a vowel,
    /// a first syllable that can start a word (no "rja-", "mbang-", "ngin-") and an ending that
    /// roots have (no "-nt", "-w"). Used only when the lexicon cannot decide, to stop a rule
    /// from cutting a root that merely looks affixed. Roots of three letters exist (api, sah,
    /// cat) but are few and mostly in the lexicon, while words like petik, berkat, bersin,
    /// dikit would lose their root to a three-letter remainder, so rules need four unless
    /// they say otherwise (menge- before one-syllable roots).
    static func isPlausibleRoot(_ word: Word, minimumLength: Int = 4) -> Bool {
        let n = word.count
        guard n >= max(3, minimumLength), word.contains(where: isVowel) else { return false }
        if !isVowel(word[0]) && !isVowel(word[1]) && !onsets.contains(pair(word[0], word[1])) { return false }
        let last = word[n - 1], beforeLast = word[n - 2]
        if "wyvqxj".utf8.contains(last) { return false }
        if !isVowel(last) && !isVowel(beforeLast) && !codas.contains(pair(beforeLast, last)) { return false }
        return true
    }

    static let onsets: Set<UInt16> = Set([
        "bl", "br", "dr", "fl", "fr", "gl", "gr", "kh", "kl", "kr", "ny", "pl", "pr", "ps", "sk", "sl", "sm", "sn",
        "sp", "st", "sw", "sy", "tr",
    ].map(pair))
    static let codas: Set<UInt16> = Set(["ft", "ks", "kt", "lm", "ng", "nk", "ns", "ps", "rk", "rm", "rn", "rs",
                                         "rt", "st"].map(pair))

    /// One vowel group: cat, bom, cek, sah, tes.
    static func isMonosyllabic(_ word: Word) -> Bool {
        var groups = 0
        var previousWasVowel = false
        for letter in word {
            let vowel = isVowel(letter)
            if vowel && !previousWasVowel { groups += 1 }
            previousWasVowel = vowel
        }
        return groups == 1
    }

    // MARK: - Byte helpers

    @inline(__always) static func ascii(_ s: Unicode.Scalar) -> UInt8 { UInt8(s.value) }

    @inline(__always) static func isVowel(_ b: UInt8) -> Bool {
        b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 // a e i o u
    }

    static func pair(_ a: UInt8, _ b: UInt8) -> UInt16 { UInt16(a) << 8 | UInt16(b) }
    static func pair(_ s: String) -> UInt16 { let u = Array(s.utf8); return pair(u[0], u[1]) }

    static func hasPrefix(_ word: Word, _ prefix: String) -> Bool {
        let p = prefix.utf8
        return word.count >= p.count && word.starts(with: p)
    }

    static func hasPrefix(_ word: Word, _ prefix: Word) -> Bool {
        word.count >= prefix.count && word.starts(with: prefix)
    }

    static func hasSuffix(_ word: Word, _ suffix: String) -> Bool {
        hasSuffix(word, Word(suffix.utf8))
    }

    static func hasSuffix(_ word: Word, _ suffix: Word) -> Bool {
        word.count >= suffix.count && word[(word.count - suffix.count)...].elementsEqual(suffix)
    }

    static func drop(_ word: Word, _ count: Int) -> Word { Word(word.dropFirst(count)) }
}
