import Foundation
import LumbungCore

/// The ranking of a stage as the page and the exports show it, built from `StageResult`.
struct RankingPage: Encodable {
    struct Row: Encodable {
        let proposalID: Int
        let rank: String
        let innovation: String
        let agency: String
        let category: String
        let group: String
        let count: Int
        let mean: String
        let median: String
        let sd: String
        let range: String
        let zFit: String
        let calibrated: String
        let official: String
        let flags: [String]
        let isFlagged: Bool
        let shortlisted: Bool
        let override: String
        let skipped: String
        let decidedBy: String
    }

    struct EvaluatorRow: Encodable {
        let name: String
        let count: Int
        let mean: String
        let sd: String
        let bias: String
        let agreement: String
        let treatment: String
        let flags: [String]
        let isFlagged: Bool
        // The chart: positions on a 0–300 axis.
        let y: Int
        let min: Int
        let q1: Int
        let median: Int
        let q3: Int
        let max: Int
        let meanX: Int
        let textY: Int
    }

    struct Reliability: Encodable {
        let label: String
        let value: String
        let band: String
        let interval: String
    }

    struct SortLink: Encodable {
        let key: String
        let label: String
        let href: String
        let isActive: Bool
    }

    let competitionID: Int
    let competition: String
    let stageName: String
    let path: String
    let phaseLabel: String
    let isProvisional: Bool
    let canManage: Bool
    let canOverride: Bool
    let basisChosen: String
    let basisUsed: String
    let fallback: String?
    let parts: Int
    let lambda: String
    let reliability: [Reliability]
    let quotaProblems: [String]
    let seats: [String]
    let cutoff: String
    let highestTotal: String?
    let shortlistCount: Int
    let rows: [Row]
    let evaluators: [EvaluatorRow]
    let chartHeight: Int
    let overallX: Int
    let sorts: [SortLink]
    let filter: String
    let page: Int
    let pages: Int
    let previousHref: String?
    let nextHref: String?
    let total: Int
    let flaggedCount: Int

    static func number(_ value: Double?, _ digits: Int = 1) -> String {
        value.map { IndonesianFormat.number($0, fractionDigits: digits) } ?? "—"
    }

    static func flagText(_ flag: DisagreementFlag, _ labels: Labels, _ definition: EditionDefinition) -> String {
        switch flag {
        case .criterionRange(let key, let range): return labels.t("flag.criterion", definition.criteria.first { $0.key == key }?.name ?? key, String(range))
        case .totalRange(let adjusted, let raw): return labels.t("flag.total", number(adjusted), number(raw))
        case .nearCutoff(let cutoff, let error): return labels.t("flag.cutoff", number(cutoff), number(error))
        }
    }

    static func evaluatorFlagText(_ flag: EvaluatorFlag, _ labels: Labels) -> String {
        switch flag {
        case .fewScores(let n): return labels.t("evaluatorFlag.few", String(n))
        case .flat(let sd): return labels.t("evaluatorFlag.flat", number(sd))
        case .unusualLeniency(let bias): return labels.t(bias < 0 ? "evaluatorFlag.harsh" : "evaluatorFlag.lenient", number(abs(bias)))
        }
    }

    static func tieText(_ step: TieBreak?, _ labels: Labels, _ definition: EditionDefinition) -> String {
        switch step {
        case nil, .score?: return ""
        case .criterion(let key)?: return labels.t("tie.criterion", definition.criteria.first { $0.key == key }?.name ?? key)
        case .median?: return labels.t("tie.median")
        case .scoreList?: return labels.t("tie.scoreList")
        case .smallerRange?: return labels.t("tie.range")
        case .committee?: return labels.t("tie.committee")
        case .lottery?: return labels.t("tie.lottery")
        }
    }

    static func skipText(_ skip: QuotaSelection.Skip?, _ labels: Labels) -> String {
        switch skip {
        case nil: return ""
        case .groupFull(let attribute, let value)?: return labels.t("skip.groupFull", labels.t("quotaAttribute.\(attribute)"), value)
        case .wouldBreakQuotas?: return labels.t("skip.quotas")
        }
    }

    static func fallbackText(_ fallback: BasisFallback?, _ labels: Labels, names: [Int: String]) -> String? {
        switch fallback {
        case nil: return nil
        case .evaluatorsWithFewScores(let ids)?: return labels.t("basis.fallbackFew", ids.map { names[Int($0)] ?? "#\($0)" }.joined(separator: ", "))
        case .disconnected(let parts)?: return labels.t("basis.fallbackDisconnected", String(parts))
        }
    }

    static func reliability(_ stage: StageReliability, _ labels: Labels) -> [Reliability] {
        func interval(_ range: ClosedRange<Double>?) -> String {
            range.map { labels.t("reliability.interval", number($0.lowerBound, 2), number($0.upperBound, 2)) } ?? ""
        }
        func band(_ value: Double?) -> String { value.map { labels.t("band.\(ReliabilityBand($0).rawValue)") } ?? "—" }
        return [
            Reliability(label: labels.t("reliability.icc1"), value: number(stage.raw?.single, 3), band: band(stage.raw?.single), interval: interval(stage.raw?.singleInterval)),
            Reliability(label: labels.t("reliability.icc1k"), value: number(stage.raw?.average, 3), band: band(stage.raw?.average), interval: interval(stage.raw?.averageInterval)),
            Reliability(label: labels.t("reliability.alpha"), value: number(stage.alphaRaw, 3), band: band(stage.alphaRaw), interval: ""),
            Reliability(label: labels.t("reliability.icc1z"), value: number(stage.onZ?.single, 3), band: band(stage.onZ?.single), interval: interval(stage.onZ?.singleInterval)),
            Reliability(label: labels.t("reliability.alphaz"), value: number(stage.alphaOnZ, 3), band: band(stage.alphaOnZ), interval: ""),
        ]
    }

    /// Quartiles by linear interpolation, for the distribution chart.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    static func x(_ value: Double) -> Int { Int((max(0, min(100, value)) * 3).rounded()) }

    static func evaluatorRows(_ result: StageResult, names: [Int: String], labels: Labels) -> [EvaluatorRow] {
        result.evaluators.enumerated().map { index, evaluator in
            let sorted = evaluator.totals.sorted()
            return EvaluatorRow(
                name: names[Int(evaluator.id)] ?? "#\(evaluator.id)", count: evaluator.count, mean: number(evaluator.mean),
                sd: number(evaluator.standardDeviation), bias: (evaluator.bias >= 0 ? "+" : "−") + number(abs(evaluator.bias)),
                agreement: number(evaluator.agreement, 2), treatment: labels.t("zTreatment.\(evaluator.treatment.rawValue)"),
                flags: evaluator.flags.map { evaluatorFlagText($0, labels) }, isFlagged: !evaluator.flags.isEmpty,
                y: 10 + index * 24, min: x(sorted.first ?? 0), q1: x(quantile(sorted, 0.25)), median: x(quantile(sorted, 0.5)),
                q3: x(quantile(sorted, 0.75)), max: x(sorted.last ?? 0), meanX: x(evaluator.mean), textY: 24 + index * 24)
        }
    }
}
