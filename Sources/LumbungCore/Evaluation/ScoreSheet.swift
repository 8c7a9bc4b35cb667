/// One evaluator's scores for one proposal, criterion key → score on the criterion's scale.
public typealias CriterionScores = [String: Int]

/// A problem with a score sheet, naming the criterion.
public enum ScoreSheetProblem: Equatable, Sendable {
    case missing(criterion: String)
    case outsideScale(criterion: String, score: Int, min: Int, max: Int)
    case unknown(criterion: String)
    /// The field held something other than a whole number.
    case notWhole(criterion: String)

    public var criterion: String {
        switch self {
        case .missing(let name), .outsideScale(let name, _, _, _), .unknown(let name), .notWhole(let name): return name
        }
    }

    public var message: LocalizedMessage {
        switch self {
        case .missing(let name): return LocalizedMessage("evaluation.score.missing", name)
        case .outsideScale(let name, let score, let min, let max):
            return LocalizedMessage("evaluation.score.outsideScale", name, String(score), String(min), String(max))
        case .unknown(let key): return LocalizedMessage("evaluation.score.unknown", key)
        case .notWhole(let name): return LocalizedMessage("evaluation.score.notNumber", name)
        }
    }
}

/// The weighted total of evaluation-methods §2.1: every criterion rescaled to its own range,
/// so that the lowest score on a 1–5 scale counts 0 and the highest 100.
public enum WeightedTotal {
    /// total = 100 × Σ w_c (s_c − min_c)/(max_c − min_c), with the weights normalised to sum 1.
    /// Criteria without a score count as 0 (a complete sheet is checked before it is submitted).
    public static func total(_ scores: CriterionScores, criteria: [Criterion]) -> Double {
        let weightSum = criteria.reduce(0) { $0 + $1.weight }
        guard weightSum > 0 else { return 0 }
        var total = 0.0
        for criterion in criteria {
            guard let score = scores[criterion.key] else { continue }
            total += criterion.weight / weightSum * rescaled(score, criterion)
        }
        return 100 * total
    }

    /// A criterion score on 0…1.
    public static func rescaled(_ score: Int, _ criterion: Criterion) -> Double {
        Double(score - criterion.scaleMin) / Double(criterion.scaleMax - criterion.scaleMin)
    }

    /// What stops a sheet from being submitted: every criterion once, on its scale. A draft may
    /// leave criteria empty but may not hold a score outside the scale.
    public static func problems(_ scores: CriterionScores, criteria: [Criterion], complete: Bool) -> [ScoreSheetProblem] {
        var problems: [ScoreSheetProblem] = []
        let known = Set(criteria.map(\.key))
        for key in scores.keys.sorted() where !known.contains(key) { problems.append(.unknown(criterion: key)) }
        for criterion in criteria {
            if let score = scores[criterion.key] {
                if score < criterion.scaleMin || score > criterion.scaleMax {
                    problems.append(.outsideScale(criterion: criterion.name, score: score, min: criterion.scaleMin, max: criterion.scaleMax))
                }
            } else if complete {
                problems.append(.missing(criterion: criterion.name))
            }
        }
        return problems
    }
}

/// Mean, median, trimmed mean and spread of one proposal's totals (§2.2, §2.7).
public struct ScoreSummary: Equatable, Sendable {
    public let count: Int
    public let mean: Double
    public let median: Double
    /// The mean without the highest and the lowest score; only from five scores up.
    public let trimmedMean: Double?
    /// Sample standard deviation (÷ (m − 1)); 0 for a single score.
    public let standardDeviation: Double
    /// Standard error of the mean, s/√m.
    public let standardError: Double
    public let minimum: Double
    public let maximum: Double

    public var range: Double { maximum - minimum }

    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(count)
        median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
        trimmedMean = count >= 5 ? sorted.dropFirst().dropLast().reduce(0, +) / Double(count - 2) : nil
        let mean = self.mean
        let squares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardDeviation = count > 1 ? (squares / Double(count - 1)).squareRoot() : 0
        standardError = standardDeviation / Double(count).squareRoot()
        minimum = sorted[0]
        maximum = sorted[count - 1]
    }
}

/// Population mean and standard deviation (÷ n), the form HotCRP's `var_p` uses and the one
/// the z-scores here are defined with.
public struct PopulationMoments: Equatable, Sendable {
    public let count: Int
    public let mean: Double
    public let standardDeviation: Double

    public init(count: Int, mean: Double, standardDeviation: Double) {
        self.count = count
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    public init(_ values: [Double]) {
        count = values.count
        guard count > 0 else { mean = 0; standardDeviation = 0; return }
        let mean = values.reduce(0, +) / Double(count)
        self.mean = mean
        standardDeviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)).squareRoot()
    }

    /// Sample variance (÷ (n − 1)), as the shrinkage of §2.6 uses it.
    public var sampleVariance: Double {
        count > 1 ? standardDeviation * standardDeviation * Double(count) / Double(count - 1) : 0
    }
}
