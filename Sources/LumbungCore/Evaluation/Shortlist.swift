/// The shortlist of a stage from its ranking and rules: top N or a cut-off, with caps, floors
/// and proportional seats (§4.2–4.3). Who was passed over is recorded with the reason.
public struct Shortlist: Equatable, Sendable {
    public let selected: [Int64]
    public let skipped: [Int64: QuotaSelection.Skip]
    public let cutoff: Double?
    public let problems: [QuotaProblem]
    /// Seats per group, when they are shared out proportionally.
    public let seats: [String: Int]?
    public let highestTotal: [Int64]?

    public static func choose(ranking: Ranking, proposals: [StageProposal], rules: StageRules) -> Shortlist {
        let attributes = Dictionary(uniqueKeysWithValues: proposals.map { ($0.id, $0.attributes) })
        let ranked = ranking.places.map { QuotaCandidate(id: $0.candidate.id, score: $0.candidate.score, values: attributes[$0.candidate.id] ?? [:]) }
        switch rules.selection {
        case .cutoff(let score):
            let passing = ranked.filter { Ranking.rounded($0.score) >= score }
            let capsOnly = rules.quotas.map { QuotaAttribute(key: $0.key, caps: $0.caps, defaultCap: $0.defaultCap) }
            let result = QuotaSelection.greedy(seats: passing.count, candidates: passing, attributes: capsOnly)
            return Shortlist(selected: result.selected, skipped: Dictionary(result.skipped.map { ($0.id, $0.reason) }, uniquingKeysWith: { a, _ in a }),
                             cutoff: score, problems: [], seats: nil, highestTotal: nil)
        case .top(let n):
            return top(n, ranked: ranked, rules: rules)
        }
    }

    private static func top(_ n: Int, ranked: [QuotaCandidate], rules: StageRules) -> Shortlist {
        var attributes = rules.quotas
        var seats: [String: Int]?
        if let proportional = rules.proportional {
            let counts = Dictionary(grouping: ranked, by: { $0.value(proportional.attribute) }).mapValues(\.count)
            let share = Apportionment.seats(n, sizes: counts.sorted { $0.key < $1.key }.map { (group: $0.key, size: $0.value) },
                                            method: proportional.method, seed: rules.lotterySeed)
            seats = share
            // A group with fewer proposals than seats keeps what it has; the rest is released below.
            let floors = share.reduce(into: [String: Int]()) { $0[$1.key] = min($1.value, counts[$1.key] ?? 0) }.filter { $0.value > 0 }
            attributes.insert(QuotaAttribute(key: proportional.attribute, caps: share, floors: floors), at: 0)
        }
        let problems = QuotaSelection.problems(seats: min(n, ranked.count), candidates: ranked, attributes: attributes)
            .filter { problem in
                // Released seats make a proportional group's shortfall and the sum of its caps harmless.
                if case .capsTooTight(let key, _, _) = problem, key == rules.proportional?.attribute { return false }
                return true
            }
        var result = QuotaSelection.withLookAhead(seats: min(n, ranked.count), candidates: ranked, attributes: attributes)
        var selected = result.selected
        var skipped = Dictionary(result.skipped.map { ($0.id, $0.reason) }, uniquingKeysWith: { a, _ in a })
        if rules.proportional != nil && selected.count < min(n, ranked.count) {
            // Release the unused seats to the best remaining proposals, within the other quotas.
            let taken = Set(selected)
            let rest = ranked.filter { !taken.contains($0.id) }
            let others = rules.quotas.map { attribute -> QuotaAttribute in
                let used = Dictionary(grouping: ranked.filter { taken.contains($0.id) }, by: { $0.value(attribute.key) }).mapValues(\.count)
                return QuotaAttribute(key: attribute.key,
                                      caps: Dictionary(uniqueKeysWithValues: Set(rest.map { $0.value(attribute.key) }).compactMap { value in
                                          attribute.cap(value).map { (value, max(0, $0 - (used[value] ?? 0))) } }),
                                      floors: attribute.floors.reduce(into: [:]) { $0[$1.key] = max(0, $1.value - (used[$1.key] ?? 0)) })
            }
            result = QuotaSelection.withLookAhead(seats: min(n, ranked.count) - selected.count, candidates: rest, attributes: others)
            selected += result.selected
            for id in result.selected { skipped[id] = nil }
            let order = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.id, $0) })
            selected.sort { order[$0]! < order[$1]! }
        }
        let chosen = Set(selected)
        skipped = skipped.filter { !chosen.contains($0.key) }
        var cutoff = selected.last.flatMap { last in ranked.first { $0.id == last }?.score }
        if rules.cutoffTies == .admitAll && attributes.isEmpty, let last = cutoff {
            let tied = ranked.filter { !chosen.contains($0.id) && Ranking.rounded($0.score) == Ranking.rounded(last) }
            selected += tied.map(\.id)
            cutoff = last
        }
        // With caps on one attribute only, rank order is already the highest total (a partition
        // matroid); the comparison means something only when both attributes are capped.
        let bothCapped = attributes.count == 2 && attributes.allSatisfy { !$0.caps.isEmpty || $0.defaultCap != nil }
        let highest = bothCapped ? QuotaSelection.highestTotal(seats: min(n, ranked.count), candidates: ranked,
                                                                          attributes: attributes.map { QuotaAttribute(key: $0.key, caps: $0.caps, defaultCap: $0.defaultCap) }) : nil
        return Shortlist(selected: selected, skipped: skipped, cutoff: cutoff, problems: problems, seats: seats, highestTotal: highest)
    }
}
