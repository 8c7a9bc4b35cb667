import Foundation

/// Koo & Li's bands for an ICC (and the same words for α), so the committee reads a label
/// with the number.
public enum ReliabilityBand: String, Codable, Sendable {
    case poor, moderate, good, excellent

    public init(_ value: Double) {
        switch value {
        case ..<0.5: self = .poor
        case ..<0.75: self = .moderate
        case ...0.9: self = .good
        default: self = .excellent
        }
    }
}

/// The one-way intraclass correlation for a design where each proposal is scored by a
/// different set of evaluators (§3.1), with n0 in place of k when the counts are unequal.
public struct OneWayICC: Equatable, Sendable {
    public let betweenMeanSquare: Double
    public let withinMeanSquare: Double
    /// The average number of scores per proposal, n0 = (N − Σ m_i²/N)/(P − 1).
    public let n0: Double
    /// ICC(1): how reliable one evaluator's score is.
    public let single: Double
    /// ICC(1,k): how reliable the mean the committee ranks by is.
    public let average: Double
    /// The 95 % confidence interval of ICC(1) and of ICC(1,k), from the F distribution.
    public let singleInterval: ClosedRange<Double>?
    public let averageInterval: ClosedRange<Double>?

    /// Needs at least two proposals with scores and more scores than proposals.
    public init?(_ table: ScoreTable) {
        let groups = table.byProposal.map { $0.map { table.entries[$0].value } }.filter { !$0.isEmpty }
        let p = groups.count
        let n = groups.reduce(0) { $0 + $1.count }
        guard p >= 2, n > p else { return nil }
        let grand = groups.reduce(0) { $0 + $1.reduce(0, +) } / Double(n)
        var between = 0.0, within = 0.0
        for group in groups {
            let mean = group.reduce(0, +) / Double(group.count)
            between += Double(group.count) * (mean - grand) * (mean - grand)
            within += group.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        }
        let msb = between / Double(p - 1), msw = within / Double(n - p)
        let n0 = (Double(n) - Double(groups.reduce(0) { $0 + $1.count * $1.count }) / Double(n)) / Double(p - 1)
        betweenMeanSquare = msb
        withinMeanSquare = msw
        self.n0 = n0
        guard msb > 0 else { return nil }
        single = (msb - msw) / (msb + (n0 - 1) * msw)
        average = (msb - msw) / msb
        // Shrout & Fleiss: F = MSB/MSW with (P − 1, N − P) degrees of freedom.
        if msw > 0 {
            let f = msb / msw
            let df1 = Double(p - 1), df2 = Double(n - p)
            let upperF = FDistribution.quantile(0.975, df1, df2), lowerF = FDistribution.quantile(0.975, df2, df1)
            let fLow = f / upperF, fHigh = f * lowerF
            singleInterval = ((fLow - 1) / (fLow + n0 - 1))...((fHigh - 1) / (fHigh + n0 - 1))
            averageInterval = (1 - 1 / fLow)...(1 - 1 / fHigh)
        } else {
            singleInterval = nil
            averageInterval = nil
        }
    }
}

/// Krippendorff's α for interval data with missing cells (§3.3): units are proposals, values
/// the scores; units with fewer than two scores are not pairable and left out.
public enum KrippendorffAlpha {
    public static func interval(_ table: ScoreTable) -> Double? {
        let units = table.byProposal.map { $0.map { table.entries[$0].value } }.filter { $0.count >= 2 }
        let values = units.flatMap { $0 }
        let n = Double(values.count)
        guard n > 1 else { return nil }
        var observed = 0.0
        for unit in units {
            var pairs = 0.0
            for a in unit { for b in unit { pairs += (a - b) * (a - b) } }
            observed += pairs / Double(unit.count - 1)
        }
        observed /= n
        // Σ over ordered pairs of all values of (a − b)² = 2n Σ(x − x̄)², without the n² loop.
        let mean = values.reduce(0, +) / n
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let expected = 2 * n * squares / (n * (n - 1))
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }
}

/// Kendall's W for a final jury where every member ranks every finalist (§3.2), with the tie
/// correction and the χ² test.
public struct KendallW: Equatable, Sendable {
    public let w: Double
    public let chiSquare: Double
    public let degreesOfFreedom: Int
    public let pValue: Double

    /// `scores[rater][object]`: higher is better. Ranks are 1 for the best, ties share the mean rank.
    public init?(scores: [[Double]]) {
        let m = scores.count
        guard m >= 2, let n = scores.first?.count, n >= 2, scores.allSatisfy({ $0.count == n }) else { return nil }
        var rankSums = [Double](repeating: 0, count: n)
        var tieCorrection = 0.0
        for row in scores {
            let (ranks, ties) = KendallW.ranks(row)
            for object in 0..<n { rankSums[object] += ranks[object] }
            tieCorrection += ties
        }
        let centre = Double(m) * Double(n + 1) / 2
        let s = rankSums.reduce(0) { $0 + ($1 - centre) * ($1 - centre) }
        let mm = Double(m), nn = Double(n)
        let denominator = mm * mm * (nn * nn * nn - nn) - mm * tieCorrection
        guard denominator > 0 else { return nil }
        w = 12 * s / denominator
        chiSquare = mm * (nn - 1) * w
        degreesOfFreedom = n - 1
        pValue = 1 - ChiSquareDistribution.cdf(chiSquare, degreesOfFreedom: Double(n - 1))
    }

    /// Mid-ranks of one rater's scores (best = 1) and the rater's Σ(t³ − t) over tie groups.
    static func ranks(_ row: [Double]) -> ([Double], Double) {
        let order = row.indices.sorted { row[$0] > row[$1] }
        var ranks = [Double](repeating: 0, count: row.count)
        var ties = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && row[order[end + 1]] == row[order[start]] { end += 1 }
            let rank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = rank }
            let t = Double(end - start + 1)
            ties += t * t * t - t
            start = end + 1
        }
        return (ranks, ties)
    }
}

// MARK: Distributions for the confidence interval and the χ² test

/// Regularised incomplete gamma and beta functions (Numerical Recipes' series and continued
/// fractions), enough for a χ² p-value and F quantiles.
enum SpecialFunctions {
    static func logGamma(_ x: Double) -> Double { Foundation.lgamma(x) }

    /// P(a, x), the lower regularised incomplete gamma function.
    static func lowerGamma(_ a: Double, _ x: Double) -> Double {
        guard x > 0 else { return 0 }
        if x < a + 1 {
            var sum = 1 / a, term = 1 / a, ap = a
            for _ in 0..<500 {
                ap += 1; term *= x / ap; sum += term
                if abs(term) < abs(sum) * 1e-15 { break }
            }
            return sum * exp(-x + a * log(x) - logGamma(a))
        }
        // Continued fraction for Q(a, x).
        var b = x + 1 - a, c = 1 / 1e-300, d = 1 / b, h = d
        for i in 1..<500 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b; if abs(d) < 1e-300 { d = 1e-300 }
            c = b + an / c; if abs(c) < 1e-300 { c = 1e-300 }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return 1 - exp(-x + a * log(x) - logGamma(a)) * h
    }

    /// I_x(a, b), the regularised incomplete beta function.
    static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log(1 - x))
        if x < (a + 1) / (a + b + 2) { return front * betaFraction(x, a, b) / a }
        return 1 - front * betaFraction(1 - x, b, a) / b
    }

    private static func betaFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1..<500 {
            let mm = Double(m)
            var an = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
            d = 1 + an * d; if abs(d) < tiny { d = tiny }
            c = 1 + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d; h *= d * c
            an = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            d = 1 + an * d; if abs(d) < tiny { d = tiny }
            c = 1 + an / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}

public enum ChiSquareDistribution {
    public static func cdf(_ x: Double, degreesOfFreedom k: Double) -> Double {
        SpecialFunctions.lowerGamma(k / 2, x / 2)
    }
}

public enum FDistribution {
    public static func cdf(_ x: Double, _ d1: Double, _ d2: Double) -> Double {
        guard x > 0 else { return 0 }
        return SpecialFunctions.incompleteBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)
    }

    /// The p-quantile, by bisection on the CDF.
    public static func quantile(_ p: Double, _ d1: Double, _ d2: Double) -> Double {
        var low = 0.0, high = 1.0
        while cdf(high, d1, d2) < p && high < 1e12 { high *= 2 }
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if cdf(middle, d1, d2) < p { low = middle } else { high = middle }
            if high - low < 1e-12 * max(1, high) { break }
        }
        return (low + high) / 2
    }
}
