/// One innovation as the index sees it: its answers (indicator key → level), the urusan it
/// serves, and whether it may be scored (an innovation past two years without a recorded
/// development is not).
public struct IndexedInnovation: Equatable, Sendable {
    public var id: Int64
    public var name: String
    public var affairs: Set<String>
    public var levels: [String: Int]
    public var needsDevelopment: Bool

    public init(id: Int64, name: String, affairs: Set<String> = [], levels: [String: Int] = [:], needsDevelopment: Bool = false) {
        self.id = id
        self.name = name
        self.affairs = affairs
        self.levels = levels
        self.needsDevelopment = needsDevelopment
    }
}

/// A region's answers for one year: the SPD levels and the innovations it reports.
public struct IndexAnswers: Equatable, Sendable {
    public var region: [String: Int]
    public var innovations: [IndexedInnovation]

    public init(region: [String: Int] = [:], innovations: [IndexedInnovation] = []) {
        self.region = region
        self.innovations = innovations
    }
}

/// The index with every step of its computation.
public struct IndexResult: Equatable, Sendable {
    public struct InnovationScore: Equatable, Sendable {
        public let id: Int64
        public let name: String
        public let points: Double
        public let isScored: Bool
        /// Mandatory indicators without an answer.
        public let missingMandatory: [String]
    }

    public let regionPoints: Double
    public let missingMandatoryRegion: [String]
    public let innovations: [InnovationScore]
    /// Scored innovations: n.
    public let scoredCount: Int
    public let innovationPoints: Double
    /// MAX(floor, n).
    public let divisor: Int
    public let innovationAverage: Double
    public let basicServicesCovered: [String]
    public let countApplies: Bool
    public let countPoints: Double
    public let total: Double
    public let maximumTotal: Double
    /// (SPD + SID) / maximum × 100, to two decimals.
    public let index: Double
    public let indexClass: IndexClass
}

public enum InnovationIndex {
    /// The six urusan wajib pelayanan dasar, by code.
    public static let basicServices: [String] = GovernmentAffair.all.filter(\.isBasicService).map(\.code)

    /// Answers that cannot be scored, each naming the indicator: an unknown key, a level outside
    /// the indicator's levels, an SID indicator given as a region answer or the other way round.
    public static func problems(_ answers: IndexAnswers, in set: IndicatorSet) -> [IndexProblem] {
        var problems: [IndexProblem] = []
        func check(_ levels: [String: Int], against indicators: [IndexIndicator], owner: String) {
            for (key, level) in levels.sorted(by: { $0.key < $1.key }) {
                guard let indicator = indicators.first(where: { $0.key == key }) else {
                    problems.append(IndexProblem(key, LocalizedMessage("index.answer.unknown", key, owner)))
                    continue
                }
                if !(0...indicator.levels).contains(level) {
                    problems.append(IndexProblem(key, LocalizedMessage("index.answer.level", indicator.name, String(level), String(indicator.levels))))
                }
            }
        }
        check(answers.region, against: set.regionIndicators, owner: "SPD")
        for innovation in answers.innovations { check(innovation.levels, against: set.innovationIndicators, owner: innovation.name) }
        return problems
    }

    /// SPD = Σ level × weight; SID = Σ over scored innovations / MAX(floor, n) + the count score;
    /// IID = (SPD + SID) / maximum × 100. Answers are expected to be free of `problems`; an
    /// unknown key is ignored and a level is clamped to the indicator's range.
    public static func compute(_ answers: IndexAnswers, with set: IndicatorSet) -> IndexResult {
        func points(_ levels: [String: Int], _ indicators: [IndexIndicator]) -> Double {
            indicators.reduce(0) { $0 + Double(min(max(levels[$1.key] ?? 0, 0), $1.levels)) * $1.weight }
        }
        func missing(_ levels: [String: Int], _ indicators: [IndexIndicator]) -> [String] {
            indicators.filter { $0.isMandatory && (levels[$0.key] ?? 0) == 0 }.map(\.name)
        }
        let region = points(answers.region, set.regionIndicators)
        let scores = answers.innovations.sorted { $0.id < $1.id }.map { innovation in
            IndexResult.InnovationScore(id: innovation.id, name: innovation.name, points: points(innovation.levels, set.innovationIndicators),
                                        isScored: !innovation.needsDevelopment,
                                        missingMandatory: missing(innovation.levels, set.innovationIndicators))
        }
        let scored = scores.filter(\.isScored)
        let sum = scored.map(\.points).reduce(0, +)
        let divisor = max(set.divisorFloor, scored.count)
        let scoredIDs = Set(scored.map(\.id))
        let served = answers.innovations.filter { scoredIDs.contains($0.id) }.reduce(into: Set<String>()) { $0.formUnion($1.affairs) }
        let covered = basicServices.filter(served.contains)
        let applies = set.countRule.requiredBasicServices.map { covered.count >= $0 } ?? true
        let count = applies ? set.countRule.pointsPerInnovation * Double(min(scored.count, set.countRule.cap)) : 0
        let average = sum / Double(divisor)
        let total = region + average + count
        let index = set.maximumTotal > 0 ? IndexNumber.rounded(total / set.maximumTotal * 100) : 0
        return IndexResult(regionPoints: region, missingMandatoryRegion: missing(answers.region, set.regionIndicators), innovations: scores,
                           scoredCount: scored.count, innovationPoints: sum, divisor: divisor, innovationAverage: average,
                           basicServicesCovered: covered, countApplies: applies, countPoints: count, total: total,
                           maximumTotal: set.maximumTotal, index: index, indexClass: classify(index, in: set))
    }

    /// The class of an index (compared at two decimals): the first whose threshold it passes,
    /// else the lowest; 0 is "Tidak Dapat Dinilai".
    public static func classify(_ index: Double, in set: IndicatorSet) -> IndexClass {
        let value = IndexNumber.rounded(index)
        guard value > 0 else { return .notAssessable }
        return set.classes.first { value > $0.above || ($0.inclusive && value == $0.above) } ?? set.classes.last ?? .notAssessable
    }
}

/// What-if: change a level, add or drop an innovation, and see the index at once. Nothing is saved.
public enum IndexChange: Equatable, Sendable {
    /// A region (SPD) answer when `innovation` is nil.
    case setLevel(innovation: Int64?, indicator: String, level: Int)
    case add(IndexedInnovation)
    case drop(Int64)
}

extension IndexAnswers {
    /// The answers with the changes applied in order; an unknown indicator or innovation, or a
    /// level outside the indicator's range, is named and nothing is applied.
    public func applying(_ changes: [IndexChange], in set: IndicatorSet) throws(IndexProblem) -> IndexAnswers {
        var result = self
        for change in changes {
            switch change {
            case .setLevel(nil, let key, let level):
                guard let indicator = set.regionIndicators.first(where: { $0.key == key }) else {
                    throw IndexProblem(key, LocalizedMessage("index.answer.unknown", key, "SPD"))
                }
                try Self.check(level, indicator)
                result.region[key] = level
            case .setLevel(let id?, let key, let level):
                guard let position = result.innovations.firstIndex(where: { $0.id == id }) else {
                    throw IndexProblem("innovation", LocalizedMessage("index.whatIf.noInnovation", String(id)))
                }
                guard let indicator = set.innovationIndicators.first(where: { $0.key == key }) else {
                    throw IndexProblem(key, LocalizedMessage("index.answer.unknown", key, result.innovations[position].name))
                }
                try Self.check(level, indicator)
                result.innovations[position].levels[key] = level
            case .add(let innovation):
                if let problem = InnovationIndex.problems(IndexAnswers(innovations: [innovation]), in: set).first { throw problem }
                result.innovations.removeAll { $0.id == innovation.id }
                result.innovations.append(innovation)
            case .drop(let id):
                guard result.innovations.contains(where: { $0.id == id }) else {
                    throw IndexProblem("innovation", LocalizedMessage("index.whatIf.noInnovation", String(id)))
                }
                result.innovations.removeAll { $0.id == id }
            }
        }
        return result
    }

    private static func check(_ level: Int, _ indicator: IndexIndicator) throws(IndexProblem) {
        guard (0...indicator.levels).contains(level) else {
            throw IndexProblem(indicator.key, LocalizedMessage("index.answer.level", indicator.name, String(level), String(indicator.levels)))
        }
    }
}
