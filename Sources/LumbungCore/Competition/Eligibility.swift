import Foundation

/// One award an innovation received: from an edition in Lumbung, or entered for an earlier year
/// ("KIPP 2019 — Top 45").
public struct AwardRecord: Codable, Equatable, Sendable {
    public var year: Int
    public var editionName: String
    public var organiser: Organiser
    public var tierName: String
    public var isFinalist: Bool
    public var isTopTier: Bool

    public init(year: Int, editionName: String, organiser: Organiser, tierName: String, isFinalist: Bool, isTopTier: Bool) {
        self.year = year
        self.editionName = editionName
        self.organiser = organiser
        self.tierName = tierName
        self.isFinalist = isFinalist
        self.isTopTier = isTopTier
    }
}

/// What eligibility looks at of an innovation.
public struct EligibilityFacts: Sendable {
    public var status: ReviewStatus
    public var category: InnovationCategory
    public var stage: Stage
    public var implementationStart: CalendarDate?
    /// It names the innovation it replicates (in Lumbung or by name).
    public var replicatesNamedInnovation: Bool
    public var awards: [AwardRecord]

    public init(status: ReviewStatus, category: InnovationCategory, stage: Stage, implementationStart: CalendarDate?,
                replicatesNamedInnovation: Bool, awards: [AwardRecord]) {
        self.status = status
        self.category = category
        self.stage = stage
        self.implementationStart = implementationStart
        self.replicatesNamedInnovation = replicatesNamedInnovation
        self.awards = awards
    }
}

/// The outcome of one rule, with the facts and dates it compared.
public struct RuleOutcome: Equatable, Sendable {
    public enum Rule: String, Sendable, CaseIterable {
        case verified, minimumAge, category, stage
        case notTopTierWinnerBefore, notFinalistTwice, replicatesNamedInnovation, wasTopTierWinner
    }

    public let rule: Rule
    public let passed: Bool
    public let message: LocalizedMessage
}

/// Whether an innovation may enter a group of an edition, rule by rule.
public enum Eligibility {
    /// Every rule of `group`, in a fixed order, each with what it compared. `closes` is the
    /// last day of registration (in WITA); earlier awards are those of KIPP editions before
    /// `editionYear`.
    public static func check(_ facts: EligibilityFacts, group: EntryGroup, closes: CalendarDate, editionYear: Int) -> [RuleOutcome] {
        var outcomes: [RuleOutcome] = []
        outcomes.append(RuleOutcome(rule: .verified, passed: facts.status == .verified,
                                    message: LocalizedMessage(facts.status == .verified ? "eligibility.verified.ok" : "eligibility.verified.no",
                                                              LocalizedMessage.term("status.\(facts.status.rawValue)"))))
        outcomes.append(ageOutcome(facts.implementationStart, years: group.minimumAgeYears, closes: closes))
        if !group.allowedCategories.isEmpty {
            let passed = group.allowedCategories.contains(facts.category)
            outcomes.append(RuleOutcome(rule: .category, passed: passed, message: LocalizedMessage(
                passed ? "eligibility.category.ok" : "eligibility.category.no", LocalizedMessage.term("category.\(facts.category.rawValue)"),
                LocalizedMessage.terms(group.allowedCategories.map { "category.\($0.rawValue)" }))))
        }
        if !group.allowedStages.isEmpty {
            let passed = group.allowedStages.contains(facts.stage)
            outcomes.append(RuleOutcome(rule: .stage, passed: passed, message: LocalizedMessage(
                passed ? "eligibility.stage.ok" : "eligibility.stage.no", LocalizedMessage.term("stage.\(facts.stage.rawValue)"),
                LocalizedMessage.terms(group.allowedStages.map { "stage.\($0.rawValue)" }))))
        }
        let earlier = facts.awards.filter { $0.organiser == .nationalKIPP && $0.year < editionYear }
        let topTier = earlier.filter(\.isTopTier)
        let finalistYears = Set(earlier.filter { $0.isFinalist || $0.isTopTier }.map(\.year)).sorted()
        for rule in group.rules {
            switch rule {
            case .notTopTierWinnerBefore:
                outcomes.append(RuleOutcome(rule: .notTopTierWinnerBefore, passed: topTier.isEmpty, message: topTier.isEmpty
                    ? LocalizedMessage("eligibility.notTopTier.ok")
                    : LocalizedMessage("eligibility.notTopTier.no", describe(topTier))))
            case .notFinalistTwice:
                let passed = finalistYears.count < 2
                outcomes.append(RuleOutcome(rule: .notFinalistTwice, passed: passed, message: LocalizedMessage(
                    passed ? "eligibility.notFinalistTwice.ok" : "eligibility.notFinalistTwice.no",
                    finalistYears.isEmpty ? "—" : finalistYears.map(String.init).joined(separator: ", "))))
            case .replicatesNamedInnovation:
                outcomes.append(RuleOutcome(rule: .replicatesNamedInnovation, passed: facts.replicatesNamedInnovation,
                                            message: LocalizedMessage(facts.replicatesNamedInnovation ? "eligibility.replicates.ok" : "eligibility.replicates.no")))
            case .wasTopTierWinner:
                outcomes.append(RuleOutcome(rule: .wasTopTierWinner, passed: !topTier.isEmpty, message: topTier.isEmpty
                    ? LocalizedMessage("eligibility.wasTopTier.no")
                    : LocalizedMessage("eligibility.wasTopTier.ok", describe(topTier))))
            }
        }
        return outcomes
    }

    public static func isEligible(_ outcomes: [RuleOutcome]) -> Bool { outcomes.allSatisfy(\.passed) }

    /// Age counted from the implementation start to the close of registration, day-exact:
    /// N years are complete on the N-th anniversary (for a start on 29 February, on 1 March
    /// of a common year: the last day of February is not yet a full year).
    static func ageOutcome(_ start: CalendarDate?, years: Int, closes: CalendarDate) -> RuleOutcome {
        guard years > 0 else {
            return RuleOutcome(rule: .minimumAge, passed: true, message: LocalizedMessage("eligibility.age.none"))
        }
        guard let start else {
            return RuleOutcome(rule: .minimumAge, passed: false, message: LocalizedMessage("eligibility.age.noStart", String(years)))
        }
        let due = start.anniversary(years: years)
        let passed = due <= closes
        return RuleOutcome(rule: .minimumAge, passed: passed, message: LocalizedMessage(
            passed ? "eligibility.age.ok" : "eligibility.age.no",
            String(years), LocalizedMessage.day(start), LocalizedMessage.day(due), LocalizedMessage.day(closes),
            LocalizedMessage.count(passed ? 0 : closes.days(until: due))))
    }

    private static func describe(_ awards: [AwardRecord]) -> String {
        awards.sorted { $0.year < $1.year }.map { "\($0.editionName) — \($0.tierName)" }.joined(separator: "; ")
    }
}

extension CalendarDate {
    /// The same month and day `years` later; 29 February falls on 1 March in a common year.
    public func anniversary(years: Int) -> CalendarDate {
        let target = year + years
        if let same = CalendarDate(year: target, month: month, day: day) { return same }
        return CalendarDate(year: target, month: 3, day: 1)!
    }

    /// Days from this day to `other` (negative when `other` is earlier).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// Days since a fixed origin (civil-from-days algorithm), for differences between days.
    var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }
}
