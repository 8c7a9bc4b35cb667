extension IndonesianStemmer {
    /// Stemming by the ECS rules alone, for words whose root is not in the lexicon.
    ///
    /// It takes the most common recoding (men+vowel -> t, mem+vowel -> p, meny+vowel -> s,
    /// meng+vowel -> the vowel), but is more cautious than the rules it follows, because a wrong
    /// cut merges unrelated words in search while a missed cut only loses a variant:
    /// - every cut must leave a plausible root of four letters or more
    ///   (`IndonesianAffixes.isPlausibleRoot`), three only after menge-/penge-;
    /// - -an and -kan without a prefix need four letters to remain (jalan, hutan stay whole);
    /// - -i is removed only together with me-, di-, ter- or per- (tani, kopi, polisi stay whole)
    ///   and never from loan words in -si (mendigitalisasi keeps digitalisasi);
    /// - ke- is removed only in the ke-…-an confix, and se- never (kecil, sehat, sepeda);
    /// - di- is not removed before s + consonant (diskusi, distribusi).
    static func ruleStem(_ word: Word) -> Word {
        let base = removingInflection(word)
        let stemmed = ruleStemDerivation(base)
        // Restore the particle or possessive when it left no room for the prefix: mengolah is
        // meng-olah, not meng-o-lah; bertanya is ber-tanya, not ber-ta-nya.
        if base != word && stemmed.blocked { return ruleStemDerivation(word).root }
        return stemmed.root
    }

    /// The word without its particle (-lah -kah -tah -pun) and possessive (-nya -ku -mu),
    /// where enough remains to be a word.
    static func removingInflection(_ word: Word) -> Word {
        var base = word
        if let particle = Affixes.particles.first(where: { Affixes.hasSuffix(base, $0) }),
           base.count - particle.count >= 4 {
            base.removeLast(particle.count)
        }
        if Affixes.hasSuffix(base, "nya"), base.count - 3 >= 3 {
            base.removeLast(3)
        } else if Affixes.hasSuffix(base, "ku") || Affixes.hasSuffix(base, "mu"), base.count - 2 >= 4 {
            base.removeLast(2)
        }
        return base
    }

    /// The first acceptable suffix reading and its prefixes. The last reading keeps the form
    /// whole, so one of them always answers.
    static func ruleStemDerivation(_ base: Word) -> RuleStripping {
        for reading in Affixes.derivationalReadings(base) {
            let result = stripPrefixes(reading.form, suffix: reading.derivational)
            guard let suffix = reading.derivational else { return result }
            if result.blocked || !Affixes.isPlausibleRoot(result.root, minimumLength: 3) { continue }
            switch suffix {
            case .i:
                guard let outer = result.removed.first, [.me, .di, .ter, .per].contains(outer),
                      !looksLikeLoanWordInSi(result.root) else { continue }
            case .an, .kan:
                if result.removed.isEmpty && reading.form.count < 4 { continue }
            }
            return result
        }
        return RuleStripping(root: base)
    }

    /// The outcome of stripping prefixes by rule: `blocked` when the outermost prefix rule
    /// matched but could not apply (its root would be implausible, or the prefix does not take
    /// the suffix that was removed), which means the suffix reading itself is wrong.
    struct RuleStripping {
        var root: Word
        var removed: [Affixes.PrefixKind] = []
        var blocked = false
    }

    static func stripPrefixes(_ word: Word, suffix: Affixes.Derivational?) -> RuleStripping {
        var result = RuleStripping(root: word)
        while result.removed.count < 3, let removal = Affixes.prefixRemoval(result.root) {
            let outermost = result.removed.isEmpty
            // Prefixes these rules leave alone: the word simply starts that way (kembang, sehat).
            if removal.kind == .se { break }
            if removal.kind == .ke && suffix != .an { break }
            if removal.kind == .di, result.root.count > 3, result.root[2] == Affixes.ascii("s"),
               !Affixes.isVowel(result.root[3]) { break }
            guard isAllowed(removal.kind, after: result.removed, suffix: suffix) else {
                if outermost { result.blocked = true }
                break
            }
            let candidate = removal.candidates[0]
            let isOneSyllableAfterMenge = (removal.kind == .me || removal.kind == .pe)
                && candidate.count == result.root.count - 5 && Affixes.isMonosyllabic(candidate)
            guard Affixes.isPlausibleRoot(candidate, minimumLength: isOneSyllableAfterMenge ? 3 : 4) else {
                if outermost { result.blocked = true }
                break
            }
            result.root = candidate
            result.removed.append(removal.kind)
        }
        return result
    }

    /// Loan words in -asi, -isi, -usi, -ksi, -nsi, -psi: the final i is part of the root.
    static func looksLikeLoanWordInSi(_ rootWithoutI: Word) -> Bool {
        let n = rootWithoutI.count
        guard n >= 3, rootWithoutI[n - 1] == Affixes.ascii("s") else { return false }
        let before = rootWithoutI[n - 2]
        return !Affixes.isVowel(before) || n >= 6
    }
}
