import Testing
@testable import LumbungCore

/// The look-ahead keeps a way to fill the remaining seats and solves the flow again only for
/// proposals outside it. It must choose exactly what the plain rule chooses: check every
/// proposal, in rank order, against a fresh flow.
@Suite struct QuotaLookAheadPropertyTests {
    /// The rule of §4.2 written plainly.
    static func plain(seats: Int, candidates: [QuotaCandidate], attributes: [QuotaAttribute]) -> [Int64] {
        var taken: [QuotaCandidate] = []
        for (position, candidate) in candidates.enumerated() where taken.count < seats {
            let full = attributes.contains { attribute in
                let value = candidate.value(attribute.key)
                return attribute.cap(value).map { cap in taken.filter { $0.value(attribute.key) == value }.count >= cap } ?? false
            }
            if full { continue }
            if QuotaFeasibility.canFill(seats - taken.count - 1, from: Array(candidates[(position + 1)...]), taken: taken + [candidate],
                                        attributes: attributes) {
                taken.append(candidate)
            }
        }
        return taken.map(\.id)
    }

    @Test func theWitnessChoosesWhatAFreshFlowForEveryProposalChooses() {
        var random = SplitMix(20261202)
        var withFloorsSkipping = 0
        for _ in 0..<300 {
            let count = Int.random(in: 5...40, using: &random)
            let regions = ["utara", "selatan", "timur", "barat"].prefix(Int.random(in: 2...4, using: &random))
            let groups = ["umum", "replikasi", "khusus"]
            let candidates = (0..<count).map { index in
                QuotaCandidate(id: Int64(index + 1), score: Double(100 - index),
                               values: ["wilayah": regions.randomElement(using: &random)!, "kelompok": groups.randomElement(using: &random)!])
            }
            let seats = Int.random(in: 1...max(1, count / 2), using: &random)
            var region = QuotaAttribute(key: "wilayah", defaultCap: Bool.random(using: &random) ? Int.random(in: 1...4, using: &random) : nil)
            region.floors = [regions.randomElement(using: &random)!: Int.random(in: 0...3, using: &random)]
            let group = QuotaAttribute(key: "kelompok", caps: ["umum": Int.random(in: 1...5, using: &random)],
                                       floors: ["khusus": Int.random(in: 0...2, using: &random)])
            let attributes = [region, group]
            let chosen = QuotaSelection.withLookAhead(seats: seats, candidates: candidates, attributes: attributes)
            #expect(chosen.selected == Self.plain(seats: seats, candidates: candidates, attributes: attributes),
                    "seats \(seats), \(attributes)")
            if chosen.skipped.contains(where: { $0.reason == .wouldBreakQuotas }) { withFloorsSkipping += 1 }
        }
        // The instances reach the case that matters: proposals passed over to keep a floor reachable.
        #expect(withFloorsSkipping > 20)
    }
}
