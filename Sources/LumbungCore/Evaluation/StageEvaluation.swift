/// One submitted score sheet.
public struct SubmittedSheet: Equatable, Sendable {
    public let proposal: Int64
    public let evaluator: Int64
    public let scores: CriterionScores

    public init(proposal: Int64, evaluator: Int64, scores: CriterionScores) {
        self.proposal = proposal
        self.evaluator = evaluator
        self.scores = scores
    }
}

/// A proposal as the stage sees it: its attributes for the quotas (kategori, kelompok, wilayah)
/// and, with weighted carry-over, its official score from the stage before.
public struct StageProposal: Equatable, Sendable {
    public let id: Int64
    public let attributes: [String: String]
    public let previousScore: Double?

    public init(id: Int64, attributes: [String: String] = [:], previousScore: Double? = nil) {
        self.id = id
        self.attributes = attributes
        self.previousScore = previousScore
    }
}

/// Why a proposal is on the committee's agenda (§2.7).
public enum DisagreementFlag: Equatable, Sendable {
    /// The scores of one criterion span at least the edition's share of its scale.
    case criterionRange(criterion: String, range: Int)
    /// The totals span at least the threshold once each evaluator's leniency is taken out.
    case totalRange(adjusted: Double, raw: Double)
    /// The cut-off lies within one standard error of the official score.
    case nearCutoff(cutoff: Double, standardError: Double)
}

/// What the secretariat should follow up about an evaluator (§2.6 item 4).
public enum EvaluatorFlag: Equatable, Sendable {
    case fewScores(Int)
    case flat(standardDeviation: Double)
    /// |b_j| larger than one SD of all the biases: much harsher (negative) or more lenient.
    case unusualLeniency(bias: Double)
}

/// Why the official score is the raw mean although the edition chose a normalised one (§0).
public enum BasisFallback: Equatable, Sendable {
    case evaluatorsWithFewScores([Int64])
    case disconnected(parts: Int)
}

public struct ProposalResult: Equatable, Sendable {
    public struct Sheet: Equatable, Sendable {
        public let evaluator: Int64
        public let scores: CriterionScores
        public let total: Double
        /// The z the evaluator's total got, and the total with the evaluator's leniency taken out.
        public let z: Double
        public let adjusted: Double
    }

    public let id: Int64
    public let attributes: [String: String]
    /// In evaluator order.
    public let sheets: [Sheet]
    public let summary: ScoreSummary?
    /// Mean score per criterion on the criterion's own scale.
    public let criterionMeans: [String: Double]
    public let meanZ: Double?
    public let zFit: Double?
    public let calibrated: Double?
    /// The score of this stage on the chosen basis, before any carry-over.
    public let stageScore: Double?
    public let previousScore: Double?
    /// The score the ranking uses.
    public let official: Double?
    public let flags: [DisagreementFlag]
    public let rank: Int?
    public let decidedAgainstNext: TieBreak?
    public let shortlisted: Bool
    public let skipped: QuotaSelection.Skip?
}

public struct EvaluatorResult: Equatable, Sendable {
    public let id: Int64
    public let count: Int
    /// Population mean and SD of the evaluator's totals.
    public let mean: Double
    public let standardDeviation: Double
    /// The mean and SD the z-scores used, and how they were chosen.
    public let zMean: Double
    public let zStandardDeviation: Double
    public let treatment: ZTreatment
    public let bias: Double
    /// Pearson correlation of the evaluator's totals with their co-evaluators' means.
    public let agreement: Double?
    public let flags: [EvaluatorFlag]
    /// The evaluator's totals, for the distribution chart.
    public let totals: [Double]
}

public struct StageReliability: Equatable, Sendable {
    public let raw: OneWayICC?
    public let onZ: OneWayICC?
    public let alphaRaw: Double?
    public let alphaOnZ: Double?
}

/// Everything the ranking page shows about a stage, computed from the submitted sheets alone.
public struct StageResult: Equatable, Sendable {
    /// Ranked proposals first, then those without scores.
    public let proposals: [ProposalResult]
    public let evaluators: [EvaluatorResult]
    public let reliability: StageReliability
    public let connectedParts: Int
    public let chosenBasis: ScoreBasis
    public let basisUsed: ScoreBasis
    public let fallback: BasisFallback?
    public let grandMean: Double
    public let overall: PopulationMoments
    /// The lowest and highest raw and z means, the constants of the Evalato fit.
    public let fit: (rawMin: Double, rawMax: Double, zMin: Double, zMax: Double)?
    public let lambda: Double
    public let quotaProblems: [QuotaProblem]
    public let shortlist: [Int64]
    /// The official score at the last place taken (top N) or the cut-off score.
    public let cutoff: Double?
    public let seats: [String: Int]?
    /// The best total the caps allow, for comparison when two attributes are capped.
    public let highestTotal: [Int64]?

    public static func == (a: StageResult, b: StageResult) -> Bool {
        a.proposals == b.proposals && a.evaluators == b.evaluators && a.shortlist == b.shortlist && a.basisUsed == b.basisUsed
    }

    public func proposal(_ id: Int64) -> ProposalResult? { proposals.first { $0.id == id } }
}

/// The whole aggregation of a stage (§2–§4): totals, mean and median, z-scores with shrinkage,
/// the bias model, flags, reliability, the ranking with its tie key and the shortlist.
public enum StageEvaluation {
    public static func evaluate(criteria: [Criterion], rules: StageRules, proposals: [StageProposal], sheets: [SubmittedSheet],
                                committeeOrder: [Int64: Int] = [:], zOptions: ZScoreOptions = ZScoreOptions()) -> StageResult {
        let proposals = proposals.sorted { $0.id < $1.id }
        let proposalIndex = Dictionary(uniqueKeysWithValues: proposals.enumerated().map { ($1.id, $0) })
        let evaluatorIDs = Array(Set(sheets.map(\.evaluator))).sorted()
        let evaluatorIndex = Dictionary(uniqueKeysWithValues: evaluatorIDs.enumerated().map { ($1, $0) })
        let usable = sheets.filter { proposalIndex[$0.proposal] != nil }.sorted { ($0.proposal, $0.evaluator) < ($1.proposal, $1.evaluator) }
        let totals = usable.map { WeightedTotal.total($0.scores, criteria: criteria) }
        let table = ScoreTable(proposals: proposals.count, evaluators: evaluatorIDs.count, entries: zip(usable, totals).map {
            ScoreTable.Entry(proposal: proposalIndex[$0.proposal]!, evaluator: evaluatorIndex[$0.evaluator]!, value: $1)
        })
        let z = ZScoreNormalisation(table, options: zOptions)
        let bias = BiasCalibration(table, lambda: rules.lambda)
        let parts = table.connectedParts

        // The basis: a normalised score only when every evaluator has enough scores and the panel is connected.
        var fallback: BasisFallback?
        if rules.basis != .rawMean {
            let few = evaluatorIDs.indices.filter { table.byEvaluator[$0].count < 5 }.map { evaluatorIDs[$0] }
            if !few.isEmpty { fallback = .evaluatorsWithFewScores(few) }
            else if parts > 1 { fallback = .disconnected(parts: parts) }
        }
        let basis = fallback == nil ? rules.basis : .rawMean

        // Per proposal.
        let weightOrder = criteria.enumerated().sorted { $0.element.weight != $1.element.weight ? $0.element.weight > $1.element.weight : $0.offset < $1.offset }.map(\.element)
        var summaries: [ScoreSummary?] = []
        var stageScores: [Double?] = []
        var officials: [Double?] = []
        var sheetsByProposal: [[ProposalResult.Sheet]] = []
        var criterionMeans: [[String: Double]] = []
        for (position, proposal) in proposals.enumerated() {
            let entries = table.byProposal[position]
            let summary = ScoreSummary(entries.map { table.entries[$0].value })
            summaries.append(summary)
            sheetsByProposal.append(entries.map { entry in
                let sheet = usable[entry]
                return ProposalResult.Sheet(evaluator: sheet.evaluator, scores: sheet.scores, total: totals[entry], z: z.entryZ[entry],
                                            adjusted: totals[entry] - bias.evaluatorBiases[table.entries[entry].evaluator])
            })
            var means: [String: Double] = [:]
            for criterion in criteria {
                let values = entries.compactMap { usable[$0].scores[criterion.key] }
                if !values.isEmpty { means[criterion.key] = Double(values.reduce(0, +)) / Double(values.count) }
            }
            criterionMeans.append(means)
            let stage: Double?
            switch basis {
            case .rawMean: stage = summary?.mean
            case .calibrated: stage = bias.calibrated[position]
            case .zScore: stage = z.evalatoFit[position]
            }
            stageScores.append(stage)
            if let stage, let weight = rules.carryOverWeight, let previous = proposal.previousScore {
                officials.append((1 - weight) * stage + weight * previous)
            } else {
                officials.append(stage)
            }
        }

        // The ranking, then the shortlist.
        let candidates = proposals.indices.compactMap { position -> RankingCandidate? in
            guard let official = officials[position], let summary = summaries[position] else { return nil }
            let criterionScores = weightOrder.map { criterion in
                (key: criterion.key, value: criterionMeans[position][criterion.key].map {
                    100 * ($0 - Double(criterion.scaleMin)) / Double(criterion.scaleMax - criterion.scaleMin)
                } ?? 0)
            }
            return RankingCandidate(id: proposals[position].id, score: official, criterionScores: criterionScores,
                                    median: summary.median, totals: table.values(ofProposal: position))
        }
        let ranking = Ranking(candidates, lotterySeed: rules.lotterySeed, committeeOrder: committeeOrder)
        let shortlist = Shortlist.choose(ranking: ranking, proposals: proposals, rules: rules)

        // Flags, now that the cut-off is known.
        let rankByID = Dictionary(uniqueKeysWithValues: ranking.places.map { ($0.candidate.id, $0) })
        var results: [ProposalResult] = []
        for (position, proposal) in proposals.enumerated() {
            var flags: [DisagreementFlag] = []
            for criterion in criteria {
                let values = sheetsByProposal[position].compactMap { $0.scores[criterion.key] }
                if let low = values.min(), let high = values.max(),
                   Double(high - low) >= rules.criterionRangeShare * Double(criterion.scaleMax - criterion.scaleMin) - 1e-9 {
                    flags.append(.criterionRange(criterion: criterion.key, range: high - low))
                }
            }
            let adjusted = sheetsByProposal[position].map(\.adjusted)
            if let low = adjusted.min(), let high = adjusted.max(), high - low >= rules.totalRange {
                flags.append(.totalRange(adjusted: high - low, raw: summaries[position]?.range ?? 0))
            }
            if let cutoff = shortlist.cutoff, let official = officials[position], let error = summaries[position]?.standardError,
               error > 0, abs(official - cutoff) < error {
                flags.append(.nearCutoff(cutoff: cutoff, standardError: error))
            }
            let place = rankByID[proposal.id]
            results.append(ProposalResult(
                id: proposal.id, attributes: proposal.attributes, sheets: sheetsByProposal[position], summary: summaries[position],
                criterionMeans: criterionMeans[position], meanZ: z.proposalZ[position], zFit: z.evalatoFit[position],
                calibrated: bias.calibrated[position], stageScore: stageScores[position], previousScore: proposal.previousScore,
                official: officials[position], flags: flags, rank: place?.rank, decidedAgainstNext: place?.decidedAgainstNext,
                shortlisted: shortlist.selected.contains(proposal.id), skipped: shortlist.skipped[proposal.id]))
        }
        results.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?): return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id < b.id
            }
        }

        return StageResult(
            proposals: results, evaluators: evaluatorResults(table, evaluatorIDs, z, bias), reliability: reliability(table, z),
            connectedParts: parts, chosenBasis: rules.basis, basisUsed: basis, fallback: fallback, grandMean: bias.grandMean,
            overall: z.overall, fit: fitConstants(table, z), lambda: rules.lambda, quotaProblems: shortlist.problems,
            shortlist: shortlist.selected, cutoff: shortlist.cutoff, seats: shortlist.seats, highestTotal: shortlist.highestTotal)
    }

    static func fitConstants(_ table: ScoreTable, _ z: ZScoreNormalisation) -> (rawMin: Double, rawMax: Double, zMin: Double, zMax: Double)? {
        let raw = (0..<table.proposalCount).compactMap { ScoreSummary(table.values(ofProposal: $0))?.mean }
        let normalised = z.proposalZ.compactMap { $0 }
        guard let a = raw.min(), let b = raw.max(), let c = normalised.min(), let d = normalised.max() else { return nil }
        return (a, b, c, d)
    }

    static func reliability(_ table: ScoreTable, _ z: ZScoreNormalisation) -> StageReliability {
        let onZ = table.replacingValues(z.entryZ)
        return StageReliability(raw: OneWayICC(table), onZ: OneWayICC(onZ),
                                alphaRaw: KrippendorffAlpha.interval(table), alphaOnZ: KrippendorffAlpha.interval(onZ))
    }

    static func evaluatorResults(_ table: ScoreTable, _ ids: [Int64], _ z: ZScoreNormalisation, _ bias: BiasCalibration) -> [EvaluatorResult] {
        let biases = ids.indices.filter { !table.byEvaluator[$0].isEmpty }.map { bias.evaluatorBiases[$0] }
        let biasSpread = biases.count >= 3 ? PopulationMoments(biases).standardDeviation : .infinity
        return ids.indices.map { position in
            let scale = z.evaluators[position]
            var flags: [EvaluatorFlag] = []
            if scale.moments.count < 5 { flags.append(.fewScores(scale.moments.count)) }
            if scale.moments.count >= 2 && scale.moments.standardDeviation < 5 { flags.append(.flat(standardDeviation: scale.moments.standardDeviation)) }
            if abs(bias.evaluatorBiases[position]) > biasSpread && biasSpread > 0 { flags.append(.unusualLeniency(bias: bias.evaluatorBiases[position])) }
            return EvaluatorResult(id: ids[position], count: scale.moments.count, mean: scale.moments.mean,
                                   standardDeviation: scale.moments.standardDeviation, zMean: scale.mean,
                                   zStandardDeviation: scale.standardDeviation, treatment: scale.treatment,
                                   bias: bias.evaluatorBiases[position], agreement: agreement(table, position), flags: flags,
                                   totals: table.values(ofEvaluator: position))
        }
    }

    /// Pearson correlation of an evaluator's totals with the mean of the others on the same proposals.
    static func agreement(_ table: ScoreTable, _ evaluator: Int) -> Double? {
        var mine: [Double] = [], others: [Double] = []
        for position in table.byEvaluator[evaluator] {
            let entry = table.entries[position]
            let rest = table.byProposal[entry.proposal].filter { $0 != position }.map { table.entries[$0].value }
            guard !rest.isEmpty else { continue }
            mine.append(entry.value)
            others.append(rest.reduce(0, +) / Double(rest.count))
        }
        guard mine.count >= 3 else { return nil }
        let a = PopulationMoments(mine), b = PopulationMoments(others)
        guard a.standardDeviation > 0, b.standardDeviation > 0 else { return nil }
        let covariance = zip(mine, others).reduce(0) { $0 + ($1.0 - a.mean) * ($1.1 - b.mean) } / Double(mine.count)
        return covariance / (a.standardDeviation * b.standardDeviation)
    }
}
