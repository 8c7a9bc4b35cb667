/// Which score ranks a stage (§2.5: chosen in the edition's rules before scoring starts).
public enum ScoreBasis: String, Codable, CaseIterable, Sendable {
    /// The mean of the evaluators' totals.
    case rawMean
    /// The additive-bias calibrated score (λ), the preferred normalised score.
    case calibrated
    /// The Evalato-style z-score fitted back to the range of the raw means.
    case zScore
}

/// How a stage chooses who goes on.
public enum StageSelection: Codable, Equatable, Sendable {
    /// The best N, within the quotas.
    case top(Int)
    /// Everyone with an official score at or above this (e.g. KIPP 2025's passing grade 85).
    case cutoff(Double)
}

/// Seats shared out over one attribute in proportion to its groups (§4.3).
public struct ProportionalSeats: Codable, Equatable, Sendable {
    public var attribute: String
    public var method: ApportionmentMethod

    public init(attribute: String, method: ApportionmentMethod = .hamilton) {
        self.attribute = attribute
        self.method = method
    }
}

/// What happens at the cut-off when the last place is tied (§4.1).
public enum CutoffTies: String, Codable, Sendable {
    /// The tie key decides, so the list has exactly N.
    case applyKey
    /// Every proposal tied with the last place goes on (N grows).
    case admitAll
}

/// The evaluation rules of one scored stage, fixed before its scoring opens.
public struct StageRules: Codable, Equatable, Sendable {
    /// k, evaluators per proposal.
    public var evaluatorsPerProposal: Int
    public var basis: ScoreBasis
    /// λ of the bias model.
    public var lambda: Double
    public var selection: StageSelection
    public var quotas: [QuotaAttribute]
    public var proportional: ProportionalSeats?
    public var cutoffTies: CutoffTies
    /// Published before scoring closes; the last step of the tie key.
    public var lotterySeed: String
    /// Weight of the previous stage's official score in this one's (weighted carry-over, §5.2);
    /// nil is "gate then reset": this stage starts from zero.
    public var carryOverWeight: Double?
    /// A criterion's scores disagree when their range reaches this share of its scale.
    public var criterionRangeShare: Double
    /// The totals disagree when their range, after each evaluator's leniency, reaches this.
    public var totalRange: Double

    public init(evaluatorsPerProposal: Int = 3, basis: ScoreBasis = .rawMean, lambda: Double = 2, selection: StageSelection = .top(10),
                quotas: [QuotaAttribute] = [], proportional: ProportionalSeats? = nil, cutoffTies: CutoffTies = .applyKey,
                lotterySeed: String = "", carryOverWeight: Double? = nil, criterionRangeShare: Double = 0.4, totalRange: Double = 20) {
        self.evaluatorsPerProposal = evaluatorsPerProposal
        self.basis = basis
        self.lambda = lambda
        self.selection = selection
        self.quotas = quotas
        self.proportional = proportional
        self.cutoffTies = cutoffTies
        self.lotterySeed = lotterySeed
        self.carryOverWeight = carryOverWeight
        self.criterionRangeShare = criterionRangeShare
        self.totalRange = totalRange
    }

    /// What would make the rules unusable, named by field.
    public var problems: [EditionProblem] {
        var problems: [EditionProblem] = []
        if evaluatorsPerProposal < 1 || evaluatorsPerProposal > 10 {
            problems.append(EditionProblem("k", LocalizedMessage("evaluation.rules.k", String(evaluatorsPerProposal))))
        }
        switch selection {
        case .top(let n) where n < 1: problems.append(EditionProblem("top", LocalizedMessage("evaluation.rules.top", String(n))))
        case .cutoff(let score) where !(0...100).contains(score):
            problems.append(EditionProblem("cutoff", LocalizedMessage("evaluation.rules.cutoff", IndonesianFormat.number(score, fractionDigits: 1))))
        default: break
        }
        // A cut-off admits every proposal at or above it: caps can hold some back, but a floor
        // or proportional seats would need proposals below it. Those need Top-N.
        if case .cutoff = selection, proportional != nil || quotas.contains(where: { !$0.floors.isEmpty }) {
            problems.append(EditionProblem("quotas", LocalizedMessage("evaluation.rules.cutoffFloors")))
        }
        if lambda < 0 || lambda > 100 { problems.append(EditionProblem("lambda", LocalizedMessage("evaluation.rules.lambda"))) }
        if let weight = carryOverWeight, !(0...1).contains(weight) {
            problems.append(EditionProblem("carryOver", LocalizedMessage("evaluation.rules.carryOver")))
        }
        if quotas.count + (proportional == nil ? 0 : 1) > 2 {
            problems.append(EditionProblem("quotas", QuotaProblem.tooManyAttributes(quotas.count + (proportional == nil ? 0 : 1)).message))
        }
        if lotterySeed.trimmingWhitespace().isEmpty { problems.append(EditionProblem("seed", LocalizedMessage("evaluation.rules.seed"))) }
        return problems
    }
}
