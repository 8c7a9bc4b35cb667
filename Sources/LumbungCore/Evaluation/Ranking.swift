import Crypto
import Foundation

/// The published lottery of the last tie-break: SHA-256 of "seed:label" in lower-case hex,
/// the lower ticket first. Anyone with the seed can redo it with `sha256sum`.
public enum Lottery {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func ticket(seed: String, label: String) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data("\(seed):\(label)".utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

/// What a proposal brings to the ranking: its official score and what the tie key of §4.1
/// compares after it.
public struct RankingCandidate: Equatable, Sendable {
    public let id: Int64
    /// The official 0–100 score (raw mean, or the calibrated score when the edition chose it).
    public let score: Double
    /// Mean rescaled score (0–100) per criterion, highest-weighted first.
    public let criterionScores: [(key: String, value: Double)]
    public let median: Double
    /// Each evaluator's total.
    public let totals: [Double]

    public init(id: Int64, score: Double, criterionScores: [(key: String, value: Double)], median: Double, totals: [Double]) {
        self.id = id
        self.score = score
        self.criterionScores = criterionScores
        self.median = median
        self.totals = totals
    }

    public static func == (a: RankingCandidate, b: RankingCandidate) -> Bool {
        a.id == b.id && a.score == b.score && a.median == b.median && a.totals == b.totals
            && a.criterionScores.map(\.key) == b.criterionScores.map(\.key) && a.criterionScores.map(\.value) == b.criterionScores.map(\.value)
    }

    public var range: Double { (totals.max() ?? 0) - (totals.min() ?? 0) }
}

/// Which step of the tie key put a proposal ahead of the next one.
public enum TieBreak: Equatable, Sendable {
    case score
    case criterion(String)
    case median
    case scoreList
    case smallerRange
    case committee
    case lottery
}

/// The ranking of a stage with, for every place, the step of the key that decided it against
/// the proposal below. The key is the edition's rule, not a choice made after the scores.
public struct Ranking: Equatable, Sendable {
    public struct Place: Equatable, Sendable {
        public let rank: Int
        public let candidate: RankingCandidate
        /// How this proposal was separated from the next one (nil for the last).
        public let decidedAgainstNext: TieBreak?
    }

    public let places: [Place]
    public let lotterySeed: String

    /// - Parameters:
    ///   - committeeOrder: a recorded committee decision for proposals still tied (lower first).
    public init(_ candidates: [RankingCandidate], lotterySeed: String, committeeOrder: [Int64: Int] = [:]) {
        self.lotterySeed = lotterySeed
        let lottery = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, Ranking.lotteryTicket(seed: lotterySeed, id: $0.id)) })
        let sorted = candidates.sorted { Ranking.compare($0, $1, committeeOrder, lottery).ahead }
        places = sorted.enumerated().map { position, candidate in
            let next = position + 1 < sorted.count ? sorted[position + 1] : nil
            return Place(rank: position + 1, candidate: candidate,
                         decidedAgainstNext: next.map { Ranking.compare(candidate, $0, committeeOrder, lottery).step })
        }
    }

    /// Scores are compared at one decimal, so that floating-point noise never decides.
    public static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    /// The lottery ticket of a proposal: the last step of the key.
    public static func lotteryTicket(seed: String, id: Int64) -> String { Lottery.ticket(seed: seed, label: String(id)) }

    static func compare(_ a: RankingCandidate, _ b: RankingCandidate, _ committee: [Int64: Int], _ lottery: [Int64: String]) -> (ahead: Bool, step: TieBreak) {
        let scoreA = rounded(a.score), scoreB = rounded(b.score)
        if scoreA != scoreB { return (scoreA > scoreB, .score) }
        for (criterionA, criterionB) in zip(a.criterionScores, b.criterionScores) {
            let x = rounded(criterionA.value), y = rounded(criterionB.value)
            if x != y { return (x > y, .criterion(criterionA.key)) }
        }
        let medianA = rounded(a.median), medianB = rounded(b.median)
        if medianA != medianB { return (medianA > medianB, .median) }
        let listA = a.totals.map(rounded).sorted(by: >), listB = b.totals.map(rounded).sorted(by: >)
        for (x, y) in zip(listA, listB) where x != y { return (x > y, .scoreList) }
        if listA.count != listB.count { return (listA.count > listB.count, .scoreList) }
        let rangeA = rounded(a.range), rangeB = rounded(b.range)
        if rangeA != rangeB { return (rangeA < rangeB, .smallerRange) }
        if let x = committee[a.id], let y = committee[b.id], x != y { return (x < y, .committee) }
        let ticketA = lottery[a.id] ?? "", ticketB = lottery[b.id] ?? ""
        if ticketA != ticketB { return (ticketA < ticketB, .lottery) }
        return (a.id < b.id, .lottery)
    }
}
