/// How one evaluator's scores were turned into z-scores (§2.3, §2.6).
public enum ZTreatment: String, Codable, Sendable {
    /// Their own mean and population SD.
    case own
    /// Fewer than the minimum number of scores: mean and SD shrunk towards everyone's.
    case shrunk
    /// (Almost) the same score for everyone: everyone's mean and SD.
    case global
}

/// Options for the z-scores; the defaults are those of §0.
public struct ZScoreOptions: Equatable, Sendable {
    /// Below this many scores an evaluator's mean and SD are shrunk (§2.6).
    public var minimumCount: Int
    /// The pseudo-count n0 of the shrinkage.
    public var pseudoCount: Double
    /// An SD below this (on the 0–100 scale, 5 % of the range) counts as flat.
    public var flatFloor: Double

    public init(minimumCount: Int = 5, pseudoCount: Double = 5, flatFloor: Double = 5) {
        self.minimumCount = minimumCount
        self.pseudoCount = pseudoCount
        self.flatFloor = flatFloor
    }

    /// No shrinkage and no floor: the textbook z-score, as in the worked example of §2.3.
    public static let plain = ZScoreOptions(minimumCount: 0, pseudoCount: 0, flatFloor: 0)
}

/// Per-evaluator z-scores and the two ways back to the original scale (§2.3).
public struct ZScoreNormalisation: Sendable {
    public struct EvaluatorScale: Equatable, Sendable {
        public let moments: PopulationMoments
        /// The mean and SD the z-scores were computed with.
        public let mean: Double
        public let standardDeviation: Double
        public let treatment: ZTreatment
    }

    public let overall: PopulationMoments
    public let evaluators: [EvaluatorScale]
    /// z of every entry, in the table's entry order.
    public let entryZ: [Double]
    /// Z_i: the mean z per proposal (nil for a proposal without scores).
    public let proposalZ: [Double?]
    /// Evalato's fit: Z_i mapped so that the lowest and highest land on the lowest and highest raw means.
    public let evalatoFit: [Double?]
    /// μ_all + σ_all × Z_i.
    public let populationRescale: [Double?]

    public init(_ table: ScoreTable, options: ZScoreOptions = ZScoreOptions()) {
        let overall = PopulationMoments(table.entries.map(\.value))
        self.overall = overall
        var scales: [EvaluatorScale] = []
        for evaluator in 0..<table.evaluatorCount {
            let moments = PopulationMoments(table.values(ofEvaluator: evaluator))
            if moments.count > 0 && moments.count < options.minimumCount {
                let shrunk = Self.shrunk(moments, towards: overall, pseudoCount: options.pseudoCount)
                scales.append(EvaluatorScale(moments: moments, mean: shrunk.mean, standardDeviation: shrunk.standardDeviation, treatment: .shrunk))
            } else if moments.count > 0 && (moments.standardDeviation == 0 || moments.standardDeviation < options.flatFloor) {
                scales.append(EvaluatorScale(moments: moments, mean: overall.mean, standardDeviation: overall.standardDeviation, treatment: .global))
            } else {
                scales.append(EvaluatorScale(moments: moments, mean: moments.mean, standardDeviation: moments.standardDeviation, treatment: .own))
            }
        }
        evaluators = scales
        entryZ = table.entries.map { entry in
            let scale = scales[entry.evaluator]
            return scale.standardDeviation > 0 ? (entry.value - scale.mean) / scale.standardDeviation : 0
        }
        let entryZ = self.entryZ
        proposalZ = table.byProposal.map { positions in
            positions.isEmpty ? nil : positions.reduce(0) { $0 + entryZ[$1] } / Double(positions.count)
        }
        let rawMeans = table.byProposal.map { positions in
            positions.isEmpty ? nil : positions.reduce(0) { $0 + table.entries[$1].value } / Double(positions.count)
        }
        let raw = rawMeans.compactMap { $0 }, normalised = proposalZ.compactMap { $0 }
        if let sMin = raw.min(), let sMax = raw.max(), let nMin = normalised.min(), let nMax = normalised.max(), nMax > nMin {
            evalatoFit = proposalZ.map { z in z.map { sMin + ($0 - nMin) * (sMax - sMin) / (nMax - nMin) } }
        } else {
            evalatoFit = rawMeans
        }
        populationRescale = proposalZ.map { z in z.map { overall.mean + overall.standardDeviation * $0 } }
    }
}

extension ZScoreNormalisation {
    /// §2.6: μ̃ = (n μ + n0 μ_all)/(n + n0) and σ̃² = ((n − 1) s² + n0 σ_all²)/((n − 1) + n0).
    public static func shrunk(_ moments: PopulationMoments, towards overall: PopulationMoments, pseudoCount n0: Double) -> (mean: Double, standardDeviation: Double) {
        let n = Double(moments.count)
        let mean = (n * moments.mean + n0 * overall.mean) / (n + n0)
        let variance = ((n - 1) * moments.sampleVariance + n0 * overall.standardDeviation * overall.standardDeviation) / ((n - 1) + n0)
        return (mean, variance.squareRoot())
    }
}

/// The additive evaluator-bias model y_ij = μ + f_i + b_j + ε (§2.5), fitted by ridge least
/// squares: each evaluator's bias is shrunk by n_j/(n_j + λ).
public struct BiasCalibration: Sendable {
    public let lambda: Double
    public let grandMean: Double
    /// f_i, the proposal effects (0 for a proposal without scores).
    public let proposalEffects: [Double]
    /// b_j, the evaluator leniencies (positive = lenient).
    public let evaluatorBiases: [Double]
    /// μ + f_i, on the original scale (nil for a proposal without scores).
    public let calibrated: [Double?]
    /// How many sweeps the fit took, and whether it settled below the tolerance.
    public let sweeps: Int
    public let converged: Bool

    public init(_ table: ScoreTable, lambda: Double = 2, tolerance: Double = 1e-9, maximumSweeps: Int = 5_000) {
        self.lambda = lambda
        let values = table.entries.map(\.value)
        let mu = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        grandMean = mu
        var f = [Double](repeating: 0, count: table.proposalCount)
        var b = [Double](repeating: 0, count: table.evaluatorCount)
        let entries = table.entries
        var sweeps = 0, converged = false
        while sweeps < maximumSweeps {
            sweeps += 1
            var change = 0.0
            for proposal in 0..<table.proposalCount {
                let positions = table.byProposal[proposal]
                guard !positions.isEmpty else { continue }
                var sum = 0.0
                for position in positions { sum += entries[position].value - mu - b[entries[position].evaluator] }
                let updated = sum / Double(positions.count)
                change = max(change, abs(updated - f[proposal]))
                f[proposal] = updated
            }
            for evaluator in 0..<table.evaluatorCount {
                let positions = table.byEvaluator[evaluator]
                guard !positions.isEmpty else { continue }
                var sum = 0.0
                for position in positions { sum += entries[position].value - mu - f[entries[position].proposal] }
                let updated = sum / (Double(positions.count) + lambda)
                change = max(change, abs(updated - b[evaluator]))
                b[evaluator] = updated
            }
            if change < tolerance { converged = true; break }
        }
        if lambda == 0 {
            // Pure fixed effects: centre the biases and move the proposals to match.
            let scored = (0..<table.evaluatorCount).filter { !table.byEvaluator[$0].isEmpty }
            let centre = scored.isEmpty ? 0 : scored.reduce(0) { $0 + b[$1] } / Double(scored.count)
            for evaluator in scored { b[evaluator] -= centre }
            for proposal in 0..<table.proposalCount where !table.byProposal[proposal].isEmpty { f[proposal] += centre }
        }
        proposalEffects = f
        evaluatorBiases = b
        calibrated = (0..<table.proposalCount).map { table.byProposal[$0].isEmpty ? nil : mu + f[$0] }
        self.sweeps = sweeps
        self.converged = converged
    }
}
