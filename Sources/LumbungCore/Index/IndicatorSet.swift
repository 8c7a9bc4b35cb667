/// One indicator of the Indeks Inovasi Daerah: answered with a level (0 = not met, up to
/// `levels`), worth `level × weight` points.
public struct IndexIndicator: Codable, Equatable, Sendable {
    public var key: String
    /// The number on the official form (1–15 SPD, 16–35 SID in 2023).
    public var number: Int
    public var name: String
    public var weight: Double
    public var levels: Int
    /// What counts as evidence, shown beside the answer.
    public var evidence: String
    public var isMandatory: Bool

    public init(key: String, number: Int, name: String, weight: Double, levels: Int = 3, evidence: String = "", isMandatory: Bool = false) {
        self.key = key
        self.number = number
        self.name = name
        self.weight = weight
        self.levels = levels
        self.evidence = evidence
        self.isMandatory = isMandatory
    }

    public var maximum: Double { weight * Double(levels) }
}

/// The score for the number of innovations: points per scored innovation up to a cap, and in
/// the 2026 form only when the innovations cover enough of the six urusan wajib pelayanan dasar.
public struct InnovationCountRule: Codable, Equatable, Sendable {
    public var pointsPerInnovation: Double
    public var cap: Int
    /// How many of the six basic-service affairs must be covered; nil: no condition.
    public var requiredBasicServices: Int?

    public init(pointsPerInnovation: Double, cap: Int, requiredBasicServices: Int? = nil) {
        self.pointsPerInnovation = pointsPerInnovation
        self.cap = cap
        self.requiredBasicServices = requiredBasicServices
    }

    public var maximum: Double { pointsPerInnovation * Double(cap) }
}

/// A class (predikat): an index above `above` (or equal to it when `inclusive`) earns it.
public struct IndexClass: Codable, Equatable, Sendable {
    public var key: String
    public var name: String
    public var above: Double
    public var inclusive: Bool

    public init(key: String, name: String, above: Double, inclusive: Bool = false) {
        self.key = key
        self.name = name
        self.above = above
        self.inclusive = inclusive
    }

    /// The class of an index of 0: nothing could be scored.
    public static let notAssessable = IndexClass(key: "tidak-dapat-dinilai", name: "Tidak Dapat Dinilai", above: 0)
}

/// One year's form of the index as data: the region-level (SPD) and per-innovation (SID)
/// indicators, the divisor floor MAX(floor, n), the count score, the maxima the weights must
/// add up to, and the classes from the highest down.
public struct IndicatorSet: Codable, Equatable, Sendable {
    public var year: Int
    public var name: String
    public var regionIndicators: [IndexIndicator]
    public var innovationIndicators: [IndexIndicator]
    public var divisorFloor: Int
    public var countRule: InnovationCountRule
    public var regionMaximum: Double
    public var innovationMaximum: Double
    public var maximumTotal: Double
    /// Highest first; an index at or below the last threshold (but above 0) gets the last.
    public var classes: [IndexClass]
    /// Where the numbers come from, and how sure that is.
    public var source: String
    /// An innovation older than this many years is scored only with a recorded development
    /// (pengembangan); nil: no such rule.
    public var developmentAfterYears: Int?

    public init(year: Int, name: String, regionIndicators: [IndexIndicator], innovationIndicators: [IndexIndicator], divisorFloor: Int,
                countRule: InnovationCountRule, regionMaximum: Double, innovationMaximum: Double, maximumTotal: Double,
                classes: [IndexClass], source: String, developmentAfterYears: Int? = nil) {
        self.year = year
        self.name = name
        self.regionIndicators = regionIndicators
        self.innovationIndicators = innovationIndicators
        self.divisorFloor = divisorFloor
        self.countRule = countRule
        self.regionMaximum = regionMaximum
        self.innovationMaximum = innovationMaximum
        self.maximumTotal = maximumTotal
        self.classes = classes
        self.source = source
        self.developmentAfterYears = developmentAfterYears
    }

    public func indicator(_ key: String) -> IndexIndicator? {
        regionIndicators.first { $0.key == key } ?? innovationIndicators.first { $0.key == key }
    }

    /// What makes the set unusable, each naming the part: weights that do not add up to the
    /// maxima, maxima that do not add up to the total, classes out of order.
    public func problems() -> [IndexProblem] {
        var problems: [IndexProblem] = []
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.000_001 }
        let region = regionIndicators.map(\.maximum).reduce(0, +)
        if !close(region, regionMaximum) {
            problems.append(IndexProblem("regionIndicators", LocalizedMessage("index.set.regionSum", IndexNumber.text(region), IndexNumber.text(regionMaximum))))
        }
        let innovation = innovationIndicators.map(\.maximum).reduce(0, +)
        if !close(innovation, innovationMaximum) {
            problems.append(IndexProblem("innovationIndicators",
                                         LocalizedMessage("index.set.innovationSum", IndexNumber.text(innovation), IndexNumber.text(innovationMaximum))))
        }
        let total = regionMaximum + innovationMaximum + countRule.maximum
        if !close(total, maximumTotal) {
            problems.append(IndexProblem("maximumTotal", LocalizedMessage("index.set.totalSum", IndexNumber.text(regionMaximum),
                                                                          IndexNumber.text(innovationMaximum), IndexNumber.text(countRule.maximum),
                                                                          IndexNumber.text(total), IndexNumber.text(maximumTotal))))
        }
        if divisorFloor < 1 { problems.append(IndexProblem("divisorFloor", LocalizedMessage("index.set.divisor", String(divisorFloor)))) }
        if let required = countRule.requiredBasicServices, !(0...6).contains(required) {
            problems.append(IndexProblem("countRule", LocalizedMessage("index.set.basicServices", String(required))))
        }
        let keys = (regionIndicators + innovationIndicators).map(\.key)
        for key in Set(keys) where keys.filter({ $0 == key }).count > 1 {
            problems.append(IndexProblem("indicators", LocalizedMessage("index.set.duplicate", key)))
        }
        for indicator in regionIndicators + innovationIndicators where indicator.levels < 1 || indicator.weight < 0 {
            problems.append(IndexProblem("indicators", LocalizedMessage("index.set.badIndicator", indicator.name)))
        }
        let thresholds = classes.map(\.above)
        if classes.isEmpty || thresholds != thresholds.sorted(by: >) || thresholds.contains(where: { $0 < 0 || $0 >= 100 }) {
            problems.append(IndexProblem("classes", LocalizedMessage("index.set.classes")))
        }
        return problems
    }
}

/// A problem with a set or with answers, naming the part.
public struct IndexProblem: Error, Equatable, Sendable {
    public let part: String
    public let message: LocalizedMessage

    public init(_ part: String, _ message: LocalizedMessage) {
        self.part = part
        self.message = message
    }
}

/// Index numbers the way the IID app shows them: two decimals, a comma.
public enum IndexNumber {
    public static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    public static func text(_ value: Double) -> String {
        let rounded = rounded(value)
        let whole = Int(rounded.rounded(.towardZero)), cents = Int((abs(rounded - Double(whole)) * 100).rounded())
        if cents == 0 { return String(whole) }
        return "\(rounded < 0 && whole == 0 ? "-" : "")\(whole),\(cents < 10 ? "0" : "")\(cents)"
    }
}
